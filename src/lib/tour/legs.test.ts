import { describe, expect, it } from 'vitest';
import { DETOUR_FACTOR, WALK_SPEED_M_PER_MIN } from '../../config';
import { createWalkEngine } from '../walk/engine';
import { buildWalkGraph } from '../walk/graph';
import { type LonLat, type PointToPointWalker, straightLegRouter, walkEngineRouter } from './legs';

/** Great-circle metres per degree of latitude on the IUGG mean sphere (R = 6,371,008.8 m). */
const M_PER_DEG = (6371008.8 * Math.PI) / 180;

describe('straightLegRouter', () => {
  it('times the great-circle distance × detour factor at walking speed, as an estimate', () => {
    const leg = straightLegRouter()([103.8, 36.05], [103.8, 36.059]);
    const straight = 0.009 * M_PER_DEG; // along a meridian the great circle is exact: 1000.76 m
    expect(leg.metres).toBeCloseTo(straight * DETOUR_FACTOR, 3);
    expect(leg.minutes).toBeCloseTo((straight * DETOUR_FACTOR) / WALK_SPEED_M_PER_MIN, 6);
    expect(leg.method).toBe('estimate');
    expect(leg.coordinates).toEqual([
      [103.8, 36.05],
      [103.8, 36.059],
    ]);
  });

  it('takes a custom factor and speed and refuses nonsense', () => {
    const leg = straightLegRouter({ detourFactor: 1.5, speedMPerMin: 60 })([103.8, 36.05], [103.8, 36.059]);
    expect(leg.metres).toBeCloseTo(0.009 * M_PER_DEG * 1.5, 3);
    expect(leg.minutes).toBeCloseTo(leg.metres / 60, 9);
    expect(() => straightLegRouter({ detourFactor: 0.9 })).toThrow(RangeError);
    expect(() => straightLegRouter({ speedMPerMin: 0 })).toThrow(RangeError);
  });

  it('returns a zero leg between identical points and does not alias the inputs', () => {
    const a: LonLat = [103.8, 36.05];
    const leg = straightLegRouter()(a, a);
    expect(leg.metres).toBe(0);
    expect(leg.minutes).toBe(0);
    leg.coordinates[0]![0] = 0;
    expect(a[0]).toBe(103.8);
  });
});

describe('walkEngineRouter', () => {
  it('passes network walks through and falls back when the engine finds none', () => {
    const calls: [LonLat, LonLat][] = [];
    const engine: PointToPointWalker = {
      travel(from, to) {
        calls.push([from, to]);
        if (to[0] > 104) return null;
        return {
          coordinates: [from, [103.805, 36.055], to],
          metres: 1500,
          minutes: 18.75,
          method: 'network',
        };
      },
    };
    const router = walkEngineRouter(engine);
    const net = router([103.8, 36.05], [103.81, 36.06]);
    expect(net).toEqual({
      coordinates: [
        [103.8, 36.05],
        [103.805, 36.055],
        [103.81, 36.06],
      ],
      metres: 1500,
      minutes: 18.75,
      method: 'network',
    });
    const est = router([103.8, 36.05], [104.1, 36.05]);
    expect(est.method).toBe('estimate');
    expect(est.coordinates).toHaveLength(2);
    expect(calls).toHaveLength(2);
  });

  it('works with the real walking engine: network along a street, estimate without a graph', () => {
    // A fictional straight street of 3 nodes along the meridian 103.8° E.
    const nodes = new Map([
      [1, { lon: 103.8, lat: 36.05 }],
      [2, { lon: 103.8, lat: 36.0545 }],
      [3, { lon: 103.8, lat: 36.059 }],
    ]);
    const { graph } = buildWalkGraph({
      nodes,
      ways: [{ id: 1, nodeIds: [1, 2, 3], tags: { highway: 'footway' } }],
    });
    const net = walkEngineRouter(createWalkEngine(graph))([103.8, 36.05], [103.8, 36.059]);
    expect(net.method).toBe('network');
    expect(net.metres).toBeCloseTo(0.009 * M_PER_DEG, -1);
    expect(net.coordinates[0]).toEqual([103.8, 36.05]);
    expect(net.coordinates.at(-1)).toEqual([103.8, 36.059]);
    const est = walkEngineRouter(createWalkEngine(null))([103.8, 36.05], [103.8, 36.059]);
    expect(est.method).toBe('estimate');
    expect(est.metres).toBeCloseTo(0.009 * M_PER_DEG * DETOUR_FACTOR, 3);
  });
});
