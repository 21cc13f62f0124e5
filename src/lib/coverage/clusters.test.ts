import { areNeighborCells } from 'h3-js';
import { describe, expect, it } from 'vitest';
import { uncoveredClusters } from './clusters';
import { computeLayer } from './compute';
import { gridNeighbours } from './grid';
import { randomPoints, world } from './test_support';

/** Flood fill with neighbours decided pairwise from the ids alone (no neighbour lists). */
function bruteClusters(
  ids: string[],
  open: (c: number) => boolean,
  adjacent: (a: string, b: string) => boolean,
): number[][] {
  const seen = new Set<number>();
  const out: number[][] = [];
  for (let s = 0; s < ids.length; s++) {
    if (!open(s) || seen.has(s)) continue;
    const stack = [s];
    seen.add(s);
    const group: number[] = [];
    while (stack.length) {
      const c = stack.pop()!;
      group.push(c);
      for (let d = 0; d < ids.length; d++)
        if (!seen.has(d) && open(d) && adjacent(ids[c]!, ids[d]!)) {
          seen.add(d);
          stack.push(d);
        }
    }
    out.push(group.sort((a, b) => a - b));
  }
  return out;
}

const squareAdjacent = (a: string, b: string) => {
  const [, ai, aj] = a.split(':').map(Number);
  const [, bi, bj] = b.split(':').map(Number);
  return Math.abs(ai! - bi!) + Math.abs(aj! - bj!) === 1;
};

describe('uncoveredClusters', () => {
  for (const spec of [
    { kind: 'square', sizeM: 60 },
    { kind: 'h3', resolution: 11 },
  ] as const) {
    it(`partitions uncovered cells like a brute-force flood fill (${spec.kind})`, () => {
      const { ctx, grid } = world({ seed: 3, spec, horizonMin: 4, network: false });
      const layer = computeLayer(ctx, randomPoints(8, 60));
      const band = 2.5;
      const open = (c: number) => !(layer.minutes[c]! <= band);
      const pop = Float64Array.from({ length: grid.count }, (_, c) => c % 3);
      const want = bruteClusters(grid.ids, open, spec.kind === 'h3' ? areNeighborCells : squareAdjacent);
      expect(want.length).toBeGreaterThan(3);
      const got = uncoveredClusters(grid, gridNeighbours(grid), layer.minutes, band, null, 1000);
      expect(got.length).toBe(want.length);
      const wantAreas = want.map((g) => g.reduce((a, c) => a + grid.areaM2[c]!, 0)).sort((a, b) => b - a);
      got.forEach((g, i) => {
        expect(g.areaM2).toBeCloseTo(wantAreas[i]!, 3);
      });
      expect(got.reduce((a, g) => a + g.cells, 0)).toBe(want.reduce((a, g) => a + g.length, 0));
      // Each cluster's representative cell is uncovered and inside its box.
      for (const g of got) {
        expect(open(g.cell)).toBe(true);
        expect(grid.lon[g.cell]!).toBeGreaterThanOrEqual(g.bbox[0]);
        expect(grid.lon[g.cell]!).toBeLessThanOrEqual(g.bbox[2]);
        expect(g.districts.length).toBeGreaterThan(0);
        for (const d of g.districts) expect(['620102', '620103']).toContain(d.adcode);
      }
      // With people, clusters are ranked by people first.
      const byPop = uncoveredClusters(grid, gridNeighbours(grid), layer.minutes, band, pop, 5);
      expect(byPop.length).toBe(Math.min(5, want.length));
      for (let i = 1; i < byPop.length; i++)
        expect(byPop[i - 1]!.pop!).toBeGreaterThanOrEqual(byPop[i]!.pop!);
      const wantPops = want.map((g) => g.reduce((a, c) => a + pop[c]!, 0)).sort((a, b) => b - a);
      expect(byPop[0]!.pop).toBe(wantPops[0]);
    });
  }

  it('returns one cluster of everything when nothing is covered, and none when all is', () => {
    const { grid } = world({ network: false, spec: { kind: 'square', sizeM: 200 } });
    const nb = gridNeighbours(grid);
    const none = new Float32Array(grid.count).fill(Infinity);
    const all = new Float32Array(grid.count).fill(1);
    // Clusters run across district borders: the fixture's districts touch.
    const c = uncoveredClusters(grid, nb, none, 15);
    expect(c).toHaveLength(1);
    expect(c[0]!.cells).toBe(grid.count);
    expect(uncoveredClusters(grid, nb, all, 15)).toEqual([]);
  });

  it('names every district an area spans, with its share of the area, largest first', () => {
    const { grid } = world({ network: false, spec: { kind: 'square', sizeM: 200 } });
    const none = new Float32Array(grid.count).fill(Infinity);
    const [c] = uncoveredClusters(grid, gridNeighbours(grid), none, 15);
    // Brute force: the area of every district in the grid (the one cluster holds every cell).
    const byDistrict = new Map<string, number>();
    let total = 0;
    for (let i = 0; i < grid.count; i++) {
      const a = grid.adcodes[grid.district[i]!]!;
      byDistrict.set(a, (byDistrict.get(a) ?? 0) + grid.areaM2[i]!);
      total += grid.areaM2[i]!;
    }
    const want = [...byDistrict].sort((a, b) => b[1] - a[1]);
    expect(want.length).toBe(2);
    expect(c!.districts.map((d) => d.adcode)).toEqual(want.map(([a]) => a));
    c!.districts.forEach((d, i) => {
      expect(d.share).toBeCloseTo(want[i]![1] / total, 9);
    });
    expect(c!.districts.reduce((a, d) => a + d.share, 0)).toBeCloseTo(1, 9);
  });
});
