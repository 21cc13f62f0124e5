// A deployer's site with the OSM import: the app finds the city graph, the detailed basemap and the candidates.

import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { E2E_BRIDGE_WALK } from '../scripts/lib/osm/e2e_fixture';
import { launch, openPage, pageShot, waitForMapIdle } from './browser';

const base = inject('osmBaseURL');
let browser: Browser;
beforeAll(async () => {
  browser = await launch();
});
afterAll(async () => {
  await browser?.close();
});

describe('OSM import in the app (invented fixtures)', () => {
  it('walks on the imported graph, over the only footbridge, and lists OSM candidates with their source', async () => {
    const overpass: string[] = [];
    const { context, page } = await openPage(browser, { blocked: overpass });
    // The route landmarks of the city graph are prepared in their own worker, which ends when done.
    const boundWorkers = { started: 0, ended: 0 };
    page.on('worker', (w) => {
      if (!w.url().includes('walk_bound_worker')) return;
      boundWorkers.started++;
      w.on('close', () => boundWorkers.ended++);
    });
    const [lon, lat] = E2E_BRIDGE_WALK.from;
    await page.goto(`${base}?e2e#lang=en&p=nearby&map=15/36.0505/103.805&at=${lon},${lat}&bm=offline`);
    await waitForMapIdle(page);
    // Network times from the city graph: no estimate label, and no request to Overpass.
    await expect
      .poll(() => page.locator('.nearby-method').textContent())
      .toContain('follow the street network');
    const park = page.locator('.nearby-item[data-feature-id="osm-way-2005"]');
    await expect.poll(() => park.count()).toBe(1);
    expect(await park.textContent()).toContain('Test Riverside Park');
    await park.click();
    const route = page.locator('.nearby-route');
    await expect.poll(() => route.textContent()).toContain(`via ${E2E_BRIDGE_WALK.bridgeName}`);
    // Straight across is ~170 m; on foot it is about 1.9 km (east to the bridge at x = 1 km and back).
    const km = Number((await route.textContent())?.match(/([\d.]+) km/)?.[1]);
    expect(km).toBeGreaterThan(1.5);
    // The card names OpenStreetMap as the source, with a link to the object.
    const card = page.locator('.feature-card');
    expect(await card.textContent()).toContain('OpenStreetMap contributors');
    expect(await card.locator('a').getAttribute('href')).toBe('https://www.openstreetmap.org/way/2005');
    // The detailed basemap (water, roads) is drawn from the import's archive.
    const layers = await page.evaluate(() =>
      (window as unknown as { __lym: { map: { getStyle(): { layers: { id: string }[] } } } }).__lym.map
        .getStyle()
        .layers.map((l) => l.id),
    );
    expect(layers.some((id) => /water/.test(id))).toBe(true);
    expect(overpass.filter((u) => u.includes('overpass'))).toEqual([]);
    await expect.poll(() => boundWorkers).toEqual({ started: 1, ended: 1 });
    await pageShot(page, 'osm-bridge-walk-en');
    await context.close();
  });
});
