// The camera puts a chosen place in the part of the map that the panel and the place card leave free,
// on a phone (both are sheets along the bottom) and on a desktop (panel left, card right).

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

/** Dongfanghong Square (data/places.csv). */
const SQUARE = { id: 'park-dongfanghong-square', at: [103.84055, 36.05282] as [number, number] };

/** Where a [lon, lat] is drawn, in page pixels, once the camera has stopped. */
async function drawnAt(page: Page, ll: [number, number]): Promise<{ x: number; y: number }> {
  type M = { isMoving(): boolean; project(ll: [number, number]): { x: number; y: number } };
  await page.waitForFunction(() => !(window as unknown as { __lym: { map: M } }).__lym.map.isMoving());
  await waitForMapIdle(page);
  const box = (await page.locator('#map').boundingBox()) ?? { x: 0, y: 0 };
  const p = await page.evaluate((at) => {
    const m = (window as unknown as { __lym: { map: M } }).__lym.map;
    const xy = m.project(at);
    return { x: xy.x, y: xy.y };
  }, ll);
  return { x: box.x + p.x, y: box.y + p.y };
}

const top = (page: Page, sel: string) => page.locator(sel).evaluate((e) => e.getBoundingClientRect().top);

describe('camera moves to a chosen place', () => {
  it('on a phone, puts it above the list sheet and the place card', async () => {
    for (const lang of ['zh', 'en']) {
      const { context, page } = await openPage(browser, {
        viewport: { width: 375, height: 740 },
        isMobile: true,
      });
      // Start far from the square, so that the camera must move to show it.
      await page.goto(`${base}?e2e#lang=${lang}&p=list&map=12.00/36.15000/103.60000`);
      await waitForMapIdle(page);
      await page.locator(`.list-item[data-feature-id="${SQUARE.id}"]`).click();
      await expect.poll(() => page.locator('.feature-card').count()).toBe(1);
      await page.waitForTimeout(700);
      const p = await drawnAt(page, SQUARE.at);
      const covered = Math.min(await top(page, '.card-slot'), await top(page, '#side-panel'));
      const mapTop = ((await page.locator('#map').boundingBox()) ?? { y: 0 }).y;
      expect(p.y, 'place above the card and the panel').toBeLessThan(covered - 10);
      expect(p.y, 'place below the top of the map').toBeGreaterThan(mapTop);
      expect(p.x).toBeGreaterThan(0);
      expect(p.x).toBeLessThan(375);
      await pageShot(page, `camera-phone-${lang}`);
      await context.close();
    }
  });

  it('on a desktop, puts it between the side panel and the place card', async () => {
    const { context, page } = await openPage(browser, { viewport: { width: 1280, height: 800 } });
    await page.goto(`${base}?e2e#lang=en&p=list&map=12.00/36.15000/103.60000`);
    await waitForMapIdle(page);
    await page.locator(`.list-item[data-feature-id="${SQUARE.id}"]`).click();
    await expect.poll(() => page.locator('.feature-card').count()).toBe(1);
    await page.waitForTimeout(700);
    const p = await drawnAt(page, SQUARE.at);
    const panel = await page.locator('#side-panel').boundingBox();
    const card = await page.locator('.card-slot').boundingBox();
    expect(p.x).toBeGreaterThan((panel?.x ?? 0) + (panel?.width ?? 0));
    expect(p.x).toBeLessThan(card?.x ?? 0);
    await pageShot(page, 'camera-desktop-en');
    await context.close();
  });
});
