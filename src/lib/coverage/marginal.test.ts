import { describe, expect, it } from 'vitest';
import { computeLayer } from './compute';
import { marginalContributions, twoNearest } from './marginal';
import { randomPoints, world } from './test_support';

describe('marginalContributions', () => {
  for (const network of [true, false]) {
    it(`equals closing each facility and recomputing (${network ? 'network' : 'estimate'})`, () => {
      const { ctx, grid } = world({ seed: 9, network, horizonMin: 6 });
      const points = randomPoints(21, 7);
      const bands = [2, 4, 6];
      const pop = Float64Array.from({ length: grid.count }, (_, c) => (c % 5) + 0.5);
      const rows = marginalContributions(ctx, points, bands, pop);
      const full = computeLayer(ctx, points);
      let anyLost = 0;
      points.forEach((p, f) => {
        const without = computeLayer(
          ctx,
          points.filter((_, i) => i !== f),
        );
        bands.forEach((b, k) => {
          let area = 0;
          let people = 0;
          let served = 0;
          for (let c = 0; c < grid.count; c++) {
            if (full.minutes[c]! <= b && full.source[c] === f) served += grid.areaM2[c]!;
            if (full.minutes[c]! <= b && without.minutes[c]! > b) {
              area += grid.areaM2[c]!;
              people += pop[c]!;
            }
          }
          const row = rows[f]!;
          expect(row.id).toBe(p.id);
          expect(row.lostAreaM2[k]).toBeCloseTo(area, 3);
          expect(row.lostPop![k]).toBeCloseTo(people, 6);
          expect(row.servedAreaM2[k]).toBeCloseTo(served, 3);
          if (area > 0) anyLost++;
        });
      });
      expect(anyLost).toBeGreaterThan(3);
    });
  }

  it('finds the nearest and second-nearest distinct facility per cell', () => {
    const { ctx, grid } = world({ seed: 2, horizonMin: 6 });
    const points = randomPoints(5, 5);
    const t = twoNearest(ctx, points);
    const full = computeLayer(ctx, points);
    for (let c = 0; c < grid.count; c++) {
      expect(Math.fround(t.b1[c]!)).toBeCloseTo(full.minutes[c]!, 4);
      if (t.s2[c]! >= 0) {
        expect(t.s2[c]).not.toBe(t.s1[c]);
        expect(t.b2[c]!).toBeGreaterThanOrEqual(t.b1[c]!);
      }
    }
  });

  it('reports area only without population, and nothing for no facilities', () => {
    const { ctx } = world({ network: false });
    const rows = marginalContributions(ctx, randomPoints(1, 2), [5]);
    expect(rows.every((r) => r.lostPop === null)).toBe(true);
    expect(marginalContributions(ctx, [], [5])).toEqual([]);
  });
});
