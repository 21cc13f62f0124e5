import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { mkdtemp, readFile, rm, stat } from 'node:fs/promises';
import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { type DownloadProgress, downloadExtract, formatProgress } from './download.ts';

// A local HTTP server on 127.0.0.1 serving a fixture file with ETag, Range/If-Range and an .md5, that can
// cut the connection part-way through a response (an interrupted download).
const body = readFileSync(
  fileURLToPath(new URL('../../../test/fixtures/osm/riverside_extras.osm', import.meta.url)),
);
const md5 = createHash('md5').update(body).digest('hex');

interface ServerState {
  etag: string;
  /** Cut the next full or partial response after this many bytes. */
  cutAfter: number | null;
  md5: string | null;
  requests: { url: string; range?: string; ifRange?: string }[];
  /** Drops the held connection of a cut response. */
  hangUp?: () => void;
  /** Bytes sent before the hang-up. */
  sent?: number;
}

function startServer(state: ServerState): Promise<{ server: Server; url: string }> {
  const server = createServer((req: IncomingMessage, res) => {
    state.requests.push({
      url: req.url ?? '',
      ...(req.headers.range ? { range: req.headers.range } : {}),
      ...(req.headers['if-range'] ? { ifRange: String(req.headers['if-range']) } : {}),
    });
    if (req.url === '/gansu-latest.osm.pbf.md5') {
      if (state.md5 === null) {
        res.writeHead(404).end();
        return;
      }
      res.writeHead(200, { 'content-type': 'text/plain' }).end(`${state.md5}  gansu-latest.osm.pbf\n`);
      return;
    }
    if (req.url !== '/gansu-latest.osm.pbf') {
      res.writeHead(404).end();
      return;
    }
    let start = 0;
    const m = /^bytes=(\d+)-$/.exec(req.headers.range ?? '');
    const rangeOk = m && (!req.headers['if-range'] || req.headers['if-range'] === state.etag);
    if (m && rangeOk) start = Number(m[1]);
    const part = body.subarray(start);
    res.writeHead(rangeOk ? 206 : 200, {
      etag: state.etag,
      'content-length': String(part.length),
      'accept-ranges': 'bytes',
      ...(rangeOk ? { 'content-range': `bytes ${start}-${body.length - 1}/${body.length}` } : {}),
    });
    if (state.cutAfter !== null) {
      // Send the first bytes and hold the connection; the test closes it once the client has written them
      // (closing at once could discard bytes still queued in the client's stream, which proves nothing).
      const cut = state.cutAfter;
      state.cutAfter = null;
      res.write(part.subarray(0, cut));
      state.sent = cut;
      state.hangUp = () => res.socket?.destroy();
      return;
    }
    res.end(part);
  });
  return new Promise((resolve) =>
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as AddressInfo;
      resolve({ server, url: `http://127.0.0.1:${port}/gansu-latest.osm.pbf` });
    }),
  );
}

describe('downloadExtract', () => {
  let dir = '';
  let server: Server;
  let url = '';
  const state: ServerState = { etag: '"v1"', cutAfter: null, md5, requests: [] };
  beforeAll(async () => {
    ({ server, url } = await startServer(state));
  });
  afterAll(async () => {
    await new Promise((r) => server.close(r));
  });
  beforeEach(async () => {
    if (dir) await rm(dir, { recursive: true, force: true });
    dir = await mkdtemp(join(tmpdir(), 'osm-dl-'));
    Object.assign(state, {
      etag: '"v1"',
      cutAfter: null,
      md5,
      requests: [],
      hangUp: undefined,
      sent: undefined,
    });
  });

  const hangUpAfterData = (p: DownloadProgress) => {
    if (state.sent !== undefined && p.received >= state.sent) state.hangUp?.();
  };

  it('downloads with progress and checks the MD5', async () => {
    const progress: DownloadProgress[] = [];
    const dest = join(dir, 'gansu-latest.osm.pbf');
    const r = await downloadExtract({ url, dest, onProgress: (p) => progress.push(p) });
    expect(r).toEqual({ path: dest, bytes: body.length, resumedFrom: 0, md5: 'ok' });
    expect((await readFile(dest)).equals(body)).toBe(true);
    expect(progress[0]).toEqual({ received: 0, total: body.length });
    expect(progress.at(-1)).toEqual({ received: body.length, total: body.length });
    await expect(stat(`${dest}.part`)).rejects.toThrow();
  });

  it('resumes an interrupted download with Range and If-Range', async () => {
    const dest = join(dir, 'gansu-latest.osm.pbf');
    state.cutAfter = 4000;
    await expect(downloadExtract({ url, dest, onProgress: hangUpAfterData })).rejects.toThrow();
    const kept = (await stat(`${dest}.part`)).size;
    expect(kept).toBe(4000);
    const progress: DownloadProgress[] = [];
    const r = await downloadExtract({ url, dest, onProgress: (p) => progress.push(p) });
    expect(r.resumedFrom).toBe(kept);
    expect(r.bytes).toBe(body.length);
    expect(r.md5).toBe('ok');
    expect((await readFile(dest)).equals(body)).toBe(true);
    const resumed = state.requests.filter((q) => q.url === '/gansu-latest.osm.pbf')[1]!;
    expect(resumed).toEqual({ url: '/gansu-latest.osm.pbf', range: `bytes=${kept}-`, ifRange: '"v1"' });
    expect(progress[0]).toEqual({ received: kept, total: body.length });
  });

  it('starts over when the file changed on the server in between', async () => {
    const dest = join(dir, 'gansu-latest.osm.pbf');
    state.cutAfter = 3000;
    await expect(downloadExtract({ url, dest, onProgress: hangUpAfterData })).rejects.toThrow();
    expect((await stat(`${dest}.part`)).size).toBe(3000);
    state.etag = '"v2"';
    const r = await downloadExtract({ url, dest });
    expect(r.resumedFrom).toBe(0);
    expect((await readFile(dest)).equals(body)).toBe(true);
  });

  it('refuses a file whose MD5 does not match, and works without an .md5', async () => {
    const dest = join(dir, 'gansu-latest.osm.pbf');
    state.md5 = '0'.repeat(32);
    await expect(downloadExtract({ url, dest })).rejects.toThrow(/MD5 mismatch/);
    await expect(stat(dest)).rejects.toThrow();
    await expect(stat(`${dest}.part`)).rejects.toThrow();
    state.md5 = null;
    expect((await downloadExtract({ url, dest })).md5).toBe('absent');
    expect((await downloadExtract({ url, dest: join(dir, 'b.pbf'), verifyMd5: false })).md5).toBe('skipped');
  });

  it('fails clearly on HTTP errors', async () => {
    await expect(
      downloadExtract({ url: url.replace('gansu', 'nowhere'), dest: join(dir, 'x') }),
    ).rejects.toThrow(/HTTP 404/);
  });

  it('formats progress', () => {
    expect(formatProgress({ received: 1048576 * 12.34, total: 1048576 * 80 })).toBe('12.3 / 80.0 MiB (15 %)');
    expect(formatProgress({ received: 1048576, total: null })).toBe('1.0 MiB');
  });
});
