// Residents: choose a place (click, locate, link) and get facilities ranked by walking time, with the walk drawn.

import { readFileSync } from 'node:fs';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { changedShare, clickLngLat, launch, openPage, pageShot, pixelStats, waitForMapIdle } from './browser';

const base = inject('baseURL');
let browser: Browser;
beforeAll(async () => {
  browser = await launch();
});
afterAll(async () => {
  await browser?.close();
});

const ROUTE = '#1d4ed8';

/** Screenshot of the map area spanning two positions (plus padding, px), where the walk must be drawn. */
async function regionShot(
  page: Page,
  a: [number, number],
  b: [number, number],
  pad: number,
  name: string,
): Promise<Buffer> {
  const [pa, pb] = await page.evaluate(
    ([x, y]) => {
      const map = (
        window as unknown as { __lym: { map: { project(ll: [number, number]): { x: number; y: number } } } }
      ).__lym.map;
      return [map.project(x), map.project(y)].map((p) => ({ x: p.x, y: p.y }));
    },
    [a, b] as const,
  );
  const box = (await page.locator('#map').boundingBox()) ?? { x: 0, y: 0 };
  const x = Math.min(pa!.x, pb!.x) - pad;
  const y = Math.min(pa!.y, pb!.y) - pad;
  const clip = {
    x: box.x + x,
    y: box.y + y,
    width: Math.abs(pa!.x - pb!.x) + 2 * pad,
    height: Math.abs(pa!.y - pb!.y) + 2 * pad,
  };
  const png = await page.screenshot({ clip });
  const { mkdirSync, writeFileSync } = await import('node:fs');
  mkdirSync('test-results/screenshots', { recursive: true });
  writeFileSync(`test-results/screenshots/${name}.png`, png);
  return png;
}

describe('nearby', () => {
  it('ranks places by walking time from a clicked point, labels the estimate, and draws the walk', async () => {
    const { context, page } = await openPage(browser);
    // Near the Olympic Sports Center (a shipped fitness site and youth block).
    await page.goto(`${base}?e2e#lang=zh&p=nearby&map=14/36.0877/103.6857`);
    await waitForMapIdle(page);
    const blank = await regionShot(page, [103.692, 36.083], [103.692, 36.083], 60, 'nearby-blank');
    await clickLngLat(page, [103.692, 36.083]);
    const items = page.locator('.nearby-item');
    await expect.poll(() => items.count()).toBeGreaterThan(0);
    expect(page.url()).toMatch(/at=103\.69\d+,36\.08\d+/);
    // Sorted by minutes, and every time says it is an estimate (no street network is shipped).
    const minutes = await items.evaluateAll((els) =>
      els.map((e) => Number(e.querySelector('.nearby-time')?.textContent?.match(/\d+/)?.[0])),
    );
    expect(minutes).toEqual([...minutes].sort((a, b) => a - b));
    expect(await page.locator('.nearby-method').textContent()).toContain('估算');
    expect(await items.first().textContent()).toContain('估算');
    expect(await page.locator('.nearby-circle').textContent()).toMatch(/一刻钟健身圈/);
    // The isochrone bands tint the map around the place: the 5-minute band (~300 m) covers the whole
    // 120-px square around it at zoom 14.
    await waitForMapIdle(page);
    const bands = await regionShot(page, [103.692, 36.083], [103.692, 36.083], 60, 'nearby-bands');
    expect(changedShare(blank, bands), 'share of pixels tinted by the bands').toBeGreaterThan(0.8);
    const target = (await page.locator('.nearby-item').first().getAttribute('data-feature-id')) as string;
    const to = await page.evaluate((id) => {
      const f = (
        window as unknown as {
          __lym: { shown(): { properties: { id: string }; geometry: { coordinates: [number, number] } }[] };
        }
      ).__lym
        .shown()
        .find((x) => x.properties.id === id);
      return f?.geometry.coordinates as [number, number];
    }, target);
    const before =
      pixelStats(await regionShot(page, [103.692, 36.083], to, 8, 'nearby-before-route'), [ROUTE], 30)
        .matches[ROUTE] ?? 0;
    await items.first().click();
    await expect.poll(() => page.locator('.nearby-route').count()).toBe(1);
    expect(await page.locator('.nearby-route').textContent()).toContain('直线示意');
    await pageShot(page, 'nearby-zh');
    // Close the side panel so nothing covers the walk, then look at the pixels along it.
    await page.locator('#toggle-nearby').click();
    await waitForMapIdle(page);
    const after =
      pixelStats(await regionShot(page, [103.692, 36.083], to, 8, 'nearby-route'), [ROUTE], 30).matches[
        ROUTE
      ] ?? 0;
    expect(after - before, 'route pixels drawn').toBeGreaterThan(100);
    await page.locator('#toggle-nearby').click();
    // The shared URL restores the same place, list and walk in a new page.
    const url = page.url();
    const other = await context.newPage();
    await other.goto(url);
    await waitForMapIdle(other);
    await expect.poll(() => other.locator('.nearby-route').count()).toBe(1);
    expect(await other.locator('.nearby-item[aria-current="true"]').count()).toBe(1);
    await context.close();
  });

  it('uses the browser location inside Lanzhou and explains when it is outside or denied', async () => {
    const inside = await openPage(browser);
    await inside.context.grantPermissions(['geolocation']);
    await inside.context.setGeolocation({ longitude: 103.69, latitude: 36.085 });
    await inside.page.goto(`${base}?e2e#lang=en&p=nearby`);
    await waitForMapIdle(inside.page);
    await inside.page.locator('#nearby-locate').click();
    await expect.poll(() => inside.page.locator('.nearby-item').count()).toBeGreaterThan(0);
    expect(inside.page.url()).toContain('at=103.690000,36.085000');
    await inside.context.close();

    const outside = await openPage(browser);
    await outside.context.grantPermissions(['geolocation']);
    await outside.context.setGeolocation({ longitude: 116.39, latitude: 39.91 });
    await outside.page.goto(`${base}?e2e#lang=en&p=nearby`);
    await waitForMapIdle(outside.page);
    await outside.page.locator('#nearby-locate').click();
    await expect.poll(() => outside.page.locator('.notice-text').textContent()).toContain('outside Lanzhou');
    expect(outside.page.url()).not.toContain('at=');
    await outside.context.close();

    const denied = await openPage(browser);
    await denied.page.goto(`${base}?e2e#lang=zh&p=nearby`);
    await waitForMapIdle(denied.page);
    await denied.page.locator('#nearby-locate').click();
    await expect.poll(() => denied.page.locator('.notice-text').textContent()).toContain('无法获取位置');
    await denied.context.close();
  });

  it('uses the street network from Overpass when online (mocked), with the walk over the only footbridge', async () => {
    const posts: string[] = [];
    const { context, page } = await openPage(browser);
    const fixture = readFileSync('test/fixtures/overpass/river_bridge_grid.json', 'utf8');
    await page.route('https://overpass-api.de/api/interpreter', (route) => {
      const body = route.request().postData() ?? '';
      // Only the street network around the place is answered here; live facility tiles have their own test.
      if (!body.includes('around')) return route.abort('internetdisconnected');
      posts.push(body);
      return route.fulfill({
        status: 200,
        contentType: 'application/json',
        headers: { 'access-control-allow-origin': '*' },
        body: fixture,
      });
    });
    await page.goto(`${base}?e2e#lang=en&p=nearby&map=15/36.085/103.69`);
    await waitForMapIdle(page);
    // South bank, west: the stadium (north bank) is reached only over the invented footbridge in the east.
    await clickLngLat(page, [103.6857, 36.0818]);
    await expect
      .poll(() => page.locator('.nearby-method').textContent())
      .toContain('follow the street network');
    expect(await page.locator('.nearby-net').textContent()).toContain('downloaded from overpass-api.de');
    expect(posts).toHaveLength(1);
    expect(posts[0]).toContain('around');
    const stadium = page.locator('.nearby-item[data-feature-id="fitness-lanzhou-olympic-center-stadium"]');
    await expect.poll(() => stadium.count()).toBe(1);
    expect(await stadium.textContent()).not.toContain('estimate');
    await stadium.click();
    await expect.poll(() => page.locator('.nearby-route').textContent()).toContain('via 虚构测试桥');
    await pageShot(page, 'nearby-network-en');
    // A reload answers from the device cache: no second request.
    await page.reload();
    await waitForMapIdle(page);
    await expect.poll(() => page.locator('.nearby-net').textContent()).toContain("this device's cache");
    expect(posts).toHaveLength(1);
    await context.close();
  });

  it('says it fell back to estimates when the street network cannot be downloaded', async () => {
    const { context, page } = await openPage(browser);
    await page.goto(`${base}?e2e#lang=en&p=nearby&map=14/36.0877/103.6857&at=103.692,36.083`);
    await waitForMapIdle(page);
    await expect.poll(() => page.locator('.nearby-net').textContent()).toContain('could not be downloaded');
    expect(await page.locator('.nearby-net').textContent()).toContain('Using estimated walking times');
    expect(await page.locator('.nearby-method').textContent()).toContain('estimate');
    expect(await page.locator('#nearby-net-retry').count()).toBe(1);
    await context.close();
  });
});
