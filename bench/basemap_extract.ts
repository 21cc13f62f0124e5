// Basemap extract: Lanzhou's box (z0–15) cut by range reads out of a larger local archive, vs downloading
// the whole archive once over the same local HTTP server. The archive is synthetic (seeded bodies of
// 200 B–4 KiB, invented), planet-shaped in its structure: leaf directories, clustered bodies, shared bodies.

import { mkdtempSync, rmSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { httpRangeReader } from '../scripts/lib/pmtiles_directory';
import { extractPmtiles } from '../scripts/lib/pmtiles_extract';
import { type TileInput, writePmtiles } from '../scripts/lib/pmtiles_writer';
import { LANZHOU_BBOX } from '../src/config';
import { type Bbox, tileRange } from '../src/lib/tile_range';
import { fmt, isMain, machineNote } from './walk_synthetic.ts';

/** The world at z0–8, a wide region around Lanzhou at z9–13 and the box plus 0.3° at z14–15. */
function syntheticArchive(): Uint8Array {
  const region: Bbox = [100.5, 34, 106.5, 38.5];
  const [w, s, e, n] = LANZHOU_BBOX;
  const near: Bbox = [w - 0.3, s - 0.3, e + 0.3, n + 0.3];
  // mulberry32: seeded, so every run extracts from the same archive.
  let seed = 7;
  const rand = () => {
    seed = (seed + 0x6d2b79f5) >>> 0;
    let t = Math.imul(seed ^ (seed >>> 15), seed | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 2 ** 32;
  };
  const shared = new Uint8Array(180).fill(1);
  const tiles: TileInput[] = [];
  for (let z = 0; z <= 15; z++) {
    const r =
      z <= 8 ? { x0: 0, x1: 2 ** z - 1, y0: 0, y1: 2 ** z - 1 } : tileRange(z <= 13 ? region : near, z);
    for (let x = r.x0; x <= r.x1; x++) {
      for (let y = r.y0; y <= r.y1; y++) {
        // One tile in six is "empty land" sharing one body, as desert and mountain tiles do in real builds.
        if (rand() < 1 / 6) {
          tiles.push({ z, x, y, data: shared });
          continue;
        }
        const body = new Uint8Array(200 + Math.floor(rand() * 3900));
        for (let i = 0; i < body.length; i += 97) body[i] = (rand() * 256) | 0;
        tiles.push({ z, x, y, data: body });
      }
    }
  }
  return writePmtiles(tiles, { bounds: [-180, -85, 180, 85], tileCompression: 'none' }).bytes;
}

function serve(bytes: Uint8Array): Promise<Server> {
  const server = createServer((req, res) => {
    const m = /^bytes=(\d+)-(\d+)$/.exec(req.headers.range ?? '');
    if (!m) {
      res.writeHead(200, { 'content-length': bytes.length, etag: '"bench"' }).end(bytes);
      return;
    }
    const start = Number(m[1]);
    const end = Math.min(Number(m[2]), bytes.length - 1);
    res.writeHead(206, { 'content-range': `bytes ${start}-${end}/${bytes.length}`, etag: '"bench"' });
    res.end(bytes.subarray(start, end + 1));
  });
  return new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve(server)));
}

export async function runBasemapExtractBench(): Promise<void> {
  console.log(`\nbasemap extract — ${machineNote()}`);
  const t0 = performance.now();
  const archive = syntheticArchive();
  console.log(
    `  source archive: ${fmt(archive.length / 2 ** 20, 1)} MiB, built in ${fmt(performance.now() - t0)} ms`,
  );
  const server = await serve(archive);
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/planet.pmtiles`;
  const dir = mkdtempSync(join(tmpdir(), 'lym-bench-extract-'));
  try {
    const runs: { extract: number; whole: number }[] = [];
    let last: Awaited<ReturnType<typeof extractPmtiles>> | null = null;
    for (let i = 0; i < 3; i++) {
      const a = performance.now();
      last = await extractPmtiles({
        read: httpRangeReader(url),
        sourceKey: url,
        bbox: LANZHOU_BBOX,
        minZoom: 0,
        maxZoom: 15,
        workDir: join(dir, `work-${i}`),
      });
      const b = performance.now();
      const whole = new Uint8Array(await (await fetch(url)).arrayBuffer());
      if (whole.length !== archive.length) throw new Error('short whole-file download');
      runs.push({ extract: b - a, whole: performance.now() - b });
    }
    const best = (k: 'extract' | 'whole') => Math.min(...runs.map((r) => r[k]));
    const r = last!;
    console.log(
      `  extract z0–15 of ${LANZHOU_BBOX.join(',')}: ${fmt(best('extract'))} ms (best of 3), ` +
        `${fmt(r.stats.addressedTiles)} tiles (${fmt(r.stats.tileContents)} distinct) → ${fmt(r.bytes.length / 2 ** 20, 1)} MiB; ` +
        `${r.requests} range requests, ${fmt(r.bytesRead / 2 ** 20, 1)} MiB read (${fmt((100 * r.bytesRead) / archive.length, 1)} % of the archive)`,
    );
    console.log(
      `  baseline, whole archive in one GET: ${fmt(best('whole'))} ms; extract / whole = ${fmt(best('extract') / best('whole'), 2)}×`,
    );
  } finally {
    server.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

if (isMain(import.meta.url)) await runBasemapExtractBench();
