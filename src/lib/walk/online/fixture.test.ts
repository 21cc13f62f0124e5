import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { createWalkEngine } from '../engine.ts';
import { haversineM } from '../geo.ts';
import { deserializeWalkGraph } from '../graph_binary.ts';
import { buildGraphFromOverpass } from './protocol.ts';

// The invented Overpass answer described in test/fixtures/overpass/README.md.
const body = new Uint8Array(
  readFileSync(new URL('../../../../test/fixtures/overpass/river_bridge_grid.json', import.meta.url)),
);

describe('invented river-and-bridge Overpass fixture', () => {
  const { graph: file, stats } = buildGraphFromOverpass(body, { tile: 'fixture' });
  const graph = deserializeWalkGraph(file);

  it('builds one connected network of the two banks, without the river or the motorway', () => {
    // 48 grid nodes + the footbridge's middle node; the motorway bridge's middle nodes are not walkable.
    expect(stats.waysWalkable).toBe(23);
    expect(stats.nodesBeforeContraction).toBe(49);
    // Contracted: the 8 grid corners (bends) and the footbridge's middle node are shape points.
    expect(graph.nodeCount).toBe(40);
    expect(stats.components).toBe(1);
    expect(graph.labels).toEqual(['虚构测试桥']);
    expect(graph.meta).toMatchObject({ source: 'overpass', tile: 'fixture' });
  });

  it('routes from the south-west to the north-west over the footbridge, not straight across', () => {
    const engine = createWalkEngine(graph);
    expect(engine.method).toBe('network');
    const from: [number, number] = [103.684, 36.0836];
    const to: [number, number] = [103.684, 36.0874];
    const route = engine.travel(from, to);
    expect(route?.method).toBe('network');
    const bridges = route?.parts.filter((p) => p.kind === 'bridge') ?? [];
    expect(bridges.map((b) => b.name)).toEqual(['虚构测试桥']);
    // East 10 × 0.002° to the bridge and back (≈ 2 × 1,080 m) plus the crossing (≈ 420 m).
    const straight = haversineM(...from, ...to);
    expect(straight).toBeLessThan(430);
    expect(route?.metres).toBeGreaterThan(2 * haversineM(103.684, 36.0836, 103.694, 36.0836) + 400);
    expect(route?.coordinates.some(([lon]) => Math.abs(lon - 103.694) < 1e-9)).toBe(true);
  });

  it('gives the e2e origin a network walk to the 奥体中心 point over the bridge', () => {
    const engine = createWalkEngine(graph);
    const route = engine.travel([103.692, 36.083], [103.685667, 36.087722]);
    expect(route?.method).toBe('network');
    expect(route?.parts.some((p) => p.kind === 'bridge' && p.name === '虚构测试桥')).toBe(true);
    expect(route?.metres).toBeGreaterThan(1.5 * haversineM(103.692, 36.083, 103.685667, 36.087722));
  });
});
