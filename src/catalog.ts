// The layer catalog: one typed entry per map layer — names, geometry kind, colour, icon glyph, draw order.

import type { CategoryId } from './lib/feature';

export type GeometryKind = 'point' | 'line' | 'polygon' | 'point_or_polygon' | 'route' | 'derived';

/**
 * Which kind of layer: `everyday` facilities exist whoever runs them (OpenStreetMap, cited sources);
 * `designation` layers are what the 2024 work points promise, filled only by a source tying a site to
 * the plan (an OSM park is a park, not a 青年主题公园); `reference` is context (district boundaries).
 */
export type LayerFamily = 'everyday' | 'designation' | 'reference';
export const LAYER_FAMILIES: readonly LayerFamily[] = ['everyday', 'designation', 'reference'];

export interface LayerEntry {
  id: CategoryId;
  name_zh: string;
  name_en: string;
  /** One-line explanation shown in the legend's tooltip. */
  blurb_zh: string;
  blurb_en: string;
  geometry: GeometryKind;
  family: LayerFamily;
  /** Fill / stroke colour (hex). Chosen for ≥3:1 contrast against both day and night basemaps. */
  color: string;
  /** A single character drawn on the marker, so colour is not the only cue. */
  glyph: string;
  /** Higher draws on top. */
  order: number;
  /** Shown when the app first opens. */
  visibleByDefault: boolean;
  /** Computed layers have no stored features (fitness_circle is derived from fitness sites). */
  derived?: boolean;
  /** A facility that residents can search and walk to (boundaries and routes are not). */
  facility: boolean;
}

export const CATALOG: readonly LayerEntry[] = [
  {
    id: 'district',
    name_zh: '区县边界',
    name_en: 'District boundaries',
    blurb_zh: '兰州市八个区县',
    blurb_en: 'The eight districts and counties of Lanzhou',
    family: 'reference',
    geometry: 'polygon',
    color: '#6b7280',
    glyph: '',
    order: 0,
    visibleByDefault: true,
    facility: false,
  },
  {
    id: 'fitness_circle',
    name_zh: '一刻钟健身圈',
    name_en: '15-minute fitness circle',
    blurb_zh: '步行15分钟可达健身场地的范围',
    blurb_en: 'Areas within a 15-minute walk of a fitness site',
    family: 'designation',
    geometry: 'derived',
    color: '#16a34a',
    glyph: '',
    order: 1,
    visibleByDefault: false,
    derived: true,
    facility: false,
  },
  {
    id: 'park',
    family: 'everyday',
    name_zh: '公园广场',
    name_en: 'Parks and squares',
    blurb_zh: '公园、广场（OpenStreetMap 等来源）',
    blurb_en: 'Parks and public squares (OpenStreetMap and other sources)',
    geometry: 'point_or_polygon',
    color: '#4d7c0f',
    glyph: '公',
    order: 10,
    visibleByDefault: true,
    facility: true,
  },
  {
    id: 'fitness_site',
    name_zh: '运动健身',
    name_en: 'Fitness and sports',
    blurb_zh: '室外健身点、体育场馆、篮球/足球/羽毛球/乒乓球/网球场、跑道、游泳池',
    blurb_en:
      'Outdoor fitness stations, sports centres, basketball/football/badminton/table-tennis/tennis pitches, tracks, pools',
    family: 'everyday',
    geometry: 'point_or_polygon',
    color: '#0f766e',
    glyph: '体',
    order: 11,
    visibleByDefault: true,
    facility: true,
  },
  {
    id: 'library',
    family: 'everyday',
    name_zh: '图书馆与自习',
    name_en: 'Libraries and study spaces',
    blurb_zh: '公共图书馆、自习室与共享办公空间',
    blurb_en: 'Public libraries, study rooms and co-working spaces',
    geometry: 'point_or_polygon',
    color: '#1d4ed8',
    glyph: '图',
    order: 12,
    visibleByDefault: true,
    facility: true,
  },
  {
    id: 'community_centre',
    family: 'everyday',
    name_zh: '社区与青年活动中心',
    name_en: 'Community and youth centres',
    blurb_zh: '社区活动中心、青少年活动中心',
    blurb_en: 'Community centres and youth centres',
    geometry: 'point_or_polygon',
    color: '#0e7490',
    glyph: '活',
    order: 13,
    visibleByDefault: true,
    facility: true,
  },
  {
    id: 'university',
    family: 'everyday',
    name_zh: '高校',
    name_en: 'Universities and colleges',
    blurb_zh: '大学、学院与高职院校',
    blurb_en: 'Universities, colleges and vocational colleges',
    geometry: 'point_or_polygon',
    color: '#6d28d9',
    glyph: '学',
    order: 14,
    visibleByDefault: true,
    facility: true,
  },
  {
    id: 'metro',
    family: 'everyday',
    name_zh: '地铁站',
    name_en: 'Metro stations',
    blurb_zh: '兰州轨道交通1、2号线车站',
    blurb_en: 'Stations of Lanzhou Metro Lines 1 and 2',
    geometry: 'point',
    color: '#b91c1c',
    glyph: '铁',
    order: 15,
    visibleByDefault: true,
    facility: true,
  },
  {
    id: 'metro_line',
    family: 'everyday',
    name_zh: '地铁线路',
    name_en: 'Metro lines',
    blurb_zh: '兰州轨道交通1、2号线（OpenStreetMap 轨道）',
    blurb_en: 'Lanzhou Metro Lines 1 and 2 (OpenStreetMap tracks)',
    geometry: 'line',
    // One colour for both lines: validation keeps only known properties, so a feature cannot carry its
    // line's own colour; slate keeps ≥3:1 on both basemaps and leaves the station red to the stations.
    color: '#64748b',
    glyph: '',
    order: 9,
    visibleByDefault: true,
    facility: false,
  },
  {
    id: 'night_market',
    family: 'everyday',
    name_zh: '夜市与美食街',
    name_en: 'Night markets and food streets',
    blurb_zh: '市场、夜市、美食街与餐饮聚集处',
    blurb_en: 'Markets, night markets, food streets and clusters of eateries',
    geometry: 'point_or_polygon',
    color: '#a21caf',
    glyph: '市',
    order: 16,
    visibleByDefault: true,
    facility: true,
  },
  {
    id: 'riverside',
    family: 'everyday',
    name_zh: '黄河沿岸景点',
    name_en: 'Yellow River sights',
    blurb_zh: '黄河沿岸的观景点、桥梁与地标',
    blurb_en: 'Viewpoints, bridges and landmarks along the Yellow River',
    geometry: 'point_or_polygon',
    color: '#0284c7',
    glyph: '景',
    order: 17,
    visibleByDefault: true,
    facility: true,
  },
  {
    id: 'night_zone',
    name_zh: '夜间青年文旅消费集聚区',
    name_en: 'Night-economy zones',
    blurb_zh: '夜赏、夜游、夜宴、夜娱、夜购',
    blurb_en: 'Night markets, food streets and evening culture',
    family: 'designation',
    geometry: 'point_or_polygon',
    color: '#7c3aed',
    glyph: '夜',
    order: 22,
    visibleByDefault: true,
    facility: true,
  },
  {
    id: 'youth_block',
    name_zh: '青年发展型街区/园区',
    name_en: 'Youth development blocks',
    blurb_zh: '科创园、奥体中心、岚沐文体旅产业园、兰州老街等',
    blurb_en: 'Science park, Olympic centre, Lanmu park, Lanzhou Old Street and others',
    family: 'designation',
    geometry: 'point_or_polygon',
    color: '#b45309',
    glyph: '街',
    order: 23,
    visibleByDefault: true,
    facility: true,
  },
  {
    id: 'youth_park',
    name_zh: '青年主题公园',
    name_en: 'Youth parks',
    blurb_zh: '规划的青年主题公园（游园）：只收录来源指明为此的场地',
    blurb_en: "The plan's youth theme parks: only sites a source names as such",
    family: 'designation',
    geometry: 'point_or_polygon',
    color: '#15803d',
    glyph: '园',
    order: 24,
    visibleByDefault: true,
    facility: true,
  },
  {
    id: 'fitness_trail',
    name_zh: '青年健身步道',
    name_en: 'Youth fitness trail',
    blurb_zh: '黄河风情线沿线的健身步道',
    blurb_en: 'Fitness trail along the Yellow River scenic line',
    family: 'designation',
    geometry: 'line',
    color: '#ea580c',
    glyph: '',
    order: 25,
    visibleByDefault: true,
    facility: true,
  },
  {
    id: 'night_route',
    name_zh: '夜游黄河风情线',
    name_en: 'Yellow River night-tour routes',
    blurb_zh: '青年夜游打卡路线',
    blurb_en: 'Night-tour check-in routes',
    family: 'designation',
    geometry: 'route',
    color: '#db2777',
    glyph: '',
    order: 26,
    visibleByDefault: true,
    facility: false,
  },
  {
    id: 'youth_community',
    name_zh: '青年友好型社区',
    name_en: 'Youth-friendly communities',
    blurb_zh: '不少于20家',
    blurb_en: 'At least 20 planned',
    family: 'designation',
    geometry: 'point_or_polygon',
    color: '#2563eb',
    glyph: '社',
    order: 28,
    visibleByDefault: true,
    facility: true,
  },
  {
    id: 'youth_housing',
    name_zh: '青年（人才）公寓',
    name_en: 'Youth and talent apartments',
    blurb_zh: '保障性租赁住房、青年人才驿站、共有产权住房',
    blurb_en: 'Affordable rentals, talent stations, shared-ownership housing',
    family: 'designation',
    geometry: 'point',
    color: '#c2410c',
    glyph: '寓',
    order: 29,
    visibleByDefault: true,
    facility: true,
  },
  {
    id: 'youth_home',
    name_zh: '青年之家',
    name_en: 'Youth homes',
    blurb_zh: '共青团实体阵地',
    blurb_en: 'Communist Youth League community centres',
    family: 'designation',
    geometry: 'point',
    color: '#dc2626',
    glyph: '家',
    order: 30,
    visibleByDefault: true,
    facility: true,
  },
  {
    id: 'job_station',
    name_zh: '大学生就业创业服务工作站',
    name_en: 'Graduate job and start-up stations',
    blurb_zh: '计划建设25家',
    blurb_en: '25 planned',
    family: 'designation',
    geometry: 'point',
    color: '#4f46e5',
    glyph: '业',
    order: 31,
    visibleByDefault: true,
    facility: true,
  },
  {
    id: 'study_room',
    name_zh: '青年城市书房',
    name_en: 'Youth city study room',
    blurb_zh: '计划建设1座',
    blurb_en: 'One planned',
    family: 'designation',
    geometry: 'point',
    color: '#0369a1',
    glyph: '书',
    order: 32,
    visibleByDefault: true,
    facility: true,
  },
  {
    id: 'night_school',
    name_zh: '青年夜校',
    name_en: 'Youth night schools',
    blurb_zh: '夜间剧场、讲座沙龙、特长培训',
    blurb_en: 'Evening theatre, talks and classes',
    family: 'designation',
    geometry: 'point',
    color: '#9333ea',
    glyph: '校',
    order: 33,
    visibleByDefault: true,
    facility: true,
  },
  {
    id: 'checkin_spot',
    name_zh: '黄河打卡点',
    name_en: 'Yellow River check-in spots',
    blurb_zh: '中山桥等黄河风情线打卡点',
    blurb_en: 'Zhongshan Bridge and other spots on the Yellow River scenic line',
    family: 'designation',
    geometry: 'point',
    color: '#be123c',
    glyph: '卡',
    order: 34,
    visibleByDefault: true,
    facility: true,
  },
];

const BY_ID = new Map(CATALOG.map((entry) => [entry.id, entry]));

/** The catalog entry of a category; throws for an id not in the catalog (a programming error). */
export function layerOf(id: CategoryId): LayerEntry {
  const entry = BY_ID.get(id);
  if (!entry) throw new Error(`No catalog entry for ${id}`);
  return entry;
}

/** Catalog entries of one family, in catalog order. */
export function layersOfFamily(family: LayerFamily): LayerEntry[] {
  return CATALOG.filter((e) => e.family === family);
}

/** Localised layer name. */
export function layerName(id: CategoryId, lang: 'zh' | 'en'): string {
  const entry = layerOf(id);
  return lang === 'zh' ? entry.name_zh : entry.name_en;
}
