// OpenStreetMap tags → everyday facility category and type: the one rules table for the importer and the live path.

import type { CategoryId } from './feature';

/**
 * The rules, first match wins (an element gets at most one category). Everything matched must also pass
 * `isPublic` (`access=private|no` stays out) and the river condition where marked.
 *
 * | OSM tags                                               | category         | facility_type    | condition  |
 * |--------------------------------------------------------|------------------|------------------|------------|
 * | railway=station + station=subway                       | metro            | metro_station    |            |
 * | leisure=fitness_station                                | fitness_site     | fitness_station  |            |
 * | leisure=stadium                                        | fitness_site     | stadium          |            |
 * | leisure=sports_centre                                  | fitness_site     | sports_centre    |            |
 * | leisure=pitch, sport=basketball                        | fitness_site     | basketball       |            |
 * | leisure=pitch, sport=soccer                            | fitness_site     | football         |            |
 * | leisure=pitch, sport=badminton                         | fitness_site     | badminton        |            |
 * | leisure=pitch, sport=table_tennis                      | fitness_site     | table_tennis     |            |
 * | leisure=pitch, sport=tennis                            | fitness_site     | tennis           |            |
 * | leisure=pitch, any other or no sport                   | fitness_site     | pitch            |            |
 * | leisure=track, unless sport is a motor/animal sport     | fitness_site     | track            |            |
 * | leisure=swimming_pool                                  | fitness_site     | swimming_pool    |            |
 * | leisure=park                                           | park             | park             |            |
 * | place=square                                           | park             | square           |            |
 * | amenity=library                                        | library          | library          |            |
 * | amenity=coworking_space                                | library          | coworking_space  |            |
 * | amenity=community_centre + community_centre=youth_centre | community_centre | youth_centre   |            |
 * | amenity=community_centre                               | community_centre | community_centre |            |
 * | amenity=university                                     | university       | university       |            |
 * | amenity=college                                        | university       | college          |            |
 * | amenity=marketplace                                    | night_market     | marketplace      |            |
 * | name contains 夜市 / 美食街 / 小吃街 (+ amenity or highway) | night_market     | food_street      |            |
 * | man_made=bridge                                        | riverside        | bridge           | near river |
 * | bridge=yes + highway + name                            | riverside        | bridge           | near river |
 * | tourism=viewpoint                                      | riverside        | viewpoint        | near river |
 * | tourism=attraction                                     | riverside        | attraction       | near river |
 * | historic=monument / memorial / castle / city_gate      | riverside        | landmark         | near river |
 *
 * `sport=*` may list several sports (`basketball;soccer`): the first one listed decides. Bridges made of
 * several named ways share a `bridgeKey`; src/lib/bridge_join.ts splits them into bridges (parts within 100 m).
 */
export interface EverydayMatch {
  category: CategoryId;
  facility_type: FacilityType;
  /** Only within a set distance of the Yellow River (the caller holds the river). */
  nearRiver: boolean;
}

/** Facility types and the names that describe them, used for facilities OSM has no name for. */
export const FACILITY_TYPES = {
  metro_station: { zh: '地铁站', en: 'Metro station' },
  fitness_station: { zh: '室外健身点', en: 'Outdoor fitness station' },
  stadium: { zh: '体育场', en: 'Stadium' },
  sports_centre: { zh: '体育馆', en: 'Sports centre' },
  basketball: { zh: '篮球场', en: 'Basketball court' },
  football: { zh: '足球场', en: 'Football pitch' },
  badminton: { zh: '羽毛球场', en: 'Badminton court' },
  table_tennis: { zh: '乒乓球台', en: 'Table tennis' },
  tennis: { zh: '网球场', en: 'Tennis court' },
  pitch: { zh: '运动场', en: 'Sports pitch' },
  track: { zh: '跑道', en: 'Running track' },
  swimming_pool: { zh: '游泳池', en: 'Swimming pool' },
  park: { zh: '公园', en: 'Park' },
  square: { zh: '广场', en: 'Square' },
  library: { zh: '图书馆', en: 'Library' },
  coworking_space: { zh: '自习与共享办公空间', en: 'Study and co-working space' },
  youth_centre: { zh: '青少年活动中心', en: 'Youth centre' },
  community_centre: { zh: '社区活动中心', en: 'Community centre' },
  university: { zh: '大学', en: 'University' },
  college: { zh: '学院', en: 'College' },
  marketplace: { zh: '市场', en: 'Market' },
  food_street: { zh: '夜市美食街', en: 'Night market / food street' },
  food_cluster: { zh: '餐饮聚集区', en: 'Cluster of eateries' },
  bridge: { zh: '桥梁', en: 'Bridge' },
  viewpoint: { zh: '观景点', en: 'Viewpoint' },
  attraction: { zh: '景点', en: 'Attraction' },
  landmark: { zh: '地标', en: 'Landmark' },
} as const satisfies Record<string, { zh: string; en: string }>;
export type FacilityType = keyof typeof FACILITY_TYPES;

/** Tags of one OSM element. */
export type Tags = Readonly<Record<string, string | undefined>>;

const SPORT_TYPES: Readonly<Record<string, FacilityType>> = {
  basketball: 'basketball',
  soccer: 'football',
  badminton: 'badminton',
  table_tennis: 'table_tennis',
  tennis: 'tennis',
};
/** Track sports that are not a place to run or exercise on foot. */
const NOT_FITNESS_TRACK = new Set(['motor', 'karting', 'motocross', 'horse_racing', 'rc_car', 'dog_racing']);
const LANDMARK_HISTORIC = new Set(['monument', 'memorial', 'castle', 'city_gate']);
/** Name words of night markets and food streets. Kept literal: no regex quantifiers over untrusted text. */
export const FOOD_STREET_WORDS = ['夜市', '美食街', '小吃街'] as const;
const NOT_PUBLIC = new Set(['private', 'no']);

const match = (category: CategoryId, facility_type: FacilityType, nearRiver = false): EverydayMatch => ({
  category,
  facility_type,
  nearRiver,
});

/** The first sport listed in `sport=*`, trimmed. */
export function firstSport(tags: Tags): string | undefined {
  const s = tags.sport?.split(';')[0]?.trim();
  return s ? s : undefined;
}

/** Whether the element is open to the public (`access=private|no` is not). */
export function isPublic(tags: Tags): boolean {
  return !NOT_PUBLIC.has(tags.access?.trim() ?? '');
}

function isFoodStreetName(name: string | undefined): boolean {
  return name !== undefined && FOOD_STREET_WORDS.some((w) => name.includes(w));
}

/**
 * The everyday category and facility type of an element's tags, or null when no rule matches.
 * Does not apply the access filter or the river condition (see `isPublic`, `EverydayMatch.nearRiver`).
 */
export function classifyTags(tags: Tags): EverydayMatch | null {
  if (tags.railway === 'station' && tags.station === 'subway') return match('metro', 'metro_station');
  const leisure = tags.leisure;
  if (leisure === 'fitness_station') return match('fitness_site', 'fitness_station');
  if (leisure === 'stadium') return match('fitness_site', 'stadium');
  if (leisure === 'sports_centre') return match('fitness_site', 'sports_centre');
  if (leisure === 'pitch') return match('fitness_site', SPORT_TYPES[firstSport(tags) ?? ''] ?? 'pitch');
  if (leisure === 'track') {
    const sport = firstSport(tags);
    return sport && NOT_FITNESS_TRACK.has(sport) ? null : match('fitness_site', 'track');
  }
  if (leisure === 'swimming_pool') return match('fitness_site', 'swimming_pool');
  if (leisure === 'park') return match('park', 'park');
  if (tags.place === 'square') return match('park', 'square');
  const amenity = tags.amenity;
  if (amenity === 'library') return match('library', 'library');
  if (amenity === 'coworking_space') return match('library', 'coworking_space');
  if (amenity === 'community_centre')
    return match(
      'community_centre',
      tags.community_centre === 'youth_centre' ? 'youth_centre' : 'community_centre',
    );
  if (amenity === 'university') return match('university', 'university');
  if (amenity === 'college') return match('university', 'college');
  if (amenity === 'marketplace') return match('night_market', 'marketplace');
  if ((amenity || tags.highway) && isFoodStreetName(tags.name)) return match('night_market', 'food_street');
  if (tags.man_made === 'bridge') return match('riverside', 'bridge', true);
  if (tags.bridge === 'yes' && tags.highway && tags.name?.trim()) return match('riverside', 'bridge', true);
  if (tags.tourism === 'viewpoint') return match('riverside', 'viewpoint', true);
  if (tags.tourism === 'attraction') return match('riverside', 'attraction', true);
  if (LANDMARK_HISTORIC.has(tags.historic ?? '')) return match('riverside', 'landmark', true);
  return null;
}

/**
 * Overpass filters that select every element `classifyTags` can match (a superset: the rules decide).
 * Each is the part after `nwr`, `way` or `node`, e.g. `nwr["leisure"="park"]`; the caller adds the area.
 */
export const OVERPASS_SELECTORS: readonly string[] = [
  'nwr["railway"="station"]["station"="subway"]',
  'nwr["leisure"~"^(fitness_station|stadium|sports_centre|pitch|track|swimming_pool|park)$"]',
  'nwr["place"="square"]',
  'nwr["amenity"~"^(library|coworking_space|community_centre|university|college|marketplace)$"]',
  `nwr["amenity"]["name"~"${FOOD_STREET_WORDS.join('|')}"]`,
  `way["highway"]["name"~"${FOOD_STREET_WORDS.join('|')}"]`,
  'nwr["man_made"="bridge"]',
  'way["bridge"="yes"]["highway"]["name"]',
  'nwr["tourism"~"^(viewpoint|attraction)$"]',
  'nwr["historic"~"^(monument|memorial|castle|city_gate)$"]',
];

/**
 * Names from OSM: Chinese from `name:zh` (or `name:zh-Hans`), else `name` (Chinese in Lanzhou), else
 * `name:en`; English from `name:en`, else `name`, else the Chinese name. An unnamed facility is named by
 * what it is ("篮球场 / Basketball court"), never given an invented proper name; `named` says which.
 */
export function facilityNames(
  tags: Tags,
  type: FacilityType,
): { name_zh: string; name_en: string; named: boolean } {
  const clean = (v: string | undefined) => (v && v.trim() !== '' ? v.trim() : undefined);
  const zh = clean(tags['name:zh']) ?? clean(tags['name:zh-Hans']);
  const plain = clean(tags.name);
  const en = clean(tags['name:en']);
  const name_zh = zh ?? plain ?? en;
  const name_en = en ?? plain ?? zh;
  if (name_zh && name_en) return { name_zh, name_en, named: true };
  const d = FACILITY_TYPES[type];
  return { name_zh: d.zh, name_en: d.en, named: false };
}

/** Bridges drawn as several named ways are one bridge: the key that joins them (null: keep as is). */
export function bridgeKey(m: EverydayMatch, tags: Tags): string | null {
  if (m.facility_type !== 'bridge') return null;
  const name = tags.name?.trim();
  return name ? `bridge:${name}` : null;
}

/** Localised name of a facility type; undefined for an unknown type (data from an older import). */
export function facilityTypeName(type: string | undefined, lang: 'zh' | 'en'): string | undefined {
  if (!type || !(type in FACILITY_TYPES)) return undefined;
  return FACILITY_TYPES[type as FacilityType][lang];
}
