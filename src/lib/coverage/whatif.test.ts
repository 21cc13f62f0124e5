import { describe, expect, it } from 'vitest';
import { rng } from '../walk/test_support';
import { computeLayer } from './compute';
import { randomPoints, world } from './test_support';
import { MAX_SITES, ScenarioLayer, sitePoint, sitesOf, type WhatIfSite } from './whatif';

function expectLayersEqual(
  got: ReturnType<typeof computeLayer>,
  want: ReturnType<typeof computeLayer>,
  what: string,
): void {
  for (let c = 0; c < want.minutes.length; c++) {
    const w = want.minutes[c]!;
    const g = got.minutes[c]!;
    if (w === Infinity) expect(g, `${what} cell ${c}`).toBe(Infinity);
    else expect(Math.abs(g - w), `${what} cell ${c}`).toBeLessThan(1e-5);
    // The same facility serves the cell unless two are (all but) equally near.
    if (w !== Infinity && got.source[c] !== want.source[c]) expect(Math.abs(g - w)).toBeLessThan(1e-5);
  }
  expect([...got.reach], what).toEqual([...want.reach]);
  if (want.nodeReach) expect([...got.nodeReach!], what).toEqual([...want.nodeReach]);
  expect(got.pointCount).toBe(want.pointCount);
}

describe('ScenarioLayer (incremental what-if = full recompute)', () => {
  for (const [network, twoWay] of [
    [true, false],
    [true, true],
    [false, false],
  ] as const) {
    it(`matches a full recompute after every random add / move / remove (${network ? 'network' : 'estimate'}${twoWay ? ', two-way' : ''})`, () => {
      const { ctx } = world({ seed: 4, network, horizonMin: 6, twoWay });
      const r = rng(network ? (twoWay ? 13 : 11) : 12);
      // Start from few facilities so that sites matter; one case starts from none.
      for (const baseCount of [0, 4]) {
        const facilities = randomPoints(baseCount + 7, baseCount);
        const base = computeLayer(ctx, facilities);
        const baseCopy = base.minutes.slice();
        const scenario = new ScenarioLayer(ctx, base);
        let sites: { lon: number; lat: number }[] = [];
        let appended = 0;
        for (let step = 0; step < 14; step++) {
          const roll = r();
          if (roll < 0.6 || sites.length === 0)
            sites = [...sites, randomPoints(Math.floor(r() * 1e6), 1)[0]!];
          else if (roll < 0.8) sites = sites.filter((_, i) => i !== Math.floor(r() * sites.length));
          else {
            const i = Math.floor(r() * sites.length);
            sites = sites.map((s, k) => (k === i ? randomPoints(Math.floor(r() * 1e6), 1)[0]! : s));
          }
          const update = scenario.update(sites);
          if (update.kind === 'append') appended++;
          const full = computeLayer(ctx, [...facilities, ...sites.map(sitePoint)]);
          expectLayersEqual(scenario.layer, full, `base ${baseCount} step ${step}`);
        }
        expect(appended).toBeGreaterThan(3);
        // The base is never modified.
        expect([...base.minutes]).toEqual([...baseCopy]);
      }
    });
  }

  it('reports exactly the cells an appended site changed, with their old values', () => {
    const { ctx } = world({ seed: 6, horizonMin: 4 });
    const base = computeLayer(ctx, randomPoints(3, 2));
    const scenario = new ScenarioLayer(ctx, base);
    const site = randomPoints(99, 1)[0]!;
    const u = scenario.update([site]);
    expect(u.kind).toBe('append');
    if (u.kind !== 'append') return;
    const [change] = u.changes;
    const changed = new Set(change!.cells);
    expect(changed.size).toBeGreaterThan(0);
    for (let c = 0; c < base.minutes.length; c++) {
      const differs =
        scenario.layer.minutes[c] !== base.minutes[c] || scenario.layer.reach[c] !== base.reach[c];
      expect(changed.has(c), `cell ${c}`).toBe(differs);
    }
    change!.cells.forEach((c, k) => {
      expect(change!.oldMinutes[k]).toBe(base.minutes[c]);
      expect(change!.oldReach[k]).toBe(base.reach[c]);
    });
    expect(scenario.update([site]).kind).toBe('unchanged');
    expect(scenario.update([]).kind).toBe('rebuild');
    expect(scenario.layer).toBe(base);
  });

  it('names sites and filters them by category', () => {
    const sites: WhatIfSite[] = [
      { category: 'fitness_site', lon: 1, lat: 2 },
      { category: 'youth_park', lon: 3, lat: 4 },
      { category: 'fitness_site', lon: 5, lat: 6 },
    ];
    expect(sitesOf(sites, 'fitness_site').map((s) => s.lon)).toEqual([1, 5]);
    expect(sitePoint(sites[0]!, 0)).toEqual({ id: 'ws:1', lon: 1, lat: 2 });
    expect(MAX_SITES).toBeGreaterThan(5);
  });
});
