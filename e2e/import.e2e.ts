// Trust: importing files in the browser — Excel GBK CSV, a broken file that must not lose data, hostile text.

import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import {
  changedShare,
  cspViolations,
  launch,
  mapShot,
  openPage,
  pageShot,
  pixelStats,
  waitForMapIdle,
} from './browser';

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

  it('cancels a slow import with the button: the loaded data, the map and the panel stay usable', async () => {
    // A valid file large enough to take seconds: 12 polygons of 100k vertices around 中山桥 (test shapes).
    const ring = (k: number) => {
      const n = 100_000;
      const pts: [number, number][] = [];
      for (let i = 0; i < n; i++) {
        const a = (-2 * Math.PI * i) / n;
        pts.push([
          +(103.78 + 0.01 * k + 0.004 * Math.cos(a)).toFixed(6),
          +(36.06 + 0.004 * Math.sin(a)).toFixed(6),
        ]);
      }
      pts.push(pts[0] as [number, number]);
      return pts.reverse();
    };
    const features = Array.from({ length: 12 }, (_, k) => ({
      type: 'Feature',
      properties: {
        name_zh: `测试多边形${k}`,
        category: 'youth_park',
        source_title: '测试数据（非真实地点）',
      },
      geometry: { type: 'Polygon', coordinates: [ring(k)] },
    }));
    const dir = mkdtempSync(join(tmpdir(), 'lym-slow-'));
    const slow = join(dir, 'slow.geojson');
    writeFileSync(slow, JSON.stringify({ type: 'FeatureCollection', features }));

    const errors: string[] = [];
    const { context, page } = await openPage(browser, { errors });
    await page.goto(`${base}?e2e#lang=en&p=layers&map=13/36.06/103.82`);
    await waitForMapIdle(page);
    await page.locator('#import-file').setInputFiles(`${BAD}/excel_gbk.csv`);
    await expect.poll(() => page.locator('.import-status').textContent()).toContain('2 imported');
    const before = await loadedIds(page);
    await waitForMapIdle(page);
    // The map beside the side panel and below the notice: what the cancelled import must leave alone.
    const mapArea = () => page.screenshot({ clip: { x: 330, y: 170, width: 900, height: 600 } });
    const shotBefore = await mapArea();
    await mapShot(page, 'import-cancel-before');

    await page.locator('#import-file').setInputFiles(slow);
    const cancel = page.locator('#import-cancel');
    await cancel.waitFor({ state: 'visible' });
    await cancel.scrollIntoViewIfNeeded();
    await pageShot(page, 'import-cancel-running-en');
    await cancel.click();
    await expect
      .poll(() => page.locator('.import-issues').textContent())
      .toContain('the import was cancelled');
    expect(await page.locator('#import-cancel').count()).toBe(0);
    expect(await loadedIds(page)).toEqual(before);
    await waitForMapIdle(page);
    // The map still draws what was loaded (the GBK points), unchanged.
    await mapShot(page, 'import-cancel-after');
    const shotAfter = await mapArea();
    expect(changedShare(shotBefore, shotAfter)).toBeLessThan(0.01);
    // …and that area is a drawn map (boundaries, labels, the imported points), not a blank canvas.
    expect(pixelStats(shotAfter, []).distinct).toBeGreaterThan(20);

    // The panel is usable: the next import works and its message follows a language switch.
    await page.locator('#import-file').setInputFiles(`${BAD}/duplicate_ids.geojson`);
    await expect.poll(() => page.locator('.import-status').textContent()).toContain('2 imported');
    expect((await loadedIds(page)).length).toBe(before.length + 2);
    const english = await page.locator('.import-issues').textContent();
    expect(english).toContain('is a duplicate (first seen at duplicate_ids.geojson feature 1)');
    await page.locator('#lang-switch').click();
    await expect
      .poll(() => page.locator('.import-issues').textContent())
      .toContain('首次出现于 duplicate_ids.geojson 第 1 个要素');
    expect(await page.locator('.import-issues').textContent()).not.toContain('first seen');
    await pageShot(page, 'import-cancel-done-zh');
    expect(errors.filter((e) => !/ERR_INTERNET_DISCONNECTED|Failed to load resource/.test(e))).toEqual([]);
    await context.close();
  }, 180_000);
});
