// The app kept on the device: one online visit, then offline it opens with the same map; updates wait for a reload.

import { cpSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { extname, join, normalize } from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { PNG } from 'pngjs';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { writePmtiles } from '../scripts/lib/pmtiles_writer';
import { buildVectorTiles } from '../scripts/lib/vector_tiles';
import {
  changedShare,
  cspViolations,
  launch,
  mapShot,
  openPage,
  pixelStats,
  waitForMapIdle,
} from './browser';

const base = inject('baseURL');
const outDir = process.env.E2E_OUT_DIR ?? 'dist';
const TILE_COLORS = ['#2e86de', '#10ac84'] as const;

/** A 256 px tile in one of two colours by (x + y) parity: the map is a checkerboard of known colours. */
function tilePng(x: number, y: number): Buffer {
  const png = new PNG({ width: 256, height: 256 });
  const hex = TILE_COLORS[(x + y) % 2]!;
  const [r, g, b] = [1, 3, 5].map((i) => Number.parseInt(hex.slice(i, i + 2), 16));
  for (let i = 0; i < png.data.length; i += 4) png.data.set([r!, g!, b!, 255], i);
  return PNG.sync.write(png);
}

/** The online basemap mocked at its real address: a raster style and checkerboard tiles. */
async function mockTileServer(context: BrowserContext, served: string[]): Promise<void> {
  await context.route('https://tiles.openfreemap.org/**', (route) => {
    const url = new URL(route.request().url());
    served.push(url.href);
    if (url.pathname.startsWith('/styles/')) {
      return route.fulfill({
        contentType: 'application/json',
        headers: { 'access-control-allow-origin': '*' },
        body: JSON.stringify({
          version: 8,
          sources: {
            mock: {
              type: 'raster',
              tiles: ['https://tiles.openfreemap.org/mock/{z}/{x}/{y}.png'],
              tileSize: 256,
              maxzoom: 14,
              attribution: '© OpenStreetMap contributors',
            },
          },
          layers: [{ id: 'mock', type: 'raster', source: 'mock' }],
        }),
      });
    }
    const m = /\/mock\/(\d+)\/(\d+)\/(\d+)\.png$/.exec(url.pathname);
    if (!m) return route.fulfill({ status: 404, body: '' });
    return route.fulfill({
      contentType: 'image/png',
      headers: { 'access-control-allow-origin': '*' },
      body: tilePng(Number(m[2]), Number(m[3])),
    });
  });
}

/** Resolves once a service worker controls the page. */
async function controlled(page: Page): Promise<void> {
  await page.waitForFunction(() => navigator.serviceWorker.controller !== null, null, { timeout: 30_000 });
}

const cachedUrls = (page: Page, name: string) =>
  page.evaluate(async (n) => (await (await caches.open(n)).keys()).map((r) => r.url), name);

let browser: Browser;
beforeAll(async () => {
  browser = await launch();
});
afterAll(async () => {
  await browser?.close();
});

describe('offline after one online visit', () => {
  it('opens offline with the same tiles, the shipped places, and says it is offline', async () => {
    const errors: string[] = [];
    const { context, page } = await openPage(browser, { serviceWorkers: 'allow', errors });
    const served: string[] = [];
    await mockTileServer(context, served);
    // No side panel: the comparison is of the map's tiles (the live-OSM status in the panel differs offline).
    await page.goto(`${base}?e2e#lang=en&bm=auto&p=`);
    await waitForMapIdle(page);
    await controlled(page);
    // The first visit's tiles were fetched before the worker existed; it is handed their list to keep.
    const tiles = () => served.filter((u) => u.includes('/mock/'));
    expect(tiles().length).toBeGreaterThan(0);
    await expect
      .poll(async () => {
        const kept = new Set(await cachedUrls(page, 'lym-runtime'));
        return tiles().filter((u) => !kept.has(u)).length;
      })
      .toBe(0);
    const online = await mapShot(page, 'offline-1-online');
    expect(await page.locator('.offline-badge').isVisible()).toBe(false);

    await context.setOffline(true);
    await context.unroute('https://tiles.openfreemap.org/**');
    await context.route('https://tiles.openfreemap.org/**', (route) => route.abort('internetdisconnected'));
    served.length = 0;
    await page.reload();
    await waitForMapIdle(page);
    const offline = await mapShot(page, 'offline-2-offline');
    expect(served).toEqual([]);
    expect(await page.locator('.offline-badge').textContent()).toBe('Offline · showing saved data');
    expect(await page.locator('.offline-badge').isVisible()).toBe(true);
    // The same checkerboard: the online style and tiles came from the device, not the built-in basemap.
    const stats = pixelStats(offline, [...TILE_COLORS], 8);
    expect(stats.matches[TILE_COLORS[0]]! / (stats.width * stats.height)).toBeGreaterThan(0.2);
    expect(stats.matches[TILE_COLORS[1]]! / (stats.width * stats.height)).toBeGreaterThan(0.2);
    expect(changedShare(online, offline)).toBeLessThan(0.02);
    // Places come from the precached data.
    await page.locator('#toggle-list').click();
    await expect.poll(() => page.locator('.list-item').count()).toBeGreaterThan(0);
    expect(await cspViolations(page)).toEqual([]);
    await context.close();
  }, 150_000);
});

describe('keep Lanzhou offline', () => {
  it('estimates the area in view first, downloads it into its own cache, and the storage line clears it', async () => {
    const { context, page } = await openPage(browser, { serviceWorkers: 'allow' });
    const served: string[] = [];
    await mockTileServer(context, served);
    await page.goto(`${base}?e2e#lang=en&bm=auto`);
    await waitForMapIdle(page);
    await controlled(page);
    await page.locator('#about-button').click();
    await expect
      .poll(() => page.locator('#storage-used').textContent())
      .toMatch(/^Storage used on this device: [\d.]+ [kMG]?B/);
    await page.locator('#keep-offline').click();
    await expect.poll(() => page.locator('#keep-status').textContent()).toMatch(/tiles/);
    const estimate = (await page.locator('#keep-status').textContent()) ?? '';
    const n = Number(/: (\d+) tiles/.exec(estimate)?.[1]);
    expect(n).toBeGreaterThan(0);
    // Nothing is fetched before the person confirms.
    expect(await cachedUrls(page, 'lym-keep')).toEqual([]);
    await page.locator('#keep-start').click();
    await expect
      .poll(() => page.locator('#keep-status').textContent(), { timeout: 60_000 })
      .toBe('Saved for offline use.');
    const kept = await cachedUrls(page, 'lym-keep');
    expect(kept.length).toBe(n);
    expect(kept.every((u) => /\/mock\/\d+\/\d+\/\d+\.png$/.test(u))).toBe(true);
    await page.locator('#storage-clear').click();
    await expect.poll(() => page.locator('#keep-status').textContent()).toContain('Cleared');
    expect(await page.evaluate(() => caches.keys())).not.toContain('lym-keep');
    await context.close();
  }, 150_000);
});

/** A static host whose folder can be swapped (a redeploy), with Range support like the real ones. */
function staticHost(state: { root: string }): Promise<Server> {
  const types: Record<string, string> = {
    '.html': 'text/html',
    '.js': 'text/javascript',
    '.mjs': 'text/javascript',
    '.css': 'text/css',
    '.json': 'application/json',
    '.geojson': 'application/geo+json',
    '.svg': 'image/svg+xml',
    '.woff2': 'font/woff2',
  };
  const server = createServer((req, res) => {
    const path = normalize(decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname)).replace(
      /^\/+/,
      '',
    );
    let body: Buffer;
    try {
      body = readFileSync(join(state.root, path || 'index.html'));
    } catch {
      res.writeHead(404, { 'content-type': 'text/plain' }).end('not found');
      return;
    }
    const type = types[extname(path || 'index.html')] ?? 'application/octet-stream';
    const range = /^bytes=(\d+)-(\d*)$/.exec(req.headers.range ?? '');
    if (range) {
      const start = Number(range[1]);
      const end = range[2] ? Math.min(Number(range[2]), body.length - 1) : body.length - 1;
      res.writeHead(206, { 'content-type': type, 'content-range': `bytes ${start}-${end}/${body.length}` });
      res.end(body.subarray(start, end + 1));
      return;
    }
    res.writeHead(200, { 'content-type': type, 'cache-control': 'no-cache' }).end(body);
  });
  return new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve(server)));
}

describe('app updates', () => {
  // Under test-results/ (ignored by git and Biome), so a crashed run leaves nothing to commit or lint.
  const dirs = { a: 'test-results/host-version-a', b: 'test-results/host-version-b' };
  const state = { root: dirs.a };
  let server: Server;
  let url: string;
  beforeAll(async () => {
    for (const d of Object.values(dirs)) {
      rmSync(d, { recursive: true, force: true });
      cpSync(outDir, d, { recursive: true });
    }
    // Version B: another page and another worker version, as a rebuild with changes would give.
    const sw = readFileSync(join(dirs.b, 'sw.js'), 'utf8');
    const version = /version:`([0-9a-f]{16})`/.exec(sw)?.[1];
    expect(version).toBeDefined();
    writeFileSync(join(dirs.b, 'sw.js'), sw.replaceAll(version!, 'b'.repeat(16)));
    const html = readFileSync(join(dirs.b, 'index.html'), 'utf8');
    writeFileSync(
      join(dirs.b, 'index.html'),
      html.replace('<head>', '<head><meta name="lym-test-build" content="B">'),
    );
    server = await staticHost(state);
    url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/`;
  });
  afterAll(() => {
    server?.close();
    for (const d of Object.values(dirs)) rmSync(d, { recursive: true, force: true });
  });

  it('announces a new version, keeps running the old one until the reload button applies it', async () => {
    const { context, page } = await openPage(browser, { serviceWorkers: 'allow' });
    const marker = () => page.locator('meta[name="lym-test-build"]').count();
    await page.goto(`${url}?e2e#lang=en&bm=offline`);
    await waitForMapIdle(page);
    await controlled(page);
    expect(await page.locator('.update-banner').isVisible()).toBe(false);

    state.root = dirs.b;
    await page.reload();
    await waitForMapIdle(page);
    await expect.poll(() => page.locator('.update-banner').isVisible()).toBe(true);
    expect(await page.locator('.update-banner').textContent()).toContain('A new version is ready.');
    // Still wholly version A: its page from its own cache, though the host now serves B.
    expect(await marker()).toBe(0);

    await page.locator('#update-reload').click();
    await expect.poll(marker).toBe(1);
    await waitForMapIdle(page);
    const shells = (await page.evaluate(() => caches.keys())).filter((k) => k.startsWith('lym-shell-'));
    expect(shells).toEqual([`lym-shell-${'b'.repeat(16)}`]);
    expect(await page.locator('.update-banner').isVisible()).toBe(false);
    await context.close();
  }, 150_000);
});

describe("the deployer's Lanzhou extract", () => {
  const dir = 'test-results/host-extract';
  const state = { root: dir };
  let server: Server;
  let url: string;
  beforeAll(async () => {
    rmSync(dir, { recursive: true, force: true });
    cpSync(outDir, dir, { recursive: true });
    // An invented archive in the Protomaps schema (layers earth and water; not real geography): land around
    // the first view with a band of water through its middle.
    const poly = (w: number, s: number, e: number, n: number) => ({
      type: 'Feature' as const,
      properties: {},
      geometry: {
        type: 'Polygon' as const,
        coordinates: [
          [
            [w, s],
            [e, s],
            [e, n],
            [w, n],
            [w, s],
          ],
        ],
      },
    });
    const set = buildVectorTiles(
      [
        { name: 'earth', features: [poly(103.6, 35.95, 104.05, 36.17)] },
        { name: 'water', features: [poly(103.6, 36.05, 104.05, 36.07)] },
      ],
      { minZoom: 8, maxZoom: 13 },
    );
    const { bytes } = writePmtiles(set.tiles, { bounds: [103.6, 35.95, 104.05, 36.17] });
    writeFileSync(join(dir, 'data/basemap-lanzhou.pmtiles'), bytes);
    writeFileSync(
      join(dir, 'data/basemap-lanzhou.json'),
      JSON.stringify({
        version: 1,
        file: 'basemap-lanzhou.pmtiles',
        bytes: bytes.length,
        tiles: set.tiles.length,
        bbox: [103.6, 35.95, 104.05, 36.17],
        min_zoom: 8,
        max_zoom: 13,
        source: 'e2e fixture',
        build_date: null,
        osm_date: null,
        schema_version: null,
        attribution: ['e2e fixture (invented)'],
        extracted_at: '2026-12-03T00:00:00.000Z',
      }),
    );
    server = await staticHost(state);
    url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/`;
  });
  afterAll(() => {
    server?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('is the offline basemap, drawn with the Protomaps layers, and credited', async () => {
    const errors: string[] = [];
    const { context, page } = await openPage(browser, { errors });
    await page.goto(`${url}?e2e#lang=zh&bm=offline`);
    await waitForMapIdle(page);
    const shot = await mapShot(page, 'offline-extract');
    const stats = pixelStats(shot, ['#80deea', '#e2dfda'], 6);
    const share = (c: string) => stats.matches[c]! / (stats.width * stats.height);
    expect(share('#80deea'), 'Protomaps water').toBeGreaterThan(0.01);
    expect(share('#e2dfda'), 'Protomaps earth').toBeGreaterThan(0.2);
    expect(await page.locator('.maplibregl-ctrl-attrib').textContent()).toContain('e2e fixture (invented)');
    expect(await cspViolations(page)).toEqual([]);
    // The optional OSM import manifest is absent on this host (404), as on most deployments; the live OSM
    // download's requests to Overpass are blocked by the test harness (no network beyond localhost).
    expect(
      errors.filter(
        (e) => !/Failed to load resource: (.* 404|net::ERR_FAILED|net::ERR_INTERNET_DISCONNECTED)/.test(e),
      ),
    ).toEqual([]);
    await context.close();
  }, 150_000);
});
