// One user-supplied record (CSV row or GeoJSON feature) → a validated WGS-84 feature, forgiving where honest.

import { LANZHOU_BBOX } from '../../config';
import { type Crs, toWgs84 } from '../crs';
import type { CategoryId, FeatureProps, MapFeature, Position } from '../feature';
import { type Lang, translate } from '../i18n';
import {
  DEFAULT_DISTRICT_TOLERANCE_M,
  displayValue,
  type Issue,
  isSafeUrl,
  MAX_STRING_LENGTH,
  validateFeature,
} from '../validate';
import type { ImportDistrictLookup } from './district_index';
import { type Field, hasCjk, parseCategory, parseDistrict, parseStatus } from './fields';
import { MAX_NUMBER_LENGTH, parseDecimal } from './number';
import { NUMBER_KEY } from './number_keys';

/** Properties of an imported feature: the model's, marked as a user import. NaN accuracy means unknown. */
export type ImportedProps = FeatureProps & { user_import: true; import_file: string };
export type ImportedFeature = MapFeature & { properties: ImportedProps };

/** A record as read from the file: fields by their resolved name; `source` may be a GeoJSON object. */
export type UserRecord = Partial<Record<Field | 'source', unknown>>;

export type Where = NonNullable<Issue['where']>;

/** State shared by all records of one file. */
export interface UserFileContext {
  file: string;
  lang: Lang;
  /** Layer for records without a category of their own. */
  category?: CategoryId;
  districts?: ImportDistrictLookup;
  checkOpeningHours?: (value: string) => boolean;
  /** Id → where it was first seen (a location, or `import.loaded` for ids already on the map). */
  seenIds: Map<string, Where>;
  /** Records that needed a default, reported once per file. */
  counts: { statusAssumed: number; accuracyUnknown: number; sourceMissing: number };
  /** A comma between digits in a number field is a decimal mark (CSV not separated by commas). */
  decimalComma?: boolean;
  /** Work-unit counter for progress and the time budget (see ValidateOptions.tick). */
  tick?: (units: number) => void;
}

const fmt = (p: Position) => `[${+p[0].toFixed(6)}, ${+p[1].toFixed(6)}]`;
const isPosition = (v: unknown): v is number[] =>
  Array.isArray(v) &&
  v.length >= 2 &&
  v.length <= 3 &&
  v.every((x) => typeof x === 'number' && Number.isFinite(x));

/** Converts every well-formed position to WGS-84; malformed ones stay as they are for the validator to name. */
function convertCoordinates(value: unknown, crs: Crs, depth = 0): unknown {
  if (isPosition(value)) {
    const [lon, lat] = value as [number, number];
    if (Math.abs(lon) > 180 || Math.abs(lat) > 90) return value;
    const out = toWgs84(lon, lat, crs);
    return value.length === 3 ? [out[0], out[1], value[2]] : out;
  }
  if (Array.isArray(value) && depth < 4) return value.map((v) => convertCoordinates(v, crs, depth + 1));
  return value;
}

/** The first well-formed position of a geometry's coordinates (depth-first), or null. */
export function firstPosition(value: unknown, depth = 0): Position | null {
  if (isPosition(value)) return [value[0] as number, value[1] as number];
  if (!Array.isArray(value) || depth >= 4) return null;
  for (const v of value) {
    const p = firstPosition(v, depth + 1);
    if (p) return p;
  }
  return null;
}

/** A geometry read in `crs`, converted to WGS-84; a one-point MultiPoint becomes a Point (lossless). */
export function toWgs84Geometry(geometry: unknown, crs: Crs): unknown {
  if (geometry === null || typeof geometry !== 'object' || !('coordinates' in geometry)) return geometry;
  const g = geometry as { type?: unknown; coordinates: unknown };
  // WGS-84 needs no conversion: the parsed arrays are the importer's own, so they are kept, not copied.
  const convert = (c: unknown) => (crs === 'WGS84' ? c : convertCoordinates(c, crs));
  if (g.type === 'MultiPoint' && Array.isArray(g.coordinates) && g.coordinates.length === 1) {
    return { type: 'Point', coordinates: convert(g.coordinates[0]) };
  }
  return { type: g.type, coordinates: convert(g.coordinates) };
}

/** Dates longer than this are not dates; the cap comes before any regex (a 1 MB "date" took minutes). */
const MAX_DATE_LENGTH = 40;

/** Parses "2024", "2024-03", "2024-3-19", "2024/03/19", "2024.3.19", "2024年3月19日" → ISO, else null. */
export function parseSourceDate(value: string | number): string | null {
  const s = String(value).trim();
  if (s.length > MAX_DATE_LENGTH) return null;
  // Each optional part starts with a separator, so no two unbounded quantifiers compete for the same spaces.
  const m = /^(\d{4})(?:\s*[-/.年]\s*(\d{1,2})(?:\s*[-/.月]\s*(\d{1,2})(?:\s*日)?|\s*月)?)?$/.exec(s);
  if (!m) return null;
  const [, y, mo, d] = m;
  if (mo !== undefined && (+mo < 1 || +mo > 12)) return null;
  if (d !== undefined && (+d < 1 || +d > 31)) return null;
  return [y, mo?.padStart(2, '0'), d?.padStart(2, '0')].filter(Boolean).join('-');
}

const inBox = ([lon, lat]: Position) =>
  lon >= LANZHOU_BBOX[0] && lon <= LANZHOU_BBOX[2] && lat >= LANZHOU_BBOX[1] && lat <= LANZHOU_BBOX[3];

/**
 * Builds and validates one user feature. Defaults applied (each reported): a missing id is generated
 * (`<file>#<n>`), a duplicate id renamed, a missing status taken as existing, a missing accuracy kept as
 * unknown (NaN), a missing source replaced by "user import: <file>", a missing district looked up from
 * the point. Values that would be unsafe or unusable are dropped with a warning (non-http links,
 * unparseable dates and opening hours); over-long text is cut to MAX_STRING_LENGTH characters.
 * Everything else (coordinates, geometry, unknown category or status) is an error that rejects the record.
 * @param rec the record's fields as read
 * @param geometry GeoJSON geometry in `crs` (positions in degrees)
 * @param crs the CRS of `geometry`
 * @param where where the record is, for messages
 * @param n 1-based record number, used for generated ids
 */
export function buildUserFeature(
  rec: UserRecord,
  geometry: unknown,
  crs: Crs,
  where: Where,
  n: number,
  ctx: UserFileContext,
): { feature: ImportedFeature | null; issues: Issue[] } {
  const issues: Issue[] = [];
  const warn = (key: Issue['key'], params: Issue['params'] = {}, refs?: Issue['refs']) =>
    issues.push({ severity: 'warning', key, params, where, ...(refs ? { refs } : {}) });
  const error = (key: Issue['key'], params: Issue['params'] = {}) =>
    issues.push({ severity: 'error', key, params, where });

  const text = (field: string, value: unknown): unknown => {
    if (value === undefined || value === null) return undefined;
    if (typeof value === 'number' && Number.isFinite(value)) return String(value);
    if (typeof value !== 'string') return value;
    let s = value.trim();
    if (s === '') return undefined;
    if (s.length > MAX_STRING_LENGTH) {
      warn('import.string_truncated', { field, length: s.length, max: MAX_STRING_LENGTH });
      s = s.slice(0, MAX_STRING_LENGTH);
      // Do not leave half of a surrogate pair at the end.
      if (/[\uD800-\uDBFF]$/.test(s)) s = s.slice(0, -1);
    }
    return s;
  };
  // Strict: decimal only (no 0x67), finite, a comma only where it can only be a decimal mark.
  const num = (field: string, value: unknown): unknown => {
    if (typeof value === 'number' && !Number.isFinite(value) && !Number.isNaN(value)) {
      error('import.err.number_overflow', { field, value: String(value) });
      return undefined;
    }
    if (typeof value !== 'string') return value ?? undefined;
    const s = value.trim();
    if (s === '') return undefined;
    const r = parseDecimal(s, { decimalComma: ctx.decimalComma === true });
    if ('value' in r) return r.value;
    if (r.problem === 'text') return s.slice(0, 40);
    error(NUMBER_KEY[r.problem], { field, value: s.slice(0, MAX_NUMBER_LENGTH) });
    return undefined;
  };

  const g = toWgs84Geometry(geometry, crs);
  const anchor =
    g && typeof g === 'object' ? firstPosition((g as { coordinates?: unknown }).coordinates) : null;

  // Names: name_zh / name_en, else a bare `name` by its script; one fills in for the other.
  const bare = text('name', rec.name);
  let nameZh = text('name_zh', rec.name_zh);
  let nameEn = text('name_en', rec.name_en);
  if (typeof bare === 'string') {
    if (nameZh === undefined && hasCjk(bare)) nameZh = bare;
    else if (nameEn === undefined && !hasCjk(bare)) nameEn = bare;
  }
  nameZh ??= nameEn;
  nameEn ??= nameZh;

  // Ids: given, else generated; a repeat is renamed rather than dropped, so no row is lost.
  let id = text('id', rec.id);
  if (id === undefined) id = `${ctx.file}#${n}`;
  if (typeof id === 'string') {
    const first = ctx.seenIds.get(id);
    if (first !== undefined) {
      let k = 2;
      while (ctx.seenIds.has(`${id}-${k}`)) k++;
      warn('import.duplicate_id', { value: id, id: `${id}-${k}` }, { other: first });
      id = `${id}-${k}`;
    }
  }

  const rawCategory = text('category', rec.category);
  const category =
    typeof rawCategory === 'string'
      ? (parseCategory(rawCategory) ?? rawCategory)
      : (rawCategory ?? ctx.category);

  const rawStatus = text('status', rec.status);
  let status = typeof rawStatus === 'string' ? (parseStatus(rawStatus) ?? rawStatus) : rawStatus;
  const statusMissing = status === undefined;
  if (statusMissing) status = 'existing';

  const rawDistrict = text('district', rec.district);
  let district = typeof rawDistrict === 'string' ? (parseDistrict(rawDistrict) ?? rawDistrict) : rawDistrict;
  const districtGiven = district !== undefined;
  if (!districtGiven && anchor && inBox(anchor) && ctx.districts) {
    district = ctx.districts.districtNear(anchor[0], anchor[1], DEFAULT_DISTRICT_TOLERANCE_M) ?? undefined;
  }

  const accuracy = num('accuracy_m', rec.accuracy_m);

  // Source: a GeoJSON `source` object or flat source_* fields.
  const srcObj =
    rec.source !== null && typeof rec.source === 'object' ? (rec.source as Record<string, unknown>) : {};
  const title = text(
    'source.title',
    rec.source_title ?? srcObj.title ?? (typeof rec.source === 'string' ? rec.source : undefined),
  );
  const url = text('source.url', rec.source_url ?? srcObj.url);
  const date = rec.source_date ?? srcObj.date;
  const source: Record<string, unknown> = {
    title: title ?? translate(ctx.lang, 'import.source_user', { file: ctx.file }),
  };
  if (url !== undefined) {
    if (typeof url === 'string' && isSafeUrl(url)) source.url = url;
    else warn('import.url_removed', { value: displayValue(url).slice(0, 80) });
  }
  if (date !== undefined && date !== null && displayValue(date).trim() !== '') {
    const iso = typeof date === 'string' || typeof date === 'number' ? parseSourceDate(date) : null;
    if (iso) source.date = iso;
    else warn('import.date_dropped', { value: displayValue(date).slice(0, 40).replace(/\s+/g, ' ') });
  }

  const properties: Record<string, unknown> = {
    id,
    category,
    name_zh: nameZh,
    name_en: nameEn,
    district,
    status,
    source,
    accuracy_m: accuracy,
  };
  for (const k of ['address_zh', 'description_zh', 'description_en'] as const) {
    const v = text(k, rec[k]);
    if (v !== undefined) properties[k] = v;
  }
  const hours = text('opening_hours', rec.opening_hours);
  if (hours !== undefined) {
    if (typeof hours === 'string' && ctx.checkOpeningHours && !ctx.checkOpeningHours(hours)) {
      warn('import.hours_dropped', { value: hours.slice(0, 60) });
    } else {
      properties.opening_hours = hours;
    }
  }
  for (const k of ['units', 'length_m'] as const) {
    const v = num(k, rec[k]);
    if (v !== undefined) properties[k] = v;
  }

  const nameMissing = nameZh === undefined;
  const categoryMissing = category === undefined;
  const r = validateFeature({ type: 'Feature', geometry: g, properties }, where, {
    file: ctx.file,
    // A looked-up district agrees with the point by construction; only a stated one needs checking.
    districts: districtGiven ? ctx.districts : undefined,
    reportWinding: true,
    allowUnknownAccuracy: true,
    tick: ctx.tick,
  });
  // Replace the validator's generic complaints about fields the user may leave out with specific ones.
  const geometryFailed = r.issues.some(
    (i) =>
      i.severity === 'error' && !/^err\.(field|category|status|district|url|opening|nesting)/.test(i.key),
  );
  for (const i of r.issues) {
    if (nameMissing && i.key === 'err.field_missing' && /^name_/.test(String(i.params.field))) continue;
    if (categoryMissing && i.key === 'err.category') continue;
    if (!districtGiven && i.key === 'err.district') continue;
    issues.push(i);
  }
  if (nameMissing) error('err.field_missing', { field: 'name_zh / name_en' });
  if (categoryMissing) error('err.field_missing', { field: 'category' });
  if (!districtGiven && district === undefined && !geometryFailed) {
    if (anchor && ctx.districts) error('err.outside_lanzhou', { value: fmt(anchor) });
    else if (!ctx.districts) error('err.field_missing', { field: 'district' });
  }
  if (!r.feature || issues.some((i) => i.severity === 'error')) return { feature: null, issues };

  ctx.seenIds.set(id as string, where);
  if (statusMissing) ctx.counts.statusAssumed++;
  if (Number.isNaN(r.feature.properties.accuracy_m)) ctx.counts.accuracyUnknown++;
  if (title === undefined) ctx.counts.sourceMissing++;
  // validateFeature built these objects afresh; marking them in place saves a copy per record.
  const feature = r.feature as ImportedFeature;
  feature.properties.user_import = true;
  feature.properties.import_file = ctx.file;
  return { feature, issues };
}
