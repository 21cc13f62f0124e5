// Tests of GeoJSON → MVT slicing, decoded with the same @mapbox/vector-tile reader maplibre-gl uses.

import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Feature } from 'geojson';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildVectorTiles } from './vector_tiles';

// The decoder is maplibre-gl's own dependency (not hoisted: the top-level copy is an older major), so
// resolve it from maplibre-gl's folder. Only the members the tests touch are typed.
interface DecodedFeature {
  id: number | undefined;
  type: 0 | 1 | 2 | 3;
  properties: Record<string, string | number | boolean>;
  toGeoJSON(x: number, y: number, z: number): Feature;
  loadGeometry(): { x: number; y: number }[][];
}
interface DecodedTile {
  layers: Record<
    string,
    { version: number; extent: number; length: number; feature(i: number): DecodedFeature }
  >;
}
let decode: (data: Uint8Array) => DecodedTile;

beforeAll(async () => {
  const req = createRequire(import.meta.url);
  const maplibreDir = (req.resolve.paths('maplibre-gl') ?? [])
    .map((p) => join(p, 'maplibre-gl'))
    .find((p) => existsSync(join(p, 'package.json')));
  if (!maplibreDir) throw new Error('maplibre-gl not found');
  const fromMaplibre = createRequire(join(maplibreDir, 'package.json'));
  const { VectorTile } = await import(pathToFileURL(fromMaplibre.resolve('@mapbox/vector-tile')).href);
  const { PbfReader } = await import(pathToFileURL(fromMaplibre.resolve('pbf')).href);
  decode = (data) => new VectorTile(new PbfReader(data)) as DecodedTile;
});

function features(tile: DecodedTile, layer: string): DecodedFeature[] {
  const l = tile.layers[layer];
  return l ? Array.from({ length: l.length }, (_, i) => l.feature(i)) : [];
}

/** lon/lat → tile at zoom z (Web Mercator). */
function tileOf(lon: number, lat: number, z: number): [number, number] {
  const n = 2 ** z;
  const x = Math.floor(((lon + 180) / 360) * n);
  const r = (lat * Math.PI) / 180;
  const y = Math.floor(((1 - Math.log(Math.tan(r) + 1 / Math.cos(r)) / Math.PI) / 2) * n);
  return [x, y];
}

// Synthetic test shapes (not real places).
const square: Feature = {
  type: 'Feature',
  id: 7,
  properties: { name_zh: '测试区', name_en: 'Test district', code: 620999, big: true, missing: null },
  // Deliberately clockwise (wrong for RFC 7946) with a counter-clockwise hole, to check winding is fixed.
  geometry: {
    type: 'Polygon',
    coordinates: [
      [
        [10, 10],
        [10, 10.2],
        [10.2, 10.2],
        [10.2, 10],
        [10, 10],
      ],
      [
        [10.05, 10.05],
        [10.15, 10.05],
        [10.15, 10.15],
        [10.05, 10.15],
        [10.05, 10.05],
      ],
    ],
  },
};
const road: Feature = {
  type: 'Feature',
  id: 'not-numeric',
  properties: { class: 'primary', name: '测试路' },
  geometry: {
    type: 'LineString',
    coordinates: [
      [9.9, 10.1],
      [10.3, 10.1],
    ],
  },
};
const label: Feature = {
  type: 'Feature',
  properties: { name_zh: '标签', name_en: 'Label', rank: 2, tags: { a: 1 } },
  geometry: { type: 'Point', coordinates: [10.1, 10.18] },
};

describe('buildVectorTiles', () => {
  const set = buildVectorTiles(
    [
      { name: 'boundary', features: [square] },
      { name: 'road', features: [road], minZoom: 6 },
      { name: 'district_label', features: [label], description: 'labels' },
    ],
    { minZoom: 4, maxZoom: 9 },
  );

  it('emits only non-empty tiles within the zoom range, one per (z, x, y)', () => {
    const zooms = new Set(set.tiles.map((t) => t.z));
    expect(Math.min(...zooms)).toBe(4);
    expect(Math.max(...zooms)).toBe(9);
    const keys = set.tiles.map((t) => `${t.z}/${t.x}/${t.y}`);
    expect(new Set(keys).size).toBe(keys.length);
    expect(set.tiles.every((t) => t.data.length > 0)).toBe(true);
    for (const [z, n] of Object.entries(set.tilesPerZoom)) {
      expect(set.tiles.filter((t) => t.z === Number(z)).length).toBe(n);
    }
    expect(set.bounds).toEqual([9.9, 10, 10.3, 10.2]);
  });

  it('encodes features and properties that decode back', () => {
    const [x, y] = tileOf(10.1, 10.18, 8);
    const tile = set.tiles.find((t) => t.z === 8 && t.x === x && t.y === y);
    expect(tile).toBeDefined();
    const decoded = decode(tile!.data);
    expect(decoded.layers.boundary?.version).toBe(2);
    expect(decoded.layers.boundary?.extent).toBe(4096);

    const [poly] = features(decoded, 'boundary');
    expect(poly?.type).toBe(3);
    expect(poly?.id).toBe(7);
    expect(poly?.properties).toEqual({
      name_zh: '测试区',
      name_en: 'Test district',
      code: 620999,
      big: true,
    });

    const [line] = features(decoded, 'road');
    expect(line?.type).toBe(2);
    expect(line?.id).toBeUndefined(); // a non-numeric id is dropped, not encoded as garbage
    expect(line?.properties).toEqual({ class: 'primary', name: '测试路' });

    const [pt] = features(decoded, 'district_label');
    expect(pt?.type).toBe(1);
    expect(pt?.properties).toEqual({ name_zh: '标签', name_en: 'Label', rank: 2, tags: '{"a":1}' });
    const gj = pt!.toGeoJSON(x, y, 8);
    const [lon, lat] = (gj.geometry as { coordinates: number[] }).coordinates as [number, number];
    // One extent unit at z8 is 360 / 256 / 4096 degrees ≈ 0.00034°.
    expect(lon).toBeCloseTo(10.1, 3);
    expect(lat).toBeCloseTo(10.18, 3);
  });

  it('writes MVT winding whatever the input winding: exterior clockwise in tile space, hole opposite', () => {
    const [x, y] = tileOf(10.1, 10.1, 9);
    const tile = set.tiles.find((t) => t.z === 9 && t.x === x && t.y === y)!;
    const [poly] = features(decode(tile.data), 'boundary');
    const rings = poly!.loadGeometry();
    expect(rings.length).toBe(2);
    // MVT spec 4.3.4.4: exterior rings have positive surveyor's-formula area in tile coordinates (y down).
    expect(surveyorArea(rings[0]!)).toBeGreaterThan(0);
    expect(surveyorArea(rings[1]!)).toBeLessThan(0);
    const gj = poly!.toGeoJSON(x, y, 9);
    expect(gj.geometry.type).toBe('Polygon');
  });

  it('honours a layer minZoom and reports TileJSON vector_layers', () => {
    const [x, y] = tileOf(10.1, 10.1, 5);
    const z5 = set.tiles.find((t) => t.z === 5 && t.x === x && t.y === y)!;
    expect(Object.keys(decode(z5.data).layers).sort()).toEqual(['boundary', 'district_label']);
    const [x6, y6] = tileOf(10.1, 10.1, 6);
    const z6 = set.tiles.find((t) => t.z === 6 && t.x === x6 && t.y === y6)!;
    expect(Object.keys(decode(z6.data).layers)).toContain('road');

    expect(set.vectorLayers).toEqual([
      {
        id: 'boundary',
        fields: { name_zh: 'String', name_en: 'String', code: 'Number', big: 'Boolean' },
        minzoom: 4,
        maxzoom: 9,
      },
      { id: 'road', fields: { class: 'String', name: 'String' }, minzoom: 6, maxzoom: 9 },
      {
        id: 'district_label',
        fields: { name_zh: 'String', name_en: 'String', rank: 'Number', tags: 'String' },
        minzoom: 4,
        maxzoom: 9,
        description: 'labels',
      },
    ]);
  });

  it('covers a polygon interior at the deepest zoom (no holes in the pyramid)', () => {
    // The square spans ~0.2°: at z9 (0.70° per tile) it touches 1–4 tiles; all must be present.
    const corners = [
      [10, 10],
      [10.2, 10.2],
      [10, 10.2],
      [10.2, 10],
    ].map(([lon, lat]) => tileOf(lon!, lat!, 9).join('/'));
    for (const c of new Set(corners))
      expect(set.tiles.some((t) => `${t.z}/${t.x}/${t.y}` === `9/${c}`)).toBe(true);
  });

  it('rejects duplicate layer names and bad zoom ranges', () => {
    expect(() =>
      buildVectorTiles(
        [
          { name: 'a', features: [] },
          { name: 'a', features: [] },
        ],
        { minZoom: 0, maxZoom: 2 },
      ),
    ).toThrow(/duplicate/);
    expect(() => buildVectorTiles([], { minZoom: 5, maxZoom: 3 })).toThrow(/zoom/);
  });

  it('returns no tiles for empty layers but still lists them', () => {
    const empty = buildVectorTiles([{ name: 'water', features: [] }], { minZoom: 0, maxZoom: 3 });
    expect(empty.tiles).toEqual([]);
    expect(empty.bounds).toBeNull();
    expect(empty.vectorLayers.map((l) => l.id)).toEqual(['water']);
  });
});

function surveyorArea(ring: { x: number; y: number }[]): number {
  let sum = 0;
  for (let i = 0; i < ring.length; i++) {
    const a = ring[i]!;
    const b = ring[(i + 1) % ring.length]!;
    sum += a.x * b.y - b.x * a.y;
  }
  return sum / 2;
}
