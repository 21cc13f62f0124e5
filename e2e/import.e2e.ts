// Trust: importing files in the browser — Excel GBK CSV, a broken file that must not lose data, hostile text.

import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { cspViolations, launch, openPage, pageShot, waitForMapIdle } from './browser';

const base = inject('baseURL');
const BAD = 'test/fixtures/bad';
let browser: Browser;
beforeAll(async () => {
  browser = await launch();
});
afterAll(async () => {
  await browser?.close();
});

const loadedIds = (page: Page) =>
  page.evaluate(() =>
    (window as unknown as { __lym: { shown(): { properties: { id: string } }[] } }).__lym
      .shown()
      .map((f) => f.properties.id),
  );

describe('import', () => {
  it('reads an Excel GBK CSV, keeps everything on a broken file, and renders hostile text inertly', async () => {
    const errors: string[] = [];
    const { context, page } = await openPage(browser, { errors });
    const dialogs: string[] = [];
    page.on('dialog', (d) => {
      dialogs.push(d.message());
      void d.dismiss();
    });
    await page.goto(`${base}?e2e#lang=zh&p=layers&map=13/36.06/103.82`);
    await waitForMapIdle(page);
    const shipped = await loadedIds(page);

    await page.locator('#import-file').setInputFiles(`${BAD}/excel_gbk.csv`);
    await expect.poll(() => page.locator('.import-status').textContent()).toContain('导入 2 条');
    const afterGbk = await loadedIds(page);
    expect(afterGbk.length).toBe(shipped.length + 2);
    // The GBK names decoded correctly and are listed.
    await page.locator('#toggle-list').click();
    expect(await page.locator('#side-panel').textContent()).toContain('测试点甲');
    await page.locator('#toggle-layers').click();

    await page.locator('#import-file').setInputFiles(`${BAD}/malformed.geojson`);
    await expect.poll(() => page.locator('.import-issues').textContent()).toContain('JSON 格式错误');
    expect(await page.locator('.import-kept').textContent()).toContain('已加载的数据保持不变');
    expect(await loadedIds(page)).toEqual(afterGbk);
    await pageShot(page, 'import-error-zh');

    await page.locator('#import-file').setInputFiles(`${BAD}/hostile.geojson`);
    await expect.poll(() => page.locator('.import-status').textContent()).toContain('导入 1 条');
    const hostile = (await loadedIds(page)).find((id) => !afterGbk.includes(id)) as string;
    await page.locator('#toggle-list').click();
    await page.locator(`.list-item[data-feature-id="${hostile}"]`).click();
    const card = page.locator('.feature-card');
    await expect.poll(() => card.count()).toBe(1);
    // Markup in properties is shown as text: no element was created from it, nothing ran.
    expect(await card.locator('img, script').count()).toBe(0);
    expect(await card.textContent()).toContain('<img');
    expect(await card.locator('a').count()).toBe(0);
    expect(dialogs, 'no script from the data ran').toEqual([]);
    await pageShot(page, 'import-hostile-zh');
    expect(await cspViolations(page)).toEqual([]);
    expect(errors.filter((e) => !/ERR_INTERNET_DISCONNECTED|Failed to load resource/.test(e))).toEqual([]);
    await context.close();
  });
});
