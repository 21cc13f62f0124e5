import { readFileSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { validateStyleMin } from '@maplibre/maplibre-gl-style-spec';
import type { Feature } from 'geojson';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { offlineStyle } from '../../../src/map/offline_style.ts';
import type { ZoomedLayer } from './basemap_layers_osm.ts';
import { buildOsmBasemap } from './osm_basemap.ts';
import { layerFeatures, mvtDecoder, openPmtiles, tileOf } from './test_tiles.ts';

// Synthetic shapes near (103.80, 36.05), not real places.
const point = (lon: number, lat: number, props: Record<string, string>): Feature => ({
  type: 'Feature',
  properties: props,
  geometry: { type: 'Point', coordinates: [lon, lat] },
});
const square = (lon: number, lat: number, d: number, props: Record<string, string>): Feature => ({
  type: 'Feature',
  properties: props,
  geometry: {
    type: 'Polygon',
    coordinates: [
      [
        [lon, lat],
        [lon + d, lat],
        [lon + d, lat + d],
        [lon, lat + d],
        [lon, lat],
      ],
    ],
  },
});
const line = (props: Record<string, string>): Feature => ({
  type: 'Feature',
  properties: props,
  geometry: {
    type: 'LineString',
    coordinates: [
      [103.79, 36.05],
      [103.81, 36.05],
    ],
  },
});

describe('buildOsmBasemap', () => {
  let dir = '';
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'osm-basemap-'));
  });
  afterAll(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  const layers: ZoomedLayer[] = [
    { name: 'water', features: [{ feature: square(103.79, 36.04, 0.02, { class: 'river' }), minZoom: 4 }] },
    {
      name: 'park',
      features: [{ feature: square(103.8, 36.051, 0.002, { class: 'park', name: '测试公园' }), minZoom: 8 }],
    },
    {
      name: 'road',
      features: [
        { feature: line({ class: 'primary', name: 'Test Primary' }), minZoom: 8 },
        { feature: line({ class: 'residential', name: 'Test Lane' }), minZoom: 12 },
      ],
    },
    {
      name: 'building',
      features: [{ feature: square(103.8001, 36.0501, 0.0002, { class: 'yes' }), minZoom: 13 }],
    },
    {
      name: 'place',
      features: [{ feature: point(103.8, 36.05, { class: 'suburb', name: '测试街道' }), minZoom: 10 }],
    },
  ];

  it('carries each feature from its own first zoom (zoom bands)', async () => {
    const outFile = join(dir, 'a.pmtiles');
    const r = buildOsmBasemap({ layers, outFile, minZoom: 4, maxZoom: 14, attribution: 'test' });
    expect(r.bands).toEqual([
      [4, 7],
      [8, 9],
      [10, 11],
      [12, 12],
      [13, 14],
    ]);
    const archive = openPmtiles(outFile);
    const decode = await mvtDecoder();
    const at = async (z: number) => {
      const [x, y] = tileOf(103.8001, 36.0501, z);
      const t = await archive.getZxy(z, x, y);
      return decode(t!.data);
    };
    const names = (tile: Awaited<ReturnType<typeof at>>, layer: string) =>
      layerFeatures(tile, layer).map((f) => String(f.properties.name ?? f.properties.class));
    const z6 = await at(6);
    expect(Object.keys(z6.layers)).toEqual(['water']);
    const z9 = await at(9);
    expect(names(z9, 'road')).toEqual(['Test Primary']);
    expect(z9.layers.building).toBeUndefined();
    const z12 = await at(12);
    expect(names(z12, 'road').sort()).toEqual(['Test Lane', 'Test Primary']);
    expect(names(z12, 'place')).toEqual(['测试街道']);
    expect(z12.layers.building).toBeUndefined();
    const z14 = await at(14);
    expect(names(z14, 'building')).toEqual(['yes']);

    const meta = (await archive.getMetadata()) as {
      vector_layers: { id: string; minzoom: number }[];
      attribution: string;
    };
    expect(meta.attribution).toBe('test');
    expect(Object.fromEntries(meta.vector_layers.map((l) => [l.id, l.minzoom]))).toEqual({
      water: 4,
      park: 8,
      road: 8,
      building: 13,
      place: 10,
    });
  });

  it('is what the offline day and night styles read, and both validate', async () => {
    const outFile = join(dir, 'b.pmtiles');
    buildOsmBasemap({ layers, outFile, minZoom: 4, maxZoom: 14, attribution: 'test' });
    const meta = (await openPmtiles(outFile).getMetadata()) as { vector_layers: { id: string }[] };
    const ids = new Set(meta.vector_layers.map((l) => l.id));
    for (const theme of ['day', 'night'] as const) {
      const style = offlineStyle({
        theme,
        lang: 'zh',
        pmtilesUrl: 'https://example.test/osm.pmtiles',
        hasOsmLayers: true,
      });
      expect(validateStyleMin(style)).toEqual([]);
      const read = new Set(
        style.layers.map((l) => ('source-layer' in l ? l['source-layer'] : undefined)).filter(Boolean),
      );
      // boundary / district_label / place_label come from the district layers the import adds beside these.
      for (const name of ['water', 'park', 'road', 'building', 'place']) {
        expect(read.has(name)).toBe(true);
        expect(ids.has(name)).toBe(true);
      }
    }
  });

  it('is deterministic and refuses empty input', async () => {
    const a = buildOsmBasemap({
      layers,
      outFile: join(dir, 'c1.pmtiles'),
      minZoom: 4,
      maxZoom: 14,
      attribution: 't',
    });
    const b = buildOsmBasemap({
      layers,
      outFile: join(dir, 'c2.pmtiles'),
      minZoom: 4,
      maxZoom: 14,
      attribution: 't',
    });
    expect(a.bytes).toBe(b.bytes);
    expect(readFileSync(join(dir, 'c1.pmtiles')).equals(readFileSync(join(dir, 'c2.pmtiles')))).toBe(true);
    expect(() =>
      buildOsmBasemap({
        layers: [{ name: 'road', features: [] }],
        outFile: join(dir, 'd.pmtiles'),
        minZoom: 4,
        maxZoom: 14,
        attribution: 't',
      }),
    ).toThrow(/no features/);
  });
});
