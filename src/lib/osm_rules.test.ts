import { describe, expect, it } from 'vitest';
import { CATALOG } from '../catalog';
import {
  bridgeKey,
  classifyTags,
  FACILITY_TYPES,
  facilityNames,
  facilityTypeName,
  firstSport,
  isPublic,
  OVERPASS_SELECTORS,
} from './osm_rules';

describe('classifyTags', () => {
  it('sorts pitches by their first listed sport', () => {
    expect(classifyTags({ leisure: 'pitch', sport: 'basketball' })?.facility_type).toBe('basketball');
    expect(classifyTags({ leisure: 'pitch', sport: 'soccer;basketball' })?.facility_type).toBe('football');
    expect(classifyTags({ leisure: 'pitch', sport: ' table_tennis ' })?.facility_type).toBe('table_tennis');
    expect(classifyTags({ leisure: 'pitch', sport: 'boules' })?.facility_type).toBe('pitch');
    expect(classifyTags({ leisure: 'pitch' })).toEqual({
      category: 'fitness_site',
      facility_type: 'pitch',
      nearRiver: false,
    });
  });

  it('keeps motor racing tracks out and running tracks in', () => {
    expect(classifyTags({ leisure: 'track', sport: 'motor' })).toBeNull();
    expect(classifyTags({ leisure: 'track', sport: 'running' })?.facility_type).toBe('track');
    expect(classifyTags({ leisure: 'track' })?.category).toBe('fitness_site');
  });

  it('puts parks and squares in the everyday park layer, never in the plan designation', () => {
    expect(classifyTags({ leisure: 'park', name: '青年公园' })?.category).toBe('park');
    expect(classifyTags({ place: 'square' })?.facility_type).toBe('square');
    for (const type of Object.keys(FACILITY_TYPES)) expect(type).not.toBe('youth_park');
  });

  it('classifies the other everyday kinds', () => {
    expect(classifyTags({ railway: 'station', station: 'subway' })?.category).toBe('metro');
    expect(classifyTags({ railway: 'station' })).toBeNull();
    expect(classifyTags({ amenity: 'library' })?.category).toBe('library');
    expect(
      classifyTags({ amenity: 'community_centre', community_centre: 'youth_centre' })?.facility_type,
    ).toBe('youth_centre');
    expect(classifyTags({ amenity: 'college' })).toMatchObject({
      category: 'university',
      facility_type: 'college',
    });
    expect(classifyTags({ amenity: 'marketplace' })?.category).toBe('night_market');
    expect(classifyTags({ highway: 'pedestrian', name: '正宁路夜市' })?.facility_type).toBe('food_street');
    expect(classifyTags({ name: '正宁路夜市' })).toBeNull();
    expect(classifyTags({ tourism: 'viewpoint' })).toEqual({
      category: 'riverside',
      facility_type: 'viewpoint',
      nearRiver: true,
    });
    expect(classifyTags({ highway: 'footway', bridge: 'yes' })).toBeNull();
    expect(classifyTags({ highway: 'primary', bridge: 'yes', name: '中山桥' })?.facility_type).toBe('bridge');
    expect(classifyTags({ historic: 'memorial' })?.facility_type).toBe('landmark');
    expect(classifyTags({ shop: 'bakery' })).toBeNull();
  });

  it('gives every match an everyday catalog category', () => {
    const everyday = new Set(CATALOG.filter((e) => e.family === 'everyday').map((e) => e.id));
    const samples = [
      { leisure: 'stadium' },
      { leisure: 'swimming_pool' },
      { amenity: 'coworking_space' },
      { amenity: 'university' },
      { man_made: 'bridge' },
      { tourism: 'attraction' },
    ];
    for (const tags of samples)
      expect(everyday.has(classifyTags(tags)!.category), JSON.stringify(tags)).toBe(true);
  });
});

describe('access, names and sports', () => {
  it('keeps private and no-access facilities out', () => {
    expect(isPublic({ access: 'private' })).toBe(false);
    expect(isPublic({ access: 'no' })).toBe(false);
    expect(isPublic({ access: 'customers' })).toBe(true);
    expect(isPublic({})).toBe(true);
  });

  it('names unnamed facilities by what they are, never with an invented name', () => {
    expect(facilityNames({ leisure: 'pitch' }, 'basketball')).toEqual({
      name_zh: '篮球场',
      name_en: 'Basketball court',
      named: false,
    });
    expect(facilityNames({ name: '五泉山公园', 'name:en': 'Wuquan Park' }, 'park')).toEqual({
      name_zh: '五泉山公园',
      name_en: 'Wuquan Park',
      named: true,
    });
    expect(facilityNames({ name: 'X', 'name:zh': '甲' }, 'park')).toMatchObject({
      name_zh: '甲',
      name_en: 'X',
    });
    expect(facilityNames({ name: '  ' }, 'fitness_station').name_en).toBe('Outdoor fitness station');
  });

  it('reads the first sport and joins bridge ways by name', () => {
    expect(firstSport({ sport: ';' })).toBeUndefined();
    const m = classifyTags({ highway: 'primary', bridge: 'yes', name: '中山桥' })!;
    expect(bridgeKey(m, { name: '中山桥' })).toBe('bridge:中山桥');
    expect(bridgeKey(classifyTags({ tourism: 'viewpoint' })!, { name: 'x' })).toBeNull();
    expect(facilityTypeName('tennis', 'zh')).toBe('网球场');
    expect(facilityTypeName('nope', 'en')).toBeUndefined();
  });

  it('has an Overpass selector for every key the rules read', () => {
    const text = OVERPASS_SELECTORS.join(' ');
    for (const key of [
      'railway',
      'leisure',
      'place',
      'amenity',
      'highway',
      'man_made',
      'bridge',
      'tourism',
      'historic',
    ])
      expect(text).toContain(`"${key}"`);
  });
});
