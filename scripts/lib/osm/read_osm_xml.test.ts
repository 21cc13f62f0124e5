import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { STEPS_FACTOR } from '../../../src/lib/walk/cost.ts';
import { NetworkWalkEngine } from '../../../src/lib/walk/engine.ts';
import { EstimateWalkEngine } from '../../../src/lib/walk/estimate_engine.ts';
import { haversineM } from '../../../src/lib/walk/geo.ts';
import { buildWalkGraph, type WalkGraph } from '../../../src/lib/walk/graph.ts';
import { readOsmXml } from './read_osm_xml.ts';

const fixture = (name: string) =>
  fileURLToPath(new URL(`../../../test/fixtures/osm/${name}`, import.meta.url));
const MPD = (6371008.8 * Math.PI) / 180;
/** The fixtures' metre grid (see the comment at the top of each .osm file). */
const grid = (lon0: number, lat0: number) => (x: number, y: number) =>
  [lon0 + x / (MPD * Math.cos((lat0 * Math.PI) / 180)), lat0 + y / MPD] as [number, number];
const river = grid(103.8, 36.05);

/** Even–odd test against GeoJSON MultiPolygon coordinates. */
function inMultiPolygon(p: [number, number], mp: [number, number][][][]): boolean {
  const inRing = (ring: [number, number][]) => {
    let inside = false;
    for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) {
      const [xi, yi] = ring[i]!;
      const [xj, yj] = ring[j]!;
      if (yi > p[1] !== yj > p[1] && p[0] < ((xj - xi) * (p[1] - yi)) / (yj - yi) + xi) inside = !inside;
    }
    return inside;
  };
  return mp.some((poly) => inRing(poly[0]!) && !poly.slice(1).some(inRing));
}

describe('river with one bridge (river_bridge.osm)', () => {
  let graph: WalkGraph;
  let engine: NetworkWalkEngine;
  let components = 0;
  beforeAll(async () => {
    const { extract, stats } = await readOsmXml(fixture('river_bridge.osm'));
    expect(stats.waysSeen).toBe(14);
    expect(stats.waysKept).toBe(9);
    // Uncontracted: these tests check which OSM nodes the reading rules keep.
    const built = buildWalkGraph(extract, { contract: false });
    graph = built.graph;
    components = built.stats.components;
    engine = new NetworkWalkEngine(graph);
  });

  it('keeps walkable ways only and drops the disconnected island', () => {
    const ids = new Set(graph.osmId);
    expect(graph.nodeCount).toBe(30);
    expect(components).toBe(2);
    for (const gone of [3101, 3201, 3401, 3801, 3802, 3803, 3804, 4001, 4101])
      expect(ids.has(gone)).toBe(false);
    for (const kept of [3001, 3301, 3302, 3501, 3602, 3701, 3702]) expect(ids.has(kept)).toBe(true);
  });

  it('makes two points 100 m apart across the water 2.1 km apart on foot, over the footbridge', () => {
    const a = river(0, 0);
    const b = river(0, 100);
    expect(haversineM(...a, ...b)).toBeCloseTo(100, 1);
    const route = engine.travel(a, b)!;
    expect(route.method).toBe('network');
    expect(route.metres).toBeCloseTo(2100, 0);
    expect(route.minutes).toBeCloseTo(2100 / 80, 2);
    expect(route.parts).toEqual([
      expect.objectContaining({ kind: 'bridge', name: 'Test Footbridge', metres: expect.closeTo(100, 0) }),
    ]);
    // The drawn line passes the footbridge, never the foot=no bridge at x=300 or the motorway at x=600.
    const xs = route.coordinates
      .filter(([, lat]) => lat > river(0, 20)[1] && lat < river(0, 80)[1])
      .map(([lon]) => lon);
    expect(xs.length).toBeGreaterThan(0);
    for (const lon of xs) expect(lon).toBeCloseTo(river(1000, 50)[0], 6);
  });

  it('slows the steps by the documented factor, up and down', () => {
    const a = river(0, 0);
    const top = river(700, 160);
    const up = engine.travel(a, top)!;
    expect(up.metres).toBeCloseTo(1460, 0);
    expect(up.minutes).toBeCloseTo(1400 / 80 + 60 / (80 * STEPS_FACTOR.up), 2);
    expect(up.parts.map((p) => p.kind)).toEqual(['bridge', 'steps']);
    expect(up.parts[1]).toMatchObject({ name: 'Test Steps', metres: expect.closeTo(60, 0) });
    const down = engine.travel(top, a)!;
    expect(down.minutes).toBeCloseTo(1400 / 80 + 60 / (80 * STEPS_FACTOR.down), 2);
  });

  it('walks out of the cul-de-sac the way it came', () => {
    const r = engine.travel(river(200, -120), river(0, 0))!;
    expect(r.metres).toBeCloseTo(320, 0);
  });

  it('ranks facilities by network time, not straight distance', () => {
    const group = engine.prepare([
      { id: 'north', lon: river(100, 110)[0], lat: river(100, 110)[1] },
      { id: 'south', lon: river(900, -20)[0], lat: river(900, -20)[1] },
    ]);
    const near = engine.nearest(...river(0, 0), group, 2);
    expect(near.map((n) => n.id)).toEqual(['south', 'north']);
    expect(near.every((n) => n.method === 'network')).toBe(true);
    expect(near[0]!.metres).toBeCloseTo(900 + 20, 0);
    expect(near[1]!.metres).toBeCloseTo(1000 + 100 + 900 + 10, 0);
    // The straight-line estimate gets it backwards: exactly why the network matters here.
    const estimate = new EstimateWalkEngine();
    const est = estimate.nearest(...river(0, 0), estimate.prepare(group.points), 2);
    expect(est.map((n) => n.id)).toEqual(['north', 'south']);
    expect(est.every((n) => n.method === 'estimate')).toBe(true);
  });

  it('builds isochrones that cross the river only at the bridge', () => {
    const [i5, i15] = engine.isochrones(...river(0, 0), [5, 15]);
    expect(i5!.method).toBe('network');
    // 5 min = 400 m along the south street (+40 m buffer), and the cul-de-sac.
    expect(inMultiPolygon(river(380, 0), i5!.coordinates)).toBe(true);
    expect(inMultiPolygon(river(200, -60), i5!.coordinates)).toBe(true);
    expect(inMultiPolygon(river(470, 0), i5!.coordinates)).toBe(false);
    expect(inMultiPolygon(river(0, 100), i5!.coordinates)).toBe(false);
    expect(inMultiPolygon(river(0, 50), i5!.coordinates)).toBe(false);
    // 15 min = 1200 m: the whole south street, the bridge, and 100 m of the north street.
    const c = i15!.coordinates;
    expect(inMultiPolygon(river(1000, 50), c)).toBe(true);
    expect(inMultiPolygon(river(920, 100), c)).toBe(true);
    expect(inMultiPolygon(river(800, 100), c)).toBe(false);
    for (let x = 0; x <= 800; x += 50) {
      expect(inMultiPolygon(river(x, 50), c)).toBe(false); // mid-river
      expect(inMultiPolygon(river(x, 100), c)).toBe(false); // north bank
      expect(inMultiPolygon(river(x, 0), c)).toBe(true); // south bank
    }
  });

  it('covers the area within walking reach of a facility (coverage), bridge included', () => {
    const group = engine.prepare([{ id: 'f', lon: river(1000, -10)[0], lat: river(1000, -10)[1] }]);
    const [c5] = engine.coverage(group, [5]);
    expect(inMultiPolygon(river(1000, 100), c5!.coordinates)).toBe(true);
    expect(inMultiPolygon(river(700, 100), c5!.coordinates)).toBe(true);
    expect(inMultiPolygon(river(640, 0), c5!.coordinates)).toBe(true); // reach ends at x=610, +40 m buffer
    expect(inMultiPolygon(river(550, 0), c5!.coordinates)).toBe(false);
    expect(inMultiPolygon(river(500, 100), c5!.coordinates)).toBe(false);
  });

  it('falls back to an estimate for a point far from every street', () => {
    const far = river(0, 3000);
    const r = engine.travel(far, river(0, 0))!;
    expect(r.method).toBe('estimate');
    expect(r.metres).toBeCloseTo(3000 * 1.3, 0);
    expect(engine.isochrones(...far, [5])[0]!.method).toBe('estimate');
  });
});

describe('elevation (hill.osm)', () => {
  it('reads ele tags and walks slower uphill (Tobler) and on steps', async () => {
    const { extract } = await readOsmXml(fixture('hill.osm'));
    const { graph, stats } = buildWalkGraph(extract);
    expect(stats.elevation).toBe('used');
    expect(graph.ele).not.toBeNull();
    const hill = grid(103.85, 36.03);
    const engine = new NetworkWalkEngine(graph);
    const up = engine.travel(hill(0, 0), hill(500, 0))!;
    const down = engine.travel(hill(500, 0), hill(0, 0))!;
    expect(up.metres).toBeCloseTo(500, 0);
    expect(up.minutes).toBeCloseTo(500 / (80 * Math.exp(-0.35)), 2);
    expect(down.minutes).toBeCloseTo(500 / 80, 2);
    // The steps carry no incline=*: the elevations (1550 → 1560 m) say they climb northwards.
    const stepsUp = engine.travel(hill(500, 0), hill(500, 30))!;
    expect(stepsUp.minutes).toBeCloseTo(30 / (80 * STEPS_FACTOR.up), 2);
    const stepsDown = engine.travel(hill(500, 30), hill(500, 0))!;
    expect(stepsDown.minutes).toBeCloseTo(30 / (80 * STEPS_FACTOR.down), 2);
    // Turning elevation off makes both directions equal.
    const flat = new NetworkWalkEngine(graph, { useElevation: false });
    expect(flat.travel(hill(0, 0), hill(500, 0))!.minutes).toBeCloseTo(500 / 80, 2);
  });
});

describe('pedestrian areas (plaza.osm)', () => {
  it('crosses the square on a chord but never cuts through the L-shaped plaza notch', async () => {
    const { extract } = await readOsmXml(fixture('plaza.osm'));
    const { graph, stats } = buildWalkGraph(extract);
    expect(stats.areas).toBe(2);
    expect(stats.areaChords).toBe(2);
    const p = grid(103.7, 36.1);
    const engine = new NetworkWalkEngine(graph);
    expect(engine.travel(p(-100, 50), p(200, 50))!.metres).toBeCloseTo(300, 0);
    expect(engine.travel(p(600, 20), p(320, 300))!.metres).toBeCloseTo(560, 0);
  });
});

describe('readOsmXml', () => {
  let dir = '';
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'walk-xml-'));
  });
  afterAll(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it('clips to a bbox, splitting ways at the edge', async () => {
    const east = river(750, 0)[0];
    const bbox = [103.7, 36.0, east, 36.1] as const;
    const { extract } = await readOsmXml(fixture('river_bridge.osm'), { bbox });
    const { graph, stats } = buildWalkGraph(extract, { contract: false });
    for (let i = 0; i < graph.nodeCount; i++) expect(graph.lon[i]!).toBeLessThanOrEqual(east);
    // Without the footbridge the banks separate (plus the island); the north bank (trunk, steps) is largest.
    expect(stats.components).toBe(3);
    expect(graph.nodeCount).toBe(12);
    expect(new Set(graph.osmId).has(3702)).toBe(true);
  });

  it('reads gzip-compressed files', async () => {
    const gz = join(dir, 'river.osm.gz');
    await writeFile(gz, gzipSync(await readFile(fixture('river_bridge.osm'))));
    const { extract } = await readOsmXml(gz);
    expect(buildWalkGraph(extract, { contract: false }).graph.nodeCount).toBe(30);
  });

  it('rejects malformed XML', async () => {
    const bad = join(dir, 'bad.osm');
    await writeFile(bad, '<osm><way id="1"><nd ref="1"/></osm>');
    await expect(readOsmXml(bad)).rejects.toThrow();
  });
});
