import { describe, expect, it } from 'vitest';
import { buildWalkGraph, edgeTwins } from './graph.ts';
import type { OsmExtract } from './osm_extract.ts';
import type { EdgeSnap } from './snap.ts';
import { snapSeeds } from './snap_seeds.ts';

/** One footway of two nodes ~111 m apart, two-way or oneway:foot. */
function line(oneway: boolean) {
  const ex: OsmExtract = {
    nodes: new Map([
      [1, { lon: 103.8, lat: 36.05 }],
      [2, { lon: 103.8, lat: 36.051 }],
    ]),
    ways: [
      {
        id: 1,
        nodeIds: [1, 2],
        tags: oneway ? { highway: 'footway', 'oneway:foot': 'yes' } : { highway: 'footway' },
      },
    ],
  };
  const { graph } = buildWalkGraph(ex);
  const costs = new Float32Array(graph.edgeCount).fill(10);
  return { graph, costs };
}

function at(graph: ReturnType<typeof buildWalkGraph>['graph'], edge: number, fraction: number): EdgeSnap {
  let from = 0;
  while ((graph.offsets[from + 1] as number) <= edge) from++;
  return { edge, from, to: graph.target[edge] as number, fraction, lon: 0, lat: 0, distanceM: 0 };
}

describe('snapSeeds', () => {
  it('seeds both ends of each edge with the minutes of its pieces, and walks ahead along a shared edge', () => {
    const { graph, costs } = line(false);
    const twin = edgeTwins(graph)[0] as number;
    expect(twin).toBeGreaterThanOrEqual(0);
    const a = at(graph, 0, 0.25);
    const b = at(graph, 0, 0.75);
    const s = snapSeeds(graph, costs, a, b);
    expect(s.aTwin).toBe(twin);
    expect([...s.node]).toEqual([a.to, a.from, b.from, b.to]);
    expect([...s.minutes]).toEqual([7.5, 2.5, 7.5, 2.5]);
    expect(s.direct).toEqual({ edge: 0, t0: 0.25, t1: 0.75 });
    expect(s.directMinutes).toBe(5);
    // b behind a on the same edge: along the twin; b given on the twin: the same walk.
    const back = snapSeeds(graph, costs, b, a);
    expect(back.direct).toEqual({ edge: twin, t0: 0.25, t1: 0.75 });
    expect(back.directMinutes).toBe(5);
    expect(snapSeeds(graph, costs, a, at(graph, twin, 0.25)).direct).toEqual({ edge: 0, t0: 0.25, t1: 0.75 });
  });

  it('gives no seed against a one-way edge and no walk back along it', () => {
    const { graph, costs } = line(true);
    expect(graph.edgeCount).toBe(1);
    const s = snapSeeds(graph, costs, at(graph, 0, 0.75), at(graph, 0, 0.25));
    expect(s.aTwin).toBe(-1);
    expect(s.minutes[1]).toBe(Infinity);
    expect(s.minutes[3]).toBe(Infinity);
    expect(s.direct).toBeNull();
    expect(s.directMinutes).toBe(Infinity);
  });
});
