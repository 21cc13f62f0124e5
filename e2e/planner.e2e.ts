// Planners: 15-minute coverage grid, figures by district, what-if sites, gaps, exports, the fitness circle.

import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import type { Browser, Page } from 'playwright-core';
import { PNG } from 'pngjs';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import {
  changedShare,
  clickLngLat,
  cspViolations,
  launch,
  mapShot,
  openPage,
  pageShot,
  SHOTS_DIR,
  waitForMapIdle,
} from './browser';

const base = inject('baseURL');
let browser: Browser;
beforeAll(async () => {
  browser = await launch();
});
afterAll(async () => {
  await browser?.close();
});

/** Console errors other than the blocked internet (the test network is localhost only). */
const realErrors = (errors: string[]) => errors.filter((e) => !/ERR_INTERNET_DISCONNECTED/.test(e));

/** Share (0–1) of a district row's 15-minute column, read from the table text. */
async function share15(page: Page, adcode: string): Promise<number> {
  const text = await page
    .locator(`#cov-table tr[data-adcode="${adcode}"] td .cov-share`)
    .nth(2)
    .textContent();
  return Number((text ?? '').replace('%', '')) / 100;
}

describe('coverage (planner)', () => {
  it('computes the grid in a worker, labels everything as estimated and by area, and draws the cells', async () => {
    const errors: string[] = [];
    const { context, page } = await openPage(browser, { errors });
    const view = 'map=11.5/36.07/103.74&lang=en';
    await page.goto(`${base}?e2e#bm=offline&${view}&p=layers`);
    await waitForMapIdle(page);
    const plain = await mapShot(page, 'planner-plain');
    await page.goto(
      `${base}?e2e#bm=offline&${view}&p=coverage&cov=fitness_site&res=h9&cd=620102,620103,620104,620105`,
    );
    await expect.poll(() => page.locator('#cov-table').count(), { timeout: 60_000 }).toBe(1);
    // Honesty: no street graph ships, no population is loaded, and only 30 places are mapped (3 cited
    // places and the 27 metro stations).
    expect(await page.locator('.cov-method').textContent()).toContain('Every walking time is an estimate');
    expect(await page.locator('.cov-basis').textContent()).toContain('by area');
    expect(await page.locator('#cov-table caption').textContent()).toContain('by area');
    expect(await page.locator('.cov-data-note').textContent()).toContain('Only 30 sourced places');
    expect(await page.locator('.cov-count').textContent()).toContain('Facilities counted: 1');
    // The one mapped fitness site (the Olympic Center stadium) is in Qilihe: some of Qilihe is covered,
    // the city share is small, and Xigu (far to the west) has nothing within 15 minutes.
    expect(await share15(page, '620103')).toBeGreaterThan(0);
    const city = await share15(page, 'city');
    expect(city).toBeGreaterThan(0);
    expect(city).toBeLessThan(0.05);
    expect(await share15(page, '620104')).toBe(0);
    expect(await page.locator('#cov-scores-none').textContent()).toContain('No youth apartments');
    // No apartment, no apartment-scores file (it would be a header alone); H3 cells can go as indexes only.
    expect(await page.locator('#cov-export-scores').count()).toBe(0);
    expect(await page.locator('#cov-export-cell_ids').count()).toBe(1);
    expect(await page.locator('.cov-cluster').count()).toBeGreaterThan(0);
    // Every uncovered area names the districts it spans, with their shares, and its centre: the largest
    // runs across several districts, and no two areas read the same.
    const gaps = await page.locator('.cov-cluster').allTextContents();
    expect(gaps[0]).toMatch(/^[A-Z][a-z]+ \(\d+%\)(, [A-Z][a-z]+ \((\d+|<1)%\))+: /);
    for (const g of gaps) expect(g).toMatch(/, centre 10[34]\.\d{4}, 3[56]\.\d{4}$/);
    expect(new Set(gaps).size).toBe(gaps.length);
    // The cells of the four central districts at H3 res 9 as GeoJSON: 14.1 MB before coordinates were
    // rounded and empty members dropped.
    const [cellsFile] = await Promise.all([
      page.waitForEvent('download'),
      page.locator('#cov-export-cells').click(),
    ]);
    const cellBytes = readFileSync((await cellsFile.path()) as string);
    const [idsFile] = await Promise.all([
      page.waitForEvent('download'),
      page.locator('#cov-export-cell_ids').click(),
    ]);
    const idBytes = readFileSync((await idsFile.path()) as string);
    console.log(
      `cells of four districts at h9: GeoJSON ${cellBytes.length} bytes, H3 CSV ${idBytes.length} bytes`,
    );
    expect(cellBytes.length).toBeLessThan(6_000_000);
    const ids = idBytes.toString('utf8').split('\r\n');
    expect(ids[0]).toContain('H3 index');
    expect(ids.length - 1).toBe(JSON.parse(cellBytes.toString('utf8')).features.length);
    await waitForMapIdle(page);
    // Give the deck.gl overlay (loaded lazily) a moment to draw.
    await expect
      .poll(async () => changedShare(plain, await mapShot(page, 'planner-cells')), { timeout: 30_000 })
      .toBeGreaterThan(0.3);
    await pageShot(page, 'planner-coverage-en');
    await page.locator('#cov-table').scrollIntoViewIfNeeded();
    await pageShot(page, 'planner-table-en');
    // A category with nothing mapped says so instead of showing empty coverage as a result.
    await page.locator('#cov-category').selectOption('study_room');
    await expect.poll(() => page.url()).toContain('cov=study_room');
    await expect.poll(() => page.locator('#cov-none').count()).toBe(1);
    expect(await share15(page, 'city')).toBe(0);
    expect(realErrors(errors)).toEqual([]);
    expect(await cspViolations(page)).toEqual([]);
    await context.close();
  });

  it('adds, moves into the URL and removes what-if sites; shows the change and the marginal contribution', async () => {
    const errors: string[] = [];
    const { context, page } = await openPage(browser, { errors });
    await page.goto(
      `${base}?e2e#bm=offline&map=13/36.06/103.80&lang=zh&p=coverage&cov=fitness_site&res=h9&cd=620102,620103`,
    );
    await expect.poll(() => page.locator('#cov-table').count(), { timeout: 60_000 }).toBe(1);
    const before = await share15(page, '620102');
    await page.locator('#cov-add-site').click();
    expect(await page.locator('#cov-add-site').getAttribute('aria-pressed')).toBe('true');
    await waitForMapIdle(page);
    await clickLngLat(page, [103.8, 36.06]);
    await expect.poll(() => page.url()).toMatch(/ws=fitness_site:103\.8\d*,36\.06\d*/);
    await expect.poll(() => page.locator('.cov-delta').count(), { timeout: 30_000 }).toBeGreaterThan(0);
    expect(await share15(page, '620102')).toBeGreaterThan(before);
    expect(await page.locator('.cov-marker').count()).toBe(1);
    expect(await page.locator('.cov-method').textContent()).toContain('估算');
    await pageShot(page, 'planner-whatif-zh');
    // A shared link restores the scenario.
    const other = await context.newPage();
    await other.goto(page.url());
    await expect.poll(() => other.locator('.cov-delta').count(), { timeout: 60_000 }).toBeGreaterThan(0);
    await other.close();
    // Marginal contribution: the stadium and the proposed site, each with what closing it would lose.
    await page.locator('#cov-marginal-run').click();
    await expect.poll(() => page.locator('#cov-marginal-table tbody tr').count()).toBe(2);
    expect(await page.locator('#cov-marginal-table').textContent()).toContain('设想');
    // Remove the site: back to today.
    await page.locator('.cov-remove').click();
    await expect.poll(() => page.url()).not.toContain('ws=');
    await expect.poll(() => page.locator('.cov-delta').count()).toBe(0);
    expect(await page.locator('.cov-marker').count()).toBe(0);
    expect(realErrors(errors)).toEqual([]);
    await context.close();
  });

  it('switches every figure to population once a population CSV is loaded, and counts young people at a given share', async () => {
    const errors: string[] = [];
    const { context, page } = await openPage(browser, { errors });
    await page.goto(
      `${base}?e2e#bm=offline&map=13/36.085/103.69&lang=en&p=coverage&cov=fitness_site&res=h9&cd=620103,620105`,
    );
    await expect.poll(() => page.locator('#cov-table').count(), { timeout: 60_000 }).toBe(1);
    expect(await page.locator('#cov-table caption').textContent()).toContain('by area');
    // Invented test points: 1,000 people next to the stadium, 3,000 far from it in Anning.
    const csv = 'lon,lat,pop\n103.6905,36.0845,1000\n103.7400,36.1000,3000\n';
    await page
      .locator('#cov-pop-file')
      .setInputFiles({ name: 'pop.csv', mimeType: 'text/csv', buffer: Buffer.from(csv) });
    await expect
      .poll(() => page.locator('#cov-table caption').textContent(), { timeout: 30_000 })
      .toContain('by population');
    expect(await page.locator('.cov-basis').count()).toBe(0);
    expect(await page.locator('#cov-pop-summary').textContent()).toContain('4,000 people');
    // A quarter of the selected districts' people live within 15 minutes (as estimated).
    expect(await share15(page, 'city')).toBeCloseTo(0.25, 3);
    await page.locator('#cov-youth').fill('30');
    await page.locator('#cov-youth').press('Enter');
    await page.locator('#cov-youth').blur();
    await expect
      .poll(() => page.locator('#cov-youth-line').textContent())
      .toContain('about 1,200 young people');
    expect(await page.locator('#cov-youth-line').textContent()).toContain('about 300 of them within 15 min');
    // A site added from the keyboard (at the map centre) lands in the link.
    await page.locator('#cov-add-centre').click();
    await expect.poll(() => page.url()).toMatch(/ws=fitness_site:103\.69/);
    await pageShot(page, 'planner-population-en');
    expect(realErrors(errors)).toEqual([]);
    await context.close();
  });

  it('exports the district table as UTF-8 CSV with a BOM and the cells as GeoJSON', async () => {
    const { context, page } = await openPage(browser);
    await page.goto(
      `${base}?e2e#bm=offline&map=12/36.06/103.80&lang=zh&p=coverage&cov=fitness_site&res=h8&cd=620102,620103`,
    );
    await expect.poll(() => page.locator('#cov-table').count(), { timeout: 60_000 }).toBe(1);
    const [csv] = await Promise.all([
      page.waitForEvent('download'),
      page.locator('#cov-export-districts').click(),
    ]);
    const bytes = readFileSync((await csv.path()) as string);
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const text = bytes.toString('utf8');
    expect(text).toContain('七里河区');
    expect(text).toContain('按面积');
    expect(text).toContain('估算');
    const [geo] = await Promise.all([
      page.waitForEvent('download'),
      page.locator('#cov-export-cells').click(),
    ]);
    const fc = JSON.parse(readFileSync((await geo.path()) as string, 'utf8'));
    expect(fc.metadata).toMatchObject({ method: 'estimate', basis: 'area', grid: 'h8' });
    expect(fc.features.length).toBeGreaterThan(100);
    expect(fc.features[0].properties).toHaveProperty('class_fitness_site');
    // Coordinates to 5 decimals (≈1 m), and no empty member.
    for (const f of fc.features) {
      for (const v of Object.values(f.properties)) expect(v).not.toBeNull();
      for (const xy of f.geometry.coordinates[0])
        for (const v of xy) expect(String(v)).toMatch(/^\d+(\.\d{1,5})?$/);
    }
    await context.close();
  });

  it('downloads the map as a PNG with title, legend and sources, and prints an A4 report in the chosen language', async () => {
    const errors: string[] = [];
    const { context, page } = await openPage(browser, { errors });
    await context.addInitScript(() => {
      const w = window as unknown as { __printed: number };
      w.__printed = 0;
      window.print = () => {
        w.__printed++;
      };
    });
    // `live`: no preserved drawing buffer, so the picture is read the way the app reads it for everyone.
    await page.goto(
      `${base}?e2e&live#bm=offline&map=12.5/36.085/103.70&lang=zh&p=coverage&cov=fitness_site&res=h9&cd=620103,620105&ws=fitness_site:103.72,36.095`,
    );
    await expect.poll(() => page.locator('.cov-delta').count(), { timeout: 60_000 }).toBeGreaterThan(0);
    await waitForMapIdle(page);
    // What the screen shows (deck.gl cells over the map) once it stops changing, to compare with the picture.
    let shot = await mapShot(page, 'planner-png-screen');
    await expect
      .poll(
        async () => {
          const next = await mapShot(page, 'planner-png-screen');
          const share = changedShare(shot, next);
          shot = next;
          return share;
        },
        { timeout: 30_000, interval: 700 },
      )
      .toBeLessThan(0.001);
    const screen = PNG.sync.read(shot);

    await page.locator('#cov-export-png').scrollIntoViewIfNeeded();
    await pageShot(page, 'planner-export-controls-zh');
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.locator('#cov-export-png').click(),
    ]);
    expect(download.suggestedFilename()).toMatch(/^coverage-map-fitness_site-h9-whatif-\d{8}-\d{4}\.png$/);
    const bytes = readFileSync((await download.path()) as string);
    mkdirSync(SHOTS_DIR, { recursive: true });
    writeFileSync(`${SHOTS_DIR}/planner-export.png`, bytes);
    const pic = PNG.sync.read(bytes);
    // The map at the paper size (1280 × 800, src/map/paper_map.ts), with a title band above and the sources
    // below it. The screen's map is as wide and a little less tall: the same zoom, around the same centre.
    expect(pic.width).toBe(1280);
    expect(screen.width).toBe(1280);
    expect(pic.height).toBeGreaterThan(800 + 80);
    const top = 58 + Math.round((800 - screen.height) / 2);
    // The map part of the picture shows what the screen shows: compare right of the panel (which covers
    // the map's left part on screen) and away from the map controls (top right, bottom); most pixels agree.
    let same = 0;
    let compared = 0;
    for (let y = 60; y < screen.height - 200; y++) {
      for (let x = 330; x < screen.width - 60; x++) {
        const i = (y * screen.width + x) * 4;
        const j = ((y + top) * pic.width + x) * 4;
        compared++;
        if (
          [0, 1, 2].every((c) => Math.abs((screen.data[i + c] as number) - (pic.data[j + c] as number)) <= 24)
        )
          same++;
      }
    }
    expect(same / compared).toBeGreaterThan(0.85);
    // The title band is white with dark text.
    let white = 0;
    let dark = 0;
    const band = 58;
    for (let y = 0; y < band; y++) {
      for (let x = 0; x < pic.width; x++) {
        const j = (y * pic.width + x) * 4;
        const v = ((pic.data[j] as number) + (pic.data[j + 1] as number) + (pic.data[j + 2] as number)) / 3;
        if (v > 245) white++;
        else if (v < 100) dark++;
      }
    }
    expect(white / (band * pic.width)).toBeGreaterThan(0.8);
    expect(dark).toBeGreaterThan(200);
    await expect
      .poll(() => page.locator('.notice').textContent())
      .toContain('coverage-map-fitness_site-h9-whatif-');

    // The report, printed in English from the Chinese interface.
    await page.locator('#cov-report-lang').selectOption('en');
    await page.locator('#cov-report-print').click();
    await expect
      .poll(() => page.evaluate(() => (window as unknown as { __printed: number }).__printed))
      .toBe(1);
    // "Save as PDF" is named after the report while printing.
    expect(await page.title()).toMatch(/^Lanzhou 15-minute walking coverage report \d{8}-\d{4}$/);
    await page.emulateMedia({ media: 'print' });
    const sheet = page.locator('#cov-report-sheet');
    expect(await sheet.isVisible()).toBe(true);
    expect(await page.locator('#app').isVisible()).toBe(false);
    expect(await sheet.locator('h1').textContent()).toBe('Lanzhou 15-minute walking coverage report');
    expect(await sheet.getAttribute('lang')).toBe('en');
    const findings = (await sheet.locator('#cov-report-findings').textContent()) ?? '';
    expect(findings).toContain('can walk to fitness and sports within 15 min');
    expect(findings).toContain('With the proposed site, ');
    // The district table has both districts and the total, with the change column.
    expect(await sheet.locator('#cov-report-districts tbody tr').count()).toBe(3);
    expect(await sheet.locator('#cov-report-districts thead').textContent()).toContain('Change at 15 min');
    expect(await sheet.locator('#cov-report-targets tbody tr').count()).toBeGreaterThan(10);
    expect(await sheet.textContent()).toContain('Every walking time is an estimate');
    expect(await sheet.textContent()).toContain('Wikipedia');
    const img = sheet.locator('img.cov-report-map');
    expect(await img.evaluate((el) => (el as HTMLImageElement).naturalWidth)).toBe(pic.width);
    // Roughly an A4 page's width at 96 dpi, to look at the whole sheet.
    await page.setViewportSize({ width: 794, height: 1123 });
    mkdirSync(SHOTS_DIR, { recursive: true });
    writeFileSync(`${SHOTS_DIR}/planner-report-en.png`, await page.screenshot({ fullPage: true }));
    // On paper: A4 pages, and the report fits on a few of them.
    const pdf = await page.pdf({ preferCSSPageSize: true, printBackground: true });
    writeFileSync('test-results/planner-report-en.pdf', pdf);
    const text = pdf.toString('latin1');
    const boxes = [...text.matchAll(/\/MediaBox\s*\[\s*0 0 ([\d.]+) ([\d.]+)\s*\]/g)];
    expect(boxes.length).toBeGreaterThan(0);
    for (const [, w, h] of boxes) {
      expect(Number(w)).toBeCloseTo(595.3, 0);
      expect(Number(h)).toBeCloseTo(841.9, 0);
    }
    const pages = (text.match(/\/Type\s*\/Page[^s]/g) ?? []).length;
    expect(pages).toBeLessThanOrEqual(4);
    // Printing ends: the app is back as it was.
    await page.evaluate(() => window.dispatchEvent(new Event('afterprint')));
    expect(await page.locator('#cov-report-sheet').count()).toBe(0);
    expect(await page.locator('body.printing-report').count()).toBe(0);
    expect(await page.title()).not.toContain('report');
    expect(realErrors(errors)).toEqual([]);
    expect(await cspViolations(page)).toEqual([]);
    await context.close();
  });

  it('times the coverage on the street network downloaded in tiles (mocked Overpass): the river forces the walk to the footbridge', async () => {
    // South bank, west, of the invented river fixture: 0.66 km from the stadium as the crow flies (≈11 min
    // estimated), but the only walkable crossing is the footbridge ≈0.8 km east.
    const spot: [number, number] = [103.6857, 36.0818];
    const hash = `#bm=offline&map=15/36.085/103.69&lang=en&p=coverage&cov=fitness_site&res=h9&cd=620103`;
    const cellAt = async (page: Page) => {
      const [geo] = await Promise.all([
        page.waitForEvent('download'),
        page.locator('#cov-export-cells').click(),
      ]);
      const fc = JSON.parse(readFileSync((await geo.path()) as string, 'utf8'));
      const inside = (ring: number[][]) => {
        let k = false;
        for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) {
          const [xi, yi] = ring[i] as [number, number];
          const [xj, yj] = ring[j] as [number, number];
          if (yi > spot[1] !== yj > spot[1] && spot[0] < ((xj - xi) * (spot[1] - yi)) / (yj - yi) + xi)
            k = !k;
        }
        return k;
      };
      const cell = fc.features.find((f: { geometry: { coordinates: number[][][] } }) =>
        inside(f.geometry.coordinates[0] as number[][]),
      );
      return { metadata: fc.metadata, cell: cell.properties as Record<string, string | number | null> };
    };
    /** Mean colour of a 7 × 7 patch of the map picture at the spot. */
    const colourAt = async (page: Page, name: string) => {
      await waitForMapIdle(page);
      const p = await page.evaluate(
        (ll) =>
          (
            window as unknown as {
              __lym: { map: { project(x: [number, number]): { x: number; y: number } } };
            }
          ).__lym.map.project(ll),
        spot,
      );
      const img = PNG.sync.read(await mapShot(page, name));
      const sum = [0, 0, 0];
      for (let dy = -3; dy <= 3; dy++)
        for (let dx = -3; dx <= 3; dx++) {
          const i = ((Math.round(p.y) + dy) * img.width + Math.round(p.x) + dx) * 4;
          for (let c = 0; c < 3; c++) sum[c] = (sum[c] as number) + (img.data[i + c] as number) / 49;
        }
      return sum as [number, number, number];
    };

    // Offline first: the estimate.
    const offline = await openPage(browser);
    await offline.page.goto(`${base}?e2e${hash}`);
    await expect.poll(() => offline.page.locator('#cov-table').count(), { timeout: 60_000 }).toBe(1);
    await expect
      .poll(() => offline.page.locator('.cov-net-failed').count(), { timeout: 30_000 })
      .toBeGreaterThan(0);
    expect(await offline.page.locator('#cov-net').textContent()).toContain('offline');
    expect(await offline.page.locator('.cov-legend-basis').textContent()).toContain(
      'by estimated walking time',
    );
    const est = await cellAt(offline.page);
    expect(est.metadata.method).toBe('estimate');
    expect(est.cell.method).toBe('estimate');
    const estMin = est.cell.min_fitness_site as number;
    expect(estMin).toBeGreaterThan(5);
    expect(estMin).toBeLessThan(15);
    await offline.page.locator('#map').scrollIntoViewIfNeeded();
    const estColour = await colourAt(offline.page, 'planner-network-estimate');
    await offline.context.close();

    // Online through the mocked endpoint: every tile gets the invented answer (joined by OSM id, it is one network).
    const posts: string[] = [];
    const errors: string[] = [];
    const { context, page } = await openPage(browser, { errors });
    await page.route('https://overpass-api.de/api/interpreter', (route) => {
      const body = route.request().postData() ?? '';
      // The live facilities download (`out tags bb` tile queries) gets an empty answer: this test counts
      // and answers the street-network tiles only.
      if ((new URLSearchParams(body).get('data') ?? '').includes('out tags bb'))
        return route.fulfill({
          status: 200,
          contentType: 'application/json',
          headers: { 'access-control-allow-origin': '*' },
          body: JSON.stringify({
            version: 0.6,
            osm3s: { timestamp_osm_base: '2026-11-30T00:00:00Z' },
            elements: [],
          }),
        });
      posts.push(body);
      return route.fulfill({
        status: 200,
        contentType: 'application/json',
        headers: { 'access-control-allow-origin': '*' },
        body: readFileSync('test/fixtures/overpass/river_bridge_grid.json', 'utf8'),
      });
    });
    const t0 = Date.now();
    await page.goto(`${base}?e2e${hash}`);
    await expect
      .poll(() => page.locator('.cov-legend-basis').textContent(), { timeout: 120_000 })
      .toContain('network time for');
    const elapsed = Date.now() - t0;
    const net = (await page.locator('#cov-net').textContent()) ?? '';
    // Qilihe needs more tiles than the cap: the panel says so and names what stays on the estimate.
    expect(net).toContain('Street network: 60 tiles');
    expect(net).toMatch(/need \d+ tiles, over the limit of 60/);
    expect(net).toContain('Qilihe');
    expect(posts).toHaveLength(60);
    const queries = posts.map((p) => new URLSearchParams(p).get('data') ?? '');
    expect(
      queries.every((q) =>
        /way\["highway"\].*\(3[56]\.\d{6},10[34]\.\d{6},3[56]\.\d{6},10[34]\.\d{6}\)/.test(q),
      ),
    ).toBe(true);
    expect(new Set(queries).size).toBe(60);
    expect(await page.locator('.cov-method').textContent()).toContain('along the street network');
    const onNet = await cellAt(page);
    expect(onNet.metadata.method).toBe('mixed');
    expect(onNet.cell.method).toBe('network');
    // Over the footbridge the stadium is beyond 15 minutes (or at least far slower than estimated).
    // Beyond the horizon the cell has no minutes member (the export leaves empty members out).
    const netMin = onNet.cell.min_fitness_site;
    expect(netMin === undefined || (netMin as number) > estMin + 5).toBe(true);
    expect(onNet.cell.class_fitness_site).toBe('>15');
    // What is drawn there changes too: the 10–15 min green of the estimate becomes the "over 15 min" orange.
    await page.locator('#map').scrollIntoViewIfNeeded();
    const netColour = await colourAt(page, 'planner-network-streets');
    expect(estColour[1]).toBeGreaterThan(estColour[0]);
    expect(netColour[0]).toBeGreaterThan(netColour[1] + 20);
    await page.locator('#cov-net').scrollIntoViewIfNeeded();
    await pageShot(page, 'planner-network-en');
    console.log(`coverage on streets (60 mocked tiles, Qilihe h9): first network result after ${elapsed} ms`);
    // A reload: every tile from the device cache, no request.
    await page.reload();
    await expect
      .poll(() => page.locator('#cov-net').textContent(), { timeout: 60_000 })
      .toContain("60 from this device's cache");
    expect(posts).toHaveLength(60);
    expect(realErrors(errors)).toEqual([]);
    expect(await cspViolations(page)).toEqual([]);
    await context.close();
  }, 300_000);

  it('draws the 15-minute fitness circle as a layer with the coverage panel closed', async () => {
    const { context, page } = await openPage(browser);
    const view = 'map=13/36.085/103.69&lang=en&p=layers&res=h9&cd=620103,620105';
    await page.goto(`${base}?e2e#bm=offline&${view}&layers=district`);
    await waitForMapIdle(page);
    const without = await mapShot(page, 'planner-circle-off');
    await page.goto(`${base}?e2e#bm=offline&${view}&layers=district,fitness_circle`);
    await waitForMapIdle(page);
    await expect
      .poll(async () => changedShare(without, await mapShot(page, 'planner-circle-on')), { timeout: 60_000 })
      .toBeGreaterThan(0.02);
    await context.close();
  });
});
