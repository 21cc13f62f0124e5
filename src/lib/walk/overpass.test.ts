import { describe, expect, it } from 'vitest';
import { buildWalkGraph } from './graph.ts';
import { OverpassFormatError, overpassTile, overpassWalkQuery, parseOverpassJson } from './overpass.ts';

describe('overpassWalkQuery', () => {
  it('asks for highways and piers around the point, with their nodes, as JSON', () => {
    const q = overpassWalkQuery(103.834, 36.061, 1500);
    expect(q).toContain('[out:json][timeout:25];');
    expect(q).toContain(
      'way["highway"]["highway"!~"^(construction|proposed|abandoned|razed|platform|bus_guideway|raceway)$"](around:1500,36.061000,103.834000);',
    );
    expect(q).toContain('way["man_made"="pier"](around:1500,36.061000,103.834000);');
    expect(q).toContain('(._;>;);');
    expect(q.trim().endsWith('out body qt;')).toBe(true);
  });
  it('validates its inputs', () => {
    expect(() => overpassWalkQuery(200, 36, 100)).toThrow(RangeError);
    expect(() => overpassWalkQuery(103, 36, 0)).toThrow(RangeError);
    expect(() => overpassWalkQuery(103, 36, 50_000)).toThrow(RangeError);
  });
});

describe('overpassTile', () => {
  it('covers the requested circle from a snapped centre and shares keys between nearby points', () => {
    const a = overpassTile(103.8341, 36.0612, 1200);
    const b = overpassTile(103.8343, 36.0611, 1200);
    expect(a.key).toBe(b.key);
    const offset = Math.hypot(
      (a.lon - 103.8341) * 111195 * Math.cos((36.06 * Math.PI) / 180),
      (a.lat - 36.0612) * 111195,
    );
    expect(a.radiusM).toBeGreaterThanOrEqual(1200 + offset);
  });
});

describe('parseOverpassJson', () => {
  const response = {
    version: 0.6,
    elements: [
      { type: 'node', id: 1, lat: 36.05, lon: 103.8 },
      { type: 'node', id: 2, lat: 36.051, lon: 103.8, tags: { ele: '1520' } },
      { type: 'node', id: 3, lat: 36.052, lon: 103.8 },
      { type: 'node', id: 4, lat: 'x', lon: 103.8 },
      {
        type: 'way',
        id: 10,
        nodes: [1, 2, 3],
        tags: { highway: 'footway', name: '测试步道', surface: 'paved' },
      },
      { type: 'way', id: 11, nodes: [3, 4], tags: { highway: 'motorway' } },
      { type: 'relation', id: 5, members: [] },
    ],
  };

  it('keeps walkable ways with the tags the engine reads, and their nodes', () => {
    const ex = parseOverpassJson(response);
    expect(ex.ways).toEqual([{ id: 10, nodeIds: [1, 2, 3], tags: { highway: 'footway', name: '测试步道' } }]);
    expect([...ex.nodes.keys()].sort()).toEqual([1, 2, 3]);
    expect(ex.nodes.get(2)).toEqual({ lon: 103.8, lat: 36.051, ele: 1520 });
    const { graph, stats } = buildWalkGraph(ex);
    expect(stats.nodesBeforeContraction).toBe(3);
    // Node 2 only continues the way: a shape point of the one edge 1–3.
    expect(graph.nodeCount).toBe(2);
    expect(graph.shape.lon).toHaveLength(3);
    expect(graph.labels).toEqual(['测试步道']);
  });

  it('clips to a bbox and rejects responses without elements', () => {
    const ex = parseOverpassJson(response, [103, 36, 104, 36.0515]);
    expect([...ex.nodes.keys()].sort()).toEqual([1, 2]);
    expect(() => parseOverpassJson({ remark: 'runtime error' })).toThrow(OverpassFormatError);
    expect(() => parseOverpassJson(null)).toThrow(OverpassFormatError);
  });
});
