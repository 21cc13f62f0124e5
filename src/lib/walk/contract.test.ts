import { describe, expect, it } from 'vitest';
import { compareWalking } from './contract_check.ts';
import { edgePointAt } from './edge_shape.ts';
import { buildWalkGraph, edgeSources, edgeTwins } from './graph.ts';
import type { OsmExtract } from './osm_extract.ts';
import { randomExtract, shapedGrid } from './test_support.ts';
import { EDGE_FLAG } from './walkable.ts';

const M = 111194.93;
const KX = M * Math.cos((36.05 * Math.PI) / 180);
const at = (x: number, y: number) => ({ lon: 103.8 + x / KX, lat: 36.05 + y / M });

// Generous timeout: a few seconds alone, much longer on the shared machine under load.
describe('shape-node contraction', { timeout: 120_000 }, () => {
  it('keeps intersections and dead ends only, and every polyline runs from its source to its target', () => {
    const ex = shapedGrid(6, 120, 3);
    const flat = buildWalkGraph(ex, { contract: false });
    const { graph, stats } = buildWalkGraph(ex);
    expect(flat.graph.nodeCount).toBe(6 * 16 * 2 - 36);
    // Every crossing stays; the 4 corners are bends that only continue one way.
    expect(graph.nodeCount).toBe(32);
    expect(stats.nodesBeforeContraction).toBe(flat.graph.nodeCount);
    const src = edgeSources(graph);
    const tw = edgeTwins(graph);
    for (let e = 0; e < graph.edgeCount; e++) {
      expect(edgePointAt(graph, e, 0)).toEqual([graph.lon[src[e]!], graph.lat[src[e]!]]);
      expect(edgePointAt(graph, e, 1)).toEqual([graph.lon[graph.target[e]!], graph.lat[graph.target[e]!]]);
      // A block (3 segments of ~40 m), or two blocks around a corner.
      expect(graph.lengthM[e]).toBeGreaterThan(80);
      expect(graph.lengthM[e]).toBeLessThan(2 * 160);
      expect(graph.lengthM[tw[e]!]).toBe(graph.lengthM[e]);
    }
  });

  for (const [name, ex, bandMin] of [
    ['a 12 × 12 grid of 120 m blocks with 40 m shape nodes', shapedGrid(12, 120, 3, 7), 8],
    ['random streets', randomExtract(11, 400, { sizeM: 2000 }), 12],
    [
      'random streets with oneway:foot and steps',
      randomExtract(12, 300, { onewayShare: 0.2, stepsShare: 0.1 }),
      6,
    ],
  ] as [string, OsmExtract, number][]) {
    it(`gives the uncontracted graph's distances and isochrone reach on ${name}`, () => {
      const flat = buildWalkGraph(ex, { contract: false }).graph;
      const contracted = buildWalkGraph(ex).graph;
      expect(contracted.nodeCount).toBeLessThan(flat.nodeCount);
      const d = compareWalking(flat, contracted, 5, { nodePairs: 60, travels: 60, probes: 600, bandMin });
      expect(d.nodePairs).toBe(60);
      expect(d.travels).toBeGreaterThan(20);
      expect(d.probes).toBeGreaterThan(500);
      expect(d.nodeMetres).toBeLessThan(0.1);
      expect(d.travelMetres).toBeLessThan(0.1);
      expect(d.nodeMinutes).toBeLessThan(1e-3);
      expect(d.travelMinutes).toBeLessThan(1e-3);
      expect(d.probeMinutes).toBeLessThan(1e-3);
      expect(d.bandMismatches).toBe(0);
    });
  }

  it('sums slopes segment by segment: node-to-node times equal with elevations', () => {
    const ex = randomExtract(13, 300, { ele: true, stepsShare: 0.1 });
    const flat = buildWalkGraph(ex, { contract: false }).graph;
    const contracted = buildWalkGraph(ex).graph;
    expect(contracted.slopeLengthM).not.toBeNull();
    const d = compareWalking(flat, contracted, 9, { nodePairs: 80, travels: 0, probes: 0 });
    expect(d.nodePairs).toBe(80);
    expect(d.nodeMinutes).toBeLessThan(1e-3);
  });

  it('does not merge across a change of name, flags, direction or layer, and makes no self-loop', () => {
    const nodes = new Map([1, 2, 3, 4, 5, 6, 7].map((i) => [i, at(100 * i, 0)]));
    nodes.set(8, at(700, 100));
    nodes.set(9, at(600, 100));
    const ex: OsmExtract = {
      nodes,
      ways: [
        { id: 1, nodeIds: [1, 2], tags: { highway: 'footway', name: '甲' } },
        { id: 2, nodeIds: [2, 3], tags: { highway: 'footway', name: '乙' } },
        { id: 3, nodeIds: [3, 4], tags: { highway: 'footway', name: '乙', bridge: 'yes' } },
        {
          id: 4,
          nodeIds: [4, 5],
          tags: { highway: 'footway', name: '乙', bridge: 'yes', 'oneway:foot': 'yes' },
        },
        {
          id: 5,
          nodeIds: [5, 6],
          tags: { highway: 'footway', name: '乙', bridge: 'yes', 'oneway:foot': 'yes', layer: '2' },
        },
        // A loop hanging off node 6: 6 → 7 → 8 → 9 → 6 would be a self-loop if fully contracted.
        { id: 6, nodeIds: [6, 7, 8, 9, 6], tags: { highway: 'footway' } },
      ],
    };
    const { graph } = buildWalkGraph(ex);
    const ids = [...graph.osmId!].sort((a, b) => a - b);
    expect(ids.slice(0, 6)).toEqual([1, 2, 3, 4, 5, 6]);
    const src = edgeSources(graph);
    for (let e = 0; e < graph.edgeCount; e++) expect(src[e]).not.toBe(graph.target[e]);
    // The loop: two polylines 6 → 8 (the middle node is kept).
    expect(ids).toContain(8);
    expect(graph.nodeCount).toBe(7);
    const bridge = [...Array(graph.edgeCount).keys()].filter((e) => graph.flags[e]! & EDGE_FLAG.bridge);
    expect(new Set(bridge.map((e) => graph.layer[e])).size).toBe(2);
  });
});
