// English wording a person sees: a Chinese-only address says so, the attribution reads in both languages,
// a phone says "tap", and the search placeholder fits its box (phone and desktop, zh and en).

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

const PHONE = { viewport: { width: 375, height: 740 }, isMobile: true };

/** Width the placeholder text needs in the search box's font, and the room the box gives it (px). */
async function placeholderFit(page: Page): Promise<{ need: number; room: number }> {
  return page.locator('.search-input').evaluate((el) => {
    const input = el as HTMLInputElement;
    const cs = getComputedStyle(input);
    const ctx = document.createElement('canvas').getContext('2d') as CanvasRenderingContext2D;
    ctx.font = `${cs.fontWeight} ${cs.fontSize} ${cs.fontFamily}`;
    const room = input.clientWidth - Number.parseFloat(cs.paddingLeft) - Number.parseFloat(cs.paddingRight);
    return { need: ctx.measureText(input.placeholder).width, room };
  });
}

describe('wording', () => {
  it('labels a Chinese-only address as Chinese, and the attribution reads in English too', async () => {
    const { context, page } = await openPage(browser, { viewport: { width: 1280, height: 800 } });
    await page.goto(`${base}?e2e#lang=en&sel=fitness-lanzhou-olympic-center-stadium`);
    await waitForMapIdle(page);
    const card = page.locator('.feature-card');
    await expect.poll(() => card.count()).toBe(1);
    const text = (await card.textContent()) ?? '';
    expect(text).toContain('Address (in Chinese)');
    expect(text).not.toMatch(/Address(?! \(in Chinese\))/);
    expect(await card.locator('[lang="zh-CN"]').count()).toBeGreaterThan(0);
    const attrib = (await page.locator('.maplibregl-ctrl-attrib').textContent()) ?? '';
    expect(attrib).toContain('District boundaries');
    expect(attrib).toContain('行政区划');
    await pageShot(page, 'wording-card-desktop-en');
    await context.close();
  });

  it('draws English apostrophes at their Latin width, not as a full-width CJK glyph ("facility’ s")', async () => {
    const { context, page } = await openPage(browser, { viewport: { width: 1280, height: 800 } });
    await page.goto(`${base}?e2e#lang=en&p=coverage`);
    await waitForMapIdle(page);
    await expect.poll(() => page.locator('#cov-marginal-h').textContent()).toContain('\u2019');
    // Text set in the panel's own font: a Latin right single quote is about a quarter em wide, the
    // default glyph of Noto Sans CJK (the first font the app names) a full em.
    const { apostrophe, em } = await page.locator('#side-panel').evaluate((panel) => {
      const span = document.createElement('span');
      span.textContent = '\u2019';
      panel.append(span);
      const out = {
        apostrophe: span.getBoundingClientRect().width,
        em: Number.parseFloat(getComputedStyle(span).fontSize),
      };
      span.remove();
      return out;
    });
    expect(apostrophe / em, `${apostrophe} px at ${em} px`).toBeLessThan(0.4);
    await context.close();
  });

  it('says "tap" on a phone, and the search placeholder is not cut off (zh and en)', async () => {
    for (const lang of ['en', 'zh'] as const) {
      const { context, page } = await openPage(browser, PHONE);
      await page.goto(`${base}?e2e#lang=${lang}&p=nearby`);
      await waitForMapIdle(page);
      const panel = (await page.locator('#side-panel').textContent()) ?? '';
      if (lang === 'en') {
        expect(panel).toContain('Tap a place on the map');
        expect(panel).not.toMatch(/\bClick\b/);
      } else expect(panel).toContain('点击');
      const fit = await placeholderFit(page);
      expect(fit.need, `${lang} placeholder fits`).toBeLessThanOrEqual(fit.room);
      await pageShot(page, `wording-phone-${lang}`);
      await context.close();
    }
  });

  it('keeps "click" with a mouse', async () => {
    const { context, page } = await openPage(browser, { viewport: { width: 1280, height: 800 } });
    await page.goto(`${base}?e2e#lang=en&p=nearby`);
    await waitForMapIdle(page);
    expect(await page.locator('#side-panel').textContent()).toContain('Click a place on the map');
    const fit = await placeholderFit(page);
    expect(fit.need).toBeLessThanOrEqual(fit.room);
    await context.close();
  });
});
