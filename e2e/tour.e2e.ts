// Tourists: build a walk from mapped places, see arrival times and opening states, the route in the night
// style, playback that advances and pauses, the printable itinerary and the GPX download.

import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import distance from '@turf/distance';
import type { Browser, Page } from 'playwright-core';
import { PNG } from 'pngjs';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { DETOUR_FACTOR, WALK_SPEED_M_PER_MIN } from '../src/config';
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
const axeSource = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');
let browser: Browser;
beforeAll(async () => {
  browser = await launch();
});
afterAll(async () => {
  await browser?.close();
});

// The three shipped places (data/places.csv); the stadium and the sports-centre block share one point.
const STADIUM = {
  id: 'fitness-lanzhou-olympic-center-stadium',
  at: [103.685667, 36.087722] as [number, number],
};
const BLOCK = { id: 'youth-block-olympic-sports-center', at: [103.685667, 36.087722] as [number, number] };
const SQUARE = { id: 'park-dongfanghong-square', at: [103.84055, 36.05282] as [number, number] };
/** Ids of the shipped metro stations (first column of data/metro_stations.csv). */
const STATIONS = readFileSync(new URL('../data/metro_stations.csv', import.meta.url), 'utf8')
  .trim()
  .split('\n')
  .slice(1)
  .map((row) => row.split(',')[0] as string);
/** The walk's colour by day and at night (src/map/layers.ts ROUTE_COLOR). */
const ROUTE = '#1d4ed8';
const ROUTE_NIGHT = '#60a5fa';
/** Minutes of the schematic leg stadium → square: straight distance × 1.3 at 80 m/min, rounded up. */
const LEG_MIN = Math.ceil(
  (distance(STADIUM.at, SQUARE.at, { units: 'meters' }) * DETOUR_FACTOR) / WALK_SPEED_M_PER_MIN,
);
const WALK = `stop=${STADIUM.id}~20&stop=${BLOCK.id}~15&stop=${SQUARE.id}~20`;

/**
 * Expected arrivals of WALK from a 19:30 start. The schematic leg is long (about four hours), so the last
 * arrival may fall after midnight and is then marked as the next day.
 */
function expectedArrivals(lang: 'zh' | 'en'): string[] {
  const clock = (m: number) => {
    const time = `${String(Math.floor(m / 60) % 24).padStart(2, '0')}:${String(m % 60).padStart(2, '0')}`;
    if (m < 24 * 60) return time;
    return lang === 'zh' ? `次日 ${time}` : `${time} (next day)`;
  };
  const start = 19 * 60 + 30;
  return [clock(start), clock(start + 20), clock(start + 20 + 15 + LEG_MIN)];
}

/** Console errors other than the requests this test blocks on purpose (the online basemap). */
const realErrors = (errors: string[]) => errors.filter((e) => !e.includes('ERR_INTERNET_DISCONNECTED'));

async function project(page: Page, ll: [number, number]): Promise<{ x: number; y: number }> {
  return page.evaluate((p) => {
    const map = (
      window as unknown as { __lym: { map: { project(ll: [number, number]): { x: number; y: number } } } }
    ).__lym.map;
    const xy = map.project(p);
    return { x: xy.x, y: xy.y };
  }, ll);
}

/** Screenshot of the map between two positions (plus padding), where the route must be drawn. */
async function routeShot(
  page: Page,
  a: [number, number],
  b: [number, number],
  name: string,
): Promise<Buffer> {
  const [pa, pb] = [await project(page, a), await project(page, b)];
  const box = (await page.locator('#map').boundingBox()) ?? { x: 0, y: 0 };
  const pad = 10;
  const png = await page.screenshot({
    clip: {
      x: box.x + Math.min(pa.x, pb.x) - pad,
      y: box.y + Math.min(pa.y, pb.y) - pad,
      width: Math.abs(pa.x - pb.x) + 2 * pad,
      height: Math.abs(pa.y - pb.y) + 2 * pad,
    },
  });
  const { mkdirSync, writeFileSync } = await import('node:fs');
  mkdirSync('test-results/screenshots', { recursive: true });
  writeFileSync(`test-results/screenshots/${name}.png`, png);
  return png;
}

/** Mean luminance (0–255) of the right half of the map, which the side panel never covers. */
function meanLuminance(png: Buffer): number {
  const img = PNG.sync.read(png);
  let sum = 0;
  let n = 0;
  for (let y = 0; y < img.height; y += 2) {
    for (let x = Math.floor(img.width / 2); x < img.width; x += 2) {
      const i = (y * img.width + x) * 4;
      sum += 0.2126 * img.data[i]! + 0.7152 * img.data[i + 1]! + 0.0722 * img.data[i + 2]!;
      n++;
    }
  }
  return sum / n;
}

/** Serious and critical axe-core violations on the page (injected through DevTools, outside the page's CSP). */
async function axeViolations(page: Page): Promise<string[]> {
  await page.evaluate(axeSource);
  return page.evaluate(async () => {
    type V = { id: string; impact: string; nodes: { target: string[] }[] };
    const a = (window as unknown as { axe: { run(c: unknown, o: unknown): Promise<{ violations: V[] }> } })
      .axe;
    const r = await a.run(document, { resultTypes: ['violations'] });
    return r.violations
      .filter((v) => v.impact === 'serious' || v.impact === 'critical')
      .map((v) => `${v.impact} ${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
  });
}

/** Wait until the camera has stopped (the route fit and follow moves are animated). */
async function settle(page: Page): Promise<void> {
  await page.waitForFunction(
    () => !(window as unknown as { __lym: { map: { isMoving(): boolean } } }).__lym.map.isMoving(),
  );
  await waitForMapIdle(page);
}

describe('night tour', () => {
  it('says that no route is published, and builds a walk from the mapped places', async () => {
    const errors: string[] = [];
    const { context, page } = await openPage(browser, { errors });
    await page.goto(`${base}?e2e#lang=en&p=tour&th=night`);
    await waitForMapIdle(page);
    await expect
      .poll(() => page.locator('.tour-message').first().textContent())
      .toContain('No night-tour route is offered yet');
    await expect.poll(() => page.locator('.tour-panel').textContent()).toContain('No stops yet');
    expect(await page.locator('#tour-route option').allTextContents()).toEqual(['My walk (planned by you)']);
    // Every mapped point is offered, whatever its layer.
    const offered = await page
      .locator('#tour-add-select option')
      .evaluateAll((o) => o.map((x) => (x as HTMLOptionElement).value));
    expect(STATIONS).toHaveLength(27);
    expect(offered.sort()).toEqual([BLOCK.id, STADIUM.id, SQUARE.id, ...STATIONS].sort());

    const add = async (id: string) => {
      await page.locator('#tour-add-select').selectOption(id);
      await page.locator('#tour-add').click();
    };
    await add(STADIUM.id);
    await expect
      .poll(() => page.locator('.tour-panel').textContent())
      .toContain('Add at least one more stop');
    await add(SQUARE.id);
    await add(BLOCK.id);
    // The same place twice in a row is refused with a message.
    await add(BLOCK.id);
    await expect.poll(() => page.locator('.notice-text').textContent()).toContain('already the last stop');
    expect(await page.locator('.tour-row').count()).toBe(3);
    // Move the block up with the keyboard: focus follows the moved stop.
    await page.locator('#tour-up-2').focus();
    await page.keyboard.press('Enter');
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('tour-up-1');
    await page.locator('#tour-dwell-1').fill('15');
    await page.locator('#tour-dwell-1').press('Tab');
    await expect.poll(() => decodeURIComponent(page.url())).toContain(WALK);
    expect(await page.locator('.tour-name').allTextContents()).toEqual([
      'Lanzhou Olympic Center Stadium',
      'Lanzhou Olympic Sports Center',
      'Dongfanghong Square',
    ]);
    // Arrival times from the default start (tonight 19:30), with the schematic leg labelled as such.
    const arrivals = expectedArrivals('en');
    await expect
      .poll(() => page.locator('.tour-arrive').allTextContents())
      .toEqual(arrivals.map((t) => `arrive ${t}`));
    expect(await page.locator('.tour-suggested').textContent()).toBe(
      'Route source: you (your own walk, planned on this map)',
    );
    expect(await page.locator('.tour-total').textContent()).toMatch(
      new RegExp(
        `^Walking \\d+\\.\\d km, about ${LEG_MIN} min; 55 min at the stops; ends about \\d\\d:\\d\\d`,
      ),
    );
    expect(await page.locator('.tour-leg').nth(1).textContent()).toContain('schematic line (estimate)');
    // No mapped place publishes its hours: said as unknown, never guessed.
    await expect
      .poll(() => page.locator('.tour-open').allTextContents())
      .toEqual(Array(3).fill('Opening hours unknown'));
    // Removing a stop reschedules.
    await page.locator('#tour-remove-1').click();
    await expect.poll(() => page.locator('.tour-arrive').count()).toBe(2);
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('tour-remove-1');
    await pageShot(page, 'tour-builder-en');
    expect(realErrors(errors)).toEqual([]);
    await context.close();
  });

  it('warns of impossible walks and refuses repeats, negative stays and a past start, saying why', async () => {
    const { context, page } = await openPage(browser);
    await page.clock.setFixedTime(new Date('2024-06-21T06:00:00Z'));
    // A loop: square → stadium → square, two schematic legs of ~18.8 km each.
    await page.goto(
      `${base}?e2e#lang=en&p=tour&th=day&stop=${SQUARE.id}~20&stop=${STADIUM.id}~20&stop=${SQUARE.id}~20`,
    );
    await waitForMapIdle(page);
    await expect.poll(() => page.locator('.tour-arrive').count()).toBe(3);
    const checks = await page.locator('.tour-check').allTextContents();
    expect(checks[0]).toMatch(/^The walk adds up to \d+\.\d km .*sensible evening walk \(10\.0 km\)/);
    expect(checks.slice(1)).toEqual([
      expect.stringMatching(/^Stop 1 → 2 is a \d+\.\d km walk \(about \d+ min\), over 3\.0 km/),
      expect.stringMatching(/^Stop 2 → 3 is a \d+\.\d km walk/),
    ]);
    // The warnings are drawn where the walk's summary is, not hidden.
    const box = await page.locator('.tour-check').first().boundingBox();
    expect(box?.height ?? 0).toBeGreaterThan(10);
    // Removing the middle stop would put the square twice in a row: refused.
    await page.locator('#tour-remove-1').click();
    await expect.poll(() => page.locator('.notice-text').textContent()).toContain('twice in a row');
    expect(await page.locator('.tour-row').count()).toBe(3);
    // So would moving it up.
    await page.locator('#tour-up-1').click();
    expect(await page.locator('.tour-name').allTextContents()).toEqual([
      'Dongfanghong Square',
      'Lanzhou Olympic Center Stadium',
      'Dongfanghong Square',
    ]);
    // A negative stay is refused, not turned into 0; the field shows the stay that stands.
    await page.locator('#tour-dwell-1').fill('-5');
    await page.locator('#tour-dwell-1').press('Tab');
    await expect.poll(() => page.locator('.notice-text').textContent()).toContain('from 0 to 720');
    expect(await page.locator('#tour-dwell-1').inputValue()).toBe('20');
    expect(decodeURIComponent(page.url())).toContain(`stop=${STADIUM.id}~20`);
    // A start years ago is refused with the reason.
    // fill() fires the field's change event, as a person picking a date does.
    await page.locator('#tour-start-date').fill('2019-06-21');
    await expect.poll(() => page.locator('.notice-text').textContent()).toContain('earlier than now');
    expect(page.url()).not.toContain('start=');
    await pageShot(page, 'tour-checks-en');
    // The same in Chinese, and an old link still opens with a warning about its past start.
    await page.goto(
      `${base}?e2e#lang=zh&p=tour&th=day&start=2020-06-21T19:30&stop=${SQUARE.id}~20&stop=${STADIUM.id}~20`,
    );
    await page.reload();
    await expect.poll(() => page.locator('.tour-check').count()).toBe(3);
    const zh = await page.locator('.tour-check').allTextContents();
    expect(zh[0]).toBe('出发时间已过：此行程的时间与营业状态都是那一天的。');
    expect(zh[2]).toMatch(/^第 1 → 2 站步行 \d+\.\d 公里/);
    await pageShot(page, 'tour-checks-zh');
    await context.close();
  });

  it('draws the route in the night style, plays the walk back and pauses it', async () => {
    const errors: string[] = [];
    const { context, page } = await openPage(browser, { errors });
    await page.goto(`${base}?e2e#lang=zh&p=tour&th=night&${WALK}`);
    await waitForMapIdle(page);
    await expect.poll(() => page.locator('.tour-arrive').count()).toBe(3);
    await page.waitForTimeout(800);
    await settle(page);
    const nightShot = await mapShot(page, 'tour-night-map');
    const dark = meanLuminance(nightShot);
    expect(dark, 'night basemap is dark').toBeLessThan(70);
    const routePixels = pixelStats(
      await routeShot(page, STADIUM.at, SQUARE.at, 'tour-route-night'),
      [ROUTE_NIGHT],
      30,
    ).matches[ROUTE_NIGHT];
    expect(routePixels, 'route pixels between the stops').toBeGreaterThan(150);

    // Playback, operated from the keyboard.
    const position = page.locator('#tour-position');
    const startText = await position.textContent();
    expect(startText).toContain('19:30');
    // The basemap notice hides itself 12 s after it appears; dismiss it so frames compare the map only.
    if (await page.locator('.notice').isVisible()) await page.locator('.notice-close').click();
    const before = await mapShot(page, 'tour-play-0');
    await page.locator('#tour-play').focus();
    await page.keyboard.press('Enter');
    expect(await page.locator('#tour-play').textContent()).toBe('暂停');
    await page.waitForTimeout(2500);
    const during = await mapShot(page, 'tour-play-1');
    expect(changedShare(before, during), 'frames differ while playing').toBeGreaterThan(0.002);
    const scrubbed = Number(await page.locator('#tour-scrub').inputValue());
    expect(scrubbed).toBeGreaterThan(0);
    expect(await position.textContent()).not.toBe(startText);
    await page.keyboard.press('Space');
    expect(await page.locator('#tour-play').textContent()).toBe('播放');
    const paused = Number(await page.locator('#tour-scrub').inputValue());
    await settle(page);
    const p1 = await mapShot(page, 'tour-paused-1');
    await page.waitForTimeout(1000);
    const p2 = await mapShot(page, 'tour-paused-2');
    expect(changedShare(p1, p2), 'frames equal while paused').toBeLessThan(0.0005);
    expect(Number(await page.locator('#tour-scrub').inputValue())).toBe(paused);
    // Scrubbing with the arrow keys, and jumping to a stop.
    await page.locator('#tour-scrub').focus();
    await page.keyboard.press('ArrowRight');
    expect(Number(await page.locator('#tour-scrub').inputValue())).toBe(paused + 1);
    await page.locator('#tour-jump-2').click();
    await expect
      .poll(() => position.textContent())
      .toContain(`${expectedArrivals('zh')[2]} · 在第 3 站东方红广场`);
    await settle(page);
    await pageShot(page, 'tour-night-zh');

    // The day style, chosen by hand, is light.
    await page.locator('#tour-night').selectOption('day');
    await page.waitForTimeout(500);
    await settle(page);
    expect(meanLuminance(await mapShot(page, 'tour-day-map'))).toBeGreaterThan(dark + 60);
    expect(realErrors(errors)).toEqual([]);
    // deck.gl's overlay and the playback run under the app's strict Content-Security-Policy.
    expect(await cspViolations(page)).toEqual([]);
    await context.close();
  });

  it("switches to the night style by itself after sunset at the tour's own time, not the wall clock", async () => {
    const { context, page } = await openPage(browser);
    // 14:00 in Lanzhou on midsummer day (sunset ≈ 20:50); the walk starts at 21:15 that evening.
    await page.clock.setFixedTime(new Date('2024-06-21T06:00:00Z'));
    await page.goto(`${base}?e2e#lang=zh&p=tour&th=auto&start=2024-06-21T21:15&${WALK}`);
    await waitForMapIdle(page);
    await expect.poll(() => page.locator('.tour-arrive').count()).toBe(3);
    await settle(page);
    expect(meanLuminance(await mapShot(page, 'tour-auto-night'))).toBeLessThan(70);
    // From 19:30 (still daylight) the day map shows, and playing past sunset turns it to night.
    await page.locator('#tour-start-time').fill('19:30');
    await expect.poll(() => decodeURIComponent(page.url())).toContain('start=2024-06-21T19:30');
    await settle(page);
    expect(meanLuminance(await mapShot(page, 'tour-auto-day'))).toBeGreaterThan(150);
    await page.locator('#tour-scrub').evaluate((e) => {
      const input = e as HTMLInputElement;
      input.value = input.max;
      input.dispatchEvent(new Event('input'));
    });
    await page.waitForTimeout(500);
    await settle(page);
    expect(meanLuminance(await mapShot(page, 'tour-auto-night-played'))).toBeLessThan(70);
    await context.close();
  });

  it('downloads the walk as GPX and prints the itinerary in the chosen language', async () => {
    const { context, page } = await openPage(browser);
    await context.addInitScript(() => {
      const w = window as unknown as { __printed: number };
      w.__printed = 0;
      window.print = () => {
        w.__printed++;
      };
    });
    await page.goto(`${base}?e2e#lang=en&p=tour&th=day&${WALK}`);
    await waitForMapIdle(page);
    await expect.poll(() => page.locator('.tour-arrive').count()).toBe(3);
    await settle(page);

    const [download] = await Promise.all([page.waitForEvent('download'), page.locator('#tour-gpx').click()]);
    expect(download.suggestedFilename()).toMatch(/^my-walk-\d{4}-\d{2}-\d{2}\.gpx$/);
    const gpx = readFileSync((await download.path()) as string, 'utf8');
    expect(gpx).toMatch(
      /^<\?xml version="1.0" encoding="UTF-8"\?>\n<gpx xmlns="http:\/\/www.topografix.com\/GPX\/1\/1"/,
    );
    expect(gpx.match(/<wpt /g)).toHaveLength(3);
    expect(gpx).toContain('<name>Dongfanghong Square</name>');
    expect(gpx).toContain(`arrive ${expectedArrivals('en')[2]}`);
    expect(gpx).toContain('Route source: you (your own walk, planned on this map)');
    expect(gpx).toContain('schematic');
    expect(gpx).toContain(`<link href="${page.url().replace(/&/g, '&amp;')}">`);
    await expect.poll(() => page.locator('.notice-text').textContent()).toContain('.gpx');

    // Print the itinerary in Chinese from the English view, after panning far away from the route: the
    // printed map is fitted to the route, and the camera comes back where it was.
    await page.evaluate(() =>
      (window as unknown as { __lym: { map: { jumpTo(o: unknown): void } } }).__lym.map.jumpTo({
        center: [103.3, 36.4],
        zoom: 14,
      }),
    );
    await settle(page);
    await page.locator('#tour-print-lang').selectOption('zh');
    await page.locator('#tour-print').click();
    await expect
      .poll(() => page.evaluate(() => (window as unknown as { __printed: number }).__printed))
      .toBe(1);
    await page.emulateMedia({ media: 'print' });
    const sheet = page.locator('#tour-print-sheet');
    expect(await sheet.isVisible()).toBe(true);
    expect(await sheet.locator('h1').textContent()).toBe('我的步行路线');
    expect(await sheet.locator('tbody tr').count()).toBe(3);
    expect(await sheet.locator('tbody tr td:nth-child(3)').allTextContents()).toEqual(expectedArrivals('zh'));
    expect(await sheet.locator('thead th').allTextContents()).toEqual([
      '序号',
      '站点',
      '到达',
      '停留',
      '到达时开放情况',
      '前往下一站',
    ]);
    const img = sheet.locator('img.tour-print-map');
    expect(await img.evaluate((i) => (i as HTMLImageElement).naturalWidth)).toBeGreaterThan(100);
    expect(await page.locator('.tour-playback').isVisible()).toBe(false);
    expect(await page.locator('#tour-gpx').isVisible()).toBe(false);
    expect(await page.locator('#map').isVisible()).toBe(false);
    await pageShot(page, 'tour-print-zh');
    // The printed map shows the route: blue pixels in the snapshot.
    const snapshot = Buffer.from(
      ((await img.getAttribute('src')) as string).replace(/^data:image\/png;base64,/, ''),
      'base64',
    );
    // Day or night depends on the hour the test runs (automatic theme): count either colour.
    const printed = pixelStats(snapshot, [ROUTE, ROUTE_NIGHT], 30).matches;
    expect((printed[ROUTE] ?? 0) + (printed[ROUTE_NIGHT] ?? 0)).toBeGreaterThan(150);
    const back = await page.evaluate(() =>
      (
        window as unknown as { __lym: { map: { getCenter(): { lng: number; lat: number } } } }
      ).__lym.map.getCenter(),
    );
    expect(back.lng).toBeCloseTo(103.3, 3);
    expect(back.lat).toBeCloseTo(36.4, 3);
    await page.emulateMedia({ media: 'screen' });
    await context.close();
  });

  it('restores the same walk and times from the share link', async () => {
    const { context, page } = await openPage(browser);
    await context.grantPermissions(['clipboard-read', 'clipboard-write']);
    await page.goto(`${base}?e2e#lang=en&p=tour&${WALK}&start=2024-10-01T20:00`);
    await waitForMapIdle(page);
    await expect.poll(() => page.locator('.tour-arrive').first().textContent()).toBe('arrive 20:00');
    expect(await page.locator('#tour-start-date').inputValue()).toBe('2024-10-01');
    expect(await page.locator('#tour-start-time').inputValue()).toBe('20:00');
    await page.locator('#tour-share').click();
    await expect.poll(() => page.locator('.notice-text').textContent()).toContain('Share link copied');
    const copied = await page.evaluate(() => navigator.clipboard.readText());
    expect(copied).toBe(page.url());
    const other = await context.newPage();
    await other.goto(copied);
    await waitForMapIdle(other);
    await expect
      .poll(() => other.locator('.tour-arrive').allTextContents())
      .toEqual(await page.locator('.tour-arrive').allTextContents());
    await context.close();
  });

  for (const lang of ['zh', 'en'] as const) {
    it(`has no serious or critical axe violations in the tour panel (${lang})`, async () => {
      const { context, page } = await openPage(browser);
      await page.goto(`${base}?e2e#lang=${lang}&p=tour&th=night&${WALK}`);
      await waitForMapIdle(page);
      await expect.poll(() => page.locator('.tour-open').count()).toBe(3);
      expect(await axeViolations(page), 'tour panel with a walk').toEqual([]);
      await page.locator('#tour-route').focus();
      expect(await page.evaluate(() => document.activeElement?.id)).toBe('tour-route');
      await page.goto(`${base}?e2e#lang=${lang}&p=tour`);
      await expect.poll(() => page.locator('.tour-message').count()).toBeGreaterThan(0);
      expect(await axeViolations(page), 'empty walk').toEqual([]);
      await context.close();
    });
  }

  it('lists published routes from data/night_routes.json, shows their source and reports bad entries', async () => {
    const { context, page } = await openPage(browser);
    // No real route can be shipped yet (no check-in spot has a verified location), so this test serves
    // its own file: a fictional route over the shipped places plus one broken entry. Test-only data.
    await page.route('**/data/night_routes.json', (route) =>
      route.fulfill({
        contentType: 'application/json',
        body: JSON.stringify({
          routes: [
            {
              id: 'e2e-fixture',
              name_zh: '端到端测试路线（虚构）',
              name_en: 'End-to-end test route (fictional)',
              suggested_by: { source: { title: 'e2e test fixture' } },
              stops: [
                { feature_id: SQUARE.id, dwell_min: 10 },
                { feature_id: STADIUM.id, dwell_min: 5 },
              ],
            },
            {
              id: 'broken',
              name_zh: '坏',
              name_en: 'Broken',
              stops: [{ feature_id: 'nowhere', dwell_min: 5 }],
            },
          ],
        }),
      }),
    );
    await page.goto(`${base}?e2e#lang=en&p=tour&th=day`);
    await waitForMapIdle(page);
    await expect
      .poll(() => page.locator('#tour-route option').allTextContents())
      .toEqual(['End-to-end test route (fictional) (official)', 'My walk (planned by you)']);
    expect(await page.locator('.tour-issues summary').textContent()).toBe('Problems in the routes file (2)');
    await page.locator('#tour-route').selectOption('e2e-fixture');
    await expect.poll(() => page.url()).toContain('tour=e2e-fixture');
    await expect
      .poll(() => page.locator('.tour-name').allTextContents())
      .toEqual(['Dongfanghong Square', 'Lanzhou Olympic Center Stadium']);
    expect(await page.locator('.tour-suggested').textContent()).toBe('Route source: e2e test fixture');
    // A published route is shown as is: no editing controls, but playback and exports.
    expect(await page.locator('#tour-up-1').count()).toBe(0);
    expect(await page.locator('#tour-add').count()).toBe(0);
    expect(await page.locator('#tour-play').count()).toBe(1);
    expect(await page.locator('.tour-arrive').allTextContents()).toEqual([
      'arrive 19:30',
      `arrive ${
        // 19:40 departure + the schematic leg.
        `${String(Math.floor((19 * 60 + 40 + LEG_MIN) / 60) % 24).padStart(2, '0')}:${String((19 * 60 + 40 + LEG_MIN) % 60).padStart(2, '0')}`
      }`,
    ]);
    // A link to a route that is not published falls back to the user's walk and says so.
    await page.goto(`${base}?e2e#lang=en&p=tour&tour=gone`);
    await expect
      .poll(() => page.locator('.tour-panel').textContent())
      .toContain('The route gone was not found');
    await context.close();
  });

  it('keeps the route in the part of a phone screen that the panel leaves free', async () => {
    const { context, page } = await openPage(browser, {
      viewport: { width: 390, height: 844 },
      isMobile: true,
    });
    await page.goto(`${base}?e2e#lang=zh&p=tour&th=night&${WALK}`);
    await waitForMapIdle(page);
    await expect.poll(() => page.locator('.tour-arrive').count()).toBe(3);
    await page.waitForTimeout(800);
    await settle(page);
    const panelTop = await page.locator('#side-panel').evaluate((e) => e.getBoundingClientRect().top);
    const mapTop = ((await page.locator('#map').boundingBox()) ?? { y: 0 }).y;
    for (const at of [STADIUM.at, SQUARE.at]) {
      const p = await project(page, at);
      expect(p.x).toBeGreaterThan(0);
      expect(p.x).toBeLessThan(390);
      expect(mapTop + p.y, 'stop above the panel').toBeLessThan(panelTop);
      expect(p.y).toBeGreaterThan(0);
    }
    await pageShot(page, 'tour-phone-zh');
    await context.close();
  });

  it('without WebGL still gives the timetable and the GPX, and says why there is no playback', async () => {
    const noGl = await launch({ webgl: false });
    try {
      const { page } = await openPage(noGl);
      await page.goto(`${base}#lang=en&${WALK}`);
      await page.locator('#toggle-tour').click();
      await expect
        .poll(() => page.locator('.tour-arrive').allTextContents())
        .toEqual(expectedArrivals('en').map((t) => `arrive ${t}`));
      expect(await page.locator('.tour-panel').textContent()).toContain(
        'Without WebGL there is no map or playback',
      );
      expect(await page.locator('#tour-play').count()).toBe(0);
      const [download] = await Promise.all([
        page.waitForEvent('download'),
        page.locator('#tour-gpx').click(),
      ]);
      expect(readFileSync((await download.path()) as string, 'utf8').match(/<wpt /g)).toHaveLength(3);
    } finally {
      await noGl.close();
    }
  });
});
