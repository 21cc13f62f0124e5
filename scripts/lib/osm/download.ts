// Thin download of an OSM extract (Geofabrik's Gansu by default) with progress and HTTP Range resume.

import { createHash } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { open, readFile, rename, rm, stat, writeFile } from 'node:fs/promises';

/** Geofabrik's daily extract of Gansu province (contains all of Lanzhou). */
export const GEOFABRIK_GANSU_URL = 'https://download.geofabrik.de/asia/china/gansu-latest.osm.pbf';

export interface DownloadProgress {
  /** Bytes of the file on disk so far (including a resumed part). */
  received: number;
  /** Full size when the server says it, else null. */
  total: number | null;
}

export interface DownloadOptions {
  url: string;
  /** Final file path; the download goes to `<dest>.part` (and `<dest>.part.json`) until complete. */
  dest: string;
  onProgress?: (p: DownloadProgress) => void;
  /** Check against `<url>.md5` when the server has one (Geofabrik does); default true. */
  verifyMd5?: boolean;
  fetchImpl?: typeof fetch;
  signal?: AbortSignal;
}

export interface DownloadResult {
  path: string;
  bytes: number;
  /** Bytes taken over from an earlier interrupted download (0 = fresh). */
  resumedFrom: number;
  md5: 'ok' | 'absent' | 'skipped';
}

interface PartMeta {
  url: string;
  /** Validator of the version being downloaded, sent as If-Range so a changed file restarts. */
  validator: string | null;
}

async function sizeOf(path: string): Promise<number> {
  try {
    return (await stat(path)).size;
  } catch {
    return 0;
  }
}

async function readMeta(path: string): Promise<PartMeta | null> {
  try {
    return JSON.parse(await readFile(path, 'utf8')) as PartMeta;
  } catch {
    return null;
  }
}

/** "bytes 100-999/1000" → {start: 100, total: 1000}. */
function parseContentRange(value: string | null): { start: number; total: number | null } | null {
  const m = /^bytes (\d+)-\d+\/(\d+|\*)$/.exec(value?.trim() ?? '');
  if (!m) return null;
  return { start: Number(m[1]), total: m[2] === '*' ? null : Number(m[2]) };
}

/**
 * Downloads `url` to `dest`. An interrupted run leaves `<dest>.part`; the next run asks only for the
 * missing bytes (`Range`), guarded by `If-Range` with the ETag/Last-Modified of the first response so that
 * a file replaced on the server in between (Geofabrik's are daily) restarts from zero instead of mixing
 * versions. On completion the size is checked against the server's and, when `<url>.md5` exists, the MD5.
 *
 * @throws on HTTP errors, a short body, or an MD5 mismatch (the part file is kept for a retry, except on MD5
 *   mismatch, when it is deleted)
 */
export async function downloadExtract(o: DownloadOptions): Promise<DownloadResult> {
  const doFetch = o.fetchImpl ?? fetch;
  const part = `${o.dest}.part`;
  const metaPath = `${part}.json`;
  const meta = await readMeta(metaPath);
  let have = meta?.url === o.url && meta.validator ? await sizeOf(part) : 0;
  const headers: Record<string, string> = {};
  if (have > 0 && meta?.validator) {
    headers.Range = `bytes=${have}-`;
    headers['If-Range'] = meta.validator;
  }
  const res = await doFetch(o.url, { headers, ...(o.signal ? { signal: o.signal } : {}) });
  let total: number | null;
  if (res.status === 206) {
    const range = parseContentRange(res.headers.get('content-range'));
    if (!range || range.start !== have)
      throw new Error(`server answered a different range (${res.headers.get('content-range')})`);
    total = range.total;
  } else if (res.status === 200) {
    have = 0;
    const len = res.headers.get('content-length');
    total = len === null ? null : Number(len);
    const validator = res.headers.get('etag') ?? res.headers.get('last-modified');
    await writeFile(metaPath, JSON.stringify({ url: o.url, validator } satisfies PartMeta));
  } else {
    await res.body?.cancel();
    throw new Error(`download failed: HTTP ${res.status} ${res.statusText} for ${o.url}`);
  }
  if (!res.body) throw new Error(`download failed: empty response for ${o.url}`);
  const resumedFrom = have;
  let received = have;
  o.onProgress?.({ received, total });
  // Written chunk by chunk and closed in `finally`, so whatever arrived before a broken connection stays on
  // disk for the next run to resume from.
  const file = await open(part, resumedFrom > 0 ? 'a' : 'w');
  try {
    for await (const chunk of res.body as unknown as AsyncIterable<Uint8Array>) {
      await file.write(chunk);
      received += chunk.length;
      o.onProgress?.({ received, total });
    }
  } finally {
    await file.close();
  }
  if (total !== null && received !== total)
    throw new Error(`download incomplete: ${received} of ${total} bytes; run again to resume`);

  let md5: DownloadResult['md5'] = 'skipped';
  if (o.verifyMd5 !== false) {
    const sum = await doFetch(`${o.url}.md5`, o.signal ? { signal: o.signal } : {});
    if (sum.ok) {
      const expected = (await sum.text()).trim().split(/\s+/)[0]?.toLowerCase() ?? '';
      const actual = await md5Of(part);
      if (expected !== actual) {
        await rm(part, { force: true });
        await rm(metaPath, { force: true });
        throw new Error(
          `MD5 mismatch (expected ${expected}, got ${actual}); the server file may have changed, run again`,
        );
      }
      md5 = 'ok';
    } else {
      await sum.body?.cancel();
      md5 = 'absent';
    }
  }
  await rename(part, o.dest);
  await rm(metaPath, { force: true });
  return { path: o.dest, bytes: received, resumedFrom, md5 };
}

async function md5Of(path: string): Promise<string> {
  const hash = createHash('md5');
  for await (const chunk of createReadStream(path)) hash.update(chunk as Buffer);
  return hash.digest('hex');
}

/** "12.3 / 80.0 MiB (15 %)" for a progress line. */
export function formatProgress(p: DownloadProgress): string {
  const mib = (n: number) => (n / 1048576).toFixed(1);
  if (p.total === null || p.total === 0) return `${mib(p.received)} MiB`;
  return `${mib(p.received)} / ${mib(p.total)} MiB (${Math.floor((100 * p.received) / p.total)} %)`;
}
