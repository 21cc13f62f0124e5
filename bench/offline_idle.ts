// First map idle of the built app in headless Chromium: offline from the service worker's cache vs from the
// network (localhost, no worker), alternating in the same run. Needs a build: `npm run build` (or DIST=dir).

import type { Page } from 'playwright-core';
import { preview } from 'vite';
import { launch, openPage } from '../e2e/browser.ts';
import { fmt, isMain, machineNote } from './walk_synthetic.ts';

// e2e/browser.ts's waitForMapIdle as source text: tsx (esbuild keepNames) would wrap a function passed to
// page.evaluate in a `__name` helper that does not exist in the page.
const IDLE = `new Promise((resolve) => {
  const map = window.__lym.map;
  const done = () => resolve(performance.now());
  if (map.loaded() && map.areTilesLoaded()) done();
  else map.once('idle', done);
})`;
/** Polls `expression` from Node (waitForFunction with a string would need unsafe-eval under the app's CSP). */
async function until(page: Page, expression: string): Promise<void> {
  for (const t0 = Date.now(); !(await page.evaluate(expression)); ) {
    if (Date.now() - t0 > 120_000) throw new Error(`timed out waiting for ${expression}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}
async function idle(page: Page): Promise<number> {
  await until(page, 'Boolean(window.__lym)');
  return page.evaluate(IDLE) as Promise<number>;
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

export async function runOfflineIdleBench(rounds = 5): Promise<void> {
  console.log(`\nfirst idle, service worker vs network — ${machineNote()}`);
  const server = await preview({
    preview: { port: 0, host: '127.0.0.1' },
    build: { outDir: process.env.DIST ?? 'dist' },
    logLevel: 'warn',
  });
  const base = server.resolvedUrls?.local[0];
  if (!base) throw new Error('no preview URL');
  const page = `${base}?e2e#lang=zh&bm=offline`;
  const browser = await launch();
  const times = { network: [] as number[], worker: [] as number[] };
  try {
    for (let i = 0; i < rounds; i++) {
      {
        const { context, page: p } = await openPage(browser);
        await p.goto(page);
        times.network.push(await idle(p));
        await context.close();
      }
      {
        // One online visit installs the worker; then offline, a fresh navigation is timed.
        const { context, page: p } = await openPage(browser, { serviceWorkers: 'allow' });
        await p.goto(page);
        await idle(p);
        await until(p, 'navigator.serviceWorker.controller !== null');
        await context.setOffline(true);
        await p.goto('about:blank');
        await p.goto(page);
        times.worker.push(await idle(p));
        await context.close();
      }
    }
  } finally {
    await browser.close();
    await server.close();
  }
  const n = median(times.network);
  const w = median(times.worker);
  console.log(
    `  network (localhost, no worker): median ${fmt(n)} ms  [${times.network.map((t) => fmt(t)).join(', ')}]`,
  );
  console.log(
    `  offline from the worker:        median ${fmt(w)} ms  [${times.worker.map((t) => fmt(t)).join(', ')}]`,
  );
  console.log(`  worker / network = ${fmt(w / n, 2)}×`);
}

if (isMain(import.meta.url)) await runOfflineIdleBench();
