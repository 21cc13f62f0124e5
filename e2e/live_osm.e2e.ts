// Live OpenStreetMap facilities: the real Liechtenstein extract (relocated over Lanzhou) served by a mocked Overpass.

import { readFileSync } from 'node:fs';
import type { Browser, Page, Route } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { answerTileQuery, type FixtureElement, type OverpassFixture } from '../scripts/lib/overpass_fixture';
import { independentCounts } from '../scripts/lib/overpass_fixture_count';
import { launch, mapShot, openPage, pageShot, pixelStats, waitForMapIdle } from './browser';

const base = inject('baseURL');
const fixture = JSON.parse(
  readFileSync('test/fixtures/overpass/liechtenstein_live.json', 'utf8'),
) as OverpassFixture;
const EP_A = new URL('overpass-a', base).href;
const EP_B = new URL('overpass-b', base).href;
const EVERYDAY = [
  'park',
  'fitness_site',
  'library',
  'community_centre',
  'university',
  'metro',
  'night_market',
  'riverside',
];
/** The relocated extract's centre, east of the side panel at this zoom. */
const VIEW = '#lang=en&map=12.2/36.03/103.75';
const url = (hash = VIEW) => `${base}?e2e&overpass=/overpass-a,/overpass-b${hash}`;

let browser: Browser;
beforeAll(async () => {
  browser = await launch();
});
afterAll(async () => {
  await browser?.close();
});

interface Served {
  at: number;
  endpoint: string;
  elements: FixtureElement[];
}

/** Answers tile queries from the fixture like a server holding only it; `delayMs` makes progress visible. */
async function mockOverpass(page: Page, delayMs = 0): Promise<Served[]> {
  const served: Served[] = [];
  for (const endpoint of [EP_A, EP_B]) {
    await page.route(endpoint, async (route) => {
      const query = new URLSearchParams(route.request().postData() ?? '').get('data') ?? '';
      const { answer } = answerTileQuery(fixture, query);
      served.push({ at: Date.now(), endpoint, elements: answer.elements });
      if (delayMs) await new Promise((r) => setTimeout(r, delayMs));
      await route.fulfill({ status: 200, contentType: 'application/json', body: JSON.stringify(answer) });
    });
  }
  return served;
}

/** The numbers the layer panel shows per layer. */
async function layerCounts(page: Page): Promise<Record<string, number>> {
  const out: Record<string, number> = {};
  for (const id of EVERYDAY) {
    const text = (await page.locator(`label[for="layer-${id}"] .layer-count`).textContent()) ?? '';
    out[id] = /^\d+$/.test(text.trim()) ? Number(text.trim()) : 0;
  }
  return out;
}

/** Shipped places per category, read from the served data file as the app reads it. */
async function shippedCounts(page: Page): Promise<Record<string, number>> {
  return page.evaluate(async () => {
    const fc = (await (await fetch('data/features.geojson')).json()) as {
      features: { properties: { category: string } }[];
    };
    const c: Record<string, number> = {};
    for (const f of fc.features) c[f.properties.category] = (c[f.properties.category] ?? 0) + 1;
    return c;
  });
}

/** Entries of the live cache in IndexedDB (0 when its database is gone), read without creating it. */
const cachedTiles = (page: Page) =>
  page.evaluate(async () => {
    const dbs = await indexedDB.databases();
    if (!dbs.some((d) => d.name === 'lym-live-osm')) return 0;
    return new Promise<number>((resolve, reject) => {
      const open = indexedDB.open('lym-live-osm');
      open.onerror = () => reject(open.error);
      open.onsuccess = () => {
        const db = open.result;
        const names = [...db.objectStoreNames];
        if (names.length === 0) {
          db.close();
          return resolve(0);
        }
        const tx = db.transaction(names, 'readonly');
        let n = 0;
        for (const name of names) {
          const req = tx.objectStore(name).count();
          req.onsuccess = () => {
            n += req.result;
          };
        }
        tx.oncomplete = () => {
          db.close();
          resolve(n);
        };
      };
    });
  });

async function mapCenter(page: Page): Promise<[number, number, number]> {
  return page.evaluate(() => {
    const map = (
      window as unknown as {
        __lym: { map: { getCenter(): { lng: number; lat: number }; getZoom(): number } };
      }
    ).__lym.map;
    const c = map.getCenter();
    return [c.lng, c.lat, map.getZoom()];
  });
}

describe('live OSM facilities (mocked Overpass, real extract relocated over Lanzhou)', () => {
  it('first visit: shows progress, then exactly the independently counted facilities per category, drawn', async () => {
    const { context, page } = await openPage(browser);
    const served = await mockOverpass(page, 120);
    await page.goto(url());
    // The download runs with a progress bar and counts.
    await expect.poll(() => page.locator('.live-progress').count()).toBe(1);
    expect(await page.locator('.live-loading').textContent()).toMatch(/of 23 tiles, \d+ facilities found/);
    expect(await page.locator('.live-bar').isVisible()).toBe(true);
    await pageShot(page, 'live-osm-progress-en');
    await expect.poll(() => page.locator('.live-done').count(), { timeout: 30_000 }).toBe(1);
    await waitForMapIdle(page);
    expect(await page.locator('.live-bar').isVisible()).toBe(false);
    // Every request went to the first endpoint, one per tile.
    expect(served.map((s) => s.endpoint)).toEqual(new Array(23).fill(EP_A));

    const expected = independentCounts(served.flatMap((s) => s.elements));
    const shipped = await shippedCounts(page);
    const shown = await layerCounts(page);
    for (const id of EVERYDAY) expect(shown[id], id).toBe((shipped[id] ?? 0) + (expected[id] ?? 0));
    console.log(`live facilities per category (independent count): ${JSON.stringify(expected)}`);
    const total = Object.values(expected).reduce((a, b) => a + b, 0);
    expect(await page.locator('.live-done').textContent()).toBe(
      `${total} facilities from OpenStreetMap loaded (23 tiles, data as of 2013-08-03).`,
    );

    // Drawn: the fitness layer's colour where the relocated pitches are, gone when the layer is off.
    const teal = '#0f766e';
    const on = pixelStats(await mapShot(page, 'live-osm-drawn-en'), [teal]).matches[teal] ?? 0;
    await page.locator('#layer-fitness_site').uncheck();
    await waitForMapIdle(page);
    const off = pixelStats(await mapShot(page, 'live-osm-fitness-off-en'), [teal]).matches[teal] ?? 0;
    expect(on - off).toBeGreaterThan(300);
    await page.locator('#layer-fitness_site').check();

    // The card of a live facility names OSM and its date.
    await page.locator('#toggle-list').click();
    const item = page.locator('.list-item[data-feature-id^="osm-"]').first();
    await item.click();
    const card = page.locator('.feature-card');
    expect(await card.textContent()).toContain('OpenStreetMap contributors');
    expect(await card.locator('a').first().getAttribute('href')).toMatch(
      /^https:\/\/www\.openstreetmap\.org\/(node|way|relation)\/\d+$/,
    );

    // A reload serves every tile from the device cache: no request.
    const before = served.length;
    await page.locator('#toggle-layers').click();
    await page.reload();
    await expect.poll(() => page.locator('.live-cache').count(), { timeout: 30_000 }).toBe(1);
    expect(await page.locator('.live-cache').textContent()).toContain("23 tiles from this device's cache");
    expect(served.length).toBe(before);
    expect(await layerCounts(page)).toEqual(shown);
    await context.close();
  }, 180_000);

  type Reply = (route: Route) => Promise<void>;
  const json =
    (body: string, status = 200, headers: Record<string, string> = {}): Reply =>
    (route) =>
      route.fulfill({ status, contentType: 'application/json', headers, body });
  const failures: { kind: string; reply: Reply; en: RegExp; zh: RegExp; timeout?: number }[] = [
    {
      kind: 'offline',
      reply: (route) => route.abort('internetdisconnected'),
      en: /Could not reach 127\.0\.0\.1:\d+\/overpass-a: the device is offline/,
      zh: /无法连接 127\.0\.0\.1:\d+\/overpass-b：设备离线或服务器不可达/,
    },
    {
      kind: 'timeout',
      reply: () => new Promise(() => undefined),
      en: /did not answer within 2 s \(timed out\)/,
      zh: /在 2 秒内没有完成应答（超时）/,
      timeout: 2000,
    },
    {
      kind: 'HTTP 429 with Retry-After',
      reply: json('rate limited', 429, { 'retry-after': '1' }),
      en: /too many requests \(HTTP 429\); waited the 1 s it asked for/,
      zh: /请求过多（HTTP 429），按其要求等待 1 秒/,
    },
    {
      kind: '5xx',
      reply: json('<html>oops</html>', 500),
      en: /had a server error \(HTTP 500\)/,
      zh: /服务器出错（HTTP 500）/,
    },
    {
      kind: 'remark runtime error',
      reply: json(
        JSON.stringify({
          osm3s: { timestamp_osm_base: '2026-11-30T00:00:00Z' },
          elements: [],
          remark: 'runtime error: Query timed out in "query" at line 1 after 61 seconds.',
        }),
      ),
      en: /gave up on the query \(Overpass runtime error: runtime error: Query timed out/,
      zh: /中途放弃了查询（Overpass 运行错误：runtime error: Query timed out/,
    },
    {
      kind: 'malformed JSON',
      reply: json('{"version":0.6,"elements":[{"type":"node",'),
      en: /is not valid Overpass JSON/,
      zh: /不是有效的 Overpass JSON/,
    },
    {
      kind: 'over the size cap',
      reply: json(`{"elements":[${' '.repeat(33 * 2 ** 20)}]}`),
      en: /larger than the 32 MB limit/,
      zh: /超过 32 MB 上限/,
    },
  ];

  it.each(failures)(
    'names the failure ($kind) in en and zh; shipped places and the view stay',
    async (f) => {
      const { context, page } = await openPage(browser);
      const calls: { endpoint: string; at: number; query: string }[] = [];
      for (const endpoint of [EP_A, EP_B])
        await page.route(endpoint, (route) => {
          calls.push({ endpoint, at: Date.now(), query: route.request().postData() ?? '' });
          return f.reply(route);
        });
      const timeout = f.timeout ? `&overpass_timeout=${f.timeout}` : '';
      await page.goto(url().replace('?e2e', `?e2e${timeout}`));
      await waitForMapIdle(page);
      const failure = page.locator('.live-failure');
      await expect.poll(() => failure.count(), { timeout: 30_000 }).toBe(1);
      const en = (await failure.textContent()) ?? '';
      expect(en).toMatch(f.en);
      // The second endpoint was tried before giving up (offline is the browser's own verdict only when it says so).
      expect(new Set(calls.map((c) => c.endpoint))).toEqual(new Set([EP_A, EP_B]));
      if (f.kind.startsWith('HTTP 429')) {
        // The same tile's query to the same server: retried once, after the 1 s the server asked for.
        const first = calls[0]!;
        const same = calls.filter((c) => c.endpoint === EP_A && c.query === first.query);
        expect(same).toHaveLength(2);
        expect(same[1]!.at - same[0]!.at).toBeGreaterThanOrEqual(900);
      }
      expect(await page.locator('.live-status').textContent()).toContain(
        'The shipped places stay on the map; your view is unchanged.',
      );
      // The shipped places are all still listed and the view has not moved.
      const shipped = await shippedCounts(page);
      const shown = await layerCounts(page);
      for (const id of EVERYDAY) expect(shown[id], id).toBe(shipped[id] ?? 0);
      const [lon, lat, zoom] = await mapCenter(page);
      expect([lon, lat, zoom].map((v) => Math.round(v * 100) / 100)).toEqual([103.75, 36.03, 12.2]);
      await page.locator('#lang-switch').click();
      await expect.poll(() => page.locator('.live-failure').textContent()).toMatch(f.zh);
      expect(await page.locator('.live-status').textContent()).toContain('内置数据照常显示，地图视图不变。');
      if (f.kind === '5xx') await pageShot(page, 'live-osm-failure-zh');
      await context.close();
    },
    120_000,
  );

  it('About → clear empties the live cache: the storage figure drops and the live places leave the map', async () => {
    const { context, page } = await openPage(browser);
    const served = await mockOverpass(page);
    await page.goto(url());
    await expect.poll(() => page.locator('.live-done').count(), { timeout: 30_000 }).toBe(1);
    await waitForMapIdle(page);
    const shipped = await shippedCounts(page);
    const withLive = await layerCounts(page);
    expect(withLive.fitness_site).toBeGreaterThan(shipped.fitness_site ?? 0);
    const teal = '#0f766e';
    const drawn = pixelStats(await mapShot(page, 'live-osm-before-clear-en'), [teal]).matches[teal] ?? 0;
    expect(await cachedTiles(page)).toBeGreaterThanOrEqual(23);
    const used = async () => {
      const text = (await page.locator('#storage-used').textContent()) ?? '';
      const m = /: ([\d.]+) (B|kB|MB|GB)/.exec(text);
      return m ? Number(m[1]) * { B: 1, kB: 1e3, MB: 1e6, GB: 1e9 }[m[2] as 'B'] : Number.NaN;
    };
    await page.locator('#about-button').click();
    await expect.poll(used).toBeGreaterThan(0);
    const before = await used();
    await page.locator('#storage-clear').click();
    await expect.poll(() => page.locator('#keep-status').textContent()).toContain('Cleared');
    expect(await cachedTiles(page)).toBe(0);
    // The figure shown after clearing is the device's new, smaller usage (the tiles were most of it).
    const after = await used();
    console.log(`storage used: ${before} B before clearing, ${after} B after`);
    expect(after).toBeLessThan(before);
    await pageShot(page, 'live-osm-cleared-about-en');
    await page.keyboard.press('Escape');
    // The map and the counts are the shipped places again, and the panel says why.
    expect(await layerCounts(page)).toEqual(Object.fromEntries(EVERYDAY.map((id) => [id, shipped[id] ?? 0])));
    expect(await page.locator('.live-cleared').textContent()).toContain('cleared');
    expect(await page.locator('#live-refresh').textContent()).toBe('Load from OpenStreetMap');
    await waitForMapIdle(page);
    const left = pixelStats(await mapShot(page, 'live-osm-after-clear-en'), [teal]).matches[teal] ?? 0;
    expect(drawn - left).toBeGreaterThan(300);
    // Nothing was downloaded again on its own.
    const requests = served.length;
    await page.waitForTimeout(500);
    expect(served.length).toBe(requests);
    await context.close();
  }, 120_000);

  it('About → clear during a download stops it: nothing is stored after, and a later download works', async () => {
    const { context, page } = await openPage(browser);
    const served: number[] = [];
    let delayMs = 1500;
    for (const endpoint of [EP_A, EP_B]) {
      await page.route(endpoint, async (route: Route) => {
        const query = new URLSearchParams(route.request().postData() ?? '').get('data') ?? '';
        const { answer } = answerTileQuery(fixture, query);
        served.push(Date.now());
        await new Promise((r) => setTimeout(r, delayMs));
        // A request the page aborted can no longer be answered; the answer is simply lost.
        await route
          .fulfill({ status: 200, contentType: 'application/json', body: JSON.stringify(answer) })
          .catch(() => undefined);
      });
    }
    await page.goto(url());
    const shipped = await shippedCounts(page);
    // Some tiles are stored, the rest still on their way.
    await expect.poll(() => cachedTiles(page), { timeout: 30_000 }).toBeGreaterThan(0);
    expect(await page.locator('.live-progress').count()).toBe(1);
    await page.locator('#about-button').click();
    await page.locator('#storage-clear').click();
    await expect.poll(() => page.locator('#keep-status').textContent()).toContain('Cleared');
    const requests = served.length;
    expect(requests).toBeLessThan(23);
    // Longer than an answer takes: whatever was on its way has landed (or been dropped) by now.
    await page.waitForTimeout(2 * delayMs + 500);
    expect(await cachedTiles(page)).toBe(0);
    expect(served.length).toBe(requests);
    await page.keyboard.press('Escape');
    expect(await page.locator('.live-bar').isVisible()).toBe(false);
    expect(await page.locator('.live-progress').count()).toBe(0);
    expect(await page.locator('.live-cleared').textContent()).toBe(
      'The OpenStreetMap facilities kept on this device were cleared, the running download was stopped with nothing of it kept, and they left the map; load them again when you need them.',
    );
    expect(await layerCounts(page)).toEqual(Object.fromEntries(EVERYDAY.map((id) => [id, shipped[id] ?? 0])));
    await waitForMapIdle(page);
    const teal = '#0f766e';
    const cleared = pixelStats(await mapShot(page, 'live-osm-stopped-en'), [teal]).matches[teal] ?? 0;
    await pageShot(page, 'live-osm-stopped-panel-en');
    // The app still works: asked again, the download runs to the end and is stored.
    delayMs = 0;
    await page.locator('#live-refresh').click();
    await expect.poll(() => page.locator('.live-done').count(), { timeout: 30_000 }).toBe(1);
    expect(await cachedTiles(page)).toBeGreaterThanOrEqual(23);
    expect((await layerCounts(page)).fitness_site).toBeGreaterThan(shipped.fitness_site ?? 0);
    await waitForMapIdle(page);
    const again =
      pixelStats(await mapShot(page, 'live-osm-after-stop-reloaded-en'), [teal]).matches[teal] ?? 0;
    expect(again - cleared).toBeGreaterThan(300);
    await context.close();
  }, 120_000);
});
