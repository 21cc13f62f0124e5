import { describe, expect, it } from 'vitest';
import { haversineM } from '../geo.ts';
import { rng } from '../test_support.ts';
import { type AreaTile, chooseTile, isAreaTile, tileCovers, tileQuery } from './tiles.ts';

describe('chooseTile', () => {
  it('makes a new snapped area that covers the query circle when nothing is known', () => {
    const r = rng(7);
    for (let i = 0; i < 500; i++) {
      const lon = 103.5 + r() * 0.8;
      const lat = 35.9 + r() * 0.4;
      const radius = 200 + r() * 3000;
      const { tile, reused } = chooseTile(lon, lat, radius);
      expect(reused).toBe(false);
      expect(tileCovers(tile, lon, lat, radius)).toBe(true);
      // Not wastefully large: at most the radius plus one grid step plus the snap offset bound.
      expect(tile.radiusM).toBeLessThanOrEqual(radius + 500 + 500 * Math.SQRT1_2);
    }
  });

  it('gives clicks a few metres apart the same area', () => {
    const a = chooseTile(103.8341, 36.0612, 2000).tile;
    const b = chooseTile(103.8342, 36.0613, 2000).tile;
    expect(b.key).toBe(a.key);
  });

  it('reuses the smallest known area that covers the query, and only one that covers it', () => {
    const big: AreaTile = { lon: 103.83, lat: 36.06, radiusM: 5000, key: 'big' };
    const small: AreaTile = { lon: 103.83, lat: 36.06, radiusM: 2600, key: 'small' };
    const far: AreaTile = { lon: 103.9, lat: 36.1, radiusM: 2600, key: 'far' };
    // 500 m east of the centre, needing 2,000 m: the small one (2,600 m) covers it.
    const lon500 = 103.83 + 500 / (111_195 * Math.cos((36.06 * Math.PI) / 180));
    expect(chooseTile(lon500, 36.06, 2000, [far, big, small])).toEqual({ tile: small, reused: true });
    // 700 m east: 700 + 2000 > 2600, so only the big one covers it.
    const lon700 = 103.83 + 700 / (111_195 * Math.cos((36.06 * Math.PI) / 180));
    expect(chooseTile(lon700, 36.06, 2000, [far, small, big]).tile.key).toBe('big');
    // Nothing covers a point next to "far" with 3 km: a new area.
    const fresh = chooseTile(103.9, 36.1, 3000, [far, small]);
    expect(fresh.reused).toBe(false);
    expect(['far', 'small', 'big']).not.toContain(fresh.tile.key);
  });

  it('rejects invalid points and radii', () => {
    expect(() => chooseTile(Number.NaN, 36, 100)).toThrow(RangeError);
    expect(() => chooseTile(103, 95, 100)).toThrow(RangeError);
    expect(() => chooseTile(103, 36, 0)).toThrow(RangeError);
    expect(() => chooseTile(103, 36, 25_000)).toThrow(RangeError);
  });
});

describe('tileCovers', () => {
  it('compares great-circle distance plus radius with the area radius', () => {
    const t: AreaTile = { lon: 103.8, lat: 36.05, radiusM: 1000, key: 'k' };
    const lon = 103.8 + 0.003;
    const d = haversineM(103.8, 36.05, lon, 36.05);
    expect(tileCovers(t, lon, 36.05, 1000 - d - 1)).toBe(true);
    expect(tileCovers(t, lon, 36.05, 1000 - d + 1)).toBe(false);
  });
});

describe('tileQuery / isAreaTile', () => {
  it('asks Overpass for the area circle', () => {
    const q = tileQuery({ lon: 103.83, lat: 36.06, radiusM: 2500, key: 'k' });
    expect(q).toContain('(around:2500,36.060000,103.830000)');
  });
  it('accepts only well-formed areas read back from storage', () => {
    expect(isAreaTile({ lon: 103, lat: 36, radiusM: 2000, key: 'a' })).toBe(true);
    expect(isAreaTile({ lon: 103, lat: 36, radiusM: 0, key: 'a' })).toBe(false);
    expect(isAreaTile({ lon: 103, lat: 'x', radiusM: 2000, key: 'a' })).toBe(false);
    expect(isAreaTile(null)).toBe(false);
  });
});
