// Search: 汉字, full pinyin, initials, English and typos find the same place; keyboard picks it.

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

async function firstResults(page: Page, query: string): Promise<string> {
  const input = page.locator('.search-input');
  await input.fill(query);
  const results = page.locator('.search-results');
  await expect.poll(() => results.isVisible()).toBe(true);
  return (await results.textContent()) ?? '';
}

describe('search', () => {
  it('finds a place by 汉字, pinyin, initials, English and with a typo, and opens it from the keyboard', async () => {
    const { context, page } = await openPage(browser);
    await page.goto(`${base}?e2e#lang=zh`);
    await waitForMapIdle(page);
    await expect.poll(() => page.locator('.search-input').count()).toBe(1);
    for (const q of ['奥体中心', 'aotizhongxin', 'atzx', 'Olympic Sports', 'Olympc Sports Centre']) {
      expect(await firstResults(page, q), q).toContain('兰州奥体中心');
    }
    await pageShot(page, 'search-zh');
    // The metro station 奥体中心 (OSM) is the exact pinyin match, so it comes first.
    await firstResults(page, 'aotizhongxin');
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('Enter');
    const card = page.locator('.feature-card');
    await expect.poll(() => card.count()).toBe(1);
    expect(await card.getAttribute('data-feature-id')).toBe('osm-node-6563923252');
    // Districts are searchable too, and picking one moves the map there.
    const before = await page.evaluate(
      () =>
        (window as unknown as { __lym: { map: { getCenter(): { lng: number } } } }).__lym.map.getCenter().lng,
    );
    // ("xigu" alone now ranks the shorter 西关 station first: both are pinyin prefixes.)
    expect(await firstResults(page, 'xiguqu')).toContain('西固区');
    await page.keyboard.press('Enter');
    await expect
      .poll(() =>
        page.evaluate(
          () =>
            (window as unknown as { __lym: { map: { getCenter(): { lng: number } } } }).__lym.map.getCenter()
              .lng,
        ),
      )
      .toBeLessThan(before - 0.05);
    await context.close();
  });

  it('keeps the list closed after a pick while the page changes, and a district pick closes the card', async () => {
    const { context, page } = await openPage(browser);
    await page.goto(`${base}?e2e#lang=zh&panel=layers`);
    await waitForMapIdle(page);
    await expect.poll(() => page.locator('.search-input').count()).toBe(1);
    const results = page.locator('.search-results');
    await firstResults(page, 'aotizhongxin');
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('Enter');
    await expect.poll(() => page.locator('.feature-card').count()).toBe(1);
    // State changes that re-render the page: a layer toggle, another panel, the other language.
    await page.locator('#layer-district').click();
    expect(await results.isVisible()).toBe(false);
    await page.locator('#toggle-list').click();
    expect(await results.isVisible()).toBe(false);
    await page.locator('#lang-switch').click();
    await expect.poll(() => page.locator('#lang-switch').textContent()).toBe('中文');
    expect(await results.isVisible()).toBe(false);
    expect(await page.locator('.search-results li').count()).toBeGreaterThan(0);
    // Escape closes an open list.
    await page.locator('.search-input').focus();
    await page.locator('.search-input').fill('Olympic');
    await expect.poll(() => results.isVisible()).toBe(true);
    await page.keyboard.press('Escape');
    expect(await results.isVisible()).toBe(false);
    // A district pick leaves no card over the district.
    await page.locator('.search-input').fill('xigu');
    await expect.poll(() => results.isVisible()).toBe(true);
    await page.keyboard.press('Enter');
    await expect.poll(() => page.locator('.feature-card').count()).toBe(0);
    await context.close();
  });

  it('searches in English when the page is English, and says when nothing matches', async () => {
    const { context, page } = await openPage(browser);
    await page.goto(`${base}?e2e#lang=en`);
    await waitForMapIdle(page);
    await expect.poll(() => page.locator('.search-input').count()).toBe(1);
    expect(await firstResults(page, 'dongfanghong')).toContain('Dongfanghong Square');
    await page.locator('.search-input').fill('qqqqzzzz');
    await expect.poll(() => page.locator('.search-empty').textContent()).toBe('No matching places');
    expect(await page.locator('.search-empty').isVisible()).toBe(true);
    expect(await page.locator('.search-results').isVisible()).toBe(false);
    await context.close();
  });
});
