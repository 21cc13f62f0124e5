// The shipped metro on the offline default map: stations drawn in the metro colour where they are, the
// lines drawn, and the type word "地铁" / "metro" in the search box lists the stations.

import type { Browser, Page } from 'playwright-core';
import { PNG } from 'pngjs';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { CATALOG } from '../src/catalog';
import { launch, mapShot, openPage, pageShot, pixelStats, waitForMapIdle } from './browser';

const base = inject('baseURL');
let browser: Browser;
beforeAll(async () => {
  browser = await launch();
});
afterAll(async () => {
  await browser?.close();
});

const colorOf = (id: string) => CATALOG.find((e) => e.id === id)!.color;
const METRO = colorOf('metro');
const LINE = colorOf('metro_line');

/** Shown metro stations and where they are on screen (CSS px within the map). */
async function stationsOnScreen(page: Page): Promise<{ id: string; x: number; y: number }[]> {
  return page.evaluate(() => {
    const lym = (
      window as unknown as {
        __lym: {
          shown(): {
            properties: { id: string; category: string };
            geometry: { coordinates: [number, number] };
          }[];
          map: { project(ll: [number, number]): { x: number; y: number } };
        };
      }
    ).__lym;
    return lym
      .shown()
      .filter((f) => f.properties.category === 'metro')
      .map((f) => ({ id: f.properties.id, ...lym.map.project(f.geometry.coordinates) }));
  });
}

/** Pixels of `color` (±tolerance per channel) in the square of half-size `r` around (x, y). */
function colourAt(png: PNG, x: number, y: number, color: string, r = 7, tolerance = 30): number {
  const [tr, tg, tb] = [1, 3, 5].map((i) => Number.parseInt(color.slice(i, i + 2), 16)) as number[];
  let n = 0;
  for (let j = Math.round(y) - r; j <= Math.round(y) + r; j++)
    for (let i = Math.round(x) - r; i <= Math.round(x) + r; i++) {
      if (i < 0 || j < 0 || i >= png.width || j >= png.height) continue;
      const k = (j * png.width + i) * 4;
      if (
        Math.abs((png.data[k] as number) - tr!) <= tolerance &&
        Math.abs((png.data[k + 1] as number) - tg!) <= tolerance &&
        Math.abs((png.data[k + 2] as number) - tb!) <= tolerance
      )
        n++;
    }
  return n;
}

describe('metro', () => {
  it('shows every station in the metro colour at its position on the offline default map, and the lines', async () => {
    const { context, page } = await openPage(browser);
    await page.goto(`${base}?e2e`);
    await waitForMapIdle(page);
    const shot = await mapShot(page, 'metro-default');
    const png = PNG.sync.read(shot);
    // Stations in view and not under the side panel (which floats over the map).
    const map = (await page.locator('#map').boundingBox())!;
    const panel = (await page.locator('#side-panel').boundingBox())!;
    const under = (s: { x: number; y: number }) =>
      s.x + map.x >= panel.x - 10 &&
      s.x + map.x <= panel.x + panel.width + 10 &&
      s.y + map.y >= panel.y - 10 &&
      s.y + map.y <= panel.y + panel.height + 10;
    const stations = (await stationsOnScreen(page)).filter(
      (s) => s.x >= 8 && s.y >= 8 && s.x < png.width - 8 && s.y < png.height - 8 && !under(s),
    );
    // The default view (central Lanzhou) has stations of both lines in it.
    expect(stations.length).toBeGreaterThanOrEqual(8);
    for (const s of stations) expect(colourAt(png, s.x, s.y, METRO), s.id).toBeGreaterThan(15);
    // The lines are drawn too, in their own colour.
    expect(pixelStats(shot, [LINE], 20).matches[LINE]).toBeGreaterThan(200);
    await page.locator('#layer-metro').uncheck();
    await waitForMapIdle(page);
    const hidden = PNG.sync.read(await mapShot(page, 'metro-hidden'));
    for (const s of stations) expect(colourAt(hidden, s.x, s.y, METRO), s.id).toBeLessThan(5);
    await context.close();
  });

  it('finds the stations by the type words 地铁 and metro, nearest the map centre first', async () => {
    const { context, page } = await openPage(browser);
    await page.goto(`${base}?e2e#map=14/36.05050/103.85446&lang=zh`);
    await waitForMapIdle(page);
    await expect.poll(() => page.locator('.search-input').count()).toBe(1);
    for (const q of ['地铁', 'metro', 'ditie']) {
      await page.locator('.search-input').fill(q);
      const options = page.locator('.search-results .search-option');
      await expect.poll(() => options.count(), { message: q }).toBe(8);
      // Names first ("metro" is a word of 兰州轨道交通1号线's English name), then the stations by type,
      // nearest the map centre (兰州大学 station) first, each saying why it matched.
      const names = await options.locator('.search-name').allTextContents();
      const typed = await options.filter({ has: page.locator('.search-why') }).count();
      const lines = names.filter((n) => n.startsWith('兰州轨道交通')).length;
      expect(names[lines], q).toBe('兰州大学');
      expect(typed, q).toBeGreaterThanOrEqual(8 - lines);
      expect(await options.nth(lines).locator('.search-why').textContent(), q).toMatch(
        /地铁站|Metro station/,
      );
    }
    const shot = PNG.sync.read(await pageShot(page, 'metro-search'));
    // Below the open list the map shows: Chromium once left a white strip there, the list's width, down
    // to the bottom of the map (the map's own pixels were right; the page's white showed through).
    const list = await page.locator('.search-results').boundingBox();
    let white = 0;
    let all = 0;
    for (let y = Math.round((list?.y ?? 0) + (list?.height ?? 0) + 20); y < shot.height - 40; y += 2)
      for (let x = Math.round((list?.x ?? 0) + 10); x < (list?.x ?? 0) + (list?.width ?? 0) - 10; x += 2) {
        const i = (y * shot.width + x) * 4;
        all++;
        if (shot.data[i] === 255 && shot.data[i + 1] === 255 && shot.data[i + 2] === 255) white++;
      }
    expect(all).toBeGreaterThan(1000);
    expect(white / all).toBeLessThan(0.05);
    await context.close();
  });
});
