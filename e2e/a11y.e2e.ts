// Accessibility: axe-core on the main views (no serious or critical violations) and keyboard-only use.

import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { launch, openPage, waitForMapIdle } from './browser';

const base = inject('baseURL');
const axeSource = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');
let browser: Browser;

beforeAll(async () => {
  browser = await launch();
});
afterAll(async () => {
  await browser?.close();
});

interface AxeViolation {
  id: string;
  impact: string;
  help: string;
  nodes: { target: string[] }[];
}

/** Run axe on the page (injected through the DevTools protocol, which the page's CSP does not govern). */
async function axe(page: Page): Promise<string[]> {
  await page.evaluate(axeSource);
  const violations = await page.evaluate(async () => {
    const a = (
      window as unknown as { axe: { run(ctx: unknown, o: unknown): Promise<{ violations: AxeViolation[] }> } }
    ).axe;
    const r = await a.run(document, { resultTypes: ['violations'] });
    return r.violations.map((v) => ({
      id: v.id,
      impact: v.impact,
      help: v.help,
      nodes: v.nodes.map((n) => ({ target: n.target })),
    }));
  });
  return violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.impact} ${v.id}: ${v.help} — ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
}

describe('accessibility', () => {
  for (const lang of ['zh', 'en'] as const) {
    it(`has no serious or critical axe violations on the main views (${lang})`, async () => {
      const { context, page } = await openPage(browser);
      await page.goto(`${base}#lang=${lang}&map=13/36.06/103.83`);
      await waitForMapIdle(page);
      expect(await axe(page), 'map with layer panel').toEqual([]);
      await page.locator('#toggle-list').click();
      await page.locator('.list-item').first().click();
      await expect.poll(() => page.locator('.feature-card').count()).toBe(1);
      expect(await axe(page), 'list and card').toEqual([]);
      await page.locator('#about-button').click();
      expect(await axe(page), 'about dialog').toEqual([]);
      // The residents' view with a place chosen: ranked list, bands, the walk.
      await page.goto(`${base}#lang=${lang}&map=14/36.0877/103.6857&p=nearby&at=103.6905,36.0845`);
      await expect.poll(() => page.locator('.nearby-item').count(), { timeout: 30_000 }).toBeGreaterThan(0);
      expect(await axe(page), 'nearby panel').toEqual([]);
      await context.close();
    });
  }

  for (const lang of ['zh', 'en'] as const) {
    it(`has no serious or critical axe violations in the planner views and the printed report (${lang})`, async () => {
      const { context, page } = await openPage(browser);
      await context.addInitScript(() => {
        window.print = () => undefined;
      });
      await page.goto(`${base}?e2e#lang=${lang}&bm=offline&map=12.5/36.085/103.70&p=plan`);
      await waitForMapIdle(page);
      await expect.poll(() => page.locator('.plan-target').count()).toBeGreaterThan(0);
      expect(await axe(page), 'plan targets').toEqual([]);
      await page.goto(
        `${base}?e2e#lang=${lang}&bm=offline&map=12.5/36.085/103.70&p=coverage&cov=fitness_site&res=h9&cd=620103,620105&ws=fitness_site:103.72,36.095`,
      );
      await expect.poll(() => page.locator('.cov-delta').count(), { timeout: 60_000 }).toBeGreaterThan(0);
      await page.locator('#cov-marginal-run').click();
      await expect.poll(() => page.locator('#cov-marginal-table tbody tr').count()).toBeGreaterThan(0);
      expect(await axe(page), 'coverage panel with a what-if site and marginal contributions').toEqual([]);
      await page.locator('#cov-report-print').click();
      await expect.poll(() => page.locator('#cov-report-sheet img').count()).toBe(1);
      await page.emulateMedia({ media: 'print' });
      expect(await axe(page), 'printed report').toEqual([]);
      await context.close();
    });
  }

  it('can be used with the keyboard alone: reach the list, open a card, close it', async () => {
    const { context, page } = await openPage(browser);
    await page.goto(`${base}#lang=en`);
    await waitForMapIdle(page);
    // Tab from the top of the page to the list toggle.
    let guard = 0;
    while ((await page.evaluate(() => document.activeElement?.id)) !== 'toggle-list' && guard++ < 20) {
      await page.keyboard.press('Tab');
    }
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('toggle-list');
    await page.keyboard.press('Enter');
    guard = 0;
    while (
      !(await page.evaluate(() => document.activeElement?.classList.contains('list-item'))) &&
      guard++ < 80
    ) {
      await page.keyboard.press('Tab');
    }
    const id = await page.evaluate(() => (document.activeElement as HTMLElement).dataset.featureId);
    expect(id).toBeTruthy();
    await page.keyboard.press('Enter');
    await expect.poll(() => page.locator('.feature-card').getAttribute('data-feature-id')).toBe(id);
    // Focus moves into the card, and Escape closes it.
    await expect
      .poll(() => page.evaluate(() => document.activeElement?.closest('.feature-card') !== null))
      .toBe(true);
    await page.keyboard.press('Escape');
    await expect.poll(() => page.locator('.feature-card').count()).toBe(0);
    // …and focus returns to the list entry that opened it.
    expect(await page.evaluate(() => (document.activeElement as HTMLElement).dataset.featureId)).toBe(id);
    // A visible focus indicator: the focused control has a non-none outline.
    await page.locator('#lang-switch').focus();
    await page.keyboard.press('Shift+Tab');
    await page.keyboard.press('Tab');
    const outline = await page.evaluate(
      () => getComputedStyle(document.activeElement as Element).outlineStyle,
    );
    expect(outline).not.toBe('none');
    await context.close();
  });
});
