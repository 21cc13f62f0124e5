// End-to-end test of the basemap build: fixture files → archive on disk → read back with pmtiles.

import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { PMTiles, type RangeResponse, type Source } from 'pmtiles';
import { afterAll, describe, expect, it } from 'vitest';
import { BASEMAP_FONT_FILE } from '../src/config';
import { buildBasemap, buildBasemapFromFiles, readFeatureCollection } from './build_basemap';

const fixture = (name: string) => fileURLToPath(new URL(`./lib/fixtures/${name}`, import.meta.url));
const dir = mkdtempSync(join(tmpdir(), 'basemap-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

class FileBytes implements Source {
  constructor(private readonly bytes: Uint8Array) {}
  getKey = () => 'file';
  async getBytes(offset: number, length: number): Promise<RangeResponse> {
    return { data: this.bytes.slice(offset, offset + length).buffer };
  }
}

describe('buildBasemapFromFiles', () => {
  it('writes an archive with boundary, label and place layers, and copies the font', async () => {
    const outFile = join(dir, 'a', 'basemap.pmtiles');
    const r = buildBasemapFromFiles({
      boundaries: fixture('synthetic_districts.geojson'),
      places: fixture('synthetic_places.geojson'),
      outFile,
      minZoom: 4,
      maxZoom: 12,
    });
    expect(r.minZoom).toBe(4);
    expect(r.maxZoom).toBe(12);
    expect(r.placesSkipped).toBe(1);
    expect(r.featuresPerLayer).toEqual({ boundary: 3, district_label: 3, place_label: 3 });
    expect(r.fontFile).toBe(join(dir, 'a', 'fonts', BASEMAP_FONT_FILE));
    // woff2 magic "wOF2"
    expect(readFileSync(r.fontFile!).subarray(0, 4).toString('latin1')).toBe('wOF2');

    const bytes = new Uint8Array(readFileSync(outFile));
    expect(bytes.length).toBe(r.bytes);
    const archive = new PMTiles(new FileBytes(bytes));
    const header = await archive.getHeader();
    expect(header.numAddressedTiles).toBe(r.tiles);
    expect(header.minLon).toBeCloseTo(10, 5);
    expect(header.maxLat).toBeCloseTo(10.2, 5);
    const meta = (await archive.getMetadata()) as { attribution: string; vector_layers: { id: string }[] };
    expect(meta.attribution).toMatch(/高德地图 AMap/);
    expect(meta.vector_layers.map((l) => l.id)).toEqual(['boundary', 'district_label', 'place_label']);
    expect(await archive.getZxy(4, 8, 7)).toBeDefined();
  });

  it('is deterministic', () => {
    const layers = () => [
      {
        name: 'boundary',
        features: readFeatureCollection(fixture('synthetic_districts.geojson'), 'x').features,
      },
    ];
    const a = buildBasemap({
      layers: layers(),
      outFile: join(dir, 'b1.pmtiles'),
      attribution: 't',
      fontDir: null,
    });
    const b = buildBasemap({
      layers: layers(),
      outFile: join(dir, 'b2.pmtiles'),
      attribution: 't',
      fontDir: null,
    });
    expect(a.fontFile).toBeNull();
    expect(readFileSync(join(dir, 'b1.pmtiles')).equals(readFileSync(join(dir, 'b2.pmtiles')))).toBe(true);
    expect(a.bytes).toBe(b.bytes);
  });

  it('fails clearly when the boundaries are missing', () => {
    expect(() =>
      buildBasemapFromFiles({ boundaries: join(dir, 'nope.geojson'), outFile: join(dir, 'c.pmtiles') }),
    ).toThrow(/District boundaries not found: .*nope\.geojson/);
  });
});
