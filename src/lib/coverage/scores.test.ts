import { describe, expect, it } from 'vitest';
import { NetworkWalkEngine } from '../walk/engine';
import { EstimateWalkEngine } from '../walk/estimate_engine';
import { buildWalkGraph } from '../walk/graph';
import { type ApartmentInput, prepareScoreCategories, scoreApartments, sortScores } from './scores';
import { randomPoints, streetExtract } from './test_support';

const named = (prefix: string, seed: number, n: number) =>
  randomPoints(seed, n, prefix).map((p) => ({ ...p, name_zh: `设施${p.id}`, name_en: `Facility ${p.id}` }));

const apartments: ApartmentInput[] = randomPoints(50, 6, 'apt').map((p, i) => ({
  ...p,
  name_zh: ['乙', '甲', '丙', '丁', '戊', '己'][i]!,
  name_en: ['B', 'A', 'C', 'D', 'E', 'F'][i]!,
  district: i % 2 ? '620103' : '620102',
  status: 'existing',
}));

describe('scoreApartments', () => {
  for (const engine of [
    new EstimateWalkEngine(),
    new NetworkWalkEngine(buildWalkGraph(streetExtract(2)).graph, { maxSnapM: 60 }),
  ]) {
    it(`counts facilities per band and names the nearest, by brute force (${engine.method})`, () => {
      const parks = named('park', 1, 5);
      const cats = prepareScoreCategories(engine, [
        { category: 'youth_park', facilities: parks },
        { category: 'study_room', facilities: [] },
      ]);
      const bands = [2, 5, 8];
      const scores = scoreApartments(engine, apartments, cats, bands, 30);
      const group = engine.prepare(parks);
      for (const s of scores) {
        const park = s.categories[0]!;
        const all = engine.nearest(s.apartment.lon, s.apartment.lat, group, parks.length, 30);
        expect(park.within).toEqual(bands.map((b) => all.filter((h) => h.minutes <= b).length));
        expect(park.within[0]!).toBeLessThanOrEqual(park.within[2]!);
        if (all[0]) {
          expect(park.nearest).toMatchObject({ id: parks[all[0].index]!.id, proposed: false });
          expect(park.nearest!.minutes).toBeCloseTo(all[0].minutes, 9);
        } else expect(park.nearest).toBeNull();
        // No study room is mapped: it is always missing; parks are missing when none is within 8 min.
        expect(s.missing).toContain('study_room');
        expect(s.missing.includes('youth_park')).toBe(!park.nearest || park.nearest.minutes > 8);
        expect(s.categories[1]).toEqual({ category: 'study_room', within: [0, 0, 0], nearest: null });
      }
      expect(scores.some((s) => s.categories[0]!.nearest)).toBe(true);
    });
  }

  it('marks proposed sites and sorts by name, district, missing or minutes (none last)', () => {
    const engine = new EstimateWalkEngine();
    const sites = [
      { id: 'ws:1', name_zh: '拟建1', name_en: 'Proposed 1', lon: 103.8, lat: 36.05, proposed: true },
    ];
    const cats = prepareScoreCategories(engine, [
      { category: 'fitness_site', facilities: sites },
      { category: 'youth_park', facilities: named('p', 3, 2) },
    ]);
    const scores = scoreApartments(engine, apartments, cats, [5, 10, 15], 15);
    expect(scores.some((s) => s.categories[0]!.nearest?.proposed)).toBe(true);
    expect(sortScores(scores, { by: 'name' }, 'asc', 'en').map((s) => s.apartment.name_en)).toEqual([
      'A',
      'B',
      'C',
      'D',
      'E',
      'F',
    ]);
    expect(sortScores(scores, { by: 'name' }, 'desc', 'en')[0]!.apartment.name_en).toBe('F');
    expect(sortScores(scores, { by: 'district' }, 'asc', 'en')[0]!.apartment.district).toBe('620102');
    const byMissing = sortScores(scores, { by: 'missing' }, 'desc', 'en').map((s) => s.missing.length);
    expect(byMissing).toEqual([...byMissing].sort((a, b) => b - a));
    for (const dir of ['asc', 'desc'] as const) {
      const mins = sortScores(scores, { by: 'category', category: 'fitness_site' }, dir, 'zh').map(
        (s) => s.categories[0]!.nearest?.minutes ?? Infinity,
      );
      const finite = mins.filter(Number.isFinite);
      expect(finite).toEqual([...finite].sort((a, b) => (dir === 'asc' ? a - b : b - a)));
      expect(mins.slice(finite.length).every((m) => m === Infinity)).toBe(true);
    }
    expect(scoreApartments(engine, [], cats, [5])).toEqual([]);
  });
});
