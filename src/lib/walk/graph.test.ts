import { describe, expect, it } from 'vitest';
import { haversineM } from './geo.ts';
import { buildWalkGraph, edgeSources, edgeTwins, type WalkGraph } from './graph.ts';
import type { OsmExtract, OsmNode, OsmWay } from './osm_extract.ts';
import { randomExtract } from './test_support.ts';
import { EDGE_FLAG } from './walkable.ts';

const M = 111194.93; // metres per degree of latitude
const KX = M * Math.cos((36.05 * Math.PI) / 180);
/** Node at x, y metres from (103.8, 36.05). */
const at = (x: number, y: number, ele?: number): OsmNode =>
  ele === undefined
    ? { lon: 103.8 + x / KX, lat: 36.05 + y / M }
    : { lon: 103.8 + x / KX, lat: 36.05 + y / M, ele };

function extract(nodes: Record<number, OsmNode>, ways: [number[], Record<string, string>][]): OsmExtract {
  return {
    nodes: new Map(Object.entries(nodes).map(([k, v]) => [Number(k), v])),
    ways: ways.map(([nodeIds, tags], i): OsmWay => ({ id: i + 1, nodeIds, tags })),
  };
}

/** Undirected segment set as "osmA-osmB" strings (sorted ids) for comparisons. */
function segments(g: WalkGraph): string[] {
  const src = edgeSources(g);
  const out = new Set<string>();
  for (let e = 0; e < g.edgeCount; e++) {
    const a = g.osmId![src[e]!]!;
    const b = g.osmId![g.target[e]!]!;
    out.add(a < b ? `${a}-${b}` : `${b}-${a}`);
  }
  return [...out].sort();
}

function checkCsr(g: WalkGraph): void {
  expect(g.offsets[0]).toBe(0);
  expect(g.offsets[g.nodeCount]).toBe(g.edgeCount);
  const src = edgeSources(g);
  for (let u = 0; u < g.nodeCount; u++) expect(g.offsets[u + 1]!).toBeGreaterThanOrEqual(g.offsets[u]!);
  for (let e = 0; e < g.edgeCount; e++) {
    const a = src[e]!;
    const b = g.target[e]!;
    expect(b).toBeGreaterThanOrEqual(0);
    expect(b).toBeLessThan(g.nodeCount);
    expect(a).not.toBe(b);
    // The length is the polyline's, which is the straight segment when no shape node was contracted.
    const c = g.shape.chain[e]!;
    const ci = c < 0 ? ~c : c;
    const first = g.shape.offsets[ci]!;
    const last = g.shape.offsets[ci + 1]! - 1;
    let len = 0;
    for (let p = first; p < last; p++)
      len += haversineM(g.shape.lon[p]!, g.shape.lat[p]!, g.shape.lon[p + 1]!, g.shape.lat[p + 1]!);
    expect(g.lengthM[e]).toBeCloseTo(len, 2);
    if (last === first + 1)
      expect(g.lengthM[e]).toBeCloseTo(haversineM(g.lon[a]!, g.lat[a]!, g.lon[b]!, g.lat[b]!), 2);
  }
}

describe('buildWalkGraph', () => {
  it('packs a CSR whose edges are the walkable way segments in both directions', () => {
    const { graph, stats } = buildWalkGraph(randomExtract(1, 200), {
      keepAllComponents: true,
      contract: false,
    });
    checkCsr(graph);
    const tw = edgeTwins(graph);
    const src = edgeSources(graph);
    for (let e = 0; e < graph.edgeCount; e++) {
      const t = tw[e]!;
      expect(t).toBeGreaterThanOrEqual(0);
      expect(src[t]).toBe(graph.target[e]);
      expect(graph.target[t]).toBe(src[e]);
    }
    expect(stats.edges).toBe(graph.edgeCount);
    expect(stats.segments * 2).toBe(graph.edgeCount);
  });

  it('splits ways at missing (clipped) nodes and skips repeated node refs', () => {
    const ex = extract({ 1: at(0, 0), 2: at(100, 0), 4: at(300, 0), 5: at(400, 0), 6: at(400, 100) }, [
      [[1, 2, 3, 4, 5], { highway: 'residential' }],
      [[5, 5, 6], { highway: 'footway' }],
    ]);
    const { graph, stats } = buildWalkGraph(ex, { keepAllComponents: true, contract: false });
    expect(segments(graph)).toEqual(['1-2', '4-5', '5-6']);
    // Contracted, node 5 joins two ways that walk alike (no name, flags or layer differ): a shape point.
    expect(segments(buildWalkGraph(ex, { keepAllComponents: true }).graph)).toEqual(['1-2', '4-6']);
    expect(stats.components).toBe(2);
    checkCsr(graph);
  });

  it('keeps only the largest connected component unless asked otherwise', () => {
    const ex = extract(
      { 1: at(0, 0), 2: at(100, 0), 3: at(200, 0), 4: at(300, 0), 10: at(0, 500), 11: at(100, 500) },
      [
        [[1, 2, 3, 4], { highway: 'residential' }],
        [[10, 11], { highway: 'footway', name: 'Island' }],
      ],
    );
    const big = buildWalkGraph(ex, { contract: false });
    expect(big.graph.nodeCount).toBe(4);
    expect(big.stats.nodesBeforeComponentFilter).toBe(6);
    expect(big.stats.components).toBe(2);
    expect([...big.graph.osmId!].sort()).toEqual([1, 2, 3, 4]);
    expect(buildWalkGraph(ex, { keepAllComponents: true, contract: false }).graph.nodeCount).toBe(6);
    // Contracted: the shape nodes 2 and 3 become points of the 1–4 polyline.
    expect([...buildWalkGraph(ex).graph.osmId!].sort()).toEqual([1, 4]);
  });

  it('drops non-walkable ways even when the extract contains them', () => {
    const ex = extract({ 1: at(0, 0), 2: at(100, 0), 3: at(200, 0) }, [
      [[1, 2], { highway: 'footway' }],
      [[2, 3], { highway: 'motorway' }],
    ]);
    const { graph, stats } = buildWalkGraph(ex);
    expect(segments(graph)).toEqual(['1-2']);
    expect(stats.waysWalkable).toBe(1);
  });

  it('makes oneway:foot ways one-directional', () => {
    const ex = extract({ 1: at(0, 0), 2: at(100, 0), 3: at(200, 0) }, [
      [[1, 2], { highway: 'footway' }],
      [[2, 3], { highway: 'footway', 'oneway:foot': 'yes' }],
    ]);
    const { graph } = buildWalkGraph(ex);
    expect(graph.edgeCount).toBe(3);
    const src = edgeSources(graph);
    const oneWay = [...Array(graph.edgeCount).keys()].filter((e) => edgeTwins(graph)[e] === -1);
    expect(oneWay).toHaveLength(1);
    expect(graph.osmId![src[oneWay[0]!]!]).toBe(2);
    expect(graph.osmId![graph.target[oneWay[0]!]!]).toBe(3);
  });

  it('uses elevations only when every node has one; a sampler can fill the gaps', () => {
    const full = extract({ 1: at(0, 0, 1500), 2: at(100, 0, 1510) }, [[[1, 2], { highway: 'path' }]]);
    expect(buildWalkGraph(full).graph.ele).not.toBeNull();
    expect(buildWalkGraph(full).stats.elevation).toBe('used');
    const partial = extract({ 1: at(0, 0, 1500), 2: at(100, 0) }, [[[1, 2], { highway: 'path' }]]);
    const p = buildWalkGraph(partial);
    expect(p.graph.ele).toBeNull();
    expect(p.stats.elevation).toBe('incomplete');
    const filled = buildWalkGraph(partial, { elevationAt: () => 1490 });
    expect([...filled.graph.ele!].sort()).toEqual([1490, 1500]);
    expect(
      buildWalkGraph(extract({ 1: at(0, 0), 2: at(9, 0) }, [[[1, 2], { highway: 'path' }]])).stats.elevation,
    ).toBe('none');
  });

  it('records way names and bridge flags per edge', () => {
    const ex = extract({ 1: at(0, 0), 2: at(100, 0), 3: at(200, 0) }, [
      [[1, 2], { highway: 'footway', bridge: 'yes', name: '中山桥' }],
      [[2, 3], { highway: 'footway' }],
    ]);
    const { graph } = buildWalkGraph(ex);
    const src = edgeSources(graph);
    for (let e = 0; e < graph.edgeCount; e++) {
      const ids = [graph.osmId![src[e]!], graph.osmId![graph.target[e]!]].sort();
      const isBridge = ids[0] === 1;
      expect(Boolean(graph.flags[e]! & EDGE_FLAG.bridge)).toBe(isBridge);
      expect(graph.label[e] === -1 ? '' : graph.labels[graph.label[e]!]).toBe(isBridge ? '中山桥' : '');
    }
  });

  it('crosses a convex pedestrian area between its entrances, and only inside it', () => {
    // Square 100 m, entrances at the middle of the west and east sides.
    const nodes = {
      1: at(0, 0),
      2: at(100, 0),
      3: at(100, 50),
      4: at(100, 100),
      5: at(0, 100),
      6: at(0, 50),
      7: at(-50, 50),
      8: at(150, 50),
    };
    const ways: [number[], Record<string, string>][] = [
      [[1, 2, 3, 4, 5, 6, 1], { highway: 'pedestrian', area: 'yes' }],
      [[7, 6], { highway: 'footway' }],
      [[3, 8], { highway: 'footway' }],
    ];
    const { graph, stats } = buildWalkGraph(extract(nodes, ways));
    expect(stats.areaChords).toBe(1);
    expect(segments(graph)).toContain('3-6');
    const chord = [...Array(graph.edgeCount).keys()].find((e) => graph.flags[e]! & EDGE_FLAG.area)!;
    expect(graph.lengthM[chord]).toBeCloseTo(100, 1);
    // Without the pedestrian area tag the closed way is just a loop: no chord.
    const loop = buildWalkGraph(
      extract(nodes, [[[1, 2, 3, 4, 5, 6, 1], { highway: 'pedestrian' }], ...ways.slice(1)]),
    );
    expect(loop.stats.areaChords).toBe(0);
    // Too many entrances: outline only.
    const capped = buildWalkGraph(extract(nodes, ways), { maxAreaEntrances: 1 });
    expect(capped.stats.areasOutlineOnly).toBe(1);
    expect(capped.stats.areaChords).toBe(0);
  });

  it('does not depend on the order of ways', () => {
    const ex = randomExtract(5, 120);
    const a = buildWalkGraph(ex).graph;
    const b = buildWalkGraph({ nodes: ex.nodes, ways: [...ex.ways].reverse() }).graph;
    expect(segments(a)).toEqual(segments(b));
    expect([...a.osmId!]).toEqual([...b.osmId!]);
  });
});
