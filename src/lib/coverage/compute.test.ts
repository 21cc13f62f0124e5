import { describe, expect, it } from 'vitest';
import { CELL_ESTIMATE, CELL_NETWORK } from './cell_method';
import { cloneLayer, computeLayer } from './compute';
import { bruteForce, randomPoints, world } from './test_support';

/** Minutes stored as float32: equal to the engine's float64 answer within float32 precision. */
function expectSameTimes(got: Float32Array, want: Float64Array): void {
  let finite = 0;
  for (let c = 0; c < want.length; c++) {
    const w = want[c]!;
    const g = got[c]!;
    if (w === Infinity) expect(g, `cell ${c}`).toBe(Infinity);
    else {
      expect(Math.abs(g - w), `cell ${c}: ${g} vs ${w}`).toBeLessThan(1e-4);
      finite++;
    }
  }
  expect(finite).toBeGreaterThan(0);
}

describe('computeLayer', () => {
  for (const [seed, twoWay] of [
    [3, false],
    [5, false],
    [8, true],
    [9, true],
  ] as const) {
    it(`equals the engine's own nearest() for every cell (network + off-network cells, seed ${seed}${twoWay ? ', two-way streets' : ''})`, () => {
      const { engine, grid, ctx } = world({ seed, twoWay });
      // Two-way graphs decide reachability by components, one-way ones by a search.
      expect(ctx.net!.comp === null).toBe(!twoWay);
      const net = [...ctx.cellMethod].filter((m) => m === CELL_NETWORK).length;
      // Both kinds of cell occur: the grid reaches past the invented streets.
      expect(net).toBeGreaterThan(100);
      expect(grid.count - net).toBeGreaterThan(100);
      const points = randomPoints(seed + 100, 6);
      const layer = computeLayer(ctx, points);
      const want = bruteForce(engine, grid, points, ctx.horizonMin);
      expectSameTimes(layer.minutes, want.minutes);
      expect([...layer.reach]).toEqual([...want.reach]);
      // Some cells are beyond the horizon yet reachable, some cannot reach any facility (one-way
      // streets and separate components make both happen).
      const beyond = [...layer.minutes].filter((m, c) => m === Infinity && layer.reach[c] === 1).length;
      expect(beyond).toBeGreaterThan(0);
      for (let c = 0; c < grid.count; c++)
        if (want.source[c]! >= 0 && Math.abs(layer.minutes[c]! - want.minutes[c]!) < 1e-4)
          expect(points[layer.source[c]!]).toBeDefined();
      expect(layer.unsnapped).toEqual(engine.prepare(points).unsnapped);
    });
  }

  it('equals the estimate engine for every cell without a graph', () => {
    const { engine, grid, ctx } = world({ network: false, horizonMin: 8 });
    expect(ctx.estimateCells.length).toBe(grid.count);
    expect([...ctx.cellMethod].every((m) => m === CELL_ESTIMATE)).toBe(true);
    const points = randomPoints(42, 4);
    const layer = computeLayer(ctx, points);
    const want = bruteForce(engine, grid, points, ctx.horizonMin);
    expectSameTimes(layer.minutes, want.minutes);
    expect([...layer.reach]).toEqual([...want.reach]);
    for (let c = 0; c < grid.count; c++)
      if (want.source[c]! >= 0) expect(layer.source[c]).toBe(want.source[c]);
  });

  it('marks nothing reachable when a category has no facility', () => {
    for (const network of [true, false]) {
      const { ctx } = world({ network });
      const layer = computeLayer(ctx, []);
      expect(layer.minutes.every((m) => m === Infinity)).toBe(true);
      expect(layer.reach.every((r) => r === 0)).toBe(true);
      expect(layer.pointCount).toBe(0);
    }
  });

  it('copies layers deeply', () => {
    const { ctx } = world();
    const a = computeLayer(ctx, randomPoints(1, 2));
    const b = cloneLayer(a);
    b.minutes[0] = -1;
    b.nodeReach![0] = 7;
    expect(a.minutes[0]).not.toBe(-1);
    expect(a.nodeReach![0]).not.toBe(7);
  });
});
