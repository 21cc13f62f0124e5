// Round-trip tests of the PMTiles writer through the `pmtiles` reader the app itself uses.

import { gunzipSync } from 'node:zlib';
import {
  Compression,
  PMTiles,
  type RangeResponse,
  type Source,
  TileType,
  tileIdToZxy,
  zxyToTileId,
} from 'pmtiles';
import { describe, expect, it } from 'vitest';
import { type TileInput, writePmtiles } from './pmtiles_writer';

/** Serves an in-memory archive to the reader, as HTTP range requests would. */
class BytesSource implements Source {
  reads = 0;
  constructor(private readonly bytes: Uint8Array) {}
  getKey(): string {
    return 'memory';
  }
  async getBytes(offset: number, length: number): Promise<RangeResponse> {
    this.reads++;
    const slice = this.bytes.slice(offset, offset + length);
    return { data: slice.buffer };
  }
}

/** Deterministic PRNG (mulberry32) so the big test is reproducible. */
function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const text = (s: string) => new TextEncoder().encode(s);

describe('writePmtiles', () => {
  it('writes a header, metadata and tiles that the pmtiles reader reads back', async () => {
    const tiles: TileInput[] = [
      { z: 0, x: 0, y: 0, data: text('zero') },
      { z: 1, x: 1, y: 0, data: text('one-ne') },
      { z: 1, x: 0, y: 1, data: text('one-sw') },
      { z: 2, x: 3, y: 1, data: text('two') },
    ];
    const metadata = {
      name: '测试',
      attribution: '© OpenStreetMap contributors',
      vector_layers: [{ id: 'a' }],
    };
    const { bytes, stats } = writePmtiles(tiles, {
      metadata,
      bounds: [103.1, 35.9, 104.2, 36.7],
      center: [103.8236, 36.0611, 2],
      tileType: TileType.Mvt,
    });
    expect(new TextDecoder().decode(bytes.subarray(0, 7))).toBe('PMTiles');

    const archive = new PMTiles(new BytesSource(bytes));
    const h = await archive.getHeader();
    expect(h.specVersion).toBe(3);
    expect(h.rootDirectoryOffset).toBe(127);
    expect(h.minZoom).toBe(0);
    expect(h.maxZoom).toBe(2);
    expect(h.minLon).toBeCloseTo(103.1, 6);
    expect(h.minLat).toBeCloseTo(35.9, 6);
    expect(h.maxLon).toBeCloseTo(104.2, 6);
    expect(h.maxLat).toBeCloseTo(36.7, 6);
    expect(h.centerLon).toBeCloseTo(103.8236, 6);
    expect(h.centerLat).toBeCloseTo(36.0611, 6);
    expect(h.centerZoom).toBe(2);
    expect(h.tileType).toBe(TileType.Mvt);
    expect(h.tileCompression).toBe(Compression.Gzip);
    expect(h.internalCompression).toBe(Compression.Gzip);
    expect(h.clustered).toBe(true);
    expect(h.numAddressedTiles).toBe(4);
    expect(h.numTileEntries).toBe(4);
    expect(h.numTileContents).toBe(4);
    expect(h.leafDirectoryLength).toBe(0);
    expect(h.tileDataOffset + (h.tileDataLength ?? 0)).toBe(bytes.length);
    expect(stats.totalBytes).toBe(bytes.length);

    expect(await archive.getMetadata()).toEqual(metadata);
    for (const t of tiles) {
      const got = await archive.getZxy(t.z, t.x, t.y);
      expect(got, `${t.z}/${t.x}/${t.y}`).toBeDefined();
      expect(new Uint8Array(got!.data)).toEqual(t.data);
    }
    // Absent tiles stay absent.
    expect(await archive.getZxy(1, 0, 0)).toBeUndefined();
    expect(await archive.getZxy(2, 0, 0)).toBeUndefined();
  });

  it('stores tile bodies gzip-compressed, or raw when asked', () => {
    const body = text('a body long enough to be worth compressing '.repeat(20));
    const gz = writePmtiles([{ z: 0, x: 0, y: 0, data: body }], { bounds: [0, 0, 1, 1] });
    const raw = writePmtiles([{ z: 0, x: 0, y: 0, data: body }], {
      bounds: [0, 0, 1, 1],
      tileCompression: 'none',
    });
    const tail = (b: Uint8Array, n: number) => b.subarray(b.length - n);
    expect(gunzipSync(tail(gz.bytes, gz.stats.tileDataBytes))).toEqual(Buffer.from(body));
    expect(tail(raw.bytes, raw.stats.tileDataBytes)).toEqual(body);
    expect(raw.bytes[98]).toBe(Compression.None);
  });

  it('deduplicates identical bodies and run-length encodes consecutive ones', async () => {
    const same = text('ocean');
    // z2 tile ids 5..20 in Hilbert order: a run of 16 identical tiles, then one different far away.
    const tiles: TileInput[] = [];
    for (let id = 5; id < 21; id++) {
      const [z, x, y] = tileIdToZxy(id);
      tiles.push({ z, x, y, data: same });
    }
    tiles.push({ z: 3, x: 7, y: 7, data: same });
    tiles.push({ z: 3, x: 0, y: 0, data: text('land') });
    const { bytes, stats } = writePmtiles(tiles, { bounds: [-180, -85, 180, 85] });
    expect(stats.addressedTiles).toBe(18);
    expect(stats.tileContents).toBe(2);
    // The z2 run is one entry; the two z3 tiles are not adjacent to it or each other.
    expect(stats.tileEntries).toBe(3);
    const archive = new PMTiles(new BytesSource(bytes));
    for (const t of tiles) {
      const got = await archive.getZxy(t.z, t.x, t.y);
      expect(new Uint8Array(got!.data)).toEqual(t.data);
    }
  });

  it('moves entries to leaf directories when the root would exceed 16 KiB, and every tile still reads back', async () => {
    const random = rng(42);
    const tiles: TileInput[] = [];
    let id = 0;
    // Sparse ids and random lengths give the directory enough entropy that gzip cannot squeeze it.
    while (tiles.length < 20_000) {
      id += 1 + Math.floor(random() * 40);
      const [z, x, y] = tileIdToZxy(id);
      const data = new Uint8Array(1 + Math.floor(random() * 300));
      for (let i = 0; i < data.length; i++) data[i] = Math.floor(random() * 256);
      tiles.push({ z, x, y, data });
    }
    const { bytes, stats } = writePmtiles(tiles, { bounds: [-180, -85, 180, 85], tileCompression: 'none' });
    expect(stats.leafDirectories).toBeGreaterThan(1);
    expect(127 + stats.rootDirectoryBytes).toBeLessThanOrEqual(16_384);

    const source = new BytesSource(bytes);
    const archive = new PMTiles(source);
    const h = await archive.getHeader();
    expect(h.leafDirectoryLength).toBe(stats.leafDirectoriesBytes);
    expect(h.numTileEntries).toBe(20_000);
    expect(h.minZoom).toBe(stats.minZoom);
    expect(h.maxZoom).toBe(stats.maxZoom);
    for (const t of tiles) {
      const got = await archive.getZxy(t.z, t.x, t.y);
      expect(got, `${t.z}/${t.x}/${t.y}`).toBeDefined();
      expect(Buffer.from(got!.data).equals(Buffer.from(t.data))).toBe(true);
    }
    // A tile id between two stored ones is absent even though a leaf covers it.
    const gap = tiles.findIndex((t, i) => i > 0 && zxy(t) - zxy(tiles[i - 1]!) > 1);
    const [gz, gx, gy] = tileIdToZxy(zxy(tiles[gap]!) - 1);
    expect(await archive.getZxy(gz, gx, gy)).toBeUndefined();
  });

  it('builds leaves from a small root budget too (many leaves, one level)', async () => {
    const tiles: TileInput[] = [];
    for (let x = 0; x < 64; x++)
      for (let y = 0; y < 64; y++) tiles.push({ z: 6, x, y, data: text(`${x},${y}`) });
    const { bytes, stats } = writePmtiles(tiles, {
      bounds: [-180, -85, 180, 85],
      tileCompression: 'none',
      maxHeaderAndRootBytes: 200,
      initialLeafSize: 100,
    });
    expect(stats.leafDirectories).toBeGreaterThan(1);
    expect(127 + stats.rootDirectoryBytes).toBeLessThanOrEqual(200);
    const archive = new PMTiles(new BytesSource(bytes));
    for (const t of tiles) {
      const got = await archive.getZxy(t.z, t.x, t.y);
      expect(new TextDecoder().decode(got!.data)).toBe(`${t.x},${t.y}`);
    }
  });

  it('rejects empty tiles, duplicates and an empty archive', () => {
    const b: [number, number, number, number] = [0, 0, 1, 1];
    expect(() => writePmtiles([], { bounds: b })).toThrow(/no tiles/);
    expect(() => writePmtiles([{ z: 0, x: 0, y: 0, data: new Uint8Array(0) }], { bounds: b })).toThrow(
      /empty/,
    );
    const t = { z: 1, x: 1, y: 1, data: text('x') };
    expect(() => writePmtiles([t, { ...t }], { bounds: b })).toThrow(/duplicate/);
  });
});

function zxy(t: TileInput): number {
  return zxyToTileId(t.z, t.x, t.y);
}
