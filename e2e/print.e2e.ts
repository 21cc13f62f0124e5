// Printouts hold what a reader needs, not the controls: no search box, buttons, menus or checkboxes.

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

/** Controls that take space on the printed page (drawn with a size), by tag and id/class. */
function printedControls(page: Page): Promise<string[]> {
  return page.evaluate(() =>
    [...document.querySelectorAll('input, select, button:not(.list-item):not(.nearby-item), .search-box')]
      .filter((el) => {
        const r = el.getBoundingClientRect();
        return r.width > 0 && r.height > 0 && getComputedStyle(el).visibility !== 'hidden';
      })
      .map((el) => `${el.tagName.toLowerCase()}#${el.id}.${el.className}`),
  );
}

describe('printing', () => {
  for (const panel of ['layers', 'nearby', 'list']) {
    it(`prints the ${panel} panel without its controls`, async () => {
      const { context, page } = await openPage(browser);
      await page.goto(`${base}?e2e#lang=zh&p=${panel}&at=103.84055,36.05282`);
      await waitForMapIdle(page);
      expect((await printedControls(page)).length, 'controls on screen').toBeGreaterThan(2);
      await page.emulateMedia({ media: 'print' });
      expect(await printedControls(page)).toEqual([]);
      // The panel's content itself still prints, the places listed among it.
      if (panel !== 'layers')
        expect(await page.locator('.list-item:visible, .nearby-item:visible').count()).toBeGreaterThan(0);
      expect((await page.locator('#side-panel').boundingBox())?.height ?? 0).toBeGreaterThan(50);
      await pageShot(page, `print-${panel}-zh`);
      await page.emulateMedia({ media: 'screen' });
      await context.close();
    });
  }
});
