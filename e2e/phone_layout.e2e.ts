// Phone layout (375 × 740): the map's scale bar and attribution both readable, the seven tabs on one row.

import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { launch, openPage, pageShot, pixelStats, waitForMapIdle } from './browser';

const base = inject('baseURL');
const PHONE = { width: 375, height: 740 };
let browser: Browser;
beforeAll(async () => {
  browser = await launch();
});
afterAll(async () => {
  await browser?.close();
});

type Box = { x: number; y: number; width: number; height: number };
const overlap = (a: Box, b: Box) =>
  Math.max(0, Math.min(a.x + a.width, b.x + b.width) - Math.max(a.x, b.x)) *
  Math.max(0, Math.min(a.y + a.height, b.y + b.height) - Math.max(a.y, b.y));

async function box(page: Page, selector: string): Promise<Box> {
  const b = await page.locator(selector).first().boundingBox();
  if (!b) throw new Error(`${selector} is not shown`);
  return b;
}

async function phone(lang: string) {
  const opened = await openPage(browser, { viewport: PHONE, isMobile: true });
  await opened.page.goto(`${base}?e2e#lang=${lang}`);
  await waitForMapIdle(opened.page);
  return opened;
}

describe('phone layout', () => {
  for (const lang of ['zh', 'en']) {
    it(`keeps the attribution clear of the scale bar (${lang})`, async () => {
      const { context, page } = await phone(lang);
      const scale = await box(page, '.maplibregl-ctrl-scale');
      const attrib = await box(page, '.maplibregl-ctrl-attrib');
      const map = await box(page, '#map');
      expect(overlap(scale, attrib), 'scale bar and attribution overlap (px²)').toBe(0);
      // Both inside the map, the attribution whole (it must stay readable: © OpenStreetMap contributors).
      for (const b of [scale, attrib]) {
        expect(b.x).toBeGreaterThanOrEqual(map.x);
        expect(b.x + b.width).toBeLessThanOrEqual(map.x + map.width + 0.5);
        expect(b.y + b.height).toBeLessThanOrEqual(map.y + map.height + 0.5);
      }
      // The offline basemap's credits (boundaries from AMap via ECharts); online ones add OpenStreetMap.
      expect(await page.locator('.maplibregl-ctrl-attrib').textContent()).toContain('高德地图 AMap');
      // What is drawn: the scale bar's own border (#333) shows in its box; no attribution text covers it.
      await pageShot(page, `phone-scale-attrib-${lang}`);
      const scalePx = pixelStats(
        await page.screenshot({ clip: { x: scale.x, y: scale.y, width: scale.width, height: scale.height } }),
        ['#333333'],
      );
      expect(scalePx.matches['#333333']).toBeGreaterThan(scale.width);
      await context.close();
    });

    it(`puts the seven panel tabs on one row (${lang})`, async () => {
      const { context, page } = await phone(lang);
      const tabs = await page.locator('.tab-bar .tab').evaluateAll((els) =>
        els.map((e) => {
          const r = e.getBoundingClientRect();
          return { id: e.id, top: Math.round(r.top), left: r.left, right: r.right };
        }),
      );
      expect(tabs).toHaveLength(7);
      expect(new Set(tabs.map((t) => t.top)).size, 'rows of tabs').toBe(1);
      for (const t of tabs) {
        expect(t.left, t.id).toBeGreaterThanOrEqual(0);
        expect(t.right, t.id).toBeLessThanOrEqual(PHONE.width);
      }
      // Each label is whole: no tab clips its text.
      const clipped = await page
        .locator('.tab-bar .tab')
        .evaluateAll((els) => els.filter((e) => e.scrollWidth > e.clientWidth + 1).map((e) => e.id));
      expect(clipped).toEqual([]);
      const bar = await box(page, '.tab-bar');
      await pageShot(page, `phone-tabs-${lang}`);
      const tab = await box(page, '#toggle-layers');
      expect(bar.height).toBeLessThan(2 * tab.height);
      await context.close();
    });
  }
});
