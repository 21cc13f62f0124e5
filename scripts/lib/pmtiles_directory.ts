// Reads a remote PMTiles v3 archive's header and directories with HTTP range requests (no tile data).

import { gunzipSync } from 'node:zlib';
import { bytesToHeader, Compression, type Entry, type Header, readVarint } from 'pmtiles';

/** One HTTP range read: bytes `[offset, offset + length)` of the archive and the server's validator. */
export type RangeReader = (
  offset: number,
  length: number,
) => Promise<{ bytes: Uint8Array; etag: string | null }>;

/**
 * A range reader over HTTP(S) with `fetch`. A server that ignores `Range` (answers 200 with the whole
 * file) is refused: downloading a planet-sized archive whole is never what the caller wants.
 *
 * @param onBytes called with the body size of every answered request (bytes), for progress
 */
export function httpRangeReader(
  url: string,
  fetchImpl: typeof fetch = fetch,
  onBytes?: (n: number) => void,
): RangeReader {
  return async (offset, length) => {
    const res = await fetchImpl(url, { headers: { Range: `bytes=${offset}-${offset + length - 1}` } });
    if (res.status === 200) {
      await res.body?.cancel();
      throw new Error(`${url}: the server ignored the Range header (HTTP Range support is required)`);
    }
    if (res.status !== 206) throw new Error(`${url}: HTTP ${res.status} for bytes ${offset}+${length}`);
    const bytes = new Uint8Array(await res.arrayBuffer());
    // A short read is fine only at the end of the file (the header read asks for 16 KiB of a tiny test file).
    const total = Number(/\/(\d+)$/.exec(res.headers.get('content-range') ?? '')?.[1] ?? Number.NaN);
    const expected = Number.isFinite(total) ? Math.min(length, total - offset) : length;
    if (bytes.length !== expected)
      throw new Error(`${url}: got ${bytes.length} bytes for a range of ${expected}`);
    onBytes?.(bytes.length);
    return { bytes, etag: res.headers.get('etag') ?? res.headers.get('last-modified') };
  };
}

function decompress(bytes: Uint8Array, compression: Compression): Uint8Array {
  if (compression === Compression.None) return bytes;
  if (compression === Compression.Gzip) return gunzipSync(bytes);
  throw new Error(`unsupported PMTiles directory compression ${compression} (only gzip and none)`);
}

/** Parses one directory (already decompressed) into entries with absolute tile ids and offsets. */
export function parseDirectory(bytes: Uint8Array): Entry[] {
  const p = { buf: bytes, pos: 0 };
  const n = readVarint(p);
  const entries: Entry[] = [];
  let lastId = 0;
  for (let i = 0; i < n; i++) {
    lastId += readVarint(p);
    entries.push({ tileId: lastId, offset: 0, length: 0, runLength: 1 });
  }
  for (const e of entries) e.runLength = readVarint(p);
  for (const e of entries) e.length = readVarint(p);
  for (let i = 0; i < n; i++) {
    const v = readVarint(p);
    const e = entries[i]!;
    // 0 means "right after the previous entry" (spec §4.4); otherwise offset + 1.
    e.offset = v === 0 && i > 0 ? entries[i - 1]!.offset + entries[i - 1]!.length : v - 1;
  }
  return entries;
}

/** A tile of the source archive: where its stored (still compressed) body is. */
export interface TileLocation {
  tileId: number;
  /** Absolute byte offset in the archive. */
  offset: number;
  length: number;
}

export interface ArchiveIndex {
  header: Header;
  /** JSON metadata of the archive (its attribution, build version …). */
  metadata: Record<string, unknown>;
  /** Validator (ETag or Last-Modified) of the archive the reads came from. */
  etag: string | null;
  /** Bytes read for header, metadata and directories. */
  directoryBytes: number;
  /** Range requests made. */
  requests: number;
}

/**
 * Reads the header and metadata, then walks the directory tree, fetching only the leaf directories whose
 * tile-id span holds a wanted id; returns where each wanted tile is stored (absent tiles are skipped).
 *
 * @param wanted tile ids, ascending
 * @throws when the archive is not PMTiles v3, or its validator changes between reads
 */
export async function locateTiles(
  read: RangeReader,
  wanted: number[],
): Promise<{ index: ArchiveIndex; tiles: TileLocation[] }> {
  let requests = 0;
  let directoryBytes = 0;
  let etag: string | null | undefined;
  const get = async (offset: number, length: number) => {
    const r = await read(offset, length);
    requests++;
    directoryBytes += r.bytes.length;
    if (etag === undefined) etag = r.etag;
    else if (r.etag !== etag) throw new Error('the source archive changed during the extract; run again');
    return r.bytes;
  };
  const first = await get(0, 16_384);
  if (new TextDecoder().decode(first.slice(0, 7)) !== 'PMTiles' || first[7] !== 3)
    throw new Error('the source is not a PMTiles v3 archive');
  const header = bytesToHeader(first.slice().buffer);
  const metadata = JSON.parse(
    new TextDecoder().decode(
      decompress(await get(header.jsonMetadataOffset, header.jsonMetadataLength), header.internalCompression),
    ),
  ) as Record<string, unknown>;

  const tiles: TileLocation[] = [];
  // Directories are walked depth-first in tile-id order, so `tiles` comes out sorted by tile id.
  const walk = async (entries: Entry[], lo: number, hi: number): Promise<void> => {
    for (let i = 0; i < entries.length; i++) {
      const e = entries[i]!;
      const end =
        e.runLength > 0 ? e.tileId + e.runLength : (entries[i + 1]?.tileId ?? Number.MAX_SAFE_INTEGER);
      const from = lowerBound(wanted, Math.max(e.tileId, lo), 0);
      if (from >= wanted.length || wanted[from]! >= Math.min(end, hi)) continue;
      if (e.runLength > 0) {
        for (let k = from; k < wanted.length && wanted[k]! < end; k++) {
          tiles.push({ tileId: wanted[k]!, offset: header.tileDataOffset + e.offset, length: e.length });
        }
      } else {
        const leaf = decompress(
          await get(header.leafDirectoryOffset + e.offset, e.length),
          header.internalCompression,
        );
        await walk(parseDirectory(leaf), e.tileId, Math.min(end, hi));
      }
    }
  };
  const rootBytes = first.slice(
    header.rootDirectoryOffset,
    header.rootDirectoryOffset + header.rootDirectoryLength,
  );
  await walk(parseDirectory(decompress(rootBytes, header.internalCompression)), 0, Number.MAX_SAFE_INTEGER);
  return { index: { header, metadata, etag: etag ?? null, directoryBytes, requests }, tiles };
}

/** First index in sorted `a` (from `start`) whose value is ≥ `v`. */
function lowerBound(a: number[], v: number, start: number): number {
  let lo = start;
  let hi = a.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (a[mid]! < v) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}
