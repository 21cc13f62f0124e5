// Tourists on real places: a suggested Yellow River walk made from the live OSM places (the real
// Liechtenstein extract relocated over Lanzhou, served by a mocked Overpass; its river is the Rhine),
// then played, exported as GPX and printed; and what the view offers with the shipped data alone.

import { readFileSync } from 'node:fs';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { answerTileQuery, type OverpassFixture } from '../scripts/lib/overpass_fixture';
import { riverFileOf } from '../src/lib/river/river_file';
import { liveFixture } from '../src/lib/tour/suggest_test_support';
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
const osmBase = inject('osmBaseURL');
const fixture = JSON.parse(
  readFileSync('test/fixtures/overpass/liechtenstein_live.json', 'utf8'),
) as OverpassFixture;
const EP = new URL('overpass-a', base).href;
/** A bridge over the relocated Rhine from which a one-hour walk fits (src/lib/tour/suggest.test.ts). */
const START = 'osm-way-1300';
/** The one shipped metro station within reach of the relocated Rhine. */
const STATION = 'osm-node-6563941666';
const ROUTE_NIGHT = '#60a5fa';

let browser: Browser;
beforeAll(async () => {
  browser = await launch();
});
afterAll(async () => {
  await browser?.close();
});

/** Tomorrow's date on Lanzhou's clock, "YYYY-MM-DD" (the walk must not start in the past). */
function tomorrow(): string {
  return new Date(Date.now() + 8 * 3600_000 + 86_400_000).toISOString().slice(0, 10);
}

async function mockOverpass(page: Page): Promise<void> {
  await page.route(EP, async (route) => {
    const query = new URLSearchParams(route.request().postData() ?? '').get('data') ?? '';
    const { answer } = answerTileQuery(fixture, query);
    await route.fulfill({ status: 200, contentType: 'application/json', body: JSON.stringify(answer) });
  });
}

describe('suggested Yellow River walks', () => {
  it('online: suggest → swap → play → GPX → print, labelled as the map’s suggestion with its sources', async () => {
    const { context, page } = await openPage(browser);
    await mockOverpass(page);
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    await page.addInitScript(() => {
      const w = window as unknown as { __printed: number };
      w.__printed = 0;
      window.print = () => {
        w.__printed++;
      };
    });
    await page.goto(`${base}?e2e&overpass=/overpass-a#lang=en&p=tour&th=night&start=${tomorrow()}T19:30`);
    // The river and places arrive with the live download; the form offers the starts along the river.
    await expect
      .poll(() => page.locator('#tour-suggest-start option').count(), { timeout: 60_000 })
      .toBeGreaterThan(3);
    expect(await page.locator('#tour-suggest-start optgroup').first().getAttribute('label')).toBe(
      'Metro stations',
    );
    // The note names where the river came from: this visit's download from Overpass, with its dates.
    expect(await page.locator('.tour-suggest-origin').textContent()).toMatch(
      /^Note: the OpenStreetMap data downloaded live from Overpass on \d{4}-\d{2}-\d{2} \(data as of 2013-08-03\) has no river named Yellow River/,
    );
    // From the station no hour-long walk fits in the 2013 extract: the panel says so, with the longest.
    await page.locator('#tour-suggest-start').selectOption(STATION);
    await page.locator('#tour-suggest-length').selectOption('60');
    await page.locator('#tour-suggest-go').click();
    await expect
      .poll(() => page.locator('.tour-suggest .tour-message').last().textContent())
      .toMatch(/not enough places along the river from here to fill this length \(at most about \d+ min\)/);
    expect(await page.locator('.tour-row').count()).toBe(0);
    // From a bridge it does.
    await page.locator('#tour-suggest-start').selectOption(START);
    await page.locator('#tour-suggest-go').click();
    await expect.poll(() => page.locator('.tour-arrive').count()).toBeGreaterThanOrEqual(3);
    expect(decodeURIComponent(page.url())).toContain(`sug=60~${START}`);
    expect(await page.locator('.tour-suggested').textContent()).toBe('Suggested by this map (not official)');
    const summary = (await page.locator('.tour-summary').textContent()) ?? '';
    expect(summary).toContain('Suggested by this map from OpenStreetMap places, not an official route');
    expect(summary).toMatch(
      /© OpenStreetMap contributors, data as of 2013-08-03 \(downloaded live from Overpass on \d{4}-\d{2}-\d{2}\)/,
    );
    expect(summary).not.toContain('imported');
    // 60 min ± 10 %: the total line gives the whole evening.
    const total = (await page.locator('.tour-total').textContent()) ?? '';
    expect(total).toMatch(/\d/);
    const names = await page.locator('.tour-name').allTextContents();
    expect(names[0]).toBe('Under Rüttigass');
    // The last stop is the metro station (the walk ends near one).
    expect(names.at(-1)).toBe('Tumendun');
    await waitForMapIdle(page);
    await pageShot(page, 'tour-suggest-night-en');
    const shot = await mapShot(page, 'tour-suggest-map');
    expect(pixelStats(shot, [ROUTE_NIGHT], 30).matches[ROUTE_NIGHT] ?? 0).toBeGreaterThan(100);

    // Swap, remove, add: the schedule follows; the walk stays the map's suggestion.
    const swappable = page.locator('[id^="tour-swap-"]:not([disabled])');
    if ((await swappable.count()) > 0) {
      const before = await page.locator('.tour-name').allTextContents();
      await swappable.first().click();
      await expect.poll(() => page.locator('.tour-name').allTextContents()).not.toEqual(before);
    }
    const arrivals = await page.locator('.tour-arrive').allTextContents();
    await page.locator('#tour-remove-1').click();
    await expect.poll(() => page.locator('.tour-arrive').allTextContents()).not.toEqual(arrivals);
    const count = await page.locator('.tour-row').count();
    await page.locator('#tour-add-select').selectOption(START);
    await page.locator('#tour-add').click();
    await expect.poll(() => page.locator('.tour-arrive').count()).toBe(count + 1);
    expect(await page.locator('.tour-suggested').textContent()).toBe('Suggested by this map (not official)');

    // Play.
    if (await page.locator('.notice').isVisible()) await page.locator('.notice-close').click();
    const before = await mapShot(page, 'tour-suggest-play-0');
    await page.locator('#tour-play').click();
    await page.waitForTimeout(2500);
    const during = await mapShot(page, 'tour-suggest-play-1');
    expect(changedShare(before, during)).toBeGreaterThan(0.002);
    await page.locator('#tour-play').click();

    // GPX: well-formed GPX 1.1 with a waypoint per stop and the walk's track, labelled.
    const stops = await page.locator('.tour-row').count();
    const [download] = await Promise.all([page.waitForEvent('download'), page.locator('#tour-gpx').click()]);
    expect(download.suggestedFilename()).toMatch(/^suggested-walk-\d{4}-\d{2}-\d{2}\.gpx$/);
    const gpx = readFileSync((await download.path()) as string, 'utf8');
    const parsed = await page.evaluate((text) => {
      const doc = new DOMParser().parseFromString(text, 'application/xml');
      const ns = 'http://www.topografix.com/GPX/1/1';
      const pts = [...doc.getElementsByTagNameNS(ns, 'trkpt')].map((p) => [
        Number(p.getAttribute('lon')),
        Number(p.getAttribute('lat')),
      ]);
      return {
        error: doc.getElementsByTagName('parsererror').length,
        root: doc.documentElement.namespaceURI,
        version: doc.documentElement.getAttribute('version'),
        wpt: doc.getElementsByTagNameNS(ns, 'wpt').length,
        trkpt: pts.length,
        inLanzhou: pts.every(([x, y]) => x! > 103 && x! < 104.5 && y! > 35.5 && y! < 37),
      };
    }, gpx);
    expect(parsed).toEqual({
      error: 0,
      root: 'http://www.topografix.com/GPX/1/1',
      version: '1.1',
      wpt: stops,
      trkpt: parsed.trkpt,
      inLanzhou: true,
    });
    expect(parsed.trkpt).toBeGreaterThanOrEqual(stops);
    expect(gpx).toContain('Suggested by this map (not official)');
    expect(gpx).toContain('© OpenStreetMap contributors');
    expect(gpx).toMatch(/data as of 2013-08-03 \(downloaded live from Overpass on \d{4}-\d{2}-\d{2}\)/);

    // Print.
    await page.locator('#tour-print').click();
    await expect
      .poll(() => page.evaluate(() => (window as unknown as { __printed: number }).__printed))
      .toBe(1);
    await page.emulateMedia({ media: 'print' });
    const sheet = page.locator('#tour-print-sheet');
    expect(await sheet.locator('h1').textContent()).toBe('Suggested Yellow River evening walk');
    expect(await sheet.textContent()).toContain('not an official route');
    expect(await sheet.textContent()).toMatch(/\(downloaded live from Overpass on \d{4}-\d{2}-\d{2}\)/);
    expect(await sheet.locator('tbody tr').count()).toBe(stops);
    await pageShot(page, 'tour-suggest-print-en');
    await page.emulateMedia({ media: 'screen' });
    expect(errors).toEqual([]);
    expect(await cspViolations(page)).toEqual([]);

    // The share link opens the same walk, still labelled as suggested.
    const link = page.url();
    const again = await context.newPage();
    await again.goto(link);
    // The stops are live places, read back from this device's cache tile by tile before the walk can show
    // (measured 11–13 s after the page loaded on the loaded 2-core machine, original code and this alike).
    await expect.poll(() => again.locator('.tour-arrive').count(), { timeout: 45_000 }).toBe(stops);
    // Read back from the cache, the note says so.
    expect(await again.locator('.tour-suggest-origin').textContent()).toMatch(
      /^Note: the OpenStreetMap data downloaded \d{4}-\d{2}-\d{2} and kept in this device's cache \(data as of 2013-08-03\)/,
    );
    expect(await again.locator('.tour-summary').textContent()).toContain("kept in this device's cache)");
    expect(await again.locator('.tour-suggested').textContent()).toBe('Suggested by this map (not official)');
    await context.close();
  }, 240_000);

  it('with the OSM import and no live download: the imported river gives the suggestion', async () => {
    // The import's files hold the relocated real OSM: its places as candidates, its river ways as the
    // importer writes them (riverFileOf); Overpass is never asked.
    const live = liveFixture();
    const river = riverFileOf(
      live.riverWays.map((r) => ({ id: r.id, name: null, lines: [r.coords] })),
      { match: 'any', date: '2013-08-03' },
    );
    const blocked: string[] = [];
    const { context, page } = await openPage(browser, { blocked });
    const json = (body: unknown) => ({
      status: 200,
      contentType: 'application/json',
      body: JSON.stringify(body),
    });
    await page.route(`${osmBase}data/osm/candidates.geojson`, (r) =>
      r.fulfill(json({ type: 'FeatureCollection', features: live.features })),
    );
    await page.route(`${osmBase}data/osm/river.geojson`, (r) => r.fulfill(json(river)));
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    await page.goto(`${osmBase}?e2e#lang=en&p=tour&th=night&start=${tomorrow()}T19:30`);
    await expect
      .poll(() => page.locator('#tour-suggest-start option').count(), { timeout: 60_000 })
      .toBeGreaterThan(3);
    const text = (await page.locator('.tour-suggest').textContent()) ?? '';
    expect(text).not.toContain('Suggested walks need the Yellow River');
    // Nothing was downloaded: the note names the deployer's import and the extract's date.
    expect(await page.locator('.tour-suggest-origin').textContent()).toBe(
      "Note: the OpenStreetMap data imported by this site's deployer (data as of 2013-08-03) has no river named Yellow River; the walks follow the other rivers in it.",
    );
    expect(text).not.toMatch(/download/i);
    await page.locator('#tour-suggest-start').selectOption(START);
    await page.locator('#tour-suggest-length').selectOption('60');
    await page.locator('#tour-suggest-go').click();
    await expect.poll(() => page.locator('.tour-arrive').count()).toBeGreaterThanOrEqual(3);
    expect(decodeURIComponent(page.url())).toContain(`sug=60~${START}`);
    const names = await page.locator('.tour-name').allTextContents();
    expect([names[0], names.at(-1)]).toEqual(['Under Rüttigass', 'Tumendun']);
    // The walk's sources say the same in the panel, the GPX and the printed sheet.
    const imported = "© OpenStreetMap contributors, data as of 2013-08-03 (imported by this site's deployer)";
    const summary = (await page.locator('.tour-summary').textContent()) ?? '';
    expect(summary).toContain(imported);
    expect(summary).not.toMatch(/download/i);
    const [download] = await Promise.all([page.waitForEvent('download'), page.locator('#tour-gpx').click()]);
    const gpx = readFileSync((await download.path()) as string, 'utf8');
    expect(gpx).toContain(imported);
    expect(gpx).not.toMatch(/downloaded/i);
    await page.evaluate(() => {
      window.print = () => undefined;
    });
    await page.locator('#tour-print').click();
    const sheet = page.locator('#tour-print-sheet');
    await expect.poll(() => sheet.textContent()).toContain(imported);
    expect(await sheet.textContent()).not.toMatch(/download/i);
    await waitForMapIdle(page);
    const shot = await mapShot(page, 'tour-suggest-import-map');
    expect(pixelStats(shot, [ROUTE_NIGHT], 30).matches[ROUTE_NIGHT] ?? 0).toBeGreaterThan(100);
    // In Chinese too.
    await page.evaluate(() => {
      location.hash = location.hash.replace('lang=en', 'lang=zh');
    });
    await expect
      .poll(() => page.locator('.tour-suggest-origin').textContent())
      .toBe(
        '注意：本站部署者导入的 OpenStreetMap 数据（数据截至 2013-08-03）中没有名为“黄河”的河流，建议路线沿的是其中的其他河流。',
      );
    expect(await page.locator('.tour-summary').textContent()).toContain(
      '© OpenStreetMap contributors，数据截至 2013-08-03（本站部署者导入）',
    );
    expect(blocked.filter((u) => u.includes('overpass'))).toEqual([]);
    expect(errors).toEqual([]);
    await context.close();
  }, 120_000);

  it('with the OSM import whose river file is broken: the panel says so, the rest of the import stays', async () => {
    const { context, page } = await openPage(browser);
    await page.route(`${osmBase}data/osm/river.geojson`, (r) =>
      r.fulfill({
        status: 200,
        contentType: 'application/json',
        body: JSON.stringify({
          type: 'FeatureCollection',
          match: 'any',
          attribution: '© OpenStreetMap contributors',
          features: [{ type: 'Feature', properties: {}, geometry: { type: 'Point', coordinates: [1, 2] } }],
        }),
      }),
    );
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    await page.goto(`${osmBase}?e2e#lang=en&p=layers`);
    const note = page.locator('.live-panel .live-note');
    await expect
      .poll(() => note.textContent(), { timeout: 30_000 })
      .toContain("The import's river file could not be read (river file: feature 0 has no OSM way id)");
    // The import's places are still listed (a fixture park), and the tour explains what it waits for.
    await page.goto(`${osmBase}?e2e#lang=en&p=tour&th=night`);
    await page.reload();
    await expect
      .poll(() => page.locator('.tour-suggest').textContent(), { timeout: 30_000 })
      .toContain('Suggested walks need the Yellow River');
    expect(await page.locator('#tour-add-select option[value="osm-way-2005"]').count()).toBe(1);
    expect(errors).toEqual([]);
    await context.close();
  }, 90_000);

  it('offline (shipped data only): explains what it needs and offers the metro stations and shipped places', async () => {
    const { context, page } = await openPage(browser);
    await page.goto(`${base}?e2e#lang=zh&p=tour&th=night`);
    await expect.poll(() => page.locator('.tour-suggest .tour-message').count(), { timeout: 30_000 }).toBe(1);
    const text = (await page.locator('.tour-suggest').textContent()) ?? '';
    expect(text).toContain('建议路线需要 OpenStreetMap 中的黄河河道和沿河地点');
    expect(text).toMatch(/本图自带的 27 个地铁站和 \d+ 个地点/);
    expect(await page.locator('#tour-suggest-go').count()).toBe(0);
    // The builder offers every shipped metro station.
    const options = await page
      .locator('#tour-add-select option')
      .evaluateAll((o) => o.map((x) => (x as HTMLOptionElement).value));
    expect(options.filter((id) => id.startsWith('osm-node-')).length).toBe(27);
    await pageShot(page, 'tour-suggest-offline-zh');
    await context.close();
  });
});
