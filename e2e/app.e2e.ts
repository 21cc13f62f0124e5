// The app shell in real Chromium: basemap and layers drawn, toggles, card, language, URL state, phone, no WebGL.

import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { cspViolations, launch, mapShot, openPage, pageShot, pixelStats, waitForMapIdle } from './browser';

const base = inject('baseURL');
let browser: Browser;

beforeAll(async () => {
  browser = await launch();
});
afterAll(async () => {
  await browser?.close();
});

interface Shown {
  id: string;
  category: string;
  color: string;
  coordinates: [number, number];
}

/** Point features the app currently shows, with their layer colour. */
async function shownPoints(page: Page): Promise<Shown[]> {
  return page.evaluate(() => {
    const lym = (
      window as unknown as {
        __lym: {
          shown(): {
            properties: { id: string; category: string };
            geometry: { type: string; coordinates: [number, number] };
          }[];
          colors: Record<string, string>;
        };
      }
    ).__lym;
    return lym
      .shown()
      .filter((f) => f.geometry.type === 'Point')
      .map((f) => ({
        id: f.properties.id,
        category: f.properties.category,
        color: lym.colors[f.properties.category] as string,
        coordinates: f.geometry.coordinates,
      }));
  });
}

async function project(page: Page, lonlat: [number, number]): Promise<{ x: number; y: number }> {
  return page.evaluate((ll) => {
    const map = (
      window as unknown as { __lym: { map: { project(ll: [number, number]): { x: number; y: number } } } }
    ).__lym.map;
    const p = map.project(ll);
    return { x: p.x, y: p.y };
  }, lonlat);
}

async function renderedIds(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const lym = (
      window as unknown as {
        __lym: {
          map: {
            queryRenderedFeatures(o: object): { properties: { id: string } }[];
            getStyle(): { layers: { id: string }[] };
          };
        };
      }
    ).__lym;
    const layers = lym.map
      .getStyle()
      .layers.filter((l) => /^lym-.*-circle$/.test(l.id))
      .map((l) => l.id);
    return [...new Set(lym.map.queryRenderedFeatures({ layers }).map((f) => f.properties.id))].sort();
  });
}

describe('app shell', () => {
  it('opens on central Lanzhou in Chinese, falls back to the offline basemap and draws it', async () => {
    const blocked: string[] = [];
    const errors: string[] = [];
    const { context, page } = await openPage(browser, { blocked, errors });
    const t0 = Date.now();
    await page.goto(`${base}?e2e`);
    const idleAt = await waitForMapIdle(page);
    console.log(
      `first map idle: ${Math.round(idleAt)} ms after navigation start (wall ${Date.now() - t0} ms)`,
    );
    await expect.poll(() => page.locator('.notice-text').textContent()).toContain('离线底图');
    expect(await page.locator('html').getAttribute('lang')).toBe('zh-CN');
    expect(await page.locator('.title-full').textContent()).toBe('就在兰州 · 青年友好城市地图');
    const shot = await mapShot(page, 'desktop-zh');
    const stats = pixelStats(shot, ['#6b7280']);
    // A drawn basemap has many colours (land, water, boundaries, labels); a blank canvas has one or two.
    expect(stats.distinct).toBeGreaterThan(20);
    await pageShot(page, 'desktop-zh-page');
    expect(await cspViolations(page)).toEqual([]);
    expect(blocked.length).toBeGreaterThan(0);
    expect(
      errors.filter(
        (e) => !/ERR_INTERNET_DISCONNECTED|Failed to load resource|AJAXError|Failed to fetch/.test(e),
      ),
    ).toEqual([]);
    await context.close();
  });

  it('draws every layer that has features, in its colour, and the toggle hides it', async () => {
    const { context, page } = await openPage(browser);
    await page.goto(`${base}?e2e#map=10.5/36.06/103.78&lang=zh`);
    await waitForMapIdle(page);
    const points = await shownPoints(page);
    expect(points.length).toBeGreaterThan(0);
    expect(await renderedIds(page)).toEqual([...new Set(points.map((p) => p.id))].sort());
    const shot = await mapShot(page, 'layers-all');
    for (const p of points) {
      const stats = pixelStats(shot, [p.color], 30);
      expect(stats.matches[p.color], `${p.category} drawn in ${p.color}`).toBeGreaterThan(20);
    }
    const first = points[0] as Shown;
    await page.locator(`#layer-${first.category}`).uncheck();
    await waitForMapIdle(page);
    expect(await renderedIds(page)).not.toContain(first.id);
    expect(page.url()).not.toMatch(new RegExp(`layers=([^&]*,)?${first.category}(,|&|$)`));
    const after = await mapShot(page, 'layers-toggled');
    const others = points.filter((p) => p.color !== first.color);
    expect(pixelStats(after, [first.color], 30).matches[first.color]).toBeLessThan(
      pixelStats(shot, [first.color], 30).matches[first.color] as number,
    );
    for (const p of others) expect(pixelStats(after, [p.color], 30).matches[p.color]).toBeGreaterThan(20);
    await context.close();
  });

  it('shows two places at one position as a marker and a ring, each clickable', async () => {
    const { context, page } = await openPage(browser);
    // The Olympic stadium and the Olympic Sports Center share one published coordinate.
    const at: [number, number] = [103.685667, 36.087722];
    await page.goto(`${base}?e2e#map=14/${at[1]}/${at[0]}&lang=zh`);
    await waitForMapIdle(page);
    const { x, y } = await project(page, at);
    const box = await page.locator('#map').boundingBox();
    const card = page.locator('.feature-card');
    await page.mouse.click((box?.x ?? 0) + x, (box?.y ?? 0) + y);
    await expect.poll(() => card.getAttribute('data-feature-id')).toBe('youth-block-olympic-sports-center');
    await card.press('Escape');
    await page.mouse.click((box?.x ?? 0) + x, (box?.y ?? 0) + y - 15);
    await expect
      .poll(() => card.getAttribute('data-feature-id'))
      .toBe('fitness-lanzhou-olympic-center-stadium');
    await card.press('Escape');
    await waitForMapIdle(page);
    await mapShot(page, 'colocated-ring');
    const near = await page.screenshot({
      clip: { x: (box?.x ?? 0) + x - 24, y: (box?.y ?? 0) + y - 24, width: 48, height: 48 },
    });
    const { matches } = pixelStats(near, ['#b45309', '#0f766e'], 30);
    expect(matches['#b45309'], 'the block marker').toBeGreaterThan(20);
    expect(matches['#0f766e'], 'the stadium ring').toBeGreaterThan(20);
    await context.close();
  });

  it('counts what the status filter shows, and says what it hides', async () => {
    const { context, page } = await openPage(browser);
    await page.goto(`${base}?e2e#lang=zh&panel=layers`);
    await waitForMapIdle(page);
    const count = page.locator('label[for="layer-fitness_site"] .layer-count');
    await expect.poll(() => count.textContent()).toBe('1 处');
    await page.locator('#status-existing').uncheck();
    await expect.poll(() => count.textContent()).toBe('0 处（1 处被状态筛选隐藏）');
    // The two kinds of layers are told apart in the panel.
    const groups = await page.locator('.layer-group h3').allTextContents();
    expect(groups).toEqual(['日常设施', '2024年工作要点的规划认定', '参考图层']);
    await context.close();
  });

  it('opens a card with source and accuracy when a feature is clicked, and closes it with Escape', async () => {
    const { context, page } = await openPage(browser);
    await page.goto(`${base}?e2e#map=12/36.06/103.80&lang=zh`);
    await waitForMapIdle(page);
    // 西关 metro station: no other marker within ~900 m (youth_park, used before, has no place since f689f31).
    const [target] = (await shownPoints(page)).filter((p) => p.id === 'osm-node-6563941759');
    expect(target).toBeDefined();
    await page.evaluate(
      (ll) =>
        (window as unknown as { __lym: { map: { jumpTo(o: object): void } } }).__lym.map.jumpTo({
          center: ll,
          zoom: 14,
        }),
      (target as Shown).coordinates,
    );
    await waitForMapIdle(page);
    const { x, y } = await project(page, (target as Shown).coordinates);
    const box = await page.locator('#map').boundingBox();
    await page.mouse.click((box?.x ?? 0) + x, (box?.y ?? 0) + y);
    const card = page.locator('.feature-card');
    await expect.poll(() => card.getAttribute('data-feature-id')).toBe((target as Shown).id);
    const text = (await card.textContent()) ?? '';
    expect(text).toContain('来源');
    expect(text).toContain('位置精度');
    expect(text).toMatch(/约 \d+ 米/);
    // Which kind of layer it is, what kind of facility, and the OSM credit with its date.
    expect(text).toContain('日常设施：现有场所，并非规划认定');
    expect(text).toContain('地铁站');
    expect(text).toContain('© OpenStreetMap contributors (ODbL)');
    expect(text).toContain('数据截至 2026-01-24');
    expect(page.url()).toContain(`sel=${(target as Shown).id}`);
    await pageShot(page, 'card-zh');
    await card.press('Escape');
    await expect.poll(() => card.count()).toBe(0);
    await context.close();
  });

  it('switches language, remembers it, and keeps the view in the URL across reload and back', async () => {
    const { context, page } = await openPage(browser);
    await page.goto(`${base}?e2e#map=11.00/36.05000/103.75000`);
    await waitForMapIdle(page);
    await page.locator('#lang-switch').click();
    await expect.poll(() => page.locator('.title-full').textContent()).toBe('Lanzhou Youth Map');
    expect(await page.locator('html').getAttribute('lang')).toBe('en');
    expect(await page.locator('#toggle-layers').textContent()).toBe('Layers');
    await mapShot(page, 'desktop-en');
    await pageShot(page, 'desktop-en-page');
    await page.locator('#layer-youth_park').uncheck();
    const url = page.url();
    expect(url).toContain('lang=en');
    expect(url).toContain('map=11.00/36.05000/103.75000');
    // Reload with no hash: the language is remembered.
    await page.goto(`${base}?e2e`);
    await waitForMapIdle(page);
    expect(await page.locator('.title-full').textContent()).toBe('Lanzhou Youth Map');
    // The shared URL restores the same view in a new page.
    const other = await context.newPage();
    await other.goto(url);
    await waitForMapIdle(other);
    const view = await other.evaluate(() => {
      const s = (
        window as unknown as {
          __lym: { store: { get(): { zoom: number; center: number[]; layers: string[] } } };
        }
      ).__lym.store.get();
      return s;
    });
    expect(view.zoom).toBeCloseTo(11, 1);
    expect(view.center[0]).toBeCloseTo(103.75, 3);
    expect(view.layers).not.toContain('youth_park');
    expect(await other.locator('#layer-youth_park').isChecked()).toBe(false);
    // Back undoes the toggle.
    await other.locator('#layer-youth_park').check();
    await other.goBack();
    await expect.poll(() => other.locator('#layer-youth_park').isChecked()).toBe(false);
    await context.close();
  });

  it('fits a 375 px phone in both languages', async () => {
    for (const lang of ['zh', 'en']) {
      const { context, page } = await openPage(browser, {
        viewport: { width: 375, height: 720 },
        isMobile: true,
      });
      await page.goto(`${base}?e2e#lang=${lang}`);
      await waitForMapIdle(page);
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
      expect(overflow).toBeLessThanOrEqual(0);
      // Every header control is on screen (a clipped header does not show up as page overflow).
      for (const id of [
        '#toggle-layers',
        '#toggle-list',
        '#toggle-nearby',
        '#toggle-tour',
        '#toggle-plan',
        '#toggle-coverage',
        '#about-button',
        '#lang-switch',
      ]) {
        const box = await page.locator(id).boundingBox();
        expect(box && box.x >= 0 && box.x + box.width <= 375, `${id} on screen`).toBe(true);
      }
      expect(await page.locator('#side-panel').isHidden()).toBe(true);
      await pageShot(page, `phone-${lang}`);
      await page.locator('#toggle-layers').click();
      expect(await page.locator('#side-panel').isVisible()).toBe(true);
      // The basemap picker lives in the layer panel.
      expect(await page.locator('#basemap-select').isVisible()).toBe(true);
      await pageShot(page, `phone-${lang}-layers`);
      await context.close();
    }
  });
});

describe('plan targets', () => {
  it('lists every target with its quote and what is mapped, and shows a layer on request', async () => {
    const { context, page } = await openPage(browser);
    await page.goto(`${base}?e2e#lang=zh&p=plan`);
    await waitForMapIdle(page);
    const items = page.locator('.plan-target');
    await expect.poll(() => items.count()).toBeGreaterThanOrEqual(15);
    const housing = page.locator('[data-target-id="youth-rental-apartments"]');
    expect(await housing.textContent()).toContain('3043');
    expect(await housing.locator('blockquote').textContent()).toContain(
      '新筹集青年(人才)公寓等保障性租赁住房3043套',
    );
    // A park that no source ties to the plan does not count towards the youth theme parks.
    expect(await page.locator('[data-target-id="youth-theme-parks"]').textContent()).toMatch(
      /已标注 0 \/ 目标 2/,
    );
    const blocks = page.locator('[data-target-id="youth-development-blocks"]');
    expect(await blocks.textContent()).toMatch(/已标注 1 \/ 目标 4/);
    await pageShot(page, 'plan-zh');
    await blocks.locator('.plan-show').click();
    await expect.poll(() => page.locator('#toggle-list').getAttribute('aria-expanded')).toBe('true');
    expect(
      await page.locator('.list-item[data-feature-id="youth-block-olympic-sports-center"]').count(),
    ).toBe(1);
    await page.locator('#lang-switch').click();
    await page.locator('#toggle-plan').click();
    expect(await page.locator('[data-target-id="youth-development-blocks"]').textContent()).toContain(
      '1 of 4 mapped',
    );
    await pageShot(page, 'plan-en');
    await context.close();
  });

  it('says once what a target lacks, and sends the fitness circle to the Coverage tab', async () => {
    const { context, page } = await openPage(browser);
    await page.goto(`${base}?e2e#lang=zh&p=plan`);
    await waitForMapIdle(page);
    const hospital = page.locator('[data-target-id="maternal-child-hospital"] .plan-note');
    await expect.poll(() => hospital.allTextContents()).toEqual(['本图尚无医疗设施图层。']);
    const circle = page.locator('[data-target-id="fifteen-minute-fitness-circle"]');
    expect(await circle.textContent()).not.toContain('规划面板');
    await circle.locator('.plan-analyse').click();
    await expect.poll(() => page.locator('#toggle-coverage').getAttribute('aria-expanded')).toBe('true');
    expect(page.url()).toContain('p=coverage');
    await context.close();
  });
});

describe('about', () => {
  it('names every data source and the walking assumption, in both languages', async () => {
    const { context, page } = await openPage(browser);
    await page.goto(`${base}?e2e#lang=zh`);
    await waitForMapIdle(page);
    await page.locator('#about-button').click();
    const dialog = page.locator('#about-dialog');
    await expect.poll(() => dialog.isVisible()).toBe(true);
    const zh = (await dialog.textContent()) ?? '';
    expect(zh).toContain('高德地图');
    expect(zh).toContain('GB 50180-2018');
    expect(zh).toContain('© OpenStreetMap 贡献者（ODbL），数据截至 2026-01-24');
    expect(zh).toMatch(/已收录 \d+ 个地点、8 个区县、\d+ 项规划目标/);
    await pageShot(page, 'about-zh');
    await page.keyboard.press('Escape');
    await expect.poll(() => dialog.isVisible()).toBe(false);
    await page.locator('#lang-switch').click();
    await page.locator('#about-button').click();
    expect(await dialog.textContent()).toContain('District boundaries © AMap');
    expect(await dialog.textContent()).toContain(
      '© OpenStreetMap contributors (ODbL), data as of 2026-01-24',
    );
    expect(await cspViolations(page)).toEqual([]);
    await context.close();
  });
});

describe('without WebGL', () => {
  it('says so and lists the features instead of a blank page', async () => {
    const noGl = await launch({ webgl: false });
    const { context, page } = await openPage(noGl);
    await page.goto(`${base}`);
    await expect.poll(() => page.locator('.nowebgl').count()).toBe(1);
    expect(await page.locator('.nowebgl h2').textContent()).toBe('无法显示地图');
    await expect.poll(() => page.locator('.list-item').count()).toBeGreaterThan(0);
    // Each row reads as a row: the summary line sits beside the swatch, under the name, on one line.
    const first = page.locator('.list-item').first();
    const swatch = await first.locator('.swatch').boundingBox();
    const name = await first.locator('.list-name').boundingBox();
    const meta = await first.locator('.list-meta').boundingBox();
    expect(meta?.x).toBeGreaterThan((swatch?.x ?? 0) + (swatch?.width ?? 0));
    expect(meta?.x).toBeCloseTo(name?.x ?? -1, 0);
    expect(meta?.height).toBeLessThan(30);
    await page.locator('.list-item').first().click();
    expect(await page.locator('.feature-card').count()).toBe(1);
    // Search works without the map: it picks a place in the list.
    await expect.poll(() => page.locator('.search-input').count()).toBe(1);
    await page.locator('.search-input').fill('dongfanghong');
    await expect.poll(() => page.locator('.search-results').textContent()).toContain('东方红广场');
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('Enter');
    // The metro station and the square share the name 东方红广场; equal names are ordered by id.
    await expect
      .poll(() => page.locator('.feature-card').getAttribute('data-feature-id'))
      .toBe('osm-node-6563941854');
    await pageShot(page, 'nowebgl-zh');
    await context.close();
    await noGl.close();
  });
});
