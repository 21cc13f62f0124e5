// Planners: a WorldPop-style GeoTIFF population, read by geotiff.js in the coverage worker, switches the figures to people.

import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { buildGrid, cellAt, districtShapes } from '../src/lib/coverage/grid';
import { writeTestTiff } from '../src/lib/coverage/tiff_test_support';
import type { DistrictCollectionLike } from '../src/lib/districts';
import { launch, openPage, pageShot } from './browser';

const base = inject('baseURL');
let browser: Browser;
let dir: string;
beforeAll(async () => {
  browser = await launch();
  dir = mkdtempSync(join(tmpdir(), 'lym-population-'));
});
afterAll(async () => {
  await browser?.close();
  rmSync(dir, { recursive: true, force: true });
});

/** Console errors other than the blocked internet (the test network is localhost only). */
const realErrors = (errors: string[]) => errors.filter((e) => !/ERR_INTERNET_DISCONNECTED/.test(e));

// An invented 6 × 4 raster of 0.02° pixels over Qilihe, Chengguan and Anning (north of the river); the
// first pixel of its second row is centred about 40 m from the one mapped fitness site (the Olympic
// Center stadium). -99999 is WorldPop's no-data value. Whole numbers, so the panel shows them exactly.
const WIDTH = 6;
const HEIGHT = 4;
const WEST = 103.676;
const NORTH = 36.118;
const SIZE = 0.02;
const NODATA = -99999;
const VALUES = [
  1200,
  850,
  NODATA,
  40,
  0,
  3100,
  2600,
  -7,
  910,
  4400,
  1750,
  620,
  300,
  5200,
  2250,
  0,
  1400,
  980,
  75,
  660,
  NODATA,
  3300,
  2100,
  150,
];

/** Deflate with the floating-point predictor in strips of 2 rows, as GDAL writes WorldPop-style files. */
function tiff(): Buffer {
  return Buffer.from(
    writeTestTiff({
      width: WIDTH,
      height: HEIGHT,
      values: VALUES,
      west: WEST,
      north: NORTH,
      size: SIZE,
      noData: String(NODATA),
      compression: 8,
      predictor: 3,
      rowsPerStrip: 2,
    }),
  );
}

/** Share (0–1) of a district row's 15-minute column, read from the table text. */
async function share15(page: Page, adcode: string): Promise<number> {
  const text = await page
    .locator(`#cov-table tr[data-adcode="${adcode}"] td .cov-share`)
    .nth(2)
    .textContent();
  return Number((text ?? '').replace('%', '')) / 100;
}

describe('population from a GeoTIFF (planner)', () => {
  it('reads a WorldPop-style GeoTIFF into population figures, and keeps them over a broken file', async () => {
    // What the raster says, worked out here: every pixel with people, and those whose centre is in no
    // cell of the chosen districts' H3 grid (built from the districts file the app itself loads).
    const districts = (await (await fetch(`${base}data/districts.geojson`)).json()) as DistrictCollectionLike;
    const grid = buildGrid(districtShapes(districts), ['620102', '620103'], { kind: 'h3', resolution: 9 });
    let points = 0;
    let total = 0;
    let outside = 0;
    VALUES.forEach((v, k) => {
      if (!(v > 0)) return;
      points++;
      total += v;
      const lon = WEST + ((k % WIDTH) + 0.5) * SIZE;
      const lat = NORTH - (Math.floor(k / WIDTH) + 0.5) * SIZE;
      if (cellAt(grid, lon, lat) < 0) outside += v;
    });
    // The raster must straddle the chosen districts for the test to mean anything.
    expect(outside).toBeGreaterThan(0);
    expect(outside).toBeLessThan(total);
    const file = join(dir, 'worldpop_lanzhou.tif');
    writeFileSync(file, tiff());

    const errors: string[] = [];
    const { context, page } = await openPage(browser, { errors });
    // geotiff.js is loaded only for a GeoTIFF (a chunk of its own when workers are built as ES modules).
    const geotiffChunks: string[] = [];
    page.on('request', (r) => {
      if (/\/geotiff-[^/]*\.js$/.test(r.url())) geotiffChunks.push(r.url());
    });
    await page.goto(
      `${base}?e2e#bm=offline&map=12/36.07/103.76&lang=en&p=coverage&cov=fitness_site&res=h9&cd=620102,620103`,
    );
    await expect.poll(() => page.locator('#cov-table').count(), { timeout: 60_000 }).toBe(1);
    expect(await page.locator('#cov-table caption').textContent()).toContain('by area');
    expect(await page.locator('#cov-pop-file').getAttribute('accept')).toMatch(/\.tif\b.*\.tiff\b/);
    expect(await page.locator('label[for="cov-pop-file"]').textContent()).toMatch(/CSV.*GeoTIFF/);

    expect(geotiffChunks).toEqual([]);
    await page.locator('#cov-pop-file').setInputFiles(file);
    await expect
      .poll(() => page.locator('#cov-table caption').textContent(), { timeout: 30_000 })
      .toContain('by population');
    // ... and was loaded for it: exactly one geotiff chunk, fetched after the upload.
    expect(geotiffChunks).toHaveLength(1);
    const fmt = (v: number) => v.toLocaleString('en', { maximumFractionDigits: 0 });
    expect(await page.locator('#cov-pop-summary').textContent()).toBe(
      `worldpop_lanzhou.tif: ${points} points, ${fmt(total)} people, ${fmt(outside)} of them outside the selected districts’ cells.`,
    );
    expect(await page.locator('.cov-population .cov-error').count()).toBe(0);
    // Some of the people (those of the pixel at the stadium) live within 15 minutes of it.
    const city = await share15(page, 'city');
    expect(city).toBeGreaterThan(0);
    expect(city).toBeLessThan(1);
    await pageShot(page, 'population-geotiff-en');

    // A broken "GeoTIFF": a translated error, and the figures stay by the population already loaded.
    await page.locator('#cov-pop-file').setInputFiles({
      name: 'broken.tif',
      mimeType: 'image/tiff',
      buffer: Buffer.from('II*\u0000 this is not really a TIFF file'),
    });
    await expect
      .poll(() => page.locator('.cov-population .cov-error').textContent(), { timeout: 30_000 })
      .toContain('broken.tif: the GeoTIFF could not be read');
    expect(await page.locator('.cov-population .cov-error').textContent()).not.toContain('plan.cov');
    expect(await page.locator('#cov-table caption').textContent()).toContain('by population');
    expect(await share15(page, 'city')).toBe(city);
    // The loaded population is still listed (and removable), not replaced by the broken file.
    expect(await page.locator('#cov-pop-summary').textContent()).toContain('worldpop_lanzhou.tif');
    await page.locator('#lang-switch').click();
    await expect
      .poll(() => page.locator('.cov-population .cov-error').textContent())
      .toContain('broken.tif：无法读取 GeoTIFF');
    expect(await page.locator('#cov-table caption').textContent()).toContain('按人口');
    expect(realErrors(errors)).toEqual([]);
    await context.close();
  });
});
