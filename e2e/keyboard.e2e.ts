// Keyboard alone: the panel's controls come right after the tabs, Nearby can take the map centre as its
// place, and choosing a nearby result with Enter keeps focus on that result.

import type { Browser, Page } from 'playwright-core';
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

const inPanel = (page: Page) =>
  page.evaluate(() => document.getElementById('side-panel')?.contains(document.activeElement) ?? false);

describe('keyboard', () => {
  it('reaches the panel controls right after the tabs, before the map buttons', async () => {
    const { context, page } = await openPage(browser);
    await page.goto(`${base}?e2e#lang=en&p=layers`);
    await waitForMapIdle(page);
    // The last tab (the editor's, since the edit mode landed), then the panel.
    await page.locator('.tab-bar .tab').last().focus();
    await page.keyboard.press('Tab');
    expect(await inPanel(page)).toBe(true);
    await context.close();
  });

  it('chooses the map centre for Nearby and keeps focus on a result chosen with Enter', async () => {
    for (const lang of ['en', 'zh']) {
      const { context, page } = await openPage(browser);
      await page.goto(`${base}?e2e#lang=${lang}&p=nearby&map=13.00/36.05282/103.84055`);
      await waitForMapIdle(page);
      await page.locator('#nearby-centre').focus();
      await page.keyboard.press('Enter');
      await expect.poll(() => decodeURIComponent(page.url())).toMatch(/at=103\.84055\d*,36\.05282\d*/);
      const item = page.locator('.nearby-item').first();
      await expect.poll(() => page.locator('.nearby-item').count()).toBeGreaterThan(0);
      const id = await item.getAttribute('data-feature-id');
      await item.focus();
      await page.keyboard.press('Enter');
      await expect.poll(() => page.locator('.feature-card').getAttribute('data-feature-id')).toBe(id);
      expect(
        await page.evaluate(() => document.activeElement?.getAttribute('data-feature-id') ?? 'body'),
      ).toBe(id);
      expect((await page.locator('.feature-card').boundingBox())?.height ?? 0).toBeGreaterThan(50);
      await pageShot(page, `keyboard-nearby-${lang}`);
      await context.close();
    }
  });

  it('says so when the map centre is outside Lanzhou', async () => {
    const { context, page } = await openPage(browser);
    await page.goto(`${base}?e2e#lang=en&p=nearby&map=10.00/35.30000/105.20000`);
    await waitForMapIdle(page);
    await page.locator('#nearby-centre').click();
    await expect.poll(() => page.locator('.notice-text').textContent()).toContain('outside Lanzhou');
    expect(page.url()).not.toContain('at=');
    await context.close();
  });
});
