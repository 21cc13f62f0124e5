import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { haversineM } from '../walk/geo';
import { rng } from '../walk/test_support';
import {
  latticeTile,
  MAX_NETWORK_TILES,
  NETWORK_TILE_M,
  networkTileQuery,
  planNetworkTiles,
  polygonMeetsRect,
  type TileDistrict,
} from './network_tiles';
import { BandedPolygon, ringsOf } from './pip';
import { SMALL_DISTRICTS } from './test_support';

const real = JSON.parse(readFileSync('data/boundaries/lanzhou_districts.geojson', 'utf8')) as {
  features: { properties: { district: string }; geometry: { type: string; coordinates: unknown } }[];
};
const districtsOf = (fc: typeof real, adcodes: readonly string[]): TileDistrict[] =>
  adcodes.map((adcode) => ({
    adcode,
    rings: fc.features.filter((f) => f.properties.district === adcode).flatMap((f) => ringsOf(f.geometry)),
  }));
const small = districtsOf(SMALL_DISTRICTS as never, ['620102', '620103']);

describe('latticeTile', () => {
  it('is a square of the given side whose circle holds its corners, keyed by lattice position', () => {
    const t = latticeTile(3456, 1234);
    const [w, s, e, n] = t.bbox;
    expect(haversineM(w, s, w, n)).toBeCloseTo(NETWORK_TILE_M, -1);
    // Degree steps are fixed at 36°N, so the east–west side is 3 km there (Lanzhou lies at 36.0–36.2°N).
    expect(Math.abs(haversineM(w, 36, e, 36) - NETWORK_TILE_M)).toBeLessThan(1);
    for (const [x, y] of [
      [w, s],
      [e, n],
      [w, n],
      [e, s],
    ] as const)
      expect(haversineM(t.lon, t.lat, x, y)).toBeLessThanOrEqual(t.radiusM + 1e-6);
    expect(t.key).toBe('sq3000:3456:1234');
    expect(latticeTile(3457, 1234).bbox[0]).toBe(e);
  });
});

describe('polygonMeetsRect', () => {
  it('agrees with a brute-force check (vertices, corners and dense samples) on random rectangles', () => {
    const rings = small[0]?.rings ?? [];
    const poly = new BandedPolygon(rings);
    const [pw, ps, pe, pn] = poly.bbox;
    const r = rng(5);
    let hits = 0;
    for (let k = 0; k < 300; k++) {
      const x = pw - 0.01 + r() * (pe - pw + 0.02);
      const y = ps - 0.01 + r() * (pn - ps + 0.02);
      const rect = [x, y, x + r() * 0.01, y + r() * 0.01];
      let brute = false;
      for (const ring of rings)
        for (const v of ring)
          if (
            (v[0] as number) >= rect[0]! &&
            (v[0] as number) <= rect[2]! &&
            (v[1] as number) >= rect[1]! &&
            (v[1] as number) <= rect[3]!
          )
            brute = true;
      for (let i = 0; i <= 40 && !brute; i++)
        for (let j = 0; j <= 40 && !brute; j++)
          if (
            poly.contains(
              rect[0]! + ((rect[2]! - rect[0]!) * i) / 40,
              rect[1]! + ((rect[3]! - rect[1]!) * j) / 40,
            )
          )
            brute = true;
      // The exact test may also find a thin crossing the samples miss, never the reverse.
      if (brute) expect(polygonMeetsRect(poly, rings, rect)).toBe(true);
      if (polygonMeetsRect(poly, rings, rect)) hits++;
    }
    expect(hits).toBeGreaterThan(30);
  });
});

describe('planNetworkTiles', () => {
  it('covers every point of the districts with a planned tile, and plans no tile beyond the margin', () => {
    const plan = planNetworkTiles(small, [], { tileM: 500, maxTiles: 10_000, marginM: 200 });
    expect(plan.leftOut).toEqual([]);
    expect(plan.tiles.length).toBe(plan.needed);
    const keys = new Set(plan.tiles.map((t) => t.key));
    const r = rng(9);
    for (const d of small) {
      const poly = new BandedPolygon(d.rings);
      const [w, s, e, n] = poly.bbox;
      for (let k = 0; k < 2000; k++) {
        const x = w + r() * (e - w);
        const y = s + r() * (n - s);
        if (!poly.contains(x, y)) continue;
        const t = plan.tiles.find((q) => x >= q.bbox[0] && x < q.bbox[2] && y >= q.bbox[1] && y < q.bbox[3]);
        expect(t && keys.has(t.key)).toBe(true);
      }
    }
    // Every planned tile, grown by the margin, meets a district.
    const polys = small.map((d) => ({ poly: new BandedPolygon(d.rings), rings: d.rings }));
    for (const t of plan.tiles) {
      const m = 200 / 111_195;
      const grown = [t.bbox[0] - m * 1.3, t.bbox[1] - m, t.bbox[2] + m * 1.3, t.bbox[3] + m];
      expect(polys.some((p) => polygonMeetsRect(p.poly, p.rings, grown))).toBe(true);
    }
  });

  it('keeps the tiles with the most facilities under the cap and says what each district leaves out', () => {
    const all = planNetworkTiles(small, [], { tileM: 500, maxTiles: 10_000 });
    expect(all.needed).toBeGreaterThan(12);
    // Facilities in two tiles far apart: those two come first, then the tiles nearest their centre.
    const a = all.tiles[all.tiles.length - 1]!;
    const b = all.tiles[Math.floor(all.tiles.length / 2)]!;
    const points = [
      { lon: a.lon, lat: a.lat },
      { lon: a.lon, lat: a.lat },
      { lon: b.lon, lat: b.lat },
    ];
    const capped = planNetworkTiles(small, points, { tileM: 500, maxTiles: 6 });
    expect(capped.tiles).toHaveLength(6);
    expect(capped.needed).toBe(all.needed);
    expect(capped.tiles[0]?.key).toBe(a.key);
    expect(capped.tiles[1]?.key).toBe(b.key);
    const cx = (2 * a.lon + b.lon) / 3;
    const cy = (2 * a.lat + b.lat) / 3;
    const d = (t: { lon: number; lat: number }) => haversineM(cx, cy, t.lon, t.lat);
    const rest = capped.tiles.slice(2).map(d);
    expect(rest).toEqual([...rest].sort((x, y) => x - y));
    const keptKeys = new Set(capped.tiles.map((t) => t.key));
    const farthestKept = Math.max(...rest);
    for (const t of all.tiles)
      if (!keptKeys.has(t.key)) expect(d(t)).toBeGreaterThanOrEqual(farthestKept - 1);
    expect(capped.leftOut.length).toBeGreaterThan(0);
    for (const d of capped.leftOut) {
      expect(d.tilesLeft).toBeGreaterThan(0);
      expect(d.tilesLeft).toBeLessThanOrEqual(d.tiles);
      expect(d.areaShare).toBeGreaterThan(0);
      expect(d.areaShare).toBeLessThanOrEqual(1);
    }
    // The left-out shares add up with what was kept: a cap of 0 leaves every district wholly out.
    const none = planNetworkTiles(small, points, { tileM: 500, maxTiles: 0 });
    expect(none.tiles).toEqual([]);
    for (const d of none.leftOut) expect(d.areaShare).toBeCloseTo(1, 9);
  });

  it('plans the four urban districts of Lanzhou at the default size, over the default cap', () => {
    const urban = districtsOf(real, ['620102', '620103', '620104', '620105']);
    const plan = planNetworkTiles(urban, []);
    expect(plan.tiles).toHaveLength(MAX_NETWORK_TILES);
    // 城关 220, 七里河 397, 西固 385, 安宁 86 km²: ~1,090 km² in 9 km² tiles, plus the margins.
    expect(plan.needed).toBeGreaterThan(120);
    expect(plan.needed).toBeLessThan(260);
    expect(plan.leftOut.length).toBeGreaterThan(0);
    // Anning alone fits under the cap.
    const anning = planNetworkTiles(districtsOf(real, ['620105']), []);
    expect(anning.leftOut).toEqual([]);
    expect(anning.tiles.length).toBe(anning.needed);
  });
});

describe('networkTileQuery', () => {
  it('asks for the walkable ways of the bbox (south, west, north, east) with their nodes', () => {
    const t = latticeTile(34567, 12988);
    const q = networkTileQuery(t);
    const [w, s, e, n] = t.bbox;
    expect(q).toContain(`(${s.toFixed(6)},${w.toFixed(6)},${n.toFixed(6)},${e.toFixed(6)})`);
    expect(q).toContain('way["highway"]');
    expect(q).toContain('(._;>;);');
    expect(q.startsWith('[out:json][timeout:25];')).toBe(true);
  });
});
