import { describe, expect, it } from 'vitest';
import { memoryTileCache } from '../overpass/tile_cache.ts';
import { FakeIndexedDB } from '../walk/online/fake_idb.ts';
import type { FetchLike } from '../walk/online/fetcher.ts';
import {
  inlineParser,
  LIVE_TILE_KIND,
  type LiveWorkerLike,
  loadLiveTiles,
  openLiveCache,
  workerParser,
} from './loader.ts';
import { LiveParseHandler } from './protocol.ts';
import type { LiveTile } from './tiles.ts';

const A = 'https://a.example/api/interpreter';
const B = 'https://b.example/api/interpreter';
const square = {
  features: [
    {
      geometry: {
        type: 'Polygon',
        coordinates: [
          [
            [103.7, 36],
            [103.9, 36],
            [103.9, 36.1],
            [103.7, 36.1],
            [103.7, 36],
          ],
        ],
      },
      properties: { district: '620102' },
    },
  ],
};
const tiles: LiveTile[] = [
  { key: 't1', bbox: [103.7, 36, 103.8, 36.1] },
  { key: 't2', bbox: [103.8, 36, 103.9, 36.1] },
  { key: 't3', bbox: [103.9, 36, 104, 36.1] },
];
const ok = (id: number) =>
  JSON.stringify({
    osm3s: { timestamp_osm_base: '2026-11-30T00:00:00Z' },
    elements: [{ type: 'node', id, lat: 36.05, lon: 103.75, tags: { leisure: 'pitch' } }],
  });

/** A fetch answering per endpoint from a function of (endpoint, query); records calls. */
function server(answer: (endpoint: string, query: string, n: number) => Response | Error) {
  const calls: { endpoint: string; query: string }[] = [];
  const fn: FetchLike = async (url, init) => {
    const query = init.body.get('data') ?? '';
    calls.push({ endpoint: url, query });
    const r = answer(url, query, calls.length);
    if (r instanceof Error) throw r;
    return r;
  };
  return { fn, calls };
}
const tileNo = (query: string) =>
  tiles.findIndex((t) => query.includes(`(${t.bbox[1]},${t.bbox[0]},${t.bbox[3]},${t.bbox[2]});`)) + 1;
const base = { isOnline: () => true, retryDelayMs: 1, concurrency: 1, parser: inlineParser(square) };

describe('loadLiveTiles', () => {
  it('downloads each tile, reports progress, caches the answers, and serves a reload from the cache', async () => {
    const s = server((_, q) => new Response(ok(tileNo(q))));
    const cache = memoryTileCache(LIVE_TILE_KIND);
    const progress: string[] = [];
    const r = await loadLiveTiles(tiles, {
      ...base,
      endpoints: [A, B],
      cache,
      fetch: s.fn,
      onProgress: (p) => progress.push(`${p.done}/${p.total} ${p.found}`),
    });
    expect(r.failure).toBeNull();
    expect(r.tiles.map((t) => t.candidates[0]?.feature.properties.id)).toEqual([
      'osm-node-1',
      'osm-node-2',
      'osm-node-3',
    ]);
    expect(progress).toEqual(['0/3 0', '1/3 1', '2/3 2', '3/3 3']);
    expect(s.calls.map((c) => c.endpoint)).toEqual([A, A, A]);
    const again = await loadLiveTiles(tiles, { ...base, endpoints: [A, B], cache, fetch: s.fn });
    expect([again.fromCache, s.calls.length]).toEqual([3, 3]);
    // Refresh downloads again.
    await loadLiveTiles(tiles, { ...base, endpoints: [A, B], cache, fetch: s.fn, refresh: true });
    expect(s.calls.length).toBe(6);
  });

  it('tries the second endpoint before giving up, and stops the download at a tile that fails on both', async () => {
    const s = server((ep, q) =>
      ep === A
        ? new Response('down', { status: 502 })
        : tileNo(q) === 2
          ? new Response('{"elements":[],"remark":"runtime error: Query timed out"}')
          : new Response(ok(tileNo(q))),
    );
    const r = await loadLiveTiles(tiles, { ...base, endpoints: [A, B], cache: null, fetch: s.fn });
    expect(r.tiles).toHaveLength(1);
    expect(r.failure?.tile.key).toBe('t2');
    expect(
      r.failure?.attempts.map((a) => [a.endpoint, a.error.kind, a.error.status ?? a.error.detail.remark]),
    ).toEqual([
      [A, 'http', 502],
      [B, 'busy', 'runtime error: Query timed out'],
    ]);
    // Tile 3 was never asked for.
    expect(s.calls.some((c) => tileNo(c.query) === 3)).toBe(false);
  });

  it('does not try another server when the browser is offline', async () => {
    const s = server(() => new TypeError('Failed to fetch'));
    let online = true;
    const r = await loadLiveTiles(tiles, {
      ...base,
      isOnline: () => online,
      endpoints: [A, B],
      cache: null,
      fetch: async (u, i) => {
        online = false;
        return s.fn(u, i);
      },
    });
    expect(r.failure?.attempts.map((a) => a.error.kind)).toEqual(['offline']);
  });

  it('persists in IndexedDB (fake) across opens', async () => {
    const idb = new FakeIndexedDB().asFactory();
    const s = server((_, q) => new Response(ok(tileNo(q))));
    const first = await openLiveCache(idb);
    expect(first.kind).toBe('indexeddb');
    await loadLiveTiles(tiles.slice(0, 1), { ...base, endpoints: [A], cache: first, fetch: s.fn });
    const r = await loadLiveTiles(tiles.slice(0, 1), {
      ...base,
      endpoints: [A],
      cache: await openLiveCache(idb),
      fetch: s.fn,
    });
    expect([r.fromCache, s.calls.length]).toEqual([1, 1]);
  });

  it('stores nothing that was on its way when the cache was cleared, and stores the next download', async () => {
    const cache = memoryTileCache(LIVE_TILE_KIND);
    // The clear (About → clear, through another cache of the same database) lands during tile 2's request.
    const about = memoryTileCache(LIVE_TILE_KIND);
    const s = server((_, q) => new Response(ok(tileNo(q))));
    const fetch: FetchLike = async (url, init) => {
      if (tileNo(init.body.get('data') ?? '') === 2) await about.clear();
      return s.fn(url, init);
    };
    const r = await loadLiveTiles(tiles, { ...base, endpoints: [A], cache, fetch });
    expect(r.tiles).toHaveLength(3);
    expect((await cache.list(A)).map((m) => m.tile.key)).toEqual(['t3']);
    const again = await loadLiveTiles(tiles, { ...base, endpoints: [A], cache, fetch: s.fn });
    expect(again.fromCache).toBe(1);
    expect((await cache.list(A)).map((m) => m.tile.key).sort()).toEqual(['t1', 't2', 't3']);
  });

  it('stops at once when its signal aborts during a slow answer, and stores nothing of it', async () => {
    const cache = memoryTileCache(LIVE_TILE_KIND);
    const abort = new AbortController();
    const fetch: FetchLike = (_url, init) =>
      new Promise((_resolve, reject) => {
        init.signal.addEventListener('abort', () => reject(new DOMException('aborted', 'AbortError')));
        abort.abort();
      });
    await expect(
      loadLiveTiles(tiles, { ...base, endpoints: [A, B], cache, fetch, signal: abort.signal }),
    ).rejects.toMatchObject({ kind: 'aborted' });
    expect(await cache.list(A)).toEqual([]);
  });
});

describe('workerParser', () => {
  /** A worker that runs the real handler asynchronously, like the Overpass worker does. */
  const fakeWorker = (): LiveWorkerLike & { posted: number } => {
    const h = new LiveParseHandler();
    const w = {
      posted: 0,
      onmessage: null as LiveWorkerLike['onmessage'],
      onerror: null as LiveWorkerLike['onerror'],
      postMessage(m: Parameters<LiveWorkerLike['postMessage']>[0]) {
        w.posted++;
        const clone = structuredClone(m);
        setTimeout(() => h.handle(clone, (reply) => w.onmessage?.({ data: reply })), 0);
      },
      terminate() {},
    };
    return w;
  };

  it('parses in the worker, sending the districts once, and reports parse failures typed', async () => {
    const w = fakeWorker();
    const sent: boolean[] = [];
    const p = workerParser(square, () => {
      const orig = w.postMessage;
      w.postMessage = (m) => {
        sent.push(m.districts !== undefined);
        orig(m);
      };
      return w;
    });
    const enc = (s: string) => new TextEncoder().encode(s);
    expect((await p.parse(enc(ok(1)), 't1')).candidates).toHaveLength(1);
    expect((await p.parse(enc(ok(2)), 't2')).candidates[0]?.feature.properties.id).toBe('osm-node-2');
    await expect(p.parse(enc('<html>'), 't3')).rejects.toMatchObject({ kind: 'bad_json' });
    expect(sent).toEqual([true, false, false]);
  });

  it('falls back to this thread when the worker cannot start', async () => {
    const broken: LiveWorkerLike = {
      onmessage: null,
      onerror: null,
      postMessage() {
        setTimeout(() => broken.onerror?.({ message: 'blocked' }), 0);
      },
      terminate() {},
    };
    const p = workerParser(square, () => broken);
    expect((await p.parse(new TextEncoder().encode(ok(7)), 't')).candidates).toHaveLength(1);
    const throwing = workerParser(square, () => {
      throw new Error('no workers');
    });
    expect((await throwing.parse(new TextEncoder().encode(ok(8)), 't')).candidates).toHaveLength(1);
  });
});
