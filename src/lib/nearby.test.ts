import distance from '@turf/distance';
import { describe, expect, it } from 'vitest';
import { DETOUR_FACTOR, WALK_SPEED_M_PER_MIN } from '../config';
import type { CategoryId, MapFeature, Status } from './feature';
import { fitnessCircleAnswer, prepareNearby, rankNearby, summarise } from './nearby';
import { createWalkEngine } from './walk/engine';
import { rng } from './walk/test_support';

// Deterministic pseudo-random facilities around central Lanzhou (test data, not real places).
const CATS: CategoryId[] = ['fitness_site', 'youth_park', 'youth_housing', 'checkin_spot'];
function fixture(n: number, seed = 7): MapFeature[] {
  const r = rng(seed);
  return Array.from({ length: n }, (_, i) => ({
    type: 'Feature' as const,
    geometry: {
      type: 'Point' as const,
      coordinates: [103.8 + r() * 0.06, 36.04 + r() * 0.04] as [number, number],
    },
    properties: {
      id: `f${i}`,
      category: CATS[i % CATS.length] as CategoryId,
      name_zh: `测试${i}`,
      name_en: `Test ${i}`,
      district: '620102',
      status: (i % 5 === 0 ? 'planned' : 'existing') as Status,
      source: { title: 'test' },
      accuracy_m: 10,
    },
  }));
}

describe('nearby', () => {
  const features = fixture(400);
  const index = prepareNearby(createWalkEngine(null), features);
  const origin: [number, number] = [103.83, 36.06];

  it('ranks by walking time exactly as a brute-force estimate would', () => {
    const cats: CategoryId[] = ['fitness_site', 'youth_park'];
    const rows = rankNearby(index, origin, { categories: cats, maxMinutes: 20, limit: 1000 });
    const brute = features
      .filter((f) => cats.includes(f.properties.category))
      .map((f) => {
        const metres =
          distance(origin, f.geometry.coordinates as [number, number], { units: 'meters' }) * DETOUR_FACTOR;
        return { id: f.properties.id, minutes: metres / WALK_SPEED_M_PER_MIN };
      })
      .filter((x) => x.minutes <= 20)
      .sort((a, b) => a.minutes - b.minutes);
    expect(rows.map((r) => r.feature.properties.id)).toEqual(brute.map((b) => b.id));
    for (const [i, r] of rows.entries()) expect(r.minutes).toBeCloseTo(brute[i]!.minutes, 3);
    expect(rows.every((r) => r.method === 'estimate')).toBe(true);
  });

  it('honours the limit and keeps the fastest', () => {
    const all = rankNearby(index, origin, { categories: CATS, maxMinutes: 60, limit: 1000 });
    const top = rankNearby(index, origin, { categories: CATS, maxMinutes: 60, limit: 5 });
    expect(top).toEqual(all.slice(0, 5));
  });

  it('summarises counts within 5/10/15 minutes per category, cumulatively', () => {
    const rows = rankNearby(index, origin, { categories: CATS, maxMinutes: 15, limit: 1000 });
    const summary = summarise(rows, CATS);
    for (const s of summary) {
      const mine = rows.filter((r) => r.feature.properties.category === s.category);
      expect(s.within).toEqual([5, 10, 15].map((b) => mine.filter((r) => r.minutes <= b).length));
      expect(s.within[0]! <= s.within[1]! && s.within[1]! <= s.within[2]!).toBe(true);
      expect(s.nearest?.feature.properties.id).toBe(mine[0]?.feature.properties.id);
    }
  });

  it('answers the fitness-circle question with existing sites only', () => {
    const rows = rankNearby(index, origin, { categories: CATS, maxMinutes: 60, limit: 1000 });
    const answer = fitnessCircleAnswer(rows);
    const firstExisting = rows.find(
      (r) => r.feature.properties.category === 'fitness_site' && r.feature.properties.status === 'existing',
    );
    expect(answer.nearest).toBe(firstExisting);
    expect(answer.inside).toBe((firstExisting?.minutes ?? 99) <= 15);
    const onlyPlanned = rows.filter((r) => r.feature.properties.status === 'planned');
    expect(fitnessCircleAnswer(onlyPlanned)).toEqual({ inside: false, nearest: null });
  });
});
