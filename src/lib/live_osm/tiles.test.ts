import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { DistrictCollectionLike } from '../districts.ts';
import { OVERPASS_SELECTORS } from '../osm_rules.ts';
import {
  isLiveTile,
  LIVE_TILE_DEG,
  liveTileQuery,
  liveTiles,
  OUTER_DISTRICTS,
  URBAN_DISTRICTS,
} from './tiles.ts';

const districts = JSON.parse(
  readFileSync('data/boundaries/lanzhou_districts.geojson', 'utf8'),
) as DistrictCollectionLike;

/** Brute force: a tile is needed when some point of a sample grid inside it is in one of the districts. */
function bruteForce(adcodes: readonly string[]): Set<string> {
  const rings = districts.features
    .filter((f) => adcodes.includes(f.properties.district))
    .flatMap((f) =>
      (f.geometry.type === 'Polygon'
        ? [f.geometry.coordinates as number[][][]]
        : (f.geometry.coordinates as number[][][][])
      ).map((p) => p[0]!),
    );
  const inRing = (x: number, y: number, r: number[][]) => {
    let inside = false;
    for (let i = 0, j = r.length - 1; i < r.length; j = i++)
      if (
        r[i]![1]! > y !== r[j]![1]! > y &&
        x < ((r[j]![0]! - r[i]![0]!) * (y - r[i]![1]!)) / (r[j]![1]! - r[i]![1]!) + r[i]![0]!
      )
        inside = !inside;
    return inside;
  };
  const keys = new Set<string>();
  // Every 0.02° (~2 km), over the chosen districts' box only: a few seconds even on a busy machine.
  const xs = rings.flat().map((p) => p[0]!);
  const ys = rings.flat().map((p) => p[1]!);
  for (let x = Math.min(...xs); x < Math.max(...xs); x += 0.02)
    for (let y = Math.min(...ys); y < Math.max(...ys); y += 0.02)
      if (rings.some((r) => inRing(x, y, r)))
        keys.add(`g${LIVE_TILE_DEG}:${Math.floor(x / LIVE_TILE_DEG)}:${Math.floor(y / LIVE_TILE_DEG)}`);
  return keys;
}

describe('liveTiles', () => {
  it('covers the urban districts with grid tiles that meet their polygons (checked by sampling)', () => {
    const tiles = liveTiles(districts, URBAN_DISTRICTS);
    const keys = new Set(tiles.map((t) => t.key));
    const sampled = bruteForce(URBAN_DISTRICTS);
    // Every sampled point of the districts lies in a chosen tile …
    for (const k of sampled) expect(keys.has(k)).toBe(true);
    // … and no more than a few edge slivers beyond what sampling finds.
    expect(tiles.length).toBeLessThanOrEqual(sampled.size + 4);
    expect(tiles.length).toBe(23);
    for (const t of tiles) {
      expect(t.bbox[2] - t.bbox[0]).toBeCloseTo(LIVE_TILE_DEG, 9);
      expect(isLiveTile(t)).toBe(true);
    }
  });

  it('is stable and aligned: the same place always gets the same tile, whatever else is chosen', () => {
    const urban = liveTiles(districts, URBAN_DISTRICTS);
    const all = liveTiles(districts, [...URBAN_DISTRICTS, ...OUTER_DISTRICTS]);
    const allKeys = new Map(all.map((t) => [t.key, t.bbox.join()]));
    for (const t of urban) expect(allKeys.get(t.key)).toBe(t.bbox.join());
    expect(liveTiles(districts, [])).toEqual([]);
    expect(isLiveTile({ key: 'x', bbox: [1, 2, 3] })).toBe(false);
  });
});

describe('liveTileQuery', () => {
  it('asks for every rules selector in the tile with tags and bounds, and the rivers around it with geometry', () => {
    const q = liveTileQuery({ key: 'k', bbox: [103.8, 36, 103.9, 36.1] });
    expect(q.startsWith('[out:json][timeout:60];(')).toBe(true);
    for (const s of OVERPASS_SELECTORS) expect(q).toContain(`${s}(36,103.8,36.1,103.9);`);
    expect(q).toContain(');out tags bb;way["waterway"="river"](35.995,103.795,36.105,103.905);out geom;');
  });
});
