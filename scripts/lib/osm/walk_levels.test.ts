import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { buildWalkGraph, edgeSources, edgeTwins } from '../../../src/lib/walk/graph.ts';
import { deserializeWalkGraph, serializeWalkGraph } from '../../../src/lib/walk/graph_binary.ts';
import { EdgeSnapIndex } from '../../../src/lib/walk/snap.ts';
import { EDGE_FLAG } from '../../../src/lib/walk/walkable.ts';
import { readOsmXml } from './read_osm_xml.ts';

// Invented fixture: a street over an underground platform (see the comment in levels.osm).
const FILE = fileURLToPath(new URL('../../../test/fixtures/osm/levels.osm', import.meta.url));
const M = 111194.93;
const KX = M * Math.cos((36.05 * Math.PI) / 180);
const at = (x: number, y: number): [number, number] => [103.8 + x / KX, 36.05 + y / M];

describe('levels and conveying through the import (levels.osm)', async () => {
  const { extract } = await readOsmXml(FILE);
  // Through the binary file, as the app gets it.
  const graph = deserializeWalkGraph(serializeWalkGraph(buildWalkGraph(extract).graph));
  const index = new EdgeSnapIndex(graph);
  const name = (e: number) => graph.labels[graph.label[e]!];

  it('keeps layer, level, indoor and tunnel/bridge tags through the import', () => {
    const platform = extract.ways.find((w) => w.id === 102)!;
    expect(platform.tags).toMatchObject({ layer: '-2', highway: 'footway' });
    expect(extract.ways.find((w) => w.id === 103)!.tags).toMatchObject({ indoor: 'yes', level: '0' });
    const layers = new Map<string, number>();
    for (let e = 0; e < graph.edgeCount; e++) layers.set(name(e) ?? '', graph.layer[e]!);
    expect(layers.get('测试站台')).toBe(-2);
    expect(layers.get('测试街')).toBe(0);
    const corridor = [...Array(graph.edgeCount).keys()].filter((e) => name(e) === '测试走廊');
    expect(corridor.length).toBe(2);
    for (const e of corridor) expect(graph.flags[e]! & EDGE_FLAG.indoor).toBe(EDGE_FLAG.indoor);
  });

  it('snaps a point 5 m off the stairs onto the stairs, not onto the platform 1 m away', () => {
    const s = index.snap(...at(105, -9))!;
    expect(s.distanceM).toBeCloseTo(5, 0);
    expect(graph.flags[s.edge]! & EDGE_FLAG.steps).toBe(EDGE_FLAG.steps);
  });

  it('snaps a point beside the indoor corridor to the street when the street is near', () => {
    const s = index.snap(...at(153, 20))!;
    expect(name(s.edge)).toBe('测试街');
    expect(s.distanceM).toBeCloseTo(20, 0);
  });

  it('snaps to the platform when nothing at street level is near', () => {
    const s = index.snap(...at(-80, -12))!;
    expect(name(s.edge)).toBe('测试站台');
    expect(s.distanceM).toBeCloseTo(2, 0);
  });

  it('makes conveying=forward one-way and conveying=yes (direction unspecified) two-way', () => {
    const src = edgeSources(graph);
    const tw = edgeTwins(graph);
    const osm = (i: number) => graph.osmId![i];
    const between = (a: number, b: number) =>
      [...Array(graph.edgeCount).keys()].filter((e) => osm(src[e]!) === a && osm(graph.target[e]!) === b);
    expect(between(1, 11)).toHaveLength(1);
    expect(between(11, 1)).toHaveLength(0);
    expect(tw[between(1, 11)[0]!]).toBe(-1);
    expect(between(4, 13)).toHaveLength(1);
    expect(between(13, 4)).toHaveLength(1);
  });
});
