// The basemap menu says what is drawn: 天地图 needs a key, a fallback is named, an old failure notice
// goes once a basemap draws, and the online style is fetched once however often the language changes.

import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { launch, openPage, pageShot, waitForMapIdle } from './browser';

const base = inject('baseURL');
let browser: Browser;
beforeAll(async () => {
  browser = await launch();
});
afterAll(async () => {
  await browser?.close();
});

describe('basemap menu', () => {
  it('marks 天地图 as needing a key, names the offline map it draws instead, and clears the notice', async () => {
    const { context, page } = await openPage(browser);
    // This build has no VITE_TIANDITU_KEY.
    await page.goto(`${base}?e2e#lang=zh&bm=tianditu&p=layers`);
    await waitForMapIdle(page);
    await expect.poll(() => page.locator('.notice-text').textContent()).toContain('VITE_TIANDITU_KEY');
    const option = page.locator('#basemap-select option[value="tianditu"]');
    expect(await option.textContent()).toBe('天地图（未配置密钥）');
    const shown = page.locator('.basemap-shown');
    await expect.poll(() => shown.textContent()).toBe('当前显示：离线底图');
    expect((await shown.boundingBox())?.height ?? 0).toBeGreaterThan(10);
    await pageShot(page, 'basemap-menu-nokey-zh');
    await page.locator('#basemap-select').selectOption('offline');
    await expect.poll(() => page.locator('.notice').isHidden()).toBe(true);
    expect(await shown.count()).toBe(0);
    // Not the current choice any more: it cannot be picked again without a key.
    expect(await option.isDisabled()).toBe(true);
    await page.locator('#lang-switch').click();
    await expect.poll(() => option.textContent()).toBe('Tianditu (no key configured)');
    await pageShot(page, 'basemap-menu-en');
    await context.close();
  });

  it('fetches the online style once, not again on every language switch', async () => {
    const { context, page } = await openPage(browser);
    const asked: string[] = [];
    await page.route('https://tiles.openfreemap.org/**', (route) => {
      asked.push(route.request().url());
      return route.fulfill({
        status: 200,
        contentType: 'application/json',
        body: JSON.stringify({ version: 8, sources: {}, layers: [] }),
      });
    });
    await page.goto(`${base}?e2e#lang=zh&bm=osm`);
    await waitForMapIdle(page);
    for (const lang of ['en', 'zh', 'en', 'zh']) {
      await page.locator('#lang-switch').click();
      await expect.poll(() => page.url()).toContain(`lang=${lang}`);
      await waitForMapIdle(page);
    }
    expect(asked.filter((u) => u.includes('/styles/'))).toHaveLength(1);
    await context.close();
  });
});
