// Test-only: writes float32 GeoTIFFs the way GDAL does for WorldPop (LZW or deflate, predictor 3, strips or tiles, BigTIFF).

import { zlibSync } from 'fflate';

/** One band of float32 values in WGS-84 degrees; pixel (i, j) is values[j * width + i]. */
export interface TestTiff {
  width: number;
  height: number;
  values: ArrayLike<number>;
  /** Top-left corner of the top-left pixel, degrees. */
  west: number;
  north: number;
  /** Pixel size, degrees, positive. */
  size: number;
  /** GDAL_NODATA text, e.g. '-99999'. */
  noData?: string;
  /** 1 none, 5 LZW, 8 deflate (zlib stream, as GDAL writes it). */
  compression: 1 | 5 | 8;
  /** 1 none, 3 floating-point (GDAL's PREDICTOR=3). */
  predictor?: 1 | 3;
  /** Rows per strip (default: all rows in one strip); ignored when `tile` is given. */
  rowsPerStrip?: number;
  /** Tile width and height in pixels (multiples of 16, as TIFF requires). */
  tile?: [number, number];
  /** Write a BigTIFF (magic 43, 64-bit offsets) instead of a classic TIFF. */
  bigTiff?: boolean;
}

/**
 * TIFF's LZW (MSB-first codes of 9–12 bits, "early change", a clear code before the table fills),
 * the variant libtiff and GDAL write.
 */
export function lzwEncode(data: Uint8Array): Uint8Array<ArrayBuffer> {
  const CLEAR = 256;
  const EOI = 257;
  const out: number[] = [];
  let acc = 0;
  let bits = 0;
  let width = 9;
  const emit = (code: number) => {
    acc = (acc << width) | code;
    bits += width;
    while (bits >= 8) {
      bits -= 8;
      out.push((acc >>> bits) & 0xff);
    }
    acc &= (1 << bits) - 1;
  };
  let table = new Map<number, number>();
  let next = 258;
  const grow = () => {
    next++;
    if (next >= 1 << width && width < 12) width++;
  };
  emit(CLEAR);
  let w = -1;
  for (const c of data) {
    if (w < 0) {
      w = c;
      continue;
    }
    const hit = table.get(w * 256 + c);
    if (hit !== undefined) {
      w = hit;
      continue;
    }
    emit(w);
    table.set(w * 256 + c, next);
    grow();
    // libtiff clears when the next free code would be 4094.
    if (next >= 4094) {
      emit(CLEAR);
      table = new Map();
      next = 258;
      width = 9;
    }
    w = c;
  }
  if (w >= 0) {
    emit(w);
    // The reader adds a table entry for this last code too, and may widen before reading EOI.
    grow();
  }
  emit(EOI);
  if (bits > 0) out.push((acc << (8 - bits)) & 0xff);
  return Uint8Array.from(out);
}

/** GDAL's floating-point predictor on one row of little-endian float32: byte planes, then differences. */
function predictFloatRow(row: Uint8Array): Uint8Array {
  const n = row.length / 4;
  const planes = new Uint8Array(row.length);
  // Plane 0 holds the most significant byte of every value, plane 3 the least.
  for (let i = 0; i < n; i++) for (let b = 0; b < 4; b++) planes[b * n + i] = row[i * 4 + (3 - b)] as number;
  for (let k = planes.length - 1; k > 0; k--)
    planes[k] = ((planes[k] as number) - (planes[k - 1] as number)) & 0xff;
  return planes;
}

/** The pixels of one block (strip or tile) as little-endian float32 bytes; outside the image, 0. */
function blockBytes(t: TestTiff, x0: number, y0: number, bw: number, bh: number): Uint8Array {
  const f = new Float32Array(bw * bh);
  for (let j = 0; j < bh; j++)
    for (let i = 0; i < bw; i++)
      if (x0 + i < t.width && y0 + j < t.height)
        f[j * bw + i] = t.values[(y0 + j) * t.width + x0 + i] as number;
  let bytes = new Uint8Array(f.buffer);
  if (t.predictor === 3) {
    const rows = new Uint8Array(bytes.length);
    for (let j = 0; j < bh; j++)
      rows.set(predictFloatRow(bytes.subarray(j * bw * 4, (j + 1) * bw * 4)), j * bw * 4);
    bytes = rows;
  }
  if (t.compression === 8) return zlibSync(bytes);
  if (t.compression === 5) return lzwEncode(bytes);
  return bytes;
}

interface Entry {
  tag: number;
  /** 2 ASCII, 3 SHORT, 4 LONG, 12 DOUBLE, 16 LONG8 */
  type: 2 | 3 | 4 | 12 | 16;
  values: number[] | string;
}

const TYPE_SIZE = { 2: 1, 3: 2, 4: 4, 12: 8, 16: 8 } as const;

function entryBytes(e: Entry): Uint8Array {
  if (typeof e.values === 'string') return new TextEncoder().encode(`${e.values}\0`);
  const size = TYPE_SIZE[e.type];
  const view = new DataView(new ArrayBuffer(e.values.length * size));
  e.values.forEach((v, k) => {
    if (e.type === 3) view.setUint16(k * size, v, true);
    else if (e.type === 4) view.setUint32(k * size, v, true);
    else if (e.type === 12) view.setFloat64(k * size, v, true);
    else view.setBigUint64(k * size, BigInt(v), true);
  });
  return new Uint8Array(view.buffer);
}

/**
 * A little-endian GeoTIFF of one float32 band in EPSG:4326 (tie point at the corner), its blocks
 * compressed as asked. Layout: header, blocks, then the directory and its out-of-line values.
 */
export function writeTestTiff(t: TestTiff): Uint8Array<ArrayBuffer> {
  const big = t.bigTiff === true;
  const [bw, bh] = t.tile ?? [t.width, Math.min(t.rowsPerStrip ?? t.height, t.height)];
  const across = Math.ceil(t.width / bw);
  const down = Math.ceil(t.height / bh);
  const blocks: Uint8Array[] = [];
  for (let by = 0; by < down; by++)
    for (let bx = 0; bx < across; bx++) {
      // Strips end at the image's last row; tiles are always whole.
      const rows = t.tile ? bh : Math.min(bh, t.height - by * bh);
      blocks.push(blockBytes(t, bx * bw, by * bh, bw, rows));
    }
  const head = big ? 16 : 8;
  const offsets: number[] = [];
  let at = head;
  for (const b of blocks) {
    offsets.push(at);
    at += b.length;
  }
  const offsetType = big ? 16 : 4;
  const entries: Entry[] = [
    { tag: 256, type: 4, values: [t.width] },
    { tag: 257, type: 4, values: [t.height] },
    { tag: 258, type: 3, values: [32] },
    { tag: 259, type: 3, values: [t.compression] },
    { tag: 262, type: 3, values: [1] },
    { tag: 277, type: 3, values: [1] },
    { tag: 284, type: 3, values: [1] },
    { tag: 339, type: 3, values: [3] },
    { tag: 33550, type: 12, values: [t.size, t.size, 0] },
    { tag: 33922, type: 12, values: [0, 0, 0, t.west, t.north, 0] },
    // GeoKeyDirectory: version 1.1.0, 3 keys: model geographic, raster pixel-is-area, EPSG:4326.
    { tag: 34735, type: 3, values: [1, 1, 0, 3, 1024, 0, 1, 2, 1025, 0, 1, 1, 2048, 0, 1, 4326] },
  ];
  if (t.tile)
    entries.push(
      { tag: 322, type: 4, values: [bw] },
      { tag: 323, type: 4, values: [bh] },
      { tag: 324, type: offsetType, values: offsets },
      { tag: 325, type: offsetType, values: blocks.map((b) => b.length) },
    );
  else
    entries.push(
      { tag: 273, type: offsetType, values: offsets },
      { tag: 278, type: 4, values: [bh] },
      { tag: 279, type: offsetType, values: blocks.map((b) => b.length) },
    );
  if ((t.predictor ?? 1) !== 1) entries.push({ tag: 317, type: 3, values: [t.predictor as number] });
  if (t.noData !== undefined) entries.push({ tag: 42113, type: 2, values: t.noData });
  entries.sort((a, b) => a.tag - b.tag);

  const ifdAt = at + (at % 2);
  const entrySize = big ? 20 : 12;
  const inline = big ? 8 : 4;
  const payloads = entries.map(entryBytes);
  let extraAt = ifdAt + (big ? 8 : 2) + entries.length * entrySize + (big ? 8 : 4);
  const extraOffsets = payloads.map((p) => {
    if (p.length <= inline) return -1;
    extraAt += extraAt % 2;
    const o = extraAt;
    extraAt += p.length;
    return o;
  });
  const file = new Uint8Array(extraAt);
  const view = new DataView(file.buffer);
  file.set([0x49, 0x49], 0);
  if (big) {
    view.setUint16(2, 43, true);
    view.setUint16(4, 8, true);
    view.setBigUint64(8, BigInt(ifdAt), true);
  } else {
    view.setUint16(2, 42, true);
    view.setUint32(4, ifdAt, true);
  }
  blocks.forEach((b, k) => {
    file.set(b, offsets[k] as number);
  });
  let p = ifdAt;
  if (big) view.setBigUint64(p, BigInt(entries.length), true);
  else view.setUint16(p, entries.length, true);
  p += big ? 8 : 2;
  entries.forEach((e, k) => {
    const payload = payloads[k] as Uint8Array;
    const count = typeof e.values === 'string' ? payload.length : e.values.length;
    view.setUint16(p, e.tag, true);
    view.setUint16(p + 2, e.type, true);
    if (big) view.setBigUint64(p + 4, BigInt(count), true);
    else view.setUint32(p + 4, count, true);
    const valueAt = p + (big ? 12 : 8);
    const extra = extraOffsets[k] as number;
    if (extra < 0) file.set(payload, valueAt);
    else {
      file.set(payload, extra);
      if (big) view.setBigUint64(valueAt, BigInt(extra), true);
      else view.setUint32(valueAt, extra, true);
    }
    p += entrySize;
  });
  // The next-directory offset (0: none) is already zero.
  return file;
}

/** A Blob that counts the bytes read through slice(), to see how much of a file a reader touched. */
export class CountingBlob extends Blob {
  bytesRead = 0;
  override slice(start = 0, end = this.size, type?: string): Blob {
    this.bytesRead += Math.max(0, Math.min(end, this.size) - start);
    return super.slice(start, end, type);
  }
}
