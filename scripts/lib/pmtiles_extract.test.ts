// The box extractor against a local HTTP server with Range support serving an archive our writer built.

import { mkdtempSync, rmSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Compression, PMTiles, type RangeResponse, type Source, tileIdToZxy, zxyToTileId } from 'pmtiles';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Bbox, tileIdsInBox, tileRange } from '../../src/lib/tile_range';
import { httpRangeReader, locateTiles } from './pmtiles_directory';
import { extractPmtiles, planBatches } from './pmtiles_extract';
import { type TileInput, writePmtiles } from './pmtiles_writer';

class BytesSource implements Source {
  constructor(private readonly bytes: Uint8Array) {}
  getKey(): string {
    return 'memory';
  }
  async getBytes(offset: number, length: number): Promise<RangeResponse> {
    return { data: this.bytes.slice(offset, offset + length).buffer };
  }
}

/** A static host in miniature: one file, ETag, `Range: bytes=a-b` → 206 (or 200 when told to ignore it). */
function serve(state: {
  bytes: Uint8Array;
  etag: string;
  ignoreRange?: boolean;
  ranges: string[];
}): Promise<Server> {
  const server = createServer((req, res) => {
    const range = /^bytes=(\d+)-(\d+)$/.exec(req.headers.range ?? '');
    if (!range || state.ignoreRange) {
      res.writeHead(200, { 'content-length': state.bytes.length, etag: state.etag });
      res.end(state.bytes);
      return;
    }
    state.ranges.push(req.headers.range!);
    const start = Number(range[1]);
    const end = Math.min(Number(range[2]), state.bytes.length - 1);
    res.writeHead(206, {
      'content-range': `bytes ${start}-${end}/${state.bytes.length}`,
      'content-length': end - start + 1,
      etag: state.etag,
    });
    res.end(state.bytes.subarray(start, end + 1));
  });
  return new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve(server)));
}

// Source: the whole world at z0–4 and a wide region around Lanzhou at z5–9; some bodies repeat (as
// empty land/sea tiles do in real builds) so runs and shared bodies are exercised too.
const REGION: Bbox = [100, 33, 107, 39];
const BOX: Bbox = [103.2, 35.6, 104.4, 36.6];
function sourceTiles(): TileInput[] {
  const tiles: TileInput[] = [];
  for (let z = 0; z <= 9; z++) {
    const r = z <= 4 ? { x0: 0, x1: 2 ** z - 1, y0: 0, y1: 2 ** z - 1 } : tileRange(REGION, z);
    for (let x = r.x0; x <= r.x1; x++) {
      for (let y = r.y0; y <= r.y1; y++) {
        const body =
          (x + y) % 7 === 0 ? 'shared-empty-body' : `tile ${z}/${x}/${y} ${'#'.repeat((x * 31 + y) % 900)}`;
        tiles.push({ z, x, y, data: new TextEncoder().encode(body) });
      }
    }
  }
  return tiles;
}

describe('extractPmtiles', () => {
  const state = {
    bytes: new Uint8Array() as Uint8Array,
    etag: '"build-1"',
    ranges: [] as string[],
    ignoreRange: false,
  };
  let server: Server;
  let url: string;
  let dir: string;
  let all: TileInput[];
  beforeAll(async () => {
    all = sourceTiles();
    // A low root budget forces leaf directories, as in planet builds.
    state.bytes = writePmtiles(all, {
      bounds: [-180, -85, 180, 85],
      tileCompression: 'none',
      maxHeaderAndRootBytes: 400,
      initialLeafSize: 64,
      metadata: { attribution: '© OpenStreetMap contributors', version: '4.0.0' },
    }).bytes;
    server = await serve(state);
    url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/planet.pmtiles`;
    dir = mkdtempSync(join(tmpdir(), 'lym-extract-'));
  });
  afterAll(() => {
    server.close();
    rmSync(dir, { recursive: true, force: true });
  });

  const run = (extra: Partial<Parameters<typeof extractPmtiles>[0]> = {}) =>
    extractPmtiles({
      read: httpRangeReader(url),
      sourceKey: url,
      bbox: BOX,
      minZoom: 0,
      maxZoom: 9,
      workDir: join(dir, 'work'),
      maxGap: 256,
      maxBatchBytes: 4096,
      ...extra,
    });

  it('copies every tile of the box byte for byte and nothing outside it', async () => {
    const source = new PMTiles(new BytesSource(state.bytes));
    expect((await source.getHeader()).leafDirectoryLength).toBeGreaterThan(0);
    const r = await run();
    const out = new PMTiles(new BytesSource(r.bytes));
    const inBox = new Set(tileIdsInBox(BOX, 0, 9));
    let checked = 0;
    for (const t of all) {
      const id = zxyToTileId(t.z, t.x, t.y);
      const got = await out.getZxy(t.z, t.x, t.y);
      if (inBox.has(id)) {
        expect(got, `${t.z}/${t.x}/${t.y}`).toBeDefined();
        expect(new Uint8Array(got!.data)).toEqual(new Uint8Array((await source.getZxy(t.z, t.x, t.y))!.data));
        checked++;
      } else {
        expect(got, `${t.z}/${t.x}/${t.y} is outside the box`).toBeUndefined();
      }
    }
    expect(checked).toBe(inBox.size);
    expect(r.tilesFound).toBe(inBox.size);
    expect(r.stats.addressedTiles).toBe(inBox.size);
    const h = await out.getHeader();
    expect([h.minZoom, h.maxZoom, h.tileCompression]).toEqual([0, 9, Compression.None]);
    expect(await out.getMetadata()).toMatchObject({ attribution: '© OpenStreetMap contributors' });
    // Only the directories and the box's data were read, a small part of the archive.
    expect(r.bytesRead).toBeLessThan(state.bytes.length / 2);
  });

  it('keeps gzip-compressed bodies as stored (the header says gzip, the reader inflates them)', async () => {
    const gz = writePmtiles(all, { bounds: [-180, -85, 180, 85], maxHeaderAndRootBytes: 400 }).bytes;
    const saved = state.bytes;
    state.bytes = gz;
    try {
      const r = await run({ sourceKey: `${url}#gzip` });
      expect(r.stats.tileDataBytes).toBeGreaterThan(0);
      const out = new PMTiles(new BytesSource(r.bytes));
      expect((await out.getHeader()).tileCompression).toBe(Compression.Gzip);
      const [z, x, y] = tileIdToZxy(tileIdsInBox(BOX, 9, 9)[0]!);
      const text = new TextDecoder().decode((await out.getZxy(z, x, y))!.data);
      expect(text.startsWith(`tile ${z}/${x}/${y}`) || text === 'shared-empty-body').toBe(true);
    } finally {
      state.bytes = saved;
    }
  });

  it('resumes after an interruption, fetching only the batches still missing', async () => {
    const full = await run();
    const { index, tiles } = await locateTiles(httpRangeReader(url), tileIdsInBox(BOX, 0, 9));
    let reads = 0;
    const failing = httpRangeReader(url);
    await expect(
      run({
        concurrency: 1,
        read: async (o, l) => {
          if (++reads > index.requests + 3) throw new Error('connection reset');
          return failing(o, l);
        },
      }),
    ).rejects.toThrow('connection reset');
    const resumed = await run();
    expect(resumed.batchesResumed).toBeGreaterThan(0);
    expect(resumed.bytes).toEqual(full.bytes);
    // No directory reads again: one probe of the header, then the missing batches only.
    const batches = planBatches(tiles, 256, 4096).length;
    expect(resumed.requests).toBe(1 + batches - resumed.batchesResumed);
  });

  it('starts over when the source is a different build (ETag changed)', async () => {
    const { index } = await locateTiles(httpRangeReader(url), tileIdsInBox(BOX, 0, 9));
    let reads = 0;
    const reader = httpRangeReader(url);
    await expect(
      run({
        concurrency: 1,
        read: async (o, l) =>
          ++reads > index.requests + 3 ? Promise.reject(new Error('cut')) : reader(o, l),
      }),
    ).rejects.toThrow('cut');
    state.etag = '"build-2"';
    const r = await run();
    // The probe saw the new ETag, so the old parts were dropped and everything was read again.
    expect(r.batchesResumed).toBe(0);
    expect(r.requests).toBeGreaterThan(index.requests);
    expect(r.tilesFound).toBe(tileIdsInBox(BOX, 0, 9).length);
  });

  it('refuses a server that ignores Range', async () => {
    state.ignoreRange = true;
    try {
      await expect(run({ workDir: join(dir, 'norange') })).rejects.toThrow(/Range support is required/);
    } finally {
      state.ignoreRange = false;
    }
  });
});

describe('planBatches', () => {
  it('merges bodies closer than the gap, splits at the size cap, and reads a shared body once', () => {
    const t = (tileId: number, offset: number, length: number) => ({ tileId, offset, length });
    expect(planBatches([t(1, 0, 10), t(2, 15, 10), t(3, 0, 10), t(4, 100, 10)], 10, 1000)).toEqual([
      { offset: 0, length: 25 },
      { offset: 100, length: 10 },
    ]);
    expect(planBatches([t(1, 0, 10), t(2, 10, 10)], 10, 15)).toEqual([
      { offset: 0, length: 10 },
      { offset: 10, length: 10 },
    ]);
  });
});

describe('tileIdsInBox', () => {
  it('counts the tiles of the box per zoom like a brute-force scan of tile bounds', () => {
    const z = 9;
    const n = 2 ** z;
    let brute = 0;
    const lat = (y: number) => (Math.atan(Math.sinh(Math.PI * (1 - (2 * y) / n))) * 180) / Math.PI;
    for (let x = 0; x < n; x++) {
      for (let y = 0; y < n; y++) {
        const [w, e] = [(x / n) * 360 - 180, ((x + 1) / n) * 360 - 180];
        const [north, south] = [lat(y), lat(y + 1)];
        if (w <= BOX[2] && e > BOX[0] && south <= BOX[3] && north > BOX[1]) brute++;
      }
    }
    expect(tileIdsInBox(BOX, z, z).length).toBe(brute);
    expect(tileIdsInBox(BOX, 0, 0)).toEqual([0]);
  });
});
