import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { buildWalkGraph } from '../walk/graph';
import { memoryAreaCache } from '../walk/online/cache';
import type { FetchLike } from '../walk/online/fetcher';
import { parseOverpassJson } from '../walk/overpass';
import { type CoverageNetState, CoverageNetworkLoader, type CoverageRequester } from './network_loader';
import { latticeTile, type NetworkTilePlan } from './network_tiles';
import type { CoverageReply, CoverageRequest } from './protocol';
import { CoverageSession } from './session';

const fixture = readFileSync('test/fixtures/overpass/river_bridge_grid.json');
const ENDPOINT = 'https://overpass.example/api/interpreter';

/** The coverage session on this thread, asked the way CoverageClient asks the worker (messages cloned). */
function sessionRequester(): CoverageRequester {
  const session = new CoverageSession({ yieldNow: () => Promise.resolve() });
  let next = 1;
  return ((req: Omit<CoverageRequest, 'id'>) => {
    const id = next++;
    const outcome = new Promise((resolve) => {
      void session.handle(structuredClone({ ...req, id }), (reply: CoverageReply) => {
        if (reply.type === 'result') resolve({ kind: 'result', result: structuredClone(reply.result) });
        else if (reply.type === 'error') resolve({ kind: 'error', message: reply.message });
        else if (reply.type === 'cancelled') resolve({ kind: 'cancelled' });
      });
    });
    return { id, outcome };
  }) as CoverageRequester;
}

/** Three tiles around the invented river fixture (103.68–103.70, 36.08–36.09) of a plan that needed five. */
const plan: NetworkTilePlan = {
  tiles: [latticeTile(3456, 1299, 3000), latticeTile(3457, 1299, 3000), latticeTile(3456, 1298, 3000)],
  needed: 5,
  leftOut: [{ adcode: '620103', tilesLeft: 2, tiles: 5, areaShare: 0.4 }],
};

function fakeOverpass(answer: (query: string, n: number) => Response): {
  fetch: FetchLike;
  queries: string[];
} {
  const queries: string[] = [];
  return {
    queries,
    fetch: async (_url, init) => {
      const q = init.body.get('data') ?? '';
      queries.push(q);
      return answer(q, queries.length);
    },
  };
}

const ok = () => new Response(fixture, { status: 200, headers: { 'content-type': 'application/json' } });

/** The loader's next 'done' state (polled every 5 ms). */
function untilDone(states: CoverageNetState[]): Promise<CoverageNetState> {
  return new Promise((resolve) => {
    const check = setInterval(() => {
      const s = states.at(-1);
      if (s?.phase === 'done') {
        clearInterval(check);
        resolve(s);
      }
    }, 5);
  });
}

function run(loader: CoverageNetworkLoader, states: CoverageNetState[]): Promise<CoverageNetState> {
  const done = untilDone(states);
  loader.load('620103', () => plan);
  return done;
}

describe('CoverageNetworkLoader', () => {
  it('downloads each planned tile once, joins them in the worker, and serves them from the cache next time', async () => {
    const cache = memoryAreaCache();
    const net = fakeOverpass(ok);
    const states: CoverageNetState[] = [];
    let networks = 0;
    const loader = new CoverageNetworkLoader({
      endpoint: ENDPOINT,
      request: sessionRequester(),
      cache,
      fetch: net.fetch,
      isOnline: () => true,
      onChange: (s) => states.push(s),
      onNetwork: () => networks++,
    });
    const done = await run(loader, states);
    expect(net.queries).toHaveLength(3);
    expect(new Set(net.queries).size).toBe(3);
    expect(states[0]).toMatchObject({ phase: 'loading', done: 0 });
    expect(states.filter((s) => s.phase === 'loading').map((s) => s.done)).toEqual([0, 1, 2, 3]);
    expect(states.some((s) => s.phase === 'building')).toBe(true);
    expect(done.failure).toBeNull();
    expect(done.network).toMatchObject({ method: 'network', parts: 3 });
    // Every tile answers the whole fixture: the joined graph is the fixture's own graph.
    expect(done.network?.nodes).toBe(
      buildWalkGraph(parseOverpassJson(JSON.parse(fixture.toString('utf8')))).graph.nodeCount,
    );
    expect(networks).toBe(1);
    expect(await cache.list(ENDPOINT)).toHaveLength(3);
    // The same districts again: nothing to do.
    loader.load('620103', () => plan);
    expect(net.queries).toHaveLength(3);
    // A new page (new loader, same device cache): no request at all.
    const again = fakeOverpass(ok);
    const states2: CoverageNetState[] = [];
    const second = new CoverageNetworkLoader({
      endpoint: ENDPOINT,
      request: sessionRequester(),
      cache,
      fetch: again.fetch,
      isOnline: () => true,
      onChange: (s) => states2.push(s),
      onNetwork: () => undefined,
    });
    const cached = await run(second, states2);
    expect(again.queries).toHaveLength(0);
    expect(cached).toMatchObject({ done: 3, cached: 3, failure: null });
    expect(cached.network?.nodes).toBe(done.network?.nodes);
  });

  it('About → clear mid-download: stops, keeps and stores nothing, and a retry downloads every tile again', async () => {
    const cache = memoryAreaCache({ dbName: 'lym-test-coverage-net' });
    const about = memoryAreaCache({ dbName: 'lym-test-coverage-net' });
    let loader: CoverageNetworkLoader | null = null;
    let clearing = true;
    // The clear lands while tile 2 is on its way; its answer still arrives (already sent by the server).
    const net = fakeOverpass((_q, n) => {
      if (clearing && n === 2) {
        loader?.clear();
        void about.clear();
      }
      return ok();
    });
    const states: CoverageNetState[] = [];
    let networks = 0;
    loader = new CoverageNetworkLoader({
      endpoint: ENDPOINT,
      request: sessionRequester(),
      cache,
      fetch: net.fetch,
      isOnline: () => true,
      onChange: (s) => states.push(s),
      onNetwork: () => networks++,
    });
    const done = await run(loader, states);
    expect(done).toMatchObject({ phase: 'done', cleared: true, failure: null, network: null });
    // Give the answers already on their way the time to land: none may be stored.
    await new Promise((r) => setTimeout(r, 50));
    expect(await cache.list(ENDPOINT)).toEqual([]);
    expect(networks).toBe(0);
    expect(states.at(-1)).toBe(done);
    clearing = false;
    const before = net.queries.length;
    states.length = 0;
    loader.retry();
    await untilDone(states);
    expect(states.at(-1)).toMatchObject({ done: 3, cached: 0, cleared: false, failure: null });
    expect(net.queries.length - before).toBe(3);
    expect(await cache.list(ENDPOINT)).toHaveLength(3);
    expect(networks).toBe(1);
  });

  it('stops at a busy server, keeps the tiles it got, and can try again', async () => {
    const net = fakeOverpass((_q, n) => (n === 2 ? new Response('', { status: 429 }) : ok()));
    const states: CoverageNetState[] = [];
    const loader = new CoverageNetworkLoader({
      endpoint: ENDPOINT,
      request: sessionRequester(),
      cache: memoryAreaCache(),
      fetch: net.fetch,
      isOnline: () => true,
      retries: 0,
      onChange: (s) => states.push(s),
      onNetwork: () => undefined,
    });
    const done = await run(loader, states);
    expect(done.failure?.kind).toBe('busy');
    expect(done.done).toBeGreaterThanOrEqual(1);
    expect(done.done).toBeLessThan(3);
    expect(done.network?.parts).toBe(done.done);
    expect(done.network?.method).toBe('network');
    // Retry: the tiles already held are not asked for again.
    const before = net.queries.length;
    states.length = 0;
    loader.retry();
    await untilDone(states);
    expect(states.at(-1)).toMatchObject({ done: 3, failure: null });
    expect(net.queries.length - before).toBe(3 - done.done);
  });

  it('offline: no request, the estimate stays, and the failure is named', async () => {
    const net = fakeOverpass(ok);
    const states: CoverageNetState[] = [];
    const loader = new CoverageNetworkLoader({
      endpoint: ENDPOINT,
      request: sessionRequester(),
      cache: null,
      fetch: net.fetch,
      isOnline: () => false,
      onChange: (s) => states.push(s),
      onNetwork: () => undefined,
    });
    const done = await run(loader, states);
    expect(net.queries).toHaveLength(0);
    expect(done.failure?.kind).toBe('offline');
    // Nothing is sent to the worker: its estimates stay as they are.
    expect(done.network).toBeNull();
    expect(states.some((s) => s.phase === 'building')).toBe(false);
  });

  it("reads Overpass's own failure (a runtime-error remark in a 200 answer) as busy", async () => {
    const remark = JSON.stringify({ elements: [], remark: 'runtime error: Query ran out of memory' });
    const net = fakeOverpass(() => new Response(remark, { status: 200 }));
    const states: CoverageNetState[] = [];
    const loader = new CoverageNetworkLoader({
      endpoint: ENDPOINT,
      request: sessionRequester(),
      cache: memoryAreaCache(),
      fetch: net.fetch,
      isOnline: () => true,
      onChange: (s) => states.push(s),
      onNetwork: () => undefined,
    });
    const done = await run(loader, states);
    expect(done.failure?.kind).toBe('busy');
    expect(done.done).toBe(0);
  });
});
