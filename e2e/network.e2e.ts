// Failing network: a slow or broken online basemap never hangs the app; it says what it fell back to.

import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { launch, openPage, waitForMapIdle } from './browser';

const base = inject('baseURL');
let browser: Browser;
beforeAll(async () => {
  browser = await launch();
});
afterAll(async () => {
  await browser?.close();
});

describe('failing network', () => {
  it('falls back to the offline basemap within seconds when the online style hangs', async () => {
    const { context, page } = await openPage(browser);
    // The style request never answers (until the test ends).
    await page.route('https://tiles.openfreemap.org/**', () => new Promise(() => undefined));
    const t0 = Date.now();
    await page.goto(`${base}?e2e#lang=en&bm=osm`);
    await waitForMapIdle(page);
    const waited = Date.now() - t0;
    expect(await page.locator('.notice-text').textContent()).toContain('switched to the offline basemap');
    // The 4-second style timeout, not the browser's own minutes-long one.
    expect(waited).toBeLessThan(15_000);
    // Still usable: the layer panel responds.
    await page.locator('#toggle-list').click();
    await expect.poll(() => page.locator('.list-item').count()).toBeGreaterThan(0);
    await context.close();
  });

  it('falls back when the online style answers with an error or with garbage', async () => {
    for (const reply of [
      { status: 503, body: 'busy' },
      { status: 200, body: '<html>captive portal</html>' },
    ]) {
      const { context, page } = await openPage(browser);
      await page.route('https://tiles.openfreemap.org/**', (route) =>
        route.fulfill({ ...reply, contentType: 'text/html' }),
      );
      await page.goto(`${base}?e2e#lang=zh&bm=auto`);
      await waitForMapIdle(page);
      expect(await page.locator('.notice-text').textContent()).toContain('已切换到离线底图');
      await context.close();
    }
  });
});
