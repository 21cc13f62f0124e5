// Benchmark: one 50,000-element Overpass answer through the live-facility worker job (decode, parse, classify,
// validate) against JSON.parse alone in the same run; time (best of runs) and peak memory (fresh processes).
//
// The answer is made of the real Liechtenstein extract's tag sets (test/fixtures/overpass/liechtenstein_live.json,
// ODbL), repeated with new ids at seeded random positions over the urban districts: synthetic positions, real tags.

import { execFileSync } from 'node:child_process';
import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import { availableParallelism, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { FixtureElement, OverpassFixture } from '../scripts/lib/overpass_fixture.ts';
import { createDistrictLookup } from '../src/lib/districts.ts';
import { assembleLive } from '../src/lib/live_osm/assemble.ts';
import { LiveParseHandler, type LiveParseReply } from '../src/lib/live_osm/protocol.ts';

export const BENCH_ELEMENTS = 50_000;
const DISTRICTS = 'data/boundaries/lanzhou_districts.geojson';

/** xorshift32: a seeded generator, so every run parses the same answer. */
function rng(seed: number): () => number {
  let s = seed >>> 0 || 1;
  return () => {
    s ^= s << 13;
    s ^= s >>> 17;
    s ^= s << 5;
    return (s >>> 0) / 2 ** 32;
  };
}

/** The answer's bytes: `n` elements (the fixture's rivers once, its facilities repeated). */
export function benchAnswer(n = BENCH_ELEMENTS): Uint8Array {
  const fx = JSON.parse(
    readFileSync('test/fixtures/overpass/liechtenstein_live.json', 'utf8'),
  ) as OverpassFixture;
  const rivers = fx.elements.filter((e) => e.geometry);
  const things = fx.elements.filter((e) => !e.geometry);
  const rand = rng(20261203);
  const out: FixtureElement[] = [...rivers];
  for (let i = 0; out.length < n; i++) {
    const src = things[i % things.length]!;
    // Urban Lanzhou's box (城关/七里河/安宁/西固), 103.34–103.98° E, 35.85–36.23° N.
    const lon = 103.34 + rand() * 0.64;
    const lat = 35.85 + rand() * 0.38;
    const id = 1_000_000 + i;
    if (src.lon !== undefined) out.push({ type: 'node', id, lon, lat, tags: src.tags });
    else {
      const b = src.bounds!;
      const w = b.maxlon - b.minlon;
      const h = b.maxlat - b.minlat;
      out.push({
        type: src.type,
        id,
        bounds: { minlon: lon, minlat: lat, maxlon: lon + w, maxlat: lat + h },
        tags: src.tags,
      });
    }
  }
  return new TextEncoder().encode(JSON.stringify({ ...fx, elements: out }));
}

/** The worker's handler, warmed: district polygons sent (the lookup built) on a first, empty answer. */
function warmHandler(districts: unknown): { handler: LiveParseHandler; ms: number } {
  const handler = new LiveParseHandler();
  const t0 = performance.now();
  handler.handle(
    {
      type: 'live_osm',
      id: 0,
      tile: 'warm',
      body: new TextEncoder().encode('{"elements":[]}'),
      districts: districts as never,
    },
    () => undefined,
  );
  return { handler, ms: performance.now() - t0 };
}

function handle(handler: LiveParseHandler, body: Uint8Array): LiveParseReply {
  let reply: LiveParseReply | null = null;
  handler.handle({ type: 'live_osm', id: 1, tile: 'bench', body }, (r) => {
    reply = r;
  });
  return reply as unknown as LiveParseReply;
}

/** Child process: one job, and the growth of its peak resident memory (MiB) it caused. */
function child(job: string, file: string): void {
  // Read as bytes, as the worker receives them (building the answer here would inflate the peak).
  const body = new Uint8Array(readFileSync(file));
  const districts = JSON.parse(readFileSync(DISTRICTS, 'utf8'));
  // Warm the modules and build the district lookup first (once per download), so only the job is counted.
  const { handler } = warmHandler(districts);
  const before = process.resourceUsage().maxRSS;
  const t0 = performance.now();
  let n = 0;
  if (job === 'json')
    n = (JSON.parse(new TextDecoder().decode(body)) as { elements: unknown[] }).elements.length;
  else {
    const r = handle(handler, body);
    if (r.type !== 'live_osm') throw new Error(r.message);
    n = r.data.candidates.length;
  }
  const ms = performance.now() - t0;
  const peakMiB = (process.resourceUsage().maxRSS - before) / 1024;
  process.stdout.write(JSON.stringify({ job, n, ms, peakMiB }));
}

const fmt = (v: number, d = 0) => v.toFixed(d);

/** Runs the benchmark and prints a table-ready summary. */
export function runLiveOsmBench(runs = 5): void {
  const body = benchAnswer();
  const districts = JSON.parse(readFileSync(DISTRICTS, 'utf8'));
  const lookup = createDistrictLookup(districts);
  const { handler, ms: warmMs } = warmHandler(districts);
  console.log(
    `\nlive OSM facilities: one Overpass answer of ${BENCH_ELEMENTS.toLocaleString('en')} elements, ${fmt(body.byteLength / 2 ** 20, 1)} MiB ` +
      `(load ${loadavg()[0]!.toFixed(1)} on ${availableParallelism()} cores)`,
  );
  let bestJson = Number.POSITIVE_INFINITY;
  let bestJob = Number.POSITIVE_INFINITY;
  let bestAssemble = Number.POSITIVE_INFINITY;
  let kept = 0;
  let shown = 0;
  for (let i = 0; i < runs; i++) {
    let t = performance.now();
    JSON.parse(new TextDecoder().decode(body));
    bestJson = Math.min(bestJson, performance.now() - t);
    t = performance.now();
    const r = handle(handler, body);
    bestJob = Math.min(bestJob, performance.now() - t);
    if (r.type !== 'live_osm') throw new Error(r.message);
    kept = r.data.candidates.length;
    t = performance.now();
    const { features } = assembleLive([r.data], lookup);
    bestAssemble = Math.min(bestAssemble, performance.now() - t);
    shown = features.length;
  }
  console.log(`  JSON.parse alone (baseline):            ${fmt(bestJson)} ms`);
  console.log(`  district lookup in the worker, built once per download: ${fmt(warmMs)} ms`);
  console.log(
    `  worker job (decode+parse+classify+validate): ${fmt(bestJob)} ms → ${fmt(bestJob / bestJson, 1)}× JSON.parse; ${kept.toLocaleString('en')} facilities validated`,
  );
  console.log(
    `  assembly of all tiles (dedupe, bridges, river rule): ${fmt(bestAssemble)} ms → ${shown.toLocaleString('en')} shown`,
  );
  // Peak memory of each job in a fresh process (a process's peak cannot be reset).
  const self = new URL(import.meta.url).pathname;
  const file = join(tmpdir(), `lym-live-bench-${process.pid}.json`);
  writeFileSync(file, body);
  const run = (job: string) =>
    JSON.parse(
      execFileSync(process.execPath, ['--import', 'tsx', self, '--child', job, file], { encoding: 'utf8' }),
    ) as { ms: number; peakMiB: number };
  const json = run('json');
  const job = run('job');
  rmSync(file);
  console.log(
    `  peak memory growth: JSON.parse ${fmt(json.peakMiB)} MiB, worker job ${fmt(job.peakMiB)} MiB (budget < 200 MiB, < 1 s)`,
  );
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const i = process.argv.indexOf('--child');
  if (i >= 0) child(process.argv[i + 1] ?? 'job', process.argv[i + 2] ?? '');
  else runLiveOsmBench();
}
