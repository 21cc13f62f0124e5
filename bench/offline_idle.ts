// First map idle of the built app in headless Chromium: offline from the service worker's cache vs from the
// network (localhost, no worker), alternating in the same run. Needs a build: `npm run build` (or DIST=dir).

import { preview } from 'vite';
import { launch, openPage, waitForMapIdle } from '../e2e/browser.ts';
import { fmt, isMain, machineNote } from './walk_synthetic.ts';

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
        times.network.push(await waitForMapIdle(p, 120_000));
        await context.close();
      }
      {
        // One online visit installs the worker; then offline, a fresh navigation is timed.
        const { context, page: p } = await openPage(browser, { serviceWorkers: 'allow' });
        await p.goto(page);
        await waitForMapIdle(p, 120_000);
        await p.waitForFunction(() => navigator.serviceWorker.controller !== null, null, { timeout: 60_000 });
        await context.setOffline(true);
        await p.goto('about:blank');
        await p.goto(page);
        times.worker.push(await waitForMapIdle(p, 120_000));
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
