import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { createWalkEngine } from '../walk/engine';
import { buildWalkGraph } from '../walk/graph';
import { decodeExtract } from '../walk/online/extract_file';
import type { OsmExtract } from '../walk/osm_extract';
import { rng } from '../walk/test_support';
import { latticeTile, type NetworkTile, segmentMeetsRect } from './network_tiles';
import { buildNetworkGraph, parseNetworkTile } from './session_network';
import { streetExtract } from './test_support';

/** An Overpass JSON answer as the server builds it: the ways with a segment in the bbox, whole, with all their nodes. */
function overpassAnswer(x: OsmExtract, bbox: readonly number[] | null): Uint8Array {
  const ways = x.ways.filter((w) => {
    if (!bbox) return true;
    for (let i = 1; i < w.nodeIds.length; i++) {
      const a = x.nodes.get(w.nodeIds[i - 1] as number);
      const b = x.nodes.get(w.nodeIds[i] as number);
      if (a && b && segmentMeetsRect(a.lon, a.lat, b.lon, b.lat, bbox)) return true;
    }
    return false;
  });
  const ids = new Set(ways.flatMap((w) => w.nodeIds));
  const elements = [
    ...[...ids].map((id) => {
      const n = x.nodes.get(id) as { lon: number; lat: number; ele?: number };
      return {
        type: 'node',
        id,
        lon: n.lon,
        lat: n.lat,
        ...(n.ele !== undefined ? { tags: { ele: String(n.ele) } } : {}),
      };
    }),
    ...ways.map((w) => ({ type: 'way', id: w.id, nodes: w.nodeIds, tags: w.tags })),
  ];
  return new TextEncoder().encode(
    JSON.stringify({ version: 0.6, osm3s: { timestamp_osm_base: '2026-11-30T00:00:00Z' }, elements }),
  );
}

function extractFile(body: Uint8Array): ArrayBuffer {
  const r = parseNetworkTile(body);
  if (!r.ok) throw new Error(r.message);
  return r.extract;
}

/** Lattice tiles of `tileM` covering an extract's nodes. */
function tilesOver(x: OsmExtract, tileM: number): NetworkTile[] {
  const keys = new Map<string, NetworkTile>();
  const probe = latticeTile(0, 0, tileM);
  const dLon = probe.bbox[2] - probe.bbox[0];
  const dLat = probe.bbox[3] - probe.bbox[1];
  for (const n of x.nodes.values()) {
    const t = latticeTile(Math.floor(n.lon / dLon), Math.floor(n.lat / dLat), tileM);
    keys.set(t.key, t);
  }
  return [...keys.values()];
}

describe('street network from tiles', () => {
  // A 20 × 20 street grid (≈1.1 km) with one-way ways and stairs, cut by 300 m tiles into ~16 pieces.
  const x = streetExtract(11, 20, 55, true);
  const tiles = tilesOver(x, 300);
  const parts = tiles.map((t) => extractFile(overpassAnswer(x, t.bbox)));
  // The brute force: one answer over everything, built alone.
  const whole = buildWalkGraph(decodeExtract(extractFile(overpassAnswer(x, null)))).graph;

  it('joins tiles into exactly the graph of one request over the whole area', () => {
    expect(tiles.length).toBeGreaterThanOrEqual(9);
    const merged = buildNetworkGraph(parts)?.graph;
    expect(merged).toBeDefined();
    if (!merged) return;
    expect(merged.nodeCount).toBe(whole.nodeCount);
    expect(merged.edgeCount).toBe(whole.edgeCount);
    expect(new Set(merged.osmId)).toEqual(new Set(whole.osmId));
    // Walks between random street corners, most of them across one or more tile edges: the same time.
    const a = createWalkEngine(merged);
    const b = createWalkEngine(whole);
    const nodes = [...x.nodes.values()].filter((_, i) => i < 400);
    const r = rng(2);
    let crossing = 0;
    for (let k = 0; k < 150; k++) {
      const p = nodes[Math.floor(r() * nodes.length)] as { lon: number; lat: number };
      const q = nodes[Math.floor(r() * nodes.length)] as { lon: number; lat: number };
      const ta = a.travel([p.lon, p.lat], [q.lon, q.lat]);
      const tb = b.travel([p.lon, p.lat], [q.lon, q.lat]);
      expect(ta?.method ?? null).toBe(tb?.method ?? null);
      if (!ta || !tb) continue;
      expect(ta.minutes).toBeCloseTo(tb.minutes, 6);
      const tile = (pt: { lon: number; lat: number }) =>
        tiles.findIndex(
          (t) => pt.lon >= t.bbox[0] && pt.lon < t.bbox[2] && pt.lat >= t.bbox[1] && pt.lat < t.bbox[3],
        );
      if (tile(p) !== tile(q) && ta.method === 'network') crossing++;
    }
    expect(crossing).toBeGreaterThan(100);
  });

  it('is broken at the seams when tiles are not joined (the reason for the merge)', () => {
    // One tile's own graph holds only the streets meeting it: most corners are off it.
    const one = buildNetworkGraph([parts[0] as ArrayBuffer])?.graph;
    expect(one?.nodeCount ?? 0).toBeGreaterThan(0);
    expect(one?.nodeCount ?? 0).toBeLessThan(whole.nodeCount / 2);
  });

  it('reads a runtime error in a 200 answer, and bad JSON, as typed failures', () => {
    const remark = new TextEncoder().encode(
      JSON.stringify({
        elements: [],
        remark: 'runtime error: Query timed out in "query" at line 3 after 26 seconds.',
      }),
    );
    expect(parseNetworkTile(remark)).toMatchObject({ ok: false, kind: 'busy' });
    expect(parseNetworkTile(new TextEncoder().encode('{"elements": ['))).toMatchObject({
      ok: false,
      kind: 'bad_json',
    });
    expect(buildNetworkGraph([])).toBeNull();
  });

  it('builds the invented river fixture from two overlapping tiles: the walk crosses only on the footbridge', () => {
    const body = new Uint8Array(readFileSync('test/fixtures/overpass/river_bridge_grid.json'));
    const g = buildNetworkGraph([extractFile(body), extractFile(body)])?.graph;
    expect(g).toBeDefined();
    const e = createWalkEngine(g);
    // South-west to north-west: ≈0.8 km as the crow flies ×1.3, but the only crossing is 1 km east.
    const walk = e.travel([103.6857, 36.0818], [103.6857, 36.0877]);
    expect(walk?.method).toBe('network');
    expect(walk?.parts.some((p) => p.kind === 'bridge')).toBe(true);
    expect(walk?.minutes).toBeGreaterThan(20);
  });
});
