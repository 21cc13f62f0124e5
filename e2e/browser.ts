// Shared e2e helpers: launch Debian's Chromium, block the network beyond localhost, read what is drawn.

import { mkdirSync, writeFileSync } from 'node:fs';
import { type Browser, type BrowserContext, chromium, type Page } from 'playwright-core';
import { PNG } from 'pngjs';

export const SHOTS_DIR = 'test-results/screenshots';

const BASE_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

/** Launch headless Chromium; WebGL through SwiftShader unless `webgl: false`. */
export function launch(opts: { webgl?: boolean } = {}): Promise<Browser> {
  const gl =
    opts.webgl === false
      ? ['--disable-webgl', '--disable-webgl2']
      : ['--use-angle=swiftshader', '--enable-unsafe-swiftshader'];
  return chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    headless: true,
    args: [...BASE_ARGS, ...gl],
  });
}

export interface PageOptions {
  viewport?: { width: number; height: number };
  /** Requests to other hosts that were blocked (the app must cope without them). */
  blocked?: string[];
  /** Fail on any console error or page error. */
  errors?: string[];
  isMobile?: boolean;
  /**
   * 'allow' lets the app register its service worker. Blocked by default: a worker answers from its cache,
   * past `page.route` mocks, so only the tests of the app kept on the device (offline.e2e.ts) allow it.
   */
  serviceWorkers?: 'allow' | 'block';
}

/** A new context+page where every non-localhost request is aborted and recorded. */
export async function openPage(
  browser: Browser,
  opts: PageOptions = {},
): Promise<{ context: BrowserContext; page: Page }> {
  const context = await browser.newContext({
    viewport: opts.viewport ?? { width: 1280, height: 800 },
    isMobile: opts.isMobile ?? false,
    hasTouch: opts.isMobile ?? false,
    deviceScaleFactor: 1,
    serviceWorkers: opts.serviceWorkers ?? 'block',
  });
  await context.route('**/*', (route) => {
    const url = new URL(route.request().url());
    if (
      url.hostname === '127.0.0.1' ||
      url.hostname === 'localhost' ||
      url.protocol === 'data:' ||
      url.protocol === 'blob:'
    ) {
      return route.continue();
    }
    opts.blocked?.push(url.href);
    return route.abort('internetdisconnected');
  });
  // Content-Security-Policy violations are collected on the page for tests to assert on.
  await context.addInitScript(() => {
    const w = window as unknown as { __csp: string[] };
    w.__csp = [];
    document.addEventListener('securitypolicyviolation', (e) => {
      w.__csp.push(`${e.violatedDirective} ${e.blockedURI}`);
    });
  });
  const page = await context.newPage();
  page.on('pageerror', (e) => opts.errors?.push(`pageerror: ${e.message}`));
  page.on('console', (m) => {
    if (m.type() === 'error') opts.errors?.push(`console: ${m.text()}`);
  });
  return { context, page };
}

/** CSP violations the page has reported so far. */
export function cspViolations(page: Page): Promise<string[]> {
  return page.evaluate(() => (window as unknown as { __csp: string[] }).__csp);
}

/** Wait until the map exists and is idle (all tiles and style loaded). Returns ms from navigation start. */
export async function waitForMapIdle(page: Page, timeout = 30_000): Promise<number> {
  await page.waitForFunction(() => Boolean((window as unknown as { __lym?: unknown }).__lym), null, {
    timeout,
  });
  return page.evaluate(
    () =>
      new Promise<number>((resolve) => {
        const map = (
          window as unknown as {
            __lym: {
              map: { loaded(): boolean; areTilesLoaded(): boolean; once(e: string, f: () => void): void };
            };
          }
        ).__lym.map;
        const done = () => resolve(performance.now());
        if (map.loaded() && map.areTilesLoaded()) done();
        else map.once('idle', done);
      }),
  );
}

export interface PixelStats {
  width: number;
  height: number;
  /** Number of pixels within `tolerance` of each requested colour. */
  matches: Record<string, number>;
  /** Distinct colours (quantised to 4 bits per channel). */
  distinct: number;
}

const hex = (c: string) =>
  [1, 3, 5].map((i) => Number.parseInt(c.slice(i, i + 2), 16)) as [number, number, number];

/** Decode a PNG screenshot and count pixels near each colour (hex), within a clip rectangle if given. */
export function pixelStats(png: Buffer, colors: string[], tolerance = 24): PixelStats {
  const img = PNG.sync.read(png);
  const targets = colors.map(hex);
  const matches: Record<string, number> = Object.fromEntries(colors.map((c) => [c, 0]));
  const seen = new Set<number>();
  for (let i = 0; i < img.data.length; i += 4) {
    const r = img.data[i] as number;
    const g = img.data[i + 1] as number;
    const b = img.data[i + 2] as number;
    seen.add(((r >> 4) << 8) | ((g >> 4) << 4) | (b >> 4));
    targets.forEach(([tr, tg, tb], k) => {
      if (Math.abs(r - tr) <= tolerance && Math.abs(g - tg) <= tolerance && Math.abs(b - tb) <= tolerance) {
        matches[colors[k] as string] = (matches[colors[k] as string] ?? 0) + 1;
      }
    });
  }
  return { width: img.width, height: img.height, matches, distinct: seen.size };
}

/** Share (0–1) of pixels that differ by more than `tolerance` in any channel between two same-size PNGs. */
export function changedShare(a: Buffer, b: Buffer, tolerance = 12): number {
  const x = PNG.sync.read(a);
  const y = PNG.sync.read(b);
  if (x.width !== y.width || x.height !== y.height) throw new Error('changedShare: images differ in size');
  let changed = 0;
  for (let i = 0; i < x.data.length; i += 4) {
    if (
      Math.abs((x.data[i] as number) - (y.data[i] as number)) > tolerance ||
      Math.abs((x.data[i + 1] as number) - (y.data[i + 1] as number)) > tolerance ||
      Math.abs((x.data[i + 2] as number) - (y.data[i + 2] as number)) > tolerance
    ) {
      changed++;
    }
  }
  return changed / (x.width * x.height);
}

/** Screenshot of the map element only, saved under test-results/screenshots/<name>.png. */
export async function mapShot(page: Page, name: string): Promise<Buffer> {
  mkdirSync(SHOTS_DIR, { recursive: true });
  const png = await page.locator('#map').screenshot();
  writeFileSync(`${SHOTS_DIR}/${name}.png`, png);
  return png;
}

/** Full-page screenshot saved under test-results/screenshots/<name>.png. */
export async function pageShot(page: Page, name: string): Promise<Buffer> {
  mkdirSync(SHOTS_DIR, { recursive: true });
  const png = await page.screenshot();
  writeFileSync(`${SHOTS_DIR}/${name}.png`, png);
  return png;
}

/** Click the map at a geographic position ([lon, lat]), as a person would. */
export async function clickLngLat(page: Page, lngLat: [number, number]): Promise<void> {
  const p = await page.evaluate((ll) => {
    const map = (
      window as unknown as { __lym: { map: { project(ll: [number, number]): { x: number; y: number } } } }
    ).__lym.map;
    return map.project(ll);
  }, lngLat);
  const box = await page.locator('#map').boundingBox();
  await page.mouse.click((box?.x ?? 0) + p.x, (box?.y ?? 0) + p.y);
}
