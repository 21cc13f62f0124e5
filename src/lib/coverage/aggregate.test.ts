import { describe, expect, it } from 'vitest';
import {
  applyLayerChange,
  cityShares,
  cloneTable,
  retabulateCategory,
  shareRows,
  tabulate,
} from './aggregate';
import { computeLayer } from './compute';
import { randomPoints, world } from './test_support';
import { ScenarioLayer } from './whatif';

describe('tabulate', () => {
  const { ctx, grid } = world({ seed: 5, horizonMin: 6 });
  const pop = Float64Array.from({ length: grid.count }, (_, c) => (c * 7) % 11);
  const a = computeLayer(ctx, randomPoints(1, 3));
  const b = computeLayer(ctx, randomPoints(2, 1));
  const table = tabulate(grid, ctx.cellMethod, [a, b], ['fitness_site', 'youth_park'], [2, 4, 6], pop);

  it('sums area and people within each band per district, by brute force', () => {
    const rows = shareRows(table, 'fitness_site');
    expect(rows.map((r) => r.adcode)).toEqual(['620102', '620103', null]);
    grid.adcodes.forEach((_, d) => {
      [2, 4, 6].forEach((band, k) => {
        let area = 0;
        let people = 0;
        let total = 0;
        let peopleTotal = 0;
        for (let c = 0; c < grid.count; c++) {
          if (grid.district[c] !== d) continue;
          total += grid.areaM2[c]!;
          peopleTotal += pop[c]!;
          if (a.minutes[c]! <= band) {
            area += grid.areaM2[c]!;
            people += pop[c]!;
          }
        }
        expect(rows[d]!.coveredAreaM2[k]).toBeCloseTo(area, 4);
        expect(rows[d]!.areaShare[k]).toBeCloseTo(area / total, 10);
        expect(rows[d]!.popShare![k]).toBeCloseTo(people / peopleTotal, 10);
      });
    });
    // The city row is the sum of the districts; shares are cumulative across bands.
    const city = rows[2]!;
    expect(city.areaM2).toBeCloseTo(rows[0]!.areaM2 + rows[1]!.areaM2, 4);
    expect(city.cells).toBe(grid.count);
    expect(city.areaShare[0]!).toBeLessThanOrEqual(city.areaShare[1]!);
    expect(city.areaShare[1]!).toBeLessThanOrEqual(city.areaShare[2]!);
    expect(city.estimated).toBe(ctx.estimateCells.length);
    expect(cityShares(table, 2).map((s) => s.category)).toEqual(['fitness_site', 'youth_park']);
    expect(cityShares(table, 2)[1]!.area).toBeCloseTo(shareRows(table, 'youth_park')[2]!.areaShare[2]!, 12);
  });

  it('has no population figures without a population grid', () => {
    const t = tabulate(grid, ctx.cellMethod, [a], ['fitness_site'], [5], null);
    const [row] = shareRows(t, 'fitness_site');
    expect(row!.pop).toBeNull();
    expect(row!.popShare).toBeNull();
    expect(row!.coveredPop).toBeNull();
  });

  it('updates incrementally to exactly what a full re-sum gives', () => {
    const t = cloneTable(table);
    const scenario = new ScenarioLayer(ctx, a);
    const sites = randomPoints(77, 4);
    for (let i = 1; i <= sites.length; i++) {
      const u = scenario.update(sites.slice(0, i));
      if (u.kind !== 'append') throw new Error('expected an append');
      for (const ch of u.changes) applyLayerChange(t, grid, 'fitness_site', ch, scenario.layer.minutes, pop);
      const full = tabulate(
        grid,
        ctx.cellMethod,
        [scenario.layer, b],
        ['fitness_site', 'youth_park'],
        [2, 4, 6],
        pop,
      );
      t.coveredArea.forEach((v, j) => {
        expect(v).toBeCloseTo(full.coveredArea[j]!, 4);
      });
      t.coveredPop!.forEach((v, j) => {
        expect(v).toBeCloseTo(full.coveredPop![j]!, 6);
      });
    }
    // The original table is untouched, and a full re-sum of one category restores it.
    expect(shareRows(table, 'fitness_site')[2]!.coveredAreaM2).not.toEqual(
      shareRows(t, 'fitness_site')[2]!.coveredAreaM2,
    );
    retabulateCategory(t, grid, 'fitness_site', a.minutes, pop);
    t.coveredArea.forEach((v, j) => {
      expect(v).toBeCloseTo(table.coveredArea[j]!, 4);
    });
  });
});
