// Benchmark: first map idle of the app vs a bare maplibre page drawing the app's own composed style at
// the same view, alternating cold loads in one headless Chromium run; reports app / bare.

import { existsSync, rmSync } from 'node:fs';
import { build, preview } from 'vite';
import { launch, openPage, waitForMapIdle } from '../e2e/browser.ts';
import { fmt, isMain } from './walk_synthetic.ts';

const OUT = 'dist-bench';

/** A context+page as in e2e, plus the `__name` helper tsx's esbuild adds to functions sent to the page. */
async function open(browser: Awaited<ReturnType<typeof launch>>) {
  const p = await openPage(browser);
  await p.context.addInitScript({ content: 'window.__name = (f) => f;' });
  return p;
}

const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? (s[m] as number) : ((s[m - 1] as number) + (s[m] as number)) / 2;
};

/**
 * Builds the app and the bare page into one folder, serves it, captures the app's composed style and
 * view once, then times `loads` cold loads of each (fresh browser context, empty cache), alternating.
 * @returns medians (ms from navigation start to the map's first idle) and their ratio
 */
export async function runFirstIdleBench(loads = 7): Promise<{ app: number; bare: number; ratio: number }> {
  if (!existsSync('public/data/basemap.pmtiles'))
    throw new Error('run `npm run data` first: the app and the bare page draw its basemap');
  if (process.env.FIRST_IDLE_SKIP_BUILD !== '1') {
    rmSync(OUT, { recursive: true, force: true });
    await build({ logLevel: 'warn', build: { outDir: OUT, emptyOutDir: true } });
    await build({
      configFile: false,
      root: 'bench/first_idle',
      base: './',
      logLevel: 'warn',
      build: { outDir: `../../${OUT}/bare`, emptyOutDir: true, target: 'es2022' },
    });
  }
  const server = await preview({
    preview: { port: 0, host: '127.0.0.1' },
    build: { outDir: OUT },
    logLevel: 'warn',
  });
  const base = server.resolvedUrls?.local[0];
  if (!base) throw new Error('preview server has no local URL');
  const browser = await launch();
  try {
    // The app once (not timed): its composed style after the data arrived, and its view.
    console.log(`serving ${base}; capturing the app's style`);
    const first = await open(browser);
    await first.page.goto(`${base}?e2e`);
    await waitForMapIdle(first.page);
    const view = await first.page.evaluate(() => {
      const map = (
        window as unknown as {
          __lym: {
            map: { getStyle(): unknown; getCenter(): { lng: number; lat: number }; getZoom(): number };
          };
        }
      ).__lym.map;
      const c = map.getCenter();
      return { style: map.getStyle(), center: [c.lng, c.lat], zoom: map.getZoom() };
    });
    await first.context.close();
    const times = { app: [] as number[], bare: [] as number[] };
    for (let i = 0; i < loads; i++) {
      // Alternate which goes first, so a drift in machine load hits both alike.
      const order = i % 2 === 0 ? (['bare', 'app'] as const) : (['app', 'bare'] as const);
      for (const which of order) {
        const { context, page } = await open(browser);
        if (which === 'bare') {
          await context.addInitScript((v) => {
            (window as unknown as { __benchView: unknown }).__benchView = v;
          }, view);
          await page.goto(`${base}bare/index.html`);
        } else await page.goto(`${base}?e2e`);
        times[which].push(await waitForMapIdle(page, 60_000));
        console.log(`  ${which} load ${i + 1}: ${fmt(times[which][times[which].length - 1] as number)} ms`);
        await context.close();
      }
    }
    const app = median(times.app);
    const bare = median(times.bare);
    console.log(
      `first map idle, ${loads} alternating cold loads each: app median ${fmt(app)} ms ` +
        `[${times.app.map((t) => fmt(t)).join(', ')}], bare maplibre with the app's composed style ` +
        `median ${fmt(bare)} ms [${times.bare.map((t) => fmt(t)).join(', ')}] → app / bare ${fmt(app / bare, 2)}`,
    );
    return { app, bare, ratio: app / bare };
  } finally {
    await browser.close();
    // Keep-alive connections can hold close() open; the numbers are printed already.
    await Promise.race([server.close(), new Promise((r) => setTimeout(r, 3000))]);
  }
}

if (isMain(import.meta.url)) await runFirstIdleBench();
