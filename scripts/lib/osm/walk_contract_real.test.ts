import { describe, expect, it } from 'vitest';
import { compareWalking } from '../../../src/lib/walk/contract_check.ts';
import { buildWalkGraph } from '../../../src/lib/walk/graph.ts';
import { deserializeWalkGraph, serializeWalkGraph } from '../../../src/lib/walk/graph_binary.ts';
import { readWalkExtract } from './read_walk.ts';

// Real OpenStreetMap data (© OpenStreetMap contributors, ODbL; see test/fixtures/osm/README.md).
const PBF = new URL('../../../test/fixtures/osm/liechtenstein-2013-08-03.osm.pbf', import.meta.url).pathname;

// Generous timeouts: ~5 s alone, much longer on the shared 2-core machine under load.
describe('shape-node contraction on a real extract (Liechtenstein, 2013-08-03)', {
  timeout: 180_000,
}, async () => {
  const { extract } = await readWalkExtract(PBF);
  const flat = buildWalkGraph(extract, { contract: false });
  const contracted = buildWalkGraph(extract);

  it('keeps about a third of the nodes and halves the file', () => {
    expect(contracted.stats.nodesBeforeContraction).toBe(flat.graph.nodeCount);
    expect(flat.graph.nodeCount).toBeGreaterThan(20_000);
    expect(contracted.graph.nodeCount).toBeLessThan(flat.graph.nodeCount / 2);
    const a = serializeWalkGraph(flat.graph).length;
    const b = serializeWalkGraph(contracted.graph);
    expect(b.length).toBeLessThan(a * 0.75);
    expect(deserializeWalkGraph(b).edgeCount).toBe(contracted.graph.edgeCount);
  });

  it('gives the same shortest distances (0.1 m) and isochrone reach as the uncontracted graph', () => {
    const d = compareWalking(flat.graph, contracted.graph, 2013, {
      nodePairs: 60,
      travels: 120,
      probes: 2000,
      bandMin: 15,
    });
    expect(d.nodePairs).toBe(60);
    expect(d.travels).toBeGreaterThan(60);
    expect(d.probes).toBeGreaterThan(1800);
    expect(d.nodeMetres).toBeLessThan(0.1);
    expect(d.travelMetres).toBeLessThan(0.1);
    expect(d.nodeMinutes).toBeLessThan(1e-3);
    expect(d.travelMinutes).toBeLessThan(1e-3);
    expect(d.probeMinutes).toBeLessThan(1e-3);
    expect(d.bandMismatches).toBe(0);
  });
});
