import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseFacilityCsv } from './csv_features';
import type { MapFeature } from './feature';
import { buildSearchIndex, type SearchResult, search, searchEntriesFromFeatures } from './search';
import { buildTypeIndex, MIN_TYPE_QUERY, searchWithTypes, typeEntries } from './search_by_type';
import { PinyinCache } from './search_index';

// The real shipped metro stations (OSM, ODbL), plus invented test facilities near them: names and types
// chosen to exercise the rules, not a claim about real places.
const metro = parseFacilityCsv(
  readFileSync(new URL('../../data/metro_stations.csv', import.meta.url), 'utf8'),
  { file: 'metro_stations.csv' },
).features;
const point = (
  id: string,
  category: MapFeature['properties']['category'],
  facility_type: string,
  name_zh: string,
  name_en: string,
  lon: number,
  lat: number,
): MapFeature => ({
  type: 'Feature',
  geometry: { type: 'Point', coordinates: [lon, lat] },
  properties: {
    id,
    category,
    facility_type,
    name_zh,
    name_en,
    district: '620102',
    status: 'existing',
    source: { title: 'test' },
    accuracy_m: 10,
  },
});
const TEST = [
  point('court-far', 'fitness_site', 'basketball', '东岗运动公园', 'Donggang Sports Park', 103.92, 36.04),
  point('court-near', 'fitness_site', 'basketball', '滨河体育场', 'Binhe Playground', 103.83, 36.06),
  point('court-named', 'fitness_site', 'basketball', '篮球公园', 'Hoop Park', 103.7, 36.1),
  point('pitch', 'fitness_site', 'football', '足球场', 'Football pitch', 103.831, 36.061),
  point('lib', 'library', 'library', '城关区图书馆', 'Chengguan Library', 103.85, 36.05),
  point('cowork', 'library', 'coworking_space', '创客空间', 'Maker Hub', 103.84, 36.055),
];
const features = [...metro, ...TEST];
const CENTRE = [103.834, 36.061] as const;
const index = buildSearchIndex(searchEntriesFromFeatures(features));
const types = buildTypeIndex(index);
const run = (q: string, limit = 40, lang: 'zh' | 'en' = 'zh') =>
  searchWithTypes(index, types, q, { limit, lang, centre: CENTRE });
const ids = (rs: SearchResult[]) => rs.map((r) => r.id);

/** Brute force: the features of a facility type, nearest CENTRE first (same flat metric, ties by id). */
function nearestOfType(pred: (f: MapFeature) => boolean): string[] {
  const k = Math.cos((CENTRE[1] * Math.PI) / 180);
  const d = (f: MapFeature) => {
    const [x, y] = f.geometry.coordinates as [number, number];
    return ((x - CENTRE[0]) * k) ** 2 + (y - CENTRE[1]) ** 2;
  };
  return features
    .filter(pred)
    .sort((a, b) => d(a) - d(b) || (a.properties.id < b.properties.id ? -1 : 1))
    .map((f) => f.properties.id);
}

describe('searchWithTypes', () => {
  it('has a type entry for every facility category and facility type', () => {
    const t = typeEntries().map((e) => e.id);
    expect(t).toContain('category:metro');
    expect(t).toContain('type:metro_station');
    expect(t).toContain('type:basketball');
    expect(t).not.toContain('category:metro_line'); // not a facility
    expect(t).not.toContain('category:district');
  });

  it('finds every metro station for 地铁 / metro / ditie / dtz, nearest the map centre first', () => {
    const expected = nearestOfType((f) => f.properties.category === 'metro');
    expect(expected).toHaveLength(27);
    for (const q of ['地铁', '地铁站', 'metro', 'Metro station', 'ditie', 'dtz']) {
      const rs = run(q);
      expect(ids(rs), q).toEqual(expected);
      expect(rs[0]!.via?.entry.kind, q).toBe('type');
    }
    // 省气象局 "Gansu Meteorological Bureau" is one edit from "metro": as a station it keeps its place by
    // distance instead of jumping ahead as a name match with a typo.
    expect(search(index, 'metro', { limit: 5 }).map((r) => [r.id, r.match])).toContainEqual([
      'osm-node-6563942021',
      'fuzzy',
    ]);
    // Shown in the results: why a station matched "metro".
    const first = run('metro')[0]!;
    expect(first.via!.highlight.field).toBe('name_en');
  });

  it('lists name matches first, then the facilities of the type nearest the centre', () => {
    for (const q of ['篮球', 'lanqiu']) {
      const rs = run(q);
      expect(ids(rs), q).toEqual(['court-named', 'court-near', 'court-far']);
      expect(rs[0]!.via, q).toBeUndefined(); // 篮球公园 matched by its name
      expect(rs[1]!.via?.entry.id, q).toBe('type:basketball');
    }
    // No name holds these: all three courts by type, nearest first.
    const byType = nearestOfType((f) => f.properties.facility_type === 'basketball');
    expect(byType).toEqual(['court-near', 'court-far', 'court-named']);
    for (const q of ['basketball', 'Basketball court', '篮球场', 'lqc'])
      expect(ids(run(q)), q).toEqual(byType);
    expect(ids(run('篮球'))).not.toContain('pitch');
  });

  it('uses only the best tier of type names: 图书馆 is the type library, 图书馆与自习 the whole category', () => {
    for (const q of ['图书馆', 'library', 'tushuguan']) expect(ids(run(q)), q).toEqual(['lib']);
    expect(ids(run('图书馆与自习'))).toEqual(nearestOfType((f) => f.properties.category === 'library'));
    expect(ids(run('Libraries and study'))).toEqual(['cowork', 'lib']);
  });

  it('keeps to the limit, leaves plain name search alone, and ignores one-character type words', () => {
    expect(run('地铁', 5)).toHaveLength(5);
    expect(ids(run('地铁', 5))).toEqual(nearestOfType((f) => f.properties.category === 'metro').slice(0, 5));
    expect(run('五里铺')).toEqual(search(index, '五里铺', { limit: 40, lang: 'zh' }));
    expect(MIN_TYPE_QUERY).toBe(2);
    expect(ids(run('篮'))).toEqual(ids(search(index, '篮', { limit: 40 })));
    expect(run('')).toEqual([]);
  });
});

describe('rebuilding the index (live features arrive)', () => {
  it('reuses the pinyin of unchanged names and searches exactly like a fresh build', () => {
    const cache = new PinyinCache();
    buildSearchIndex(searchEntriesFromFeatures(metro), cache);
    expect(cache.reused).toBe(0);
    const first = cache.computed;
    expect(first).toBeGreaterThan(27); // station names and the eight districts
    const rebuilt = buildSearchIndex(searchEntriesFromFeatures(features), cache);
    // Only the six new names needed pinyin; everything else came from the cache.
    expect(cache.computed).toBe(TEST.length);
    expect(cache.reused).toBe(first);
    const fresh = buildSearchIndex(searchEntriesFromFeatures(features));
    for (const q of ['五里铺', 'wlp', 'xiguan', 'Wulipu', '篮球', 'lanqiu', 'Libary', '地铁']) {
      expect(search(rebuilt, q, { limit: 20 }), q).toEqual(search(fresh, q, { limit: 20 }));
      const a = searchWithTypes(rebuilt, buildTypeIndex(rebuilt), q, { limit: 20, centre: CENTRE });
      const b = searchWithTypes(fresh, buildTypeIndex(fresh), q, { limit: 20, centre: CENTRE });
      expect(a, q).toEqual(b);
    }
    // A name that disappears is dropped from the cache: it holds the last build only.
    buildSearchIndex(searchEntriesFromFeatures(TEST), cache);
    expect(cache.reused).toBe(TEST.length + 8);
    buildSearchIndex(searchEntriesFromFeatures(metro), cache);
    expect(cache.computed).toBe(27);
  });
});
