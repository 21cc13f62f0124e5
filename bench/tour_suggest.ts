// Suggested river walks: suggestWalk on a synthetic city-sized riverside (25 km of meandering river, 320
// places on both banks, bridges every ~1.5 km, 27 stations; all invented, seeded) and on the real relocated
// OSM fixture. Baseline in the same process: scheduling the walk it returns once (what showing any walk
// costs). Router calls are counted, to price the network case (one A* walk each).

import { readWalkExtract } from '../scripts/lib/osm/read_walk.ts';
import { LIECHTENSTEIN_TO_LANZHOU } from '../scripts/lib/overpass_fixture.ts';
import { buildRiverFrame, type LonLat } from '../src/lib/river/river_frame';
import { type LegRouter, straightLegRouter, walkEngineRouter } from '../src/lib/tour/legs';
import { scheduleTour } from '../src/lib/tour/schedule';
import { SUGGEST_LENGTHS_MIN, startPlaces, suggestWalk, suggestWalkSteps } from '../src/lib/tour/suggest';
import { type StopKind, type WalkPlace, walkPlaces } from '../src/lib/tour/suggest_places';
import { liveFixture, metroStations } from '../src/lib/tour/suggest_test_support';
import { createWalkEngine } from '../src/lib/walk/engine';
import type { WalkGraph } from '../src/lib/walk/graph';
import { buildWalkGraph } from '../src/lib/walk/graph';
import { rng } from '../src/lib/walk/test_support';
import { benchGraph, bestMs, fmt, isMain, machineNote } from './walk_synthetic.ts';

// Real OSM data (© OpenStreetMap contributors, ODbL; test/fixtures/osm/README.md).
const PBF = new URL('../test/fixtures/osm/liechtenstein-2013-08-03.osm.pbf', import.meta.url).pathname;

export function syntheticRiverside(seed = 7): { places: WalkPlace[]; river: LonLat[] } {
  const r = rng(seed);
  // West → east through Lanzhou's latitude, meandering ±1 km.
  const river: LonLat[] = [];
  for (let i = 0; i <= 500; i++) {
    const x = 103.6 + (i / 500) * 0.28;
    river.push([x, 36.06 + 0.009 * Math.sin(i / 40)]);
  }
  const at = (i: number): LonLat => river[Math.min(500, Math.max(0, Math.round(i)))] as LonLat;
  const places: WalkPlace[] = [];
  const kinds: StopKind[] = ['viewpoint', 'sight', 'park', 'checkin', 'night_market'];
  for (let i = 0; i < 320; i++) {
    const [x, y] = at(r() * 500);
    const side = r() < 0.5 ? -1 : 1;
    places.push({
      id: `p${i}`,
      kind: kinds[i % kinds.length] as StopKind,
      coord: [x + (r() - 0.5) * 0.002, y + side * (0.0008 + r() * 0.003)],
      accuracy_m: 20,
      ...(i % 7 === 0 ? { opening_hours: 'Mo-Su 18:00-23:00' } : {}),
    });
  }
  for (let i = 0; i < 17; i++)
    places.push({ id: `b${i}`, kind: 'bridge', coord: at(i * 30 + 5), accuracy_m: 150 });
  for (let i = 0; i < 27; i++) {
    const [x, y] = at(i * 18.5);
    places.push({ id: `m${i}`, kind: 'metro', coord: [x, y + (i % 2 ? 0.004 : -0.004)], accuracy_m: 75 });
  }
  return { places, river };
}

function countingRouter(inner: LegRouter): { router: LegRouter; calls: () => number } {
  let n = 0;
  return {
    router: (a, b) => {
      n++;
      return inner(a, b);
    },
    calls: () => n,
  };
}

function run(label: string, places: WalkPlace[], lines: LonLat[][]): void {
  const river = buildRiverFrame(lines);
  // Every start of the real fixture; six stations spread along the synthetic river.
  const all = startPlaces(places, river).filter((p) => p.kind === 'metro' || p.kind === 'bridge');
  const starts = all.length > 12 ? all.filter((p) => p.kind === 'metro').filter((_, i) => i % 4 === 1) : all;
  const start = new Date('2026-06-20T11:30:00Z');
  const straight = straightLegRouter();
  let walks = 0;
  const counted = countingRouter(straight);
  const jobs = starts.flatMap((s) => SUGGEST_LENGTHS_MIN.map((lengthMin) => ({ s, lengthMin })));
  const results = jobs.map(({ s, lengthMin }) =>
    suggestWalk({ places, river, startId: s.id, lengthMin, start, router: counted.router }),
  );
  walks = results.filter((r) => r.ok).length;
  const callsPer = counted.calls() / jobs.length;
  const suggestMs =
    bestMs(2, () => {
      for (const { s, lengthMin } of jobs)
        suggestWalk({ places, river, startId: s.id, lengthMin, start, router: straight });
    }) / jobs.length;
  const coords = new Map(places.map((p) => [p.id, p.coord]));
  const ok = results.flatMap((r) => (r.ok ? [r.walk] : []));
  const baseMs =
    bestMs(3, () => {
      for (const w of ok)
        scheduleTour(
          w.stops.map((x) => ({ coord: coords.get(x.feature_id) as LonLat, dwell_min: x.dwell_min })),
          straight,
          start,
        );
    }) / Math.max(1, ok.length);
  console.log(
    `${label}: ${fmt(places.length)} places, ${fmt(jobs.length)} requests (${walks} walks given); ` +
      `suggest ${fmt(suggestMs, 2)} ms each (${fmt(callsPer)} router calls) vs scheduling one walk ${fmt(baseMs, 3)} ms: ${fmt(suggestMs / baseMs, 0)}×`,
  );
}

/** A router over a graph that lies `offset` degrees away from the places (the relocated real extract). */
function shiftedRouter(graph: WalkGraph, offset: readonly [number, number]): LegRouter {
  const inner = walkEngineRouter(createWalkEngine(graph));
  const [dx, dy] = offset;
  return (a, b) => {
    const r = inner([a[0] - dx, a[1] - dy], [b[0] - dx, b[1] - dy]);
    return { ...r, coordinates: r.coordinates.map(([x, y]) => [x + dx, y + dy] as LonLat) };
  };
}

/**
 * What "suggest a walk" blocks the page for with a street network: each request timed on its own, and its
 * longest step (the page runs suggestWalkSteps and draws between steps). The first request on a fresh engine also
 * prepares the landmarks when no worker did (the app prepares them off the thread for the import's graph).
 */
function runNetwork(
  label: string,
  places: WalkPlace[],
  lines: LonLat[][],
  makeRouter: () => LegRouter,
): void {
  const river = buildRiverFrame(lines);
  const all = startPlaces(places, river).filter((p) => p.kind === 'metro' || p.kind === 'bridge');
  const starts = all.length > 12 ? all.filter((p) => p.kind === 'metro').filter((_, i) => i % 4 === 1) : all;
  const start = new Date('2026-06-20T11:30:00Z');
  const jobs = starts.flatMap((s) => SUGGEST_LENGTHS_MIN.map((lengthMin) => ({ s, lengthMin })));
  const counted = countingRouter(makeRouter());
  // The app runs it in steps (suggestWalkSteps): the page gets a frame after each direction tried.
  let longestStep = 0;
  const times = jobs.map(({ s, lengthMin }, i) => {
    const steps = suggestWalkSteps({
      places,
      river,
      startId: s.id,
      lengthMin,
      start,
      router: counted.router,
    });
    const t0 = performance.now();
    let t = t0;
    for (let r = steps.next(); ; r = steps.next()) {
      const now = performance.now();
      if (i > 0) longestStep = Math.max(longestStep, now - t);
      t = now;
      if (r.done) break;
    }
    return t - t0;
  });
  const straight = straightLegRouter();
  const straightMs =
    bestMs(2, () => {
      for (const { s, lengthMin } of jobs)
        suggestWalk({ places, river, startId: s.id, lengthMin, start, router: straight });
    }) / jobs.length;
  const warm = times.slice(1).sort((a, b) => a - b);
  const median = warm[warm.length >> 1] ?? Number.NaN;
  console.log(
    `${label}: ${fmt(jobs.length)} requests, ${fmt(counted.calls() / jobs.length)} router calls each; ` +
      `first (cold engine) ${fmt(times[0] ?? Number.NaN)} ms, then median ${fmt(median)} ms, longest ${fmt(warm.at(-1) ?? Number.NaN)} ms ` +
      `per request (longest single step ${fmt(longestStep)} ms) vs ${fmt(straightMs, 2)} ms with the straight estimate: ${fmt(median / straightMs, 0)}×`,
  );
}

export async function runTourSuggestBench(): Promise<void> {
  console.log(`\n## Suggested river walks (${machineNote()})`);
  const synth = syntheticRiverside();
  run('synthetic 25 km riverside', synth.places, [synth.river]);
  const live = liveFixture();
  const livePlaces = walkPlaces([...live.features, ...metroStations()]);
  run('real OSM, Liechtenstein relocated', livePlaces, live.rivers);
  console.log('With a street network (one A* walk per router call; main-thread blocking per request):');
  const grid = benchGraph(100);
  runNetwork('  synthetic riverside on a 200,704-node 100 m grid', synth.places, [synth.river], () =>
    walkEngineRouter(createWalkEngine(grid)),
  );
  const { extract } = await readWalkExtract(PBF);
  const real = buildWalkGraph(extract).graph;
  runNetwork(
    `  real OSM relocated, its own street graph (${fmt(real.nodeCount)} nodes)`,
    livePlaces,
    live.rivers,
    () => shiftedRouter(real, LIECHTENSTEIN_TO_LANZHOU),
  );
}

if (isMain(import.meta.url)) await runTourSuggestBench();
