// "Minutes to a metro station" on the shipped stations: nearby, coverage and the apartment scores are
// generic over facility categories; these check that the metro is one of them and is timed right.

import { readFileSync } from 'node:fs';
import distance from '@turf/distance';
import { describe, expect, it } from 'vitest';
import { DETOUR_FACTOR, WALK_SPEED_M_PER_MIN } from '../../config';
import { parseFacilityCsv } from '../csv_features';
import { NEARBY_CATEGORIES, prepareNearby, rankNearby } from '../nearby';
import { defaultState } from '../url_state';
import { createWalkEngine } from '../walk/engine';
import { EstimateWalkEngine } from '../walk/estimate_engine';
import { computeLayer } from './compute';
import { prepareCoverage } from './context';
import { buildGrid, districtShapes } from './grid';
import { COVERAGE_CATEGORIES } from './scenario_state';
import { type ApartmentInput, prepareScoreCategories, scoreApartments } from './scores';

const read = (rel: string) => readFileSync(new URL(rel, import.meta.url), 'utf8');
const stations = parseFacilityCsv(read('../../../data/metro_stations.csv'), {
  file: 'metro_stations.csv',
}).features;
const points = stations.map((f) => {
  const [lon, lat] = f.geometry.coordinates as [number, number];
  return { id: f.properties.id, name_zh: f.properties.name_zh, name_en: f.properties.name_en, lon, lat };
});
/** Independent of the engines: great-circle metres × the detour factor at walking speed. */
const minutesBetween = (a: readonly [number, number], b: readonly [number, number]) =>
  (distance([...a], [...b], { units: 'meters' }) * DETOUR_FACTOR) / WALK_SPEED_M_PER_MIN;

describe('minutes to a metro station', () => {
  it('is a category of nearby (on by default) and of coverage; the line layer is not', () => {
    expect(stations).toHaveLength(27);
    expect(NEARBY_CATEGORIES).toContain('metro');
    expect(COVERAGE_CATEGORIES).toContain('metro');
    expect(defaultState().nearbyCats).toContain('metro');
    expect(NEARBY_CATEGORIES).not.toContain('metro_line');
  });

  it('nearby ranks the stations as a brute-force estimate does', () => {
    const index = prepareNearby(createWalkEngine(null), stations);
    for (const origin of [
      [103.8545, 36.0515],
      [103.75, 36.07],
      [103.87, 36.045],
    ] as const) {
      const rows = rankNearby(index, [...origin], { categories: ['metro'], maxMinutes: 30, limit: 100 });
      const brute = points
        .map((p) => ({ id: p.id, minutes: minutesBetween(origin, [p.lon, p.lat]) }))
        .filter((b) => b.minutes <= 30)
        .sort((a, b) => a.minutes - b.minutes);
      expect(brute.length).toBeGreaterThan(0);
      expect(rows.map((r) => r.feature.properties.id)).toEqual(brute.map((b) => b.id));
      for (const [i, r] of rows.entries()) expect(r.minutes).toBeCloseTo(brute[i]!.minutes, 6);
    }
  });

  it('coverage times every cell of 城关 to its nearest station as brute force does', () => {
    const boundaries = JSON.parse(read('../../../data/boundaries/lanzhou_districts.geojson'));
    const grid = buildGrid(districtShapes(boundaries), ['620102'], { kind: 'square', sizeM: 500 });
    const ctx = prepareCoverage(new EstimateWalkEngine(), grid, 15);
    const layer = computeLayer(ctx, points);
    let covered = 0;
    for (let c = 0; c < grid.count; c++) {
      const cell = [grid.lon[c]!, grid.lat[c]!] as const;
      const best = Math.min(...points.map((p) => minutesBetween(cell, [p.lon, p.lat])));
      if (best <= 15) {
        covered++;
        expect(Math.abs(layer.minutes[c]! - best), `cell ${c}`).toBeLessThan(1e-3);
        const at = points[layer.source[c]!]!;
        expect(minutesBetween(cell, [at.lon, at.lat])).toBeCloseTo(best, 3);
      } else expect(layer.minutes[c], `cell ${c}`).toBe(Infinity);
    }
    // Some of 城关 is within 15 minutes of a station, most of the district (hills, outskirts) is not.
    expect(covered).toBeGreaterThan(20);
    expect(covered).toBeLessThan(grid.count);
  });

  it('apartment scores name the nearest station and count those in each band as brute force does', () => {
    const engine = new EstimateWalkEngine();
    const apartments: ApartmentInput[] = [
      [103.8545, 36.0515],
      [103.7, 36.095],
      [103.6, 36.2],
    ].map(([lon, lat], i) => ({
      id: `apt${i}`,
      name_zh: `测试公寓${i}`,
      name_en: `Test apartment ${i}`,
      lon: lon!,
      lat: lat!,
      district: '620102',
      status: 'existing',
    }));
    const cats = prepareScoreCategories(engine, [{ category: 'metro', facilities: points }]);
    const bands = [5, 10, 15];
    const scores = scoreApartments(engine, apartments, cats, bands, 60);
    for (const s of scores) {
      const metro = s.categories[0]!;
      const times = points
        .map((p) => ({ p, m: minutesBetween([s.apartment.lon, s.apartment.lat], [p.lon, p.lat]) }))
        .sort((a, b) => a.m - b.m);
      expect(metro.within).toEqual(bands.map((b) => times.filter((t) => t.m <= b).length));
      if (times[0]!.m <= 60) {
        expect(metro.nearest!.id).toBe(times[0]!.p.id);
        expect(metro.nearest!.minutes).toBeCloseTo(times[0]!.m, 6);
      } else expect(metro.nearest).toBeNull();
      expect(s.missing.includes('metro')).toBe(times[0]!.m > 15);
    }
    // Next to 兰州大学 station: within 5 minutes; far out in the hills: no station within the hour.
    expect(scores[0]!.categories[0]!.nearest!.name_zh).toBe('兰州大学');
    expect(scores[0]!.categories[0]!.within[0]).toBeGreaterThan(0);
    expect(scores[2]!.categories[0]!.nearest).toBeNull();
  });
});
