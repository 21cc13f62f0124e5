import { describe, expect, it } from 'vitest';
import {
  type AreaCache,
  type AreaCacheOptions,
  areaCacheKey,
  memoryAreaCache,
  openAreaCache,
} from './cache.ts';
import { FakeIndexedDB } from './fake_idb.ts';
import type { AreaTile } from './tiles.ts';

const EP = 'https://overpass.example/api/interpreter';
const tile = (key: string, lon = 103.8): AreaTile => ({ lon, lat: 36.06, radiusM: 2500, key });
const bytes = (n: number, fill = 1) => new Uint8Array(n).fill(fill).buffer;

function clock(start = 1_700_000_000_000) {
  let t = start;
  return { now: () => t, advance: (ms: number) => (t += ms) };
}

/** The same behaviour is required of the IndexedDB store and the memory fallback. */
const variants: [string, (o: AreaCacheOptions) => Promise<AreaCache>][] = [
  ['memory', async (o) => memoryAreaCache(o)],
  ['indexeddb (fake)', (o) => openAreaCache({ ...o, indexedDB: new FakeIndexedDB().asFactory() })],
];

describe.each(variants)('area cache: %s', (_name, open) => {
  it('stores, lists and returns graph files per endpoint and tile', async () => {
    const c = clock();
    const cache = await open({ now: c.now });
    expect(await cache.get(EP, tile('a'))).toBeNull();
    expect(await cache.put(EP, tile('a'), bytes(100, 7))).toBe(true);
    expect(await cache.put('https://other.example/api/interpreter', tile('a'), bytes(50))).toBe(true);
    const hit = await cache.get(EP, tile('a'));
    expect(hit?.area).toMatchObject({
      endpoint: EP,
      key: areaCacheKey(EP, 'a'),
      bytes: 100,
      tile: tile('a'),
    });
    expect(new Uint8Array(hit?.data as ArrayBuffer)).toEqual(new Uint8Array(100).fill(7));
    expect((await cache.list(EP)).map((m) => m.tile.key)).toEqual(['a']);
    expect(await cache.get(EP, tile('b'))).toBeNull();
    // The download time is kept when given (it ages from then), but never in the future.
    await cache.put(EP, tile('c'), bytes(10), c.now() - 5000);
    expect((await cache.get(EP, tile('c')))?.area.savedAt).toBe(c.now() - 5000);
    await cache.put(EP, tile('d'), bytes(10), c.now() + 5000);
    expect((await cache.get(EP, tile('d')))?.area.savedAt).toBe(c.now());
  });

  it('returns a copy: changing what was read or stored does not change the cache', async () => {
    const cache = await open({});
    const data = bytes(10, 3);
    await cache.put(EP, tile('a'), data);
    new Uint8Array(data).fill(9);
    const first = await cache.get(EP, tile('a'));
    new Uint8Array(first?.data as ArrayBuffer).fill(8);
    expect(new Uint8Array((await cache.get(EP, tile('a')))?.data as ArrayBuffer)).toEqual(
      new Uint8Array(10).fill(3),
    );
  });

  it('forgets entries older than the maximum age, and entries from the future', async () => {
    const c = clock();
    const cache = await open({ now: c.now, maxAgeMs: 1000 });
    await cache.put(EP, tile('a'), bytes(10));
    c.advance(1000);
    expect(await cache.get(EP, tile('a'))).not.toBeNull();
    c.advance(1);
    expect(await cache.get(EP, tile('a'))).toBeNull();
    expect(await cache.list(EP)).toEqual([]);
    await cache.put(EP, tile('b'), bytes(10));
    c.advance(-5000);
    expect(await cache.list(EP)).toEqual([]);
  });

  it('evicts least recently used entries to stay under the size cap', async () => {
    const c = clock();
    const cache = await open({ now: c.now, maxBytes: 300 });
    await cache.put(EP, tile('a'), bytes(100));
    c.advance(10);
    await cache.put(EP, tile('b'), bytes(100));
    c.advance(10);
    await cache.put(EP, tile('c'), bytes(100));
    c.advance(10);
    await cache.get(EP, tile('a')); // a is now more recently used than b
    c.advance(10);
    await cache.put(EP, tile('d'), bytes(150));
    expect((await cache.list(EP)).map((m) => m.tile.key).sort()).toEqual(['a', 'd']);
    // Larger than the whole cap: not stored, nothing evicted.
    expect(await cache.put(EP, tile('e'), bytes(301))).toBe(false);
    expect((await cache.list(EP)).map((m) => m.tile.key).sort()).toEqual(['a', 'd']);
  });

  it('replaces an entry of the same tile instead of counting it twice', async () => {
    const cache = await open({ maxBytes: 200 });
    await cache.put(EP, tile('a'), bytes(150, 1));
    await cache.put(EP, tile('a'), bytes(150, 2));
    const all = await cache.list(EP);
    expect(all).toHaveLength(1);
    expect(new Uint8Array((await cache.get(EP, tile('a')))?.data as ArrayBuffer)[0]).toBe(2);
  });

  it('clears', async () => {
    const cache = await open({});
    await cache.put(EP, tile('a'), bytes(10));
    await cache.clear();
    expect(await cache.list(EP)).toEqual([]);
  });

  it('refuses data fetched before a clear, and stores what is fetched after it', async () => {
    const cache = await open({});
    const before = cache.generation();
    await cache.clear();
    expect(await cache.put(EP, tile('a'), bytes(10), undefined, before)).toBe(false);
    expect(await cache.list(EP)).toEqual([]);
    const after = cache.generation();
    expect(after).not.toBe(before);
    expect(await cache.put(EP, tile('b'), bytes(10), undefined, after)).toBe(true);
    expect((await cache.list(EP)).map((m) => m.tile.key)).toEqual(['b']);
  });

  it('refuses a write already on its way when the clear comes before it reaches storage', async () => {
    const cache = await open({});
    await cache.put(EP, tile('old'), bytes(10));
    const since = cache.generation();
    // put() first reads the entries (to evict); the clear lands during that wait.
    const writing = cache.put(EP, tile('a'), bytes(10), undefined, since);
    const clearing = cache.clear();
    expect(await writing).toBe(false);
    await clearing;
    expect(await cache.list(EP)).toEqual([]);
  });
});

describe('one database cleared through another cache of it', () => {
  it('memory fallback: every cache of the name forgets, and refuses older writes', async () => {
    const holder = memoryAreaCache({ dbName: 'lym-test-shared' });
    const about = memoryAreaCache({ dbName: 'lym-test-shared' });
    await holder.put(EP, tile('a'), bytes(10));
    const since = holder.generation();
    await about.clear();
    expect(await holder.list(EP)).toEqual([]);
    expect(await holder.put(EP, tile('b'), bytes(10), undefined, since)).toBe(false);
    expect(await holder.put(EP, tile('c'), bytes(10), undefined, holder.generation())).toBe(true);
    expect((await holder.list(EP)).map((m) => m.tile.key)).toEqual(['c']);
  });

  it('IndexedDB: a download begun before another cache cleared it leaves the database empty', async () => {
    const idb = new FakeIndexedDB();
    const holder = await openAreaCache({ indexedDB: idb.asFactory(), dbName: 'lym-test-idb' });
    const about = await openAreaCache({ indexedDB: idb.asFactory(), dbName: 'lym-test-idb' });
    const since = holder.generation();
    await about.clear();
    expect(await holder.put(EP, tile('a'), bytes(10), undefined, since)).toBe(false);
    const rows = idb.dbs.get('lym-test-idb')?.stores.get('meta') as Map<string, unknown> | undefined;
    expect(rows?.size ?? 0).toBe(0);
  });
});

describe('clearing an IndexedDB cache', () => {
  it('deletes the database (its bytes go), and every open cache of it keeps working afterwards', async () => {
    const idb = new FakeIndexedDB();
    const mine = await openAreaCache({ indexedDB: idb.asFactory() });
    const other = await openAreaCache({ indexedDB: idb.asFactory() });
    await mine.put(EP, tile('a'), bytes(64));
    await mine.clear();
    expect(idb.dbs.has('lym-walk-online')).toBe(false);
    expect(await other.list(EP)).toEqual([]);
    // Both reopen a fresh database on their next use.
    expect(await other.put(EP, tile('b'), bytes(8))).toBe(true);
    expect((await mine.list(EP)).map((m) => m.tile.key)).toEqual([tile('b').key]);
    const later = await openAreaCache({ indexedDB: idb.asFactory() });
    expect((await later.list(EP)).map((m) => m.tile.key)).toEqual([tile('b').key]);
  });

  it('empties the stores instead when another connection holds the deletion up', async () => {
    const idb = new FakeIndexedDB();
    const cache = await openAreaCache({ indexedDB: idb.asFactory(), openTimeoutMs: 50 });
    await openAreaCache({ indexedDB: idb.asFactory(), openTimeoutMs: 50 });
    await cache.put(EP, tile('a'), bytes(64));
    idb.holdOpen = true;
    await cache.clear();
    expect(idb.dbs.has('lym-walk-online')).toBe(true);
    expect(await cache.list(EP)).toEqual([]);
  });
});

describe('openAreaCache', () => {
  it('persists across openings of the same IndexedDB', async () => {
    const idb = new FakeIndexedDB();
    const one = await openAreaCache({ indexedDB: idb.asFactory() });
    expect(one.kind).toBe('indexeddb');
    await one.put(EP, tile('a'), bytes(64, 5));
    const two = await openAreaCache({ indexedDB: idb.asFactory() });
    expect(new Uint8Array((await two.get(EP, tile('a')))?.data as ArrayBuffer)).toEqual(
      new Uint8Array(64).fill(5),
    );
  });

  it.each(['throw', 'error', 'blocked', 'hang'] as const)(
    'falls back to memory when open() fails (%s)',
    async (failure) => {
      const idb = new FakeIndexedDB();
      idb.openFailure = failure;
      const cache = await openAreaCache({ indexedDB: idb.asFactory(), openTimeoutMs: 50 });
      expect(cache.kind).toBe('memory');
      expect(await cache.put(EP, tile('a'), bytes(10))).toBe(true);
      expect(await cache.get(EP, tile('a'))).not.toBeNull();
    },
  );

  it('uses memory when there is no IndexedDB at all', async () => {
    expect((await openAreaCache({ indexedDB: null })).kind).toBe('memory');
  });

  it('reports a full disk as "not stored" and keeps older entries intact', async () => {
    const idb = new FakeIndexedDB();
    const cache = await openAreaCache({ indexedDB: idb.asFactory() });
    expect(await cache.put(EP, tile('a'), bytes(100))).toBe(true);
    idb.quotaBytes = 150;
    expect(await cache.put(EP, tile('b'), bytes(100))).toBe(false);
    expect(await cache.get(EP, tile('b'))).toBeNull();
    expect(await cache.get(EP, tile('a'))).not.toBeNull();
  });

  it('ignores malformed and other-schema entries and a file whose size does not match', async () => {
    const idb = new FakeIndexedDB();
    const cache = await openAreaCache({ indexedDB: idb.asFactory() });
    await cache.put(EP, tile('a'), bytes(100));
    const db = idb.dbs.get('lym-walk-online');
    // Committed transactions replace the maps, so they are looked up afresh each time.
    const rows = (store: string) => db?.stores.get(store) as Map<string, unknown>;
    const meta = rows('meta');
    meta.set('junk', { key: 'junk', endpoint: EP, tile: { lon: 'x' } });
    meta.set(`${EP}|old|s0g1`, {
      key: `${EP}|old|s0g1`,
      endpoint: EP,
      tile: tile('old'),
      savedAt: 1,
      usedAt: 1,
      bytes: 1,
    });
    expect((await cache.list(EP)).map((m) => m.tile.key)).toEqual(['a']);
    expect(rows('meta').has('junk')).toBe(false);
    expect(rows('meta').has(`${EP}|old|s0g1`)).toBe(false);
    rows('data').set(areaCacheKey(EP, 'a'), bytes(99));
    expect(await cache.get(EP, tile('a'))).toBeNull();
    expect(await cache.list(EP)).toEqual([]);
  });
});
