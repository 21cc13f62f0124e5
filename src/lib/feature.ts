// The shared data model: the properties every shipped or imported feature carries.

/**
 * Layer / category ids. Everyday facilities first (what exists, whoever runs it: OSM and cited sources),
 * then the plan's designations (only a source tying a site to the 2024 work points fills them).
 * `fitness_circle` is derived (computed coverage), never stored.
 */
export const CATEGORY_IDS = [
  'park',
  'library',
  'community_centre',
  'university',
  'metro',
  'metro_line',
  'night_market',
  'riverside',
  'youth_park',
  'fitness_trail',
  'fitness_site',
  'fitness_circle',
  'youth_community',
  'youth_housing',
  'night_zone',
  'night_route',
  'checkin_spot',
  'youth_block',
  'youth_home',
  'job_station',
  'study_room',
  'night_school',
  'district',
] as const;
export type CategoryId = (typeof CATEGORY_IDS)[number];

export const STATUSES = ['existing', 'planned', 'under_construction'] as const;
export type Status = (typeof STATUSES)[number];

/** Source title of everything taken from OpenStreetMap (the ODbL credit starts with it). */
export const OSM_CONTRIBUTORS = 'OpenStreetMap contributors';

/** Where a feature comes from. `date` is ISO (YYYY or YYYY-MM-DD). */
export interface SourceRef {
  title: string;
  date?: string;
  url?: string;
}

/** County-level adcodes of 兰州市. */
export const LANZHOU_DISTRICTS = {
  '620102': { zh: '城关区', en: 'Chengguan' },
  '620103': { zh: '七里河区', en: 'Qilihe' },
  '620104': { zh: '西固区', en: 'Xigu' },
  '620105': { zh: '安宁区', en: 'Anning' },
  '620111': { zh: '红古区', en: 'Honggu' },
  '620121': { zh: '永登县', en: 'Yongdeng' },
  '620122': { zh: '皋兰县', en: 'Gaolan' },
  '620123': { zh: '榆中县', en: 'Yuzhong' },
} as const;
export type DistrictCode = keyof typeof LANZHOU_DISTRICTS;

/** District name for an adcode in 'zh' or 'en'; the code itself when unknown. */
export function districtName(code: string, lang: 'zh' | 'en'): string {
  return LANZHOU_DISTRICTS[code as DistrictCode]?.[lang] ?? code;
}

/** Properties of every feature (DESIGN.md §3). */
export interface FeatureProps {
  id: string;
  category: CategoryId;
  name_zh: string;
  name_en: string;
  /** County-level adcode, e.g. "620102". */
  district: string;
  status: Status;
  source: SourceRef;
  /** Honest positional accuracy in metres. */
  accuracy_m: number;
  address_zh?: string;
  /** OSM opening_hours syntax; absent when unknown, never guessed. */
  opening_hours?: string;
  description_zh?: string;
  description_en?: string;
  /** Housing: number of apartments. */
  units?: number;
  /** Trails: length in metres. */
  length_m?: number;
  /** Id of the plan target (data/plan_targets.json) this feature fulfils, when a source says so. */
  plan_target?: string;
  /**
   * What kind of facility within its category (`basketball`, `square`, `youth_centre`…): see
   * FACILITY_TYPES in src/lib/osm/rules.ts. Everyday facilities only; absent when unknown.
   */
  facility_type?: string;
}

export type Position = [number, number];
export type Geometry =
  | { type: 'Point'; coordinates: Position }
  | { type: 'LineString'; coordinates: Position[] }
  | { type: 'MultiLineString'; coordinates: Position[][] }
  | { type: 'Polygon'; coordinates: Position[][] }
  | { type: 'MultiPolygon'; coordinates: Position[][][] };

export interface MapFeature<G extends Geometry = Geometry> {
  type: 'Feature';
  id?: string | number;
  geometry: G;
  properties: FeatureProps;
}

export interface MapFeatureCollection {
  type: 'FeatureCollection';
  features: MapFeature[];
}
