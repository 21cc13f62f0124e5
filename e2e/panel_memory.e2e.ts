// A re-rendered side panel keeps what a person set: open fold-out lists stay open, and each tab keeps its
// own scroll position (a tab opened for the first time starts at the top).

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

const scrollTop = (page: Page) => page.locator('#side-panel').evaluate((e) => e.scrollTop);

describe('side panel memory', () => {
  it('keeps the nearby categories open while they are ticked', async () => {
    const { context, page } = await openPage(browser);
    await page.goto(`${base}?e2e#lang=en&p=nearby&at=103.84055,36.05282`);
    await waitForMapIdle(page);
    await page.locator('.nearby-filters summary').click();
    const first = page.locator('.nearby-filters input[type="checkbox"]').first();
    expect(await first.isVisible()).toBe(true);
    const id = await first.getAttribute('id');
    const was = await first.isChecked();
    await first.click();
    // The panel re-rendered (a new checkbox element), and the list is still drawn open.
    await expect.poll(() => page.locator(`#${id}`).isChecked()).toBe(!was);
    await expect
      .poll(() => page.locator('.nearby-filters').evaluate((d) => (d as HTMLDetailsElement).open))
      .toBe(true);
    expect((await page.locator('.nearby-filters .chip-list').boundingBox())?.height ?? 0).toBeGreaterThan(20);
    await pageShot(page, 'panel-nearby-open-en');
    await context.close();
  });

  it('gives every tab its own scroll position', async () => {
    const { context, page } = await openPage(browser, { viewport: { width: 1280, height: 520 } });
    await page.goto(`${base}?e2e#lang=zh&p=layers`);
    await waitForMapIdle(page);
    await page.locator('#side-panel').evaluate((e) => {
      e.scrollTop = 150;
    });
    const scrolled = await scrollTop(page);
    expect(scrolled).toBeGreaterThan(50);
    await page.locator('#toggle-tour').click();
    await expect.poll(() => page.locator('.tour-panel').count()).toBe(1);
    expect(await scrollTop(page)).toBe(0);
    await page.locator('#toggle-layers').click();
    await expect.poll(() => page.locator('#basemap-select').count()).toBe(1);
    expect(await scrollTop(page)).toBe(scrolled);
    await context.close();
  });
});
