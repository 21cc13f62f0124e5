import { readFileSync } from 'node:fs';
import { beforeEach, describe, expect, it } from 'vitest';
import { createWalkEngine } from '../engine.ts';
import { memoryAreaCache, openAreaCache } from './cache.ts';
import {
  type AreaGraphOptions,
  forgetRecentAreaGraphs,
  getAreaGraph,
  type OverpassWorkerLike,
} from './client.ts';
import { FakeIndexedDB } from './fake_idb.ts';
import { type FetchLike, OverpassError } from './fetcher.ts';
import { handleOverpassRequest, type OverpassBuildRequest } from './protocol.ts';

const FIXTURE = readFileSync(
  new URL('../../../../test/fixtures/overpass/river_bridge_grid.json', import.meta.url),
  'utf8',
);
const EP = 'https://overpass.example/api/interpreter';
const ORIGIN: [number, number] = [103.692, 36.083];

function fakeFetch(answer: () => Response | Promise<Response>) {
  const bodies: string[] = [];
  const fn: FetchLike = async (_url, init) => {
    bodies.push(new URLSearchParams(init.body.toString()).get('data') ?? '');
    return answer();
  };
  return { fn, bodies };
}

/** A worker stand-in that runs the real handler asynchronously, with structured-clone-like copying. */
function fakeWorker(log: string[]): () => OverpassWorkerLike {
  return () => {
    const w: OverpassWorkerLike = {
      onmessage: null,
      onerror: null,
      postMessage(message: OverpassBuildRequest) {
        log.push('post');
        const copy = structuredClone(message);
        setTimeout(() => handleOverpassRequest(copy, (reply) => w.onmessage?.({ data: reply })), 0);
      },
      terminate() {
        log.push('terminate');
      },
    };
    return w;
  };
}

const opts = (o: Partial<AreaGraphOptions> = {}): AreaGraphOptions => ({
  endpoint: EP,
  cache: memoryAreaCache(),
  createWorker: null,
  isOnline: () => true,
  retryDelayMs: 1,
  ...o,
});

beforeEach(() => forgetRecentAreaGraphs());

describe('getAreaGraph', () => {
  it('downloads one area, builds it in the worker, caches it and returns a network graph', async () => {
    const f = fakeFetch(() => new Response(FIXTURE));
    const log: string[] = [];
    const phases: string[] = [];
    const cache = memoryAreaCache();
    const r = await getAreaGraph(
      ...ORIGIN,
      opts({ fetch: f.fn, cache, createWorker: fakeWorker(log), onPhase: (p) => phases.push(p) }),
    );
    expect(r.source).toBe('network');
    expect(r.graph.nodeCount).toBe(40);
    expect(r.tiles).toHaveLength(1);
    expect(r.stats?.components).toBe(1);
    expect(r.graph.meta).toMatchObject({ source: 'overpass', endpoint: EP, tile: r.tiles[0]?.key });
    expect(log).toEqual(['post', 'terminate']);
    expect(phases).toEqual(['download', 'build']);
    expect(f.bodies).toHaveLength(1);
    expect(f.bodies[0]).toContain(`(around:${r.tiles[0]?.radiusM},`);
    expect((await cache.list(EP)).map((a) => a.tile.key)).toEqual([r.tiles[0]?.key]);
    // The engine answers with network times.
    const engine = createWalkEngine(r.graph);
    expect(engine.travel(ORIGIN, [103.685667, 36.087722])?.method).toBe('network');
  });

  it('answers later queries inside the area without asking again, with the same graph', async () => {
    const f = fakeFetch(() => new Response(FIXTURE));
    const o = opts({ fetch: f.fn });
    const first = await getAreaGraph(...ORIGIN, o);
    const again = await getAreaGraph(ORIGIN[0] + 0.001, ORIGIN[1] + 0.001, o);
    expect(again.source).toBe('cache');
    expect(again.graph).toBe(first.graph);
    expect(f.bodies).toHaveLength(1);
    // From the device cache after a reload (memory forgotten): same data, read back.
    forgetRecentAreaGraphs();
    const reread = await getAreaGraph(...ORIGIN, o);
    expect(reread.source).toBe('cache');
    expect(reread.graph).not.toBe(first.graph);
    expect(reread.graph.nodeCount).toBe(40);
    expect(reread.savedAt).toBe(first.savedAt);
    expect(f.bodies).toHaveLength(1);
    // Far away: a new area and a new request.
    const far = await getAreaGraph(103.9, 36.1, o);
    expect(far.source).toBe('network');
    expect(far.tiles[0]?.key).not.toBe(first.tiles[0]?.key);
    expect(f.bodies).toHaveLength(2);
  });

  it('survives a reload through IndexedDB and works offline from it', async () => {
    const idb = new FakeIndexedDB();
    const f = fakeFetch(() => new Response(FIXTURE));
    await getAreaGraph(
      ...ORIGIN,
      opts({ fetch: f.fn, cache: await openAreaCache({ indexedDB: idb.asFactory() }) }),
    );
    forgetRecentAreaGraphs();
    const cache = await openAreaCache({ indexedDB: idb.asFactory() });
    expect(cache.kind).toBe('indexeddb');
    const r = await getAreaGraph(...ORIGIN, opts({ fetch: f.fn, cache, isOnline: () => false }));
    expect(r.source).toBe('cache');
    expect(r.graph.nodeCount).toBe(40);
    expect(f.bodies).toHaveLength(1);
  });

  it('shares one download between concurrent queries in the same area', async () => {
    const f = fakeFetch(() => new Promise((resolve) => setTimeout(() => resolve(new Response(FIXTURE)), 20)));
    const cache = memoryAreaCache();
    const [a, b] = await Promise.all([
      getAreaGraph(...ORIGIN, opts({ fetch: f.fn, cache })),
      getAreaGraph(ORIGIN[0] + 0.0005, ORIGIN[1], opts({ fetch: f.fn, cache })),
    ]);
    expect(f.bodies).toHaveLength(1);
    expect(a.graph).toBe(b.graph);
  });

  it('fails with a typed error when offline and nothing is cached, and caches nothing', async () => {
    const f = fakeFetch(() => new Response(FIXTURE));
    const cache = memoryAreaCache();
    const e = await getAreaGraph(...ORIGIN, opts({ fetch: f.fn, cache, isOnline: () => false })).catch(
      (x) => x,
    );
    expect(e).toBeInstanceOf(OverpassError);
    expect(e.kind).toBe('offline');
    expect(f.bodies).toHaveLength(0);
    expect(await cache.list(EP)).toEqual([]);
  });

  it('reports bad JSON found by the worker, and caches nothing', async () => {
    const f = fakeFetch(() => new Response('{"elements": [ {"type": "node", "id": 1,'));
    const cache = memoryAreaCache();
    const e = await getAreaGraph(...ORIGIN, opts({ fetch: f.fn, cache, createWorker: fakeWorker([]) })).catch(
      (x) => x,
    );
    expect(e).toBeInstanceOf(OverpassError);
    expect(e.kind).toBe('bad_json');
    expect(await cache.list(EP)).toEqual([]);
  });

  it('builds on this thread when the worker cannot start', async () => {
    const f = fakeFetch(() => new Response(FIXTURE));
    const throwing = () => {
      throw new Error('blocked by CSP');
    };
    expect(
      (await getAreaGraph(...ORIGIN, opts({ fetch: f.fn, createWorker: throwing }))).graph.nodeCount,
    ).toBe(40);
    forgetRecentAreaGraphs();
    const failing = (): OverpassWorkerLike => {
      const w: OverpassWorkerLike = {
        onmessage: null,
        onerror: null,
        postMessage() {
          setTimeout(() => w.onerror?.({ message: 'failed to load worker script' }), 0);
        },
        terminate() {},
      };
      return w;
    };
    const r = await getAreaGraph(103.6, 36.1, opts({ fetch: f.fn, createWorker: failing }));
    expect(r.graph.nodeCount).toBe(40);
  });

  it('returns an empty graph (estimates follow) for an area without walkways', async () => {
    const f = fakeFetch(() => new Response('{"version":0.6,"elements":[]}'));
    const r = await getAreaGraph(...ORIGIN, opts({ fetch: f.fn }));
    expect(r.graph.nodeCount).toBe(0);
    expect(createWalkEngine(r.graph).method).toBe('estimate');
  });

  it('does not store a network whose answer arrived after the cache was cleared', async () => {
    const cache = memoryAreaCache({ dbName: 'lym-test-walk-clear' });
    const about = memoryAreaCache({ dbName: 'lym-test-walk-clear' });
    const f = fakeFetch(async () => {
      await about.clear();
      return new Response(FIXTURE);
    });
    const r = await getAreaGraph(...ORIGIN, opts({ fetch: f.fn, cache }));
    expect(r.source).toBe('network');
    expect(await cache.list(EP)).toEqual([]);
    // The next download (after the clear) is stored again.
    forgetRecentAreaGraphs();
    const g = fakeFetch(() => new Response(FIXTURE));
    await getAreaGraph(...ORIGIN, opts({ fetch: g.fn, cache }));
    expect(await cache.list(EP)).toHaveLength(1);
  });

  it('cancels the caller on abort', async () => {
    const f = fakeFetch(() => new Promise(() => undefined));
    const c = new AbortController();
    const p = getAreaGraph(...ORIGIN, opts({ fetch: f.fn, signal: c.signal }));
    setTimeout(() => c.abort(), 10);
    const e = await p.catch((x) => x);
    expect(e.kind).toBe('aborted');
  });

  it('refuses endpoints that are not http(s)', async () => {
    for (const endpoint of ['javascript:alert(1)', 'file:///etc/passwd', 'ftp://x/y', 'not a url']) {
      await expect(getAreaGraph(...ORIGIN, opts({ endpoint }))).rejects.toThrow(RangeError);
    }
  });
});
