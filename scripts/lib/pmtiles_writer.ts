// A small PMTiles v3 writer: tiles + metadata → one archive (header, root/leaf directories, deduplicated data).

import { createHash } from 'node:crypto';
import { gzipSync } from 'node:zlib';
import { Compression, TileType, zxyToTileId } from 'pmtiles';

/** One tile to store; `data` is the raw (uncompressed) tile body. */
export interface TileInput {
  z: number;
  x: number;
  y: number;
  data: Uint8Array;
}

export interface PmtilesWriteOptions {
  /** Tile type hint stored in the header (default MVT). */
  tileType?: TileType;
  /** How tile bodies are compressed by the writer: gzip (default, what MVT clients expect) or none. */
  tileCompression?: 'gzip' | 'none';
  /**
   * The bodies are already compressed with this (tiles copied from another archive): they are stored byte
   * for byte and the header says so; `tileCompression` is then ignored.
   */
  precompressed?: Compression;
  /** JSON metadata (TileJSON-ish: name, attribution, vector_layers …). Stored gzip-compressed. */
  metadata?: Record<string, unknown>;
  /** [west, south, east, north] in degrees (WGS-84). */
  bounds: [number, number, number, number];
  /** [lon, lat, zoom]; defaults to the centre of `bounds` at the minimum zoom. */
  center?: [number, number, number];
  /**
   * Byte budget for header + compressed root directory. The spec caps it at 16,384 so clients can fetch
   * the root with one request; tests lower it to force leaf directories.
   */
  maxHeaderAndRootBytes?: number;
  /** Entries per leaf directory on the first attempt (grown until the root fits). */
  initialLeafSize?: number;
}

/** Counts reported back to the caller; the same numbers are written into the header. */
export interface PmtilesWriteStats {
  /** Tiles addressed (sum of run lengths). */
  addressedTiles: number;
  /** Directory entries that point at tile data. */
  tileEntries: number;
  /** Distinct tile bodies stored. */
  tileContents: number;
  /** Leaf directories written (0 when everything fits in the root). */
  leafDirectories: number;
  rootDirectoryBytes: number;
  leafDirectoriesBytes: number;
  metadataBytes: number;
  tileDataBytes: number;
  totalBytes: number;
  minZoom: number;
  maxZoom: number;
}

interface Entry {
  tileId: number;
  offset: number;
  length: number;
  runLength: number;
}

export const HEADER_BYTES = 127;
/** Header + root must fit in the first 16 KiB of the archive (PMTiles v3 §Directory Hierarchy). */
export const MAX_HEADER_AND_ROOT_BYTES = 16_384;

/**
 * Writes a PMTiles v3 archive in memory.
 *
 * Tiles are stored in Hilbert tile-id order (so the archive is `clustered`), identical bodies are stored
 * once, and consecutive tile ids with identical bodies collapse into one run-length entry. Directories
 * and metadata are gzip-compressed. When the root directory would not fit the 16 KiB budget the entries
 * move to leaf directories and the root points at them.
 *
 * @param tiles tiles in any order; each (z, x, y) at most once, non-empty data, z ≤ 26
 * @returns the archive bytes and what went into them
 */
export function writePmtiles(
  tiles: Iterable<TileInput>,
  options: PmtilesWriteOptions,
): { bytes: Uint8Array; stats: PmtilesWriteStats } {
  const gzipTiles = options.precompressed === undefined && (options.tileCompression ?? 'gzip') === 'gzip';
  const storedCompression = options.precompressed ?? (gzipTiles ? Compression.Gzip : Compression.None);
  const maxRoot = options.maxHeaderAndRootBytes ?? MAX_HEADER_AND_ROOT_BYTES;

  const sorted: { id: number; z: number; data: Uint8Array }[] = [];
  for (const t of tiles) {
    if (t.data.length === 0)
      throw new Error(`tile ${t.z}/${t.x}/${t.y} is empty (PMTiles lengths must be > 0)`);
    sorted.push({ id: zxyToTileId(t.z, t.x, t.y), z: t.z, data: t.data });
  }
  if (sorted.length === 0) throw new Error('no tiles to write (PMTiles directories must be non-empty)');
  sorted.sort((a, b) => a.id - b.id);

  // Tile data section: bodies in tile-id order, each distinct body once.
  const blobs: Uint8Array[] = [];
  const offsetByHash = new Map<string, { offset: number; length: number }>();
  const entries: Entry[] = [];
  let dataBytes = 0;
  let minZoom = Number.POSITIVE_INFINITY;
  let maxZoom = 0;
  let addressed = 0;
  for (let i = 0; i < sorted.length; i++) {
    const tile = sorted[i]!;
    if (i > 0 && sorted[i - 1]!.id === tile.id) throw new Error(`duplicate tile id ${tile.id} (z${tile.z})`);
    minZoom = Math.min(minZoom, tile.z);
    maxZoom = Math.max(maxZoom, tile.z);
    addressed++;
    const hash = createHash('sha256').update(tile.data).digest('hex');
    let blob = offsetByHash.get(hash);
    if (!blob) {
      const body = gzipTiles ? gzipSync(tile.data) : tile.data;
      blob = { offset: dataBytes, length: body.length };
      offsetByHash.set(hash, blob);
      blobs.push(body);
      dataBytes += body.length;
    }
    const last = entries[entries.length - 1];
    if (last && last.offset === blob.offset && last.tileId + last.runLength === tile.id) {
      last.runLength++;
    } else {
      entries.push({ tileId: tile.id, offset: blob.offset, length: blob.length, runLength: 1 });
    }
  }

  const { root, leaves, leafCount } = buildDirectories(
    entries,
    maxRoot - HEADER_BYTES,
    options.initialLeafSize ?? 4096,
  );
  const metadata = gzipSync(new TextEncoder().encode(JSON.stringify(options.metadata ?? {})));

  const rootOffset = HEADER_BYTES;
  const metadataOffset = rootOffset + root.length;
  const leafOffset = metadataOffset + metadata.length;
  const dataOffset = leafOffset + leaves.length;
  const total = dataOffset + dataBytes;

  const [west, south, east, north] = options.bounds;
  const center = options.center ?? [(west + east) / 2, (south + north) / 2, minZoom];

  const out = new Uint8Array(total);
  const view = new DataView(out.buffer);
  out.set(new TextEncoder().encode('PMTiles'), 0);
  view.setUint8(7, 3);
  const u64 = (at: number, value: number) => view.setBigUint64(at, BigInt(value), true);
  u64(8, rootOffset);
  u64(16, root.length);
  u64(24, metadataOffset);
  u64(32, metadata.length);
  u64(40, leafOffset);
  u64(48, leaves.length);
  u64(56, dataOffset);
  u64(64, dataBytes);
  u64(72, addressed);
  u64(80, entries.length);
  u64(88, blobs.length);
  view.setUint8(96, 1); // clustered: bodies are written in tile-id order
  view.setUint8(97, Compression.Gzip);
  view.setUint8(98, storedCompression);
  view.setUint8(99, options.tileType ?? TileType.Mvt);
  view.setUint8(100, minZoom);
  view.setUint8(101, maxZoom);
  const e7 = (deg: number) => Math.round(deg * 1e7);
  view.setInt32(102, e7(west), true);
  view.setInt32(106, e7(south), true);
  view.setInt32(110, e7(east), true);
  view.setInt32(114, e7(north), true);
  view.setUint8(118, Math.round(center[2]));
  view.setInt32(119, e7(center[0]), true);
  view.setInt32(123, e7(center[1]), true);

  out.set(root, rootOffset);
  out.set(metadata, metadataOffset);
  out.set(leaves, leafOffset);
  let at = dataOffset;
  for (const blob of blobs) {
    out.set(blob, at);
    at += blob.length;
  }

  return {
    bytes: out,
    stats: {
      addressedTiles: addressed,
      tileEntries: entries.length,
      tileContents: blobs.length,
      leafDirectories: leafCount,
      rootDirectoryBytes: root.length,
      leafDirectoriesBytes: leaves.length,
      metadataBytes: metadata.length,
      tileDataBytes: dataBytes,
      totalBytes: total,
      minZoom,
      maxZoom,
    },
  };
}

/**
 * Puts every entry in the root if it fits `rootBudget` compressed bytes; otherwise splits the entries into
 * leaves of `leafSize` and retries with bigger leaves until the root (one entry per leaf) fits.
 */
function buildDirectories(
  entries: Entry[],
  rootBudget: number,
  initialLeafSize: number,
): { root: Uint8Array; leaves: Uint8Array; leafCount: number } {
  const whole = serializeDirectory(entries);
  if (whole.length <= rootBudget) return { root: whole, leaves: new Uint8Array(0), leafCount: 0 };

  for (let leafSize = Math.max(1, initialLeafSize); ; leafSize = Math.ceil(leafSize * 1.5)) {
    const rootEntries: Entry[] = [];
    const parts: Uint8Array[] = [];
    let leafBytes = 0;
    for (let i = 0; i < entries.length; i += leafSize) {
      const chunk = entries.slice(i, i + leafSize);
      const leaf = serializeDirectory(chunk);
      rootEntries.push({ tileId: chunk[0]!.tileId, offset: leafBytes, length: leaf.length, runLength: 0 });
      parts.push(leaf);
      leafBytes += leaf.length;
    }
    const root = serializeDirectory(rootEntries);
    if (root.length <= rootBudget) {
      const leaves = new Uint8Array(leafBytes);
      let at = 0;
      for (const p of parts) {
        leaves.set(p, at);
        at += p.length;
      }
      return { root, leaves, leafCount: parts.length };
    }
    // One leaf holding everything is the end of the road: a root with a single entry always fits.
    if (leafSize >= entries.length) throw new Error('root directory cannot fit the byte budget');
  }
}

/** Directory encoding of the spec: count, delta tile ids, run lengths, lengths, offsets (0 = contiguous); gzip. */
function serializeDirectory(entries: Entry[]): Uint8Array {
  const bytes: number[] = [];
  writeVarint(bytes, entries.length);
  let lastId = 0;
  for (const e of entries) {
    writeVarint(bytes, e.tileId - lastId);
    lastId = e.tileId;
  }
  for (const e of entries) writeVarint(bytes, e.runLength);
  for (const e of entries) writeVarint(bytes, e.length);
  for (let i = 0; i < entries.length; i++) {
    const e = entries[i]!;
    const prev = entries[i - 1];
    writeVarint(bytes, i > 0 && prev && e.offset === prev.offset + prev.length ? 0 : e.offset + 1);
  }
  return gzipSync(Uint8Array.from(bytes));
}

/** Unsigned LEB128; arithmetic instead of bit operators because values can exceed 2^31. */
function writeVarint(out: number[], value: number): void {
  if (!Number.isSafeInteger(value) || value < 0) throw new Error(`varint out of range: ${value}`);
  let v = value;
  while (v >= 0x80) {
    out.push((v % 0x80) | 0x80);
    v = Math.floor(v / 0x80);
  }
  out.push(v);
}
