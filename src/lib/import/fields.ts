// Column / property names and values as users write them (经度, lng, 名称, 已建成, 城关区) → the feature model's.

import { CATALOG } from '../../catalog';
import { type CategoryId, LANZHOU_DISTRICTS, type Status } from '../feature';

/** The fields a user file may carry, after alias resolution. `name` is split by script; `lnglat` is "lon,lat". */
export const FIELDS = [
  'id',
  'name_zh',
  'name_en',
  'name',
  'category',
  'district',
  'status',
  'lon',
  'lat',
  'lnglat',
  'crs',
  'accuracy_m',
  'source_title',
  'source_url',
  'source_date',
  'address_zh',
  'opening_hours',
  'description_zh',
  'description_en',
  'units',
  'length_m',
] as const;
export type Field = (typeof FIELDS)[number];

/**
 * Accepted spellings per field, compared after `normaliseKey`. Deliberately absent: `type` (GeoJSON tools
 * use it for all sorts of things), 位置 (often an address, not coordinates), bare `x`/`y` are kept
 * because GIS exports use them for lon/lat.
 */
const ALIASES: Record<Field, readonly string[]> = {
  id: ['id', 'fid', '编号', '序号', 'identifier'],
  name_zh: [
    'name_zh',
    'namezh',
    'name:zh',
    '名称',
    '名字',
    '中文名',
    '中文名称',
    '设施名称',
    '地点名称',
    '场所名称',
  ],
  name_en: ['name_en', 'name:en', 'english name', 'englishname', '英文名', '英文名称'],
  name: ['name', 'title', '名'],
  category: ['category', 'layer', 'kind', '类别', '类型', '图层', '分类'],
  district: ['district', 'adcode', '区县', '区县代码', '所在区县', '行政区', '区'],
  status: ['status', '状态', '建设状态'],
  lon: ['lon', 'lng', 'long', 'longitude', 'x', '经度', '东经'],
  lat: ['lat', 'latitude', 'y', '纬度', '北纬'],
  lnglat: ['lnglat', 'lonlat', 'coordinates', 'coordinate', 'coords', '坐标', '经纬度'],
  crs: ['crs', 'srs', 'datum', '坐标系'],
  accuracy_m: ['accuracy_m', 'accuracy', '精度', '精度米', '精度(米)', '位置精度'],
  source_title: ['source_title', 'source', '来源', '数据来源', '出处'],
  source_url: ['source_url', 'url', 'link', 'website', '链接', '网址'],
  source_date: ['source_date', 'date', '日期'],
  address_zh: ['address_zh', 'address', 'addr', '地址', '详细地址'],
  opening_hours: ['opening_hours', 'hours', '开放时间', '营业时间'],
  description_zh: ['description_zh', 'description', 'desc', '描述', '简介', '说明', '备注'],
  description_en: ['description_en', '英文描述', '英文简介'],
  units: ['units', '套数', '房源', '房源数'],
  length_m: ['length_m', 'length', '长度', '长度米', '长度(米)'],
};

const NORMALISED = new Map<string, string>();

/**
 * Folds full-width letters (NFKC), case, and separators so that "Name_ZH", "name-zh", "ｎａｍｅ ｚｈ" and
 * "名称（中文）" compare by their letters.
 */
export function normaliseKey(key: string): string {
  let out = NORMALISED.get(key);
  if (out === undefined) {
    out = key
      .normalize('NFKC')
      .toLowerCase()
      .replace(/[\s_\-:.()（）[\]【】]/g, '');
    // Keys and category/status/district values repeat on every record: remember them (bounded, since
    // the values are untrusted and could all differ).
    if (NORMALISED.size > 10_000) NORMALISED.clear();
    NORMALISED.set(key, out);
  }
  return out;
}

const BY_KEY = new Map<string, Field>();
const EXACT = new Set<string>(FIELDS);
for (const field of FIELDS) for (const alias of ALIASES[field]) BY_KEY.set(normaliseKey(alias), field);

/** The field a column header or property key stands for, or null. */
export function fieldOf(key: string): Field | null {
  return BY_KEY.get(normaliseKey(key)) ?? null;
}

/** Spellings users list for each field (for "missing column lon (经度, lng, …)" messages). */
export function aliasesOf(field: Field): readonly string[] {
  return ALIASES[field];
}

/**
 * Maps header cells to fields. A cell spelled exactly like a field (e.g. `name_zh`) beats an alias of the
 * same field (e.g. `名称`); otherwise the leftmost column wins.
 * @returns field → column index
 */
export function mapColumns(header: readonly string[]): Map<Field, number> {
  const out = new Map<Field, number>();
  header.forEach((cell, i) => {
    const field = fieldOf(cell);
    if (!field) return;
    const exact = EXACT.has(cell.trim());
    const prev = out.get(field);
    if (prev === undefined || (exact && !EXACT.has((header[prev] ?? '').trim()))) out.set(field, i);
  });
  return out;
}

const STATUS_ALIASES: Record<string, Status> = {};
for (const [status, words] of Object.entries({
  existing: [
    'existing',
    'open',
    'built',
    '已建成',
    '建成',
    '现有',
    '已有',
    '开放',
    '运营',
    '运营中',
    '已开放',
  ],
  planned: ['planned', 'plan', 'proposed', '规划', '规划中', '计划', '拟建', '待建'],
  under_construction: [
    'under_construction',
    'under construction',
    'construction',
    '在建',
    '建设中',
    '施工中',
  ],
}) as [Status, string[]][]) {
  for (const w of words) STATUS_ALIASES[normaliseKey(w)] = status;
}

/** "已建成" / "in construction" / "planned" → the model's status, or null when unrecognised. */
export function parseStatus(value: string): Status | null {
  return STATUS_ALIASES[normaliseKey(value)] ?? null;
}

const CATEGORY_ALIASES = new Map<string, CategoryId>();
for (const layer of CATALOG) {
  if (layer.derived) continue;
  for (const w of [layer.id, layer.name_zh, layer.name_en]) CATEGORY_ALIASES.set(normaliseKey(w), layer.id);
}

/** A category id, or a layer's Chinese or English name from the catalog → id; null when unrecognised. */
export function parseCategory(value: string): CategoryId | null {
  return CATEGORY_ALIASES.get(normaliseKey(value)) ?? null;
}

const DISTRICT_ALIASES = new Map<string, string>();
for (const [code, names] of Object.entries(LANZHOU_DISTRICTS)) {
  const short = names.zh.replace(/[区县]$/, '');
  for (const w of [code, names.zh, short, names.en, `${names.en} district`, `${names.en} county`]) {
    DISTRICT_ALIASES.set(normaliseKey(w), code);
  }
}

/** "620102" / "城关区" / "城关" / "Chengguan" → adcode; null when it names no district of Lanzhou. */
export function parseDistrict(value: string): string | null {
  return DISTRICT_ALIASES.get(normaliseKey(value)) ?? null;
}

/** True when the text contains a CJK ideograph (decides whether a bare `name` is Chinese or English). */
export function hasCjk(text: string): boolean {
  return /[\u3400-\u9fff\uf900-\ufaff]/.test(text);
}
