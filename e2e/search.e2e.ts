// Search: 汉字, full pinyin, initials, English and typos find the same place; keyboard picks it.

import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { launch, openPage, pageShot, pixelStats, waitForMapIdle } from './browser';

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
    // Nothing at all: the line says what was searched (places, districts, plan targets) and for what.
    await expect
      .poll(() => page.locator('.search-empty').textContent())
      .toBe('No places, districts or plan targets match “qqqqzzzz”');
    expect(await page.locator('.search-empty').isVisible()).toBe(true);
    expect(await page.locator('.search-results').isVisible()).toBe(false);
    expect(await page.locator('.search-status').textContent()).toBe(
      'No places, districts or plan targets match “qqqqzzzz”',
    );
    await context.close();
  });

  // Issue #13 item 11: 中山桥 is a named plan target, so search finds the target (no place of its own).
  const TARGET = '[data-target-id="zhongshan-bridge-checkin"]';

  /** The target is open in the plan panel: marked, focused, inside the panel's visible part, drawn marked. */
  async function expectTargetShown(page: Page, shot: string): Promise<void> {
    await expect.poll(() => page.locator('#side-panel .plan-panel').count()).toBe(1);
    const li = page.locator(`#side-panel ${TARGET}`);
    expect(await li.getAttribute('aria-current')).toBe('true');
    await expect
      .poll(() => page.evaluate((sel) => document.activeElement?.matches(sel) ?? false, TARGET))
      .toBe(true);
    expect(page.url()).toContain('pt=zhongshan-bridge-checkin');
    expect(page.url()).toContain('p=plan');
    const panel = await page.locator('#side-panel').boundingBox();
    const box = await li.boundingBox();
    expect(panel && box).toBeTruthy();
    if (!panel || !box) return;
    expect(box.y).toBeGreaterThanOrEqual(panel.y - 1);
    // Its heading and figure are in view, not just its first line.
    expect(box.y + Math.min(box.height, 80)).toBeLessThanOrEqual(panel.y + panel.height + 1);
    await pageShot(page, shot);
    // What is drawn: the marked target's tint and its left rule; another target's left edge has neither.
    // 20 px of the left edge near the bottom: below the heading (its layer swatch starts at the edge),
    // above the 1 px rule between targets.
    const edge = (b: { x: number; y: number; height: number }) =>
      page.screenshot({ clip: { x: b.x, y: b.y + b.height - 22, width: 3, height: 20 } });
    const marked = pixelStats(await li.screenshot(), ['#eff6ff']);
    expect(marked.matches['#eff6ff']).toBeGreaterThan(0.3 * marked.width * marked.height);
    const rule = pixelStats(await edge(box), ['#2563eb'], 12);
    expect(rule.matches['#2563eb']).toBeGreaterThan(0.9 * rule.width * rule.height);
    const other = page.locator('#side-panel [data-target-id="youth-friendly-communities"]');
    await other.scrollIntoViewIfNeeded();
    const otherBox = await other.boundingBox();
    expect(otherBox).toBeTruthy();
    if (!otherBox) return;
    const otherRule = pixelStats(await edge(otherBox), ['#2563eb', '#eff6ff'], 12);
    expect((otherRule.matches['#2563eb'] ?? 0) + (otherRule.matches['#eff6ff'] ?? 0)).toBe(0);
  }

  it('finds the plan target 中山桥 in Chinese and opens it in the plan panel', async () => {
    const { context, page } = await openPage(browser);
    await page.goto(`${base}?e2e#lang=zh&p=layers`);
    await waitForMapIdle(page);
    await expect.poll(() => page.locator('.search-input').count()).toBe(1);
    await firstResults(page, '中山桥');
    // No place is called 中山桥, but its plan target is: the list says so above the target, not "nothing".
    const kinds = await page
      .locator('.search-option')
      .evaluateAll((els) => els.map((e) => e.getAttribute('data-kind')));
    expect(kinds.length).toBeGreaterThan(0);
    expect(kinds.every((k) => k === 'target')).toBe(true);
    const said = `没有与“中山桥”匹配的地点；找到 ${kinds.length} 个规划目标：`;
    const note = page.locator('.search-note');
    expect(await note.textContent()).toBe(said);
    expect(await page.locator('.search-status').textContent()).toBe(said);
    expect(await page.locator('.search-empty').isVisible()).toBe(false);
    // Drawn: the note's text is on screen, above the first option.
    const noteBox = await note.boundingBox();
    const firstBox = await page.locator('.search-option').first().boundingBox();
    expect(noteBox && firstBox && noteBox.height > 8 && noteBox.y + noteBox.height <= firstBox.y + 1).toBe(
      true,
    );
    const ink = pixelStats(await note.screenshot(), ['#ffffff', '#4b5563'], 40);
    expect(ink.matches['#ffffff'] ?? 0).toBeLessThan(0.97 * ink.width * ink.height);
    expect(ink.matches['#4b5563'] ?? 0).toBeGreaterThan(20);
    const option = page.locator('.search-option[data-kind="target"]').first();
    expect(await option.locator('.search-name').textContent()).toBe('升级中山桥青年“网红”打卡点');
    // Labelled as a plan target (with its layer), not as a place in a district.
    expect(await option.locator('.search-meta').textContent()).toBe('规划目标 · 黄河打卡点');
    expect(await option.locator('.search-why mark').textContent()).toBe('中山桥');
    await pageShot(page, 'search-target-results-zh');
    await option.click();
    await expectTargetShown(page, 'search-target-zh');
    // No place was selected or invented for it: no card, and the map has no new feature.
    expect(await page.locator('.feature-card').count()).toBe(0);
    await context.close();
  });

  it('finds it by its English name on a phone, and the target opens in view', async () => {
    const { context, page } = await openPage(browser, {
      viewport: { width: 375, height: 740 },
      isMobile: true,
    });
    await page.goto(`${base}?e2e#lang=en`);
    await waitForMapIdle(page);
    await expect.poll(() => page.locator('.search-input').count()).toBe(1);
    await firstResults(page, 'Zhongshan Bridge');
    const options = page.locator('.search-option');
    const kinds = await options.evaluateAll((els) => els.map((e) => e.getAttribute('data-kind')));
    const i = kinds.indexOf('target');
    expect(i).toBeGreaterThanOrEqual(0);
    expect(await options.nth(i).locator('.search-name').textContent()).toBe(
      'Upgrade the Zhongshan Bridge youth check-in spot',
    );
    expect(await options.nth(i).locator('.search-meta').textContent()).toBe(
      'Plan target · Yellow River check-in spots',
    );
    for (let k = 0; k <= i; k++) await page.keyboard.press('ArrowDown');
    await page.keyboard.press('Enter');
    await expectTargetShown(page, 'search-target-en-phone');
    await context.close();
  });

  it('a target with a mapped place shows that place on the map from the plan panel', async () => {
    const { context, page } = await openPage(browser);
    await page.goto(`${base}?e2e#lang=zh&p=layers&map=12/36.06/103.82`);
    await waitForMapIdle(page);
    // A test point (not a surveyed position) named after the target's place, imported as a user would.
    const dir = mkdtempSync(join(tmpdir(), 'lym-target-'));
    const file = join(dir, 'zhongshan_test.geojson');
    writeFileSync(
      file,
      JSON.stringify({
        type: 'FeatureCollection',
        features: [
          {
            type: 'Feature',
            geometry: { type: 'Point', coordinates: [103.82, 36.06] },
            properties: {
              id: 'e2e-zhongshan',
              name_zh: '中山桥（测试点）',
              name_en: 'Zhongshan Bridge (test point)',
              category: 'checkin_spot',
              accuracy_m: 500,
              source: { title: 'e2e test fixture, not a surveyed position' },
            },
          },
        ],
      }),
    );
    await page.locator('#import-file').setInputFiles(file);
    await expect.poll(() => page.locator('.import-status').textContent()).toContain('导入 1 条');
    await expect.poll(() => page.locator('.search-input').count()).toBe(1);
    await firstResults(page, '中山桥');
    await page.locator('.search-option[data-kind="target"]').first().click();
    await expectTargetShown(page, 'search-target-mapped-zh');
    const show = page.locator(`#side-panel ${TARGET} .plan-place`);
    expect(await show.textContent()).toBe('在地图上查看：中山桥（测试点）');
    await show.click();
    const card = page.locator('.feature-card');
    await expect.poll(() => card.count()).toBe(1);
    expect(await card.getAttribute('data-feature-id')).toBe('e2e-zhongshan');
    expect(page.url()).toContain('sel=e2e-zhongshan');
    await context.close();
  });
});
