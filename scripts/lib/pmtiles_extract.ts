// Cuts a box (z0–N) out of a remote PMTiles archive by range reads, resumably, into a new archive.

import { mkdir, readFile, rename, rm, stat, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { tileIdToZxy } from 'pmtiles';
import { type Bbox, tileIdsInBox } from '../../src/lib/tile_range';
import { locateTiles, type RangeReader, type TileLocation } from './pmtiles_directory';
import { type PmtilesWriteStats, writePmtiles } from './pmtiles_writer';

export type { Bbox };

/** One range request for the tile data: several stored bodies close together in the archive. */
export interface Batch {
  offset: number;
  length: number;
}

/**
 * Groups the distinct stored bodies into range requests: bodies less than `maxGap` bytes apart share a
 * request (fetching the gap costs less than another round trip), up to `maxBytes` per request.
 */
export function planBatches(tiles: TileLocation[], maxGap = 64 * 1024, maxBytes = 8 * 1024 * 1024): Batch[] {
  const bodies = [...new Map(tiles.map((t) => [t.offset, t.length])).entries()].sort((a, b) => a[0] - b[0]);
  const batches: Batch[] = [];
  for (const [offset, length] of bodies) {
    const last = batches[batches.length - 1];
    const end = last ? last.offset + last.length : 0;
    if (last && offset - end <= maxGap && offset + length - last.offset <= maxBytes) {
      last.length = Math.max(last.length, offset + length - last.offset);
    } else {
      batches.push({ offset, length });
    }
  }
  return batches;
}

export interface ExtractProgress {
  phase: 'directories' | 'tiles' | 'writing';
  /** Tile-data batches done / planned (0 / 0 while reading directories). */
  batchesDone: number;
  batches: number;
  /** Tile-data bytes on disk / planned. */
  bytesDone: number;
  bytes: number;
}

export interface ExtractOptions {
  read: RangeReader;
  /** Names the source in the resume state, so a different source never reuses old parts. */
  sourceKey: string;
  bbox: Bbox;
  minZoom: number;
  maxZoom: number;
  /** Folder for the resume state and downloaded parts; deleted after a successful extract. */
  workDir: string;
  /** [lon, lat, zoom] written into the new header; default the box centre at minZoom + 10 (capped). */
  center?: [number, number, number];
  /** Extra metadata merged over the source's (e.g. a description of the extract). */
  metadata?: Record<string, unknown>;
  concurrency?: number;
  /** Batching of tile-data reads (see planBatches), bytes. */
  maxGap?: number;
  maxBatchBytes?: number;
  onProgress?: (p: ExtractProgress) => void;
}

export interface ExtractResult {
  bytes: Uint8Array;
  stats: PmtilesWriteStats;
  /** The source archive's metadata (attribution, version, planetiler's OSM timestamp …). */
  sourceMetadata: Record<string, unknown>;
  /** Tiles present in the source within the box / tile ids in the box. */
  tilesFound: number;
  tilesInBox: number;
  /** Range requests and bytes read in this run (a resumed run reads only what is missing). */
  requests: number;
  bytesRead: number;
  /** Tile-data batches taken over from an earlier interrupted run. */
  batchesResumed: number;
}

interface Plan {
  version: 1;
  sourceKey: string;
  etag: string | null;
  bbox: Bbox;
  minZoom: number;
  maxZoom: number;
  tileType: number;
  tileCompression: number;
  metadata: Record<string, unknown>;
  /** [tileId, absolute offset, length] for every tile found in the box. */
  tiles: [number, number, number][];
  batches: Batch[];
}

const samePlan = (p: Plan, o: ExtractOptions) =>
  p.version === 1 &&
  p.sourceKey === o.sourceKey &&
  p.minZoom === o.minZoom &&
  p.maxZoom === o.maxZoom &&
  p.bbox.every((v, i) => v === o.bbox[i]);

async function readPlan(path: string): Promise<Plan | null> {
  try {
    return JSON.parse(await readFile(path, 'utf8')) as Plan;
  } catch {
    return null;
  }
}

async function sizeOf(path: string): Promise<number> {
  try {
    return (await stat(path)).size;
  } catch {
    return -1;
  }
}

/**
 * Extracts the tiles of `bbox` at `minZoom`–`maxZoom` from the source archive. Tile bodies are copied as
 * stored (same compression, byte for byte) into a new clustered archive with the source's metadata.
 * Resumable: the tile locations and every finished batch are kept in `workDir`; a rerun with the same
 * source, box and zooms downloads only the batches still missing, and checks the source's validator
 * (ETag) so parts of two different builds are never mixed.
 *
 * @throws on HTTP errors, a changed source, or a box holding no tile of the source
 */
export async function extractPmtiles(o: ExtractOptions): Promise<ExtractResult> {
  let requests = 0;
  let bytesRead = 0;
  const read: RangeReader = async (offset, length) => {
    const r = await o.read(offset, length);
    requests++;
    bytesRead += r.bytes.length;
    return r;
  };
  await mkdir(o.workDir, { recursive: true });
  const planPath = join(o.workDir, 'plan.json');
  let plan = await readPlan(planPath);
  if (plan && !samePlan(plan, o)) plan = null;
  // A resumed plan is only good while the source is the same build: its first bytes must carry the same validator.
  if (plan && (await read(0, 127)).etag !== plan.etag) plan = null;

  if (!plan) {
    await rm(o.workDir, { recursive: true, force: true });
    await mkdir(o.workDir, { recursive: true });
    o.onProgress?.({ phase: 'directories', batchesDone: 0, batches: 0, bytesDone: 0, bytes: 0 });
    const wanted = tileIdsInBox(o.bbox, o.minZoom, o.maxZoom);
    const { index, tiles } = await locateTiles(read, wanted);
    if (tiles.length === 0) throw new Error('the source archive has no tile inside the box');
    plan = {
      version: 1,
      sourceKey: o.sourceKey,
      etag: index.etag,
      bbox: o.bbox,
      minZoom: o.minZoom,
      maxZoom: o.maxZoom,
      tileType: index.header.tileType,
      tileCompression: index.header.tileCompression,
      metadata: index.metadata,
      tiles: tiles.map((t) => [t.tileId, t.offset, t.length]),
      batches: planBatches(tiles, o.maxGap, o.maxBatchBytes),
    };
    await writeFile(planPath, JSON.stringify(plan));
  }
  const p = plan;
  const planned = p.batches.reduce((s, b) => s + b.length, 0);
  const part = (i: number) => join(o.workDir, `batch-${i}.bin`);

  let done = 0;
  let bytesDone = 0;
  let resumed = 0;
  const todo: number[] = [];
  for (let i = 0; i < p.batches.length; i++) {
    if ((await sizeOf(part(i))) === p.batches[i]!.length) {
      done++;
      resumed++;
      bytesDone += p.batches[i]!.length;
    } else todo.push(i);
  }
  const report = () =>
    o.onProgress?.({
      phase: 'tiles',
      batchesDone: done,
      batches: p.batches.length,
      bytesDone,
      bytes: planned,
    });
  report();
  const worker = async () => {
    for (let i = todo.shift(); i !== undefined; i = todo.shift()) {
      const b = p.batches[i]!;
      const r = await read(b.offset, b.length);
      if (r.etag !== p.etag) throw new Error('the source archive changed during the extract; run again');
      // Written under a temporary name and renamed, so a part on disk is always a complete batch.
      await writeFile(`${part(i)}.tmp`, r.bytes);
      await rename(`${part(i)}.tmp`, part(i));
      done++;
      bytesDone += b.length;
      report();
    }
  };
  await Promise.all(Array.from({ length: Math.max(1, o.concurrency ?? 4) }, worker));

  o.onProgress?.({
    phase: 'writing',
    batchesDone: done,
    batches: p.batches.length,
    bytesDone,
    bytes: planned,
  });
  const tileInputs = await assembleTiles(p, part);
  const [w, s, e, n] = o.bbox;
  const result = writePmtiles(tileInputs, {
    bounds: o.bbox,
    center: o.center ?? [(w + e) / 2, (s + n) / 2, Math.min(o.maxZoom, o.minZoom + 10)],
    tileType: p.tileType,
    precompressed: p.tileCompression,
    metadata: { ...p.metadata, ...o.metadata },
  });
  await rm(o.workDir, { recursive: true, force: true });
  return {
    ...result,
    sourceMetadata: p.metadata,
    tilesFound: p.tiles.length,
    tilesInBox: tileIdsInBox(o.bbox, o.minZoom, o.maxZoom).length,
    requests,
    bytesRead,
    batchesResumed: resumed,
  };
}

/** Slices every tile's stored body out of the downloaded batches. */
async function assembleTiles(p: Plan, part: (i: number) => string) {
  const starts = p.batches.map((b) => b.offset);
  const cache = new Map<number, Uint8Array>();
  const tiles = [];
  // Bodies are sorted by offset within the plan's batches; tiles by id, so look the batch up per tile.
  for (const [tileId, offset, length] of p.tiles) {
    let lo = 0;
    let hi = starts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >>> 1;
      if (starts[mid]! <= offset) lo = mid;
      else hi = mid - 1;
    }
    let bytes = cache.get(lo);
    if (!bytes) {
      bytes = new Uint8Array(await readFile(part(lo)));
      cache.set(lo, bytes);
    }
    const at = offset - starts[lo]!;
    const [z, x, y] = tileIdToZxy(tileId);
    tiles.push({ z, x, y, data: bytes.subarray(at, at + length) });
  }
  return tiles;
}
