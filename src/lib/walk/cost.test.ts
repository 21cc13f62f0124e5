import { describe, expect, it } from 'vitest';
import { edgeMinutes, STEPS_FACTOR, toblerFactor } from './cost.ts';
import { buildWalkGraph, edgeSources } from './graph.ts';
import type { OsmExtract } from './osm_extract.ts';
import { EDGE_FLAG } from './walkable.ts';

describe('toblerFactor', () => {
  it('is 1 on the level and follows Tobler elsewhere', () => {
    expect(toblerFactor(0)).toBeCloseTo(1, 12);
    // Tobler peak at −5 %: 6 e^0 / (6 e^-0.175)
    expect(toblerFactor(-0.05)).toBeCloseTo(Math.exp(0.175), 12);
    expect(toblerFactor(0.1)).toBeCloseTo(Math.exp(-0.35), 12);
    expect(toblerFactor(-0.1)).toBeCloseTo(1, 12);
    expect(toblerFactor(5)).toBeCloseTo(toblerFactor(0.5), 12);
  });
});

function line(ele?: [number, number], tags: Record<string, string> = { highway: 'footway' }): OsmExtract {
  const a = ele ? { lon: 103.8, lat: 36.05, ele: ele[0] } : { lon: 103.8, lat: 36.05 };
  const b = ele
    ? { lon: 103.8, lat: 36.05 + 100 / 111194.93, ele: ele[1] }
    : { lon: 103.8, lat: 36.05 + 100 / 111194.93 };
  return {
    nodes: new Map([
      [1, a],
      [2, b],
    ]),
    ways: [{ id: 1, nodeIds: [1, 2], tags }],
  };
}

describe('edgeMinutes', () => {
  it('divides length by the configured speed', () => {
    const { graph } = buildWalkGraph(line());
    const m = edgeMinutes(graph, { speedMPerMin: 80 });
    expect(m[0]).toBeCloseTo(100 / 80, 4);
    expect(edgeMinutes(graph, { speedMPerMin: 50 })[0]).toBeCloseTo(2, 4);
    expect(() => edgeMinutes(graph, { speedMPerMin: 0 })).toThrow(RangeError);
  });

  it('is slower uphill than downhill with elevations, and symmetric when they are ignored', () => {
    const { graph } = buildWalkGraph(line([1500, 1510]));
    expect(graph.ele).not.toBeNull();
    const src = edgeSources(graph);
    const m = edgeMinutes(graph);
    const up = src[0] === 0 ? 0 : 1;
    const uphill = graph.ele![graph.target[up]!]! > graph.ele![src[up]!]! ? up : 1 - up;
    expect(m[uphill]).toBeCloseTo(100 / (80 * Math.exp(-0.35)), 3);
    expect(m[1 - uphill]).toBeCloseTo(100 / 80, 3);
    const flat = edgeMinutes(graph, { useElevation: false });
    expect(flat[0]).toBeCloseTo(flat[1]!, 6);
  });

  it('slows steps by the documented factors, by direction', () => {
    const { graph } = buildWalkGraph(line(undefined, { highway: 'steps', incline: 'up' }));
    const src = edgeSources(graph);
    const m = edgeMinutes(graph);
    for (let e = 0; e < 2; e++) {
      const f = graph.flags[e]!;
      expect(f & EDGE_FLAG.steps).toBeTruthy();
      const factor = f & EDGE_FLAG.up ? STEPS_FACTOR.up : STEPS_FACTOR.down;
      expect(m[e]).toBeCloseTo(graph.lengthM[e]! / (80 * factor), 4);
      // incline=up is relative to the way's node order: node 1 → node 2 climbs.
      expect(Boolean(f & EDGE_FLAG.up)).toBe(graph.osmId![src[e]!] === 1);
    }
    const unknown = buildWalkGraph(line(undefined, { highway: 'steps' })).graph;
    expect(edgeMinutes(unknown)[0]).toBeCloseTo(unknown.lengthM[0]! / (80 * STEPS_FACTOR.unknown), 4);
  });
});
