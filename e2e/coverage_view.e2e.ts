// Planners see what was computed: the first view shows the covered cells, a clicked cell is outlined, the picture has one paper size.

import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { latLngToCell } from 'h3-js';
import type { Browser, Page } from 'playwright-core';
import { PNG } from 'pngjs';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { launch, mapShot, openPage, pageShot, SHOTS_DIR, waitForMapIdle } from './browser';

const base = inject('baseURL');
let browser: Browser;
beforeAll(async () => {
  browser = await launch();
});
afterAll(async () => {
  await browser?.close();
});

const DESKTOP = { viewport: { width: 1280, height: 800 } };
const PHONE = { viewport: { width: 375, height: 740 }, isMobile: true };

/** Console errors other than the blocked internet (the test network is localhost only). */
const realErrors = (errors: string[]) => errors.filter((e) => !/ERR_INTERNET_DISCONNECTED/.test(e));

type Rect = { x0: number; y0: number; x1: number; y1: number };

/** The part of the map (in map-screenshot pixels) that the side panel or the phone's sheet leaves free. */
async function freeRect(page: Page): Promise<Rect> {
  const map = (await page.locator('#map').boundingBox()) ?? { x: 0, y: 0, width: 0, height: 0 };
  const panel = (await page.locator('#side-panel').isVisible())
    ? await page.locator('#side-panel').boundingBox()
    : null;
  const r = { x0: 0, y0: 0, x1: map.width, y1: map.height };
  if (panel && panel.x <= map.x + 24 && panel.width < map.width / 2) r.x0 = panel.x + panel.width - map.x;
  else if (panel) r.y1 = Math.min(r.y1, panel.y - map.y);
  return r;
}

/** Pixels in `rect` of a map screenshot that pass `test` (r, g, b). */
function countPixels(png: Buffer, rect: Rect, test: (r: number, g: number, b: number) => boolean): number {
  const img = PNG.sync.read(png);
  let n = 0;
  for (let y = Math.max(0, Math.floor(rect.y0)); y < Math.min(img.height, rect.y1); y++)
    for (let x = Math.max(0, Math.floor(rect.x0)); x < Math.min(img.width, rect.x1); x++) {
      const i = (y * img.width + x) * 4;
      if (test(img.data[i] as number, img.data[i + 1] as number, img.data[i + 2] as number)) n++;
    }
  return n;
}

/** The two blue classes of the ramp (0–5 and 5–10 min) over the light basemap; "over 15 min" is orange. */
const within10 = (r: number, _g: number, b: number) => b - r > 50;
/** The fitness circle's green (#16a34a at alpha 130) over the light basemap. */
const circleGreen = (r: number, g: number, b: number) => g - r > 45 && g - b > 30;

describe('the first coverage view', () => {
  for (const [name, opts, lang] of [
    ['desktop', DESKTOP, 'en'],
    ['phone', PHONE, 'zh'],
  ] as const) {
    it(`frames the covered cells when none is in view, and says where they are (${name}, ${lang})`, async () => {
      const errors: string[] = [];
      const { context, page } = await openPage(browser, { ...opts, errors });
      // The app's first view (no map position): the one mapped fitness site lies west of it, off-screen.
      await page.goto(`${base}?e2e#bm=offline&lang=${lang}`);
      await waitForMapIdle(page);
      await page.locator('#toggle-coverage').click();
      await expect.poll(() => page.locator('#cov-table').count(), { timeout: 60_000 }).toBe(1);
      // The map shows the covered cells: blue ones in the part of the map the panel leaves free.
      await expect
        .poll(
          async () => {
            await waitForMapIdle(page);
            return countPixels(
              await mapShot(page, `coverage-first-${name}-${lang}`),
              await freeRect(page),
              within10,
            );
          },
          { timeout: 30_000, interval: 1000 },
        )
        .toBeGreaterThan(400);
      // And the panel names where they are.
      const where = (await page.locator('#cov-covered').textContent()) ?? '';
      expect(where).toMatch(
        lang === 'en' ? /cells within 15 min, in Qilihe/ : /15 分钟内有 \d+ 个格网，位于七里河区/,
      );
      await pageShot(page, `coverage-first-${name}-${lang}`);
      await page.locator('#cov-covered').scrollIntoViewIfNeeded();
      await pageShot(page, `coverage-covered-${name}-${lang}`);
      // The uncovered areas, each with its districts and centre (and the export buttons below them).
      await page.locator('#cov-clusters-h').scrollIntoViewIfNeeded();
      await pageShot(page, `coverage-clusters-${name}-${lang}`);
      await page.locator('#cov-export-h').scrollIntoViewIfNeeded();
      await pageShot(page, `coverage-exports-${name}-${lang}`);
      // Panned away, the panel's button brings them back.
      await page.evaluate(() =>
        (window as unknown as { __lym: { map: { jumpTo(o: unknown): void } } }).__lym.map.jumpTo({
          center: [103.95, 36.1],
          zoom: 13,
        }),
      );
      await waitForMapIdle(page);
      expect(
        countPixels(await mapShot(page, `coverage-away-${name}`), await freeRect(page), within10),
      ).toBeLessThan(50);
      await page.locator('#cov-show-covered').click();
      await expect
        .poll(
          async () => {
            await waitForMapIdle(page);
            return countPixels(await mapShot(page, `coverage-back-${name}`), await freeRect(page), within10);
          },
          { timeout: 30_000, interval: 1000 },
        )
        .toBeGreaterThan(400);
      expect(realErrors(errors)).toEqual([]);
      await context.close();
    });
  }

  it('frames the 15-minute fitness circle when it is turned on and none of it is in view (desktop, zh)', async () => {
    const { context, page } = await openPage(browser, DESKTOP);
    await page.goto(`${base}?e2e#bm=offline&lang=zh&p=layers`);
    await waitForMapIdle(page);
    // The first view shows no fitness circle (the green counted here is a park's marker).
    const before = countPixels(await mapShot(page, 'circle-before'), await freeRect(page), circleGreen);
    expect(before).toBeLessThan(300);
    await page.locator('#layer-fitness_circle').check();
    await expect
      .poll(
        async () => {
          await waitForMapIdle(page);
          return countPixels(
            await mapShot(page, 'circle-framed-desktop-zh'),
            await freeRect(page),
            circleGreen,
          );
        },
        { timeout: 40_000, interval: 1000 },
      )
      .toBeGreaterThan(before + 5000);
    await pageShot(page, 'circle-framed-desktop-zh');
    await context.close();
  });
});

/** Dark pixels (the selection outline is #111827) within `r` pixels of `at` in a map screenshot. */
const darkNear = (png: Buffer, at: { x: number; y: number }, r: number) =>
  countPixels(
    png,
    { x0: at.x - r, y0: at.y - r, x1: at.x + r, y1: at.y + r },
    (R, G, B) => R < 70 && G < 70 && B < 90,
  );

/** Where [lon, lat] is on the map element, CSS pixels. */
function project(page: Page, ll: [number, number]): Promise<{ x: number; y: number }> {
  return page.evaluate(
    (p) =>
      (
        window as unknown as {
          __lym: { map: { project(x: [number, number]): { x: number; y: number } } };
        }
      ).__lym.map.project(p),
    ll,
  );
}

describe('a clicked coverage cell', () => {
  for (const [name, opts, lang] of [
    ['desktop', DESKTOP, 'zh'],
    ['phone', PHONE, 'en'],
  ] as const) {
    it(`is outlined on the map (${name}, ${lang})`, async () => {
      const errors: string[] = [];
      const { context, page } = await openPage(browser, { ...opts, errors });
      await page.goto(
        `${base}?e2e#bm=offline&map=14/36.08/103.69&lang=${lang}&p=coverage&cov=fitness_site&res=h9&cd=620103`,
      );
      await expect.poll(() => page.locator('#cov-table').count(), { timeout: 60_000 }).toBe(1);
      await waitForMapIdle(page);
      // A covered cell of Qilihe ≈470 m south-west of the stadium, in the free part of the map.
      const at = await project(page, [103.686, 36.083]);
      const rect = await freeRect(page);
      expect(at.x > rect.x0 + 45 && at.x < rect.x1 - 45 && at.y > rect.y0 + 45 && at.y < rect.y1 - 45).toBe(
        true,
      );
      let before = await mapShot(page, `cell-before-${name}`);
      await expect
        .poll(
          async () => {
            await page.waitForTimeout(500);
            const next = await mapShot(page, `cell-before-${name}`);
            const same = next.equals(before);
            before = next;
            return same;
          },
          { timeout: 30_000 },
        )
        .toBe(true);
      const box = await page.locator('#map').boundingBox();
      const x = (box?.x ?? 0) + at.x;
      const y = (box?.y ?? 0) + at.y;
      if (opts === PHONE) await page.touchscreen.tap(x, y);
      else await page.mouse.click(x, y);
      await expect.poll(() => page.locator('#cov-cell').count()).toBe(1);
      // An H3 res-9 cell is ≈350 m across, ≈50 px at zoom 14: its outline lies within 45 px of the click.
      const dark0 = darkNear(before, at, 45);
      await expect
        .poll(async () => darkNear(await mapShot(page, `cell-selected-${name}-${lang}`), at, 45) - dark0, {
          timeout: 20_000,
        })
        .toBeGreaterThan(60);
      await pageShot(page, `cell-selected-${name}-${lang}`);
      // That cell, and only it: the panel names the H3 cell under the click and its district, while the
      // district under it is not selected (nothing in the link).
      const cellId = latLngToCell(36.083, 103.686, 9);
      expect(await page.locator('#cov-cell h3').textContent()).toContain(cellId);
      expect(await page.locator('#cov-cell p').first().textContent()).toMatch(
        lang === 'zh' ? /^七里河区/ : /^Qilihe/,
      );
      expect(await page.locator('.feature-card').count()).toBe(0);
      expect(new URL(page.url()).hash).not.toContain('sel=');
      const tap = async (p: { x: number; y: number }) => {
        if (opts === PHONE) await page.touchscreen.tap((box?.x ?? 0) + p.x, (box?.y ?? 0) + p.y);
        else await page.mouse.click((box?.x ?? 0) + p.x, (box?.y ?? 0) + p.y);
      };
      // A marker lying on a cell is what the planner aimed at: its card opens, the cell stays selected.
      await tap(await project(page, [103.685667, 36.087722]));
      const stadium = /sel=(fitness-lanzhou-olympic-center-stadium|youth-block-olympic-sports-center)/;
      await expect.poll(() => new URL(page.url()).hash).toMatch(stadium);
      await expect.poll(() => page.locator('.feature-card').count()).toBe(1);
      expect(await page.locator('#cov-cell h3').textContent()).toContain(cellId);
      // Another click on the cell leaves the place selected: its card stays open over the map.
      await tap(at);
      await page.waitForTimeout(500);
      expect(new URL(page.url()).hash).toMatch(stadium);
      expect(await page.locator('.feature-card').count()).toBe(1);
      expect(await page.locator('#cov-cell h3').textContent()).toContain(cellId);
      await pageShot(page, `cell-with-card-${name}-${lang}`);
      // Outside every cell (in Anning, not analysed: the beige area above the dashed boundary) a click
      // selects the district as before, which closes the card; the cell stays selected and outlined.
      const out = await project(page, opts === PHONE ? [103.693, 36.0895] : [103.697, 36.0892]);
      expect(
        out.x > rect.x0 + 10 && out.x < rect.x1 - 10 && out.y > rect.y0 + 10 && out.y < rect.y1 - 10,
      ).toBe(true);
      await tap(out);
      await expect.poll(() => new URL(page.url()).hash).toContain('sel=district-620105');
      await expect.poll(() => page.locator('.feature-card').count()).toBe(0);
      expect(await page.locator('#cov-cell h3').textContent()).toContain(cellId);
      await waitForMapIdle(page);
      expect(
        darkNear(await mapShot(page, `cell-then-district-${name}-${lang}`), at, 45) - dark0,
      ).toBeGreaterThan(60);
      expect(realErrors(errors)).toEqual([]);
      await context.close();
    });
  }
});

describe('the coverage map picture', () => {
  for (const [name, opts, lang] of [
    ['phone', PHONE, 'en'],
    ['desktop', DESKTOP, 'zh'],
  ] as const) {
    it(`has the same landscape paper layout from a ${name} (${lang})`, async () => {
      const { context, page } = await openPage(browser, opts);
      await page.goto(
        `${base}?e2e&live#bm=offline&map=13/36.085/103.69&lang=${lang}&p=coverage&cov=fitness_site&res=h9&cd=620103`,
      );
      await expect.poll(() => page.locator('#cov-table').count(), { timeout: 60_000 }).toBe(1);
      await waitForMapIdle(page);
      // The panel re-renders while the analysis settles: wait until the export is offered, then click
      // (the click scrolls to the button and waits for it to hold still).
      await expect.poll(() => page.locator('#cov-export-png').getAttribute('aria-disabled')).toBe('false');
      const [download] = await Promise.all([
        page.waitForEvent('download', { timeout: 60_000 }),
        page.locator('#cov-export-png').click(),
      ]);
      const bytes = readFileSync((await download.path()) as string);
      mkdirSync(SHOTS_DIR, { recursive: true });
      writeFileSync(`${SHOTS_DIR}/coverage-picture-${name}-${lang}.png`, bytes);
      const pic = PNG.sync.read(bytes);
      // 1280 × 800 map (16:10) under a title band, above the sources: whatever the screen.
      expect(pic.width).toBe(1280);
      expect(pic.height).toBeGreaterThan(800 + 58);
      expect(pic.height).toBeLessThan(pic.width);
      // The cells are painted on it: the stadium's covered cells, blue, around the middle of the map.
      const mid = { x0: 440, y0: 58 + 200, x1: 840, y1: 58 + 600 };
      expect(countPixels(bytes, mid, within10)).toBeGreaterThan(2000);
      await pageShot(page, `coverage-export-${name}-${lang}`);
      await context.close();
    });
  }
});
