// Residents' query-to-list time: rankNearby + summary on the shipped data and on 50k synthetic facilities.
// Synthetic facilities and streets are invented (seeded); the baseline is a plain scan run in the same process.

import { readFileSync } from 'node:fs';
import distance from '@turf/distance';
import { DETOUR_FACTOR, WALK_SPEED_M_PER_MIN } from '../src/config';
import type { CategoryId, MapFeature, MapFeatureCollection } from '../src/lib/feature';
import {
  fitnessCircleAnswer,
  NEARBY_CATEGORIES,
  prepareNearby,
  rankNearby,
  summarise,
} from '../src/lib/nearby';
import { createWalkEngine } from '../src/lib/walk/engine';
import { rng } from '../src/lib/walk/test_support';
import { benchGraph, bestMs, fmt, isMain, machineNote } from './walk_synthetic.ts';

const CATS = NEARBY_CATEGORIES;

function syntheticFacilities(n: number, bbox: [number, number, number, number], seed = 3): MapFeature[] {
  const r = rng(seed);
  return Array.from({ length: n }, (_, i) => ({
    type: 'Feature' as const,
    geometry: {
      type: 'Point' as const,
      coordinates: [bbox[0] + r() * (bbox[2] - bbox[0]), bbox[1] + r() * (bbox[3] - bbox[1])] as [
        number,
        number,
      ],
    },
    properties: {
      id: `s${i}`,
      category: CATS[i % CATS.length] as CategoryId,
      name_zh: `合成${i}`,
      name_en: `Synthetic ${i}`,
      district: '620102',
      status: 'existing' as const,
      source: { title: 'synthetic benchmark data (invented)' },
      accuracy_m: 10,
    },
  }));
}

/** The whole query the panel runs: rank within 30 min, summarise, answer the fitness-circle question. */
function query(index: ReturnType<typeof prepareNearby>, origin: [number, number]): number {
  const rows = rankNearby(index, origin, {
    categories: CATS,
    maxMinutes: 30,
    limit: Number.POSITIVE_INFINITY,
  });
  summarise(rows, CATS);
  fitnessCircleAnswer(rows);
  return rows.length;
}

/** Baseline: turf distance to every facility, filter, sort. */
function scan(features: readonly MapFeature[], origin: [number, number]): number {
  const rows = features
    .map((f) => ({
      f,
      min:
        (distance(origin, f.geometry.coordinates as [number, number], { units: 'meters' }) * DETOUR_FACTOR) /
        WALK_SPEED_M_PER_MIN,
    }))
    .filter((x) => x.min <= 30)
    .sort((a, b) => a.min - b.min);
  return rows.length;
}

export function runNearbyBench(): void {
  console.log(`nearby (query → list) — ${machineNote()}`);
  const shipped = (JSON.parse(readFileSync('public/data/features.geojson', 'utf8')) as MapFeatureCollection)
    .features;
  const estimate = createWalkEngine(null);
  const origins = Array.from(
    { length: 200 },
    (_, i) => [103.6 + (i % 20) * 0.01, 36.0 + Math.floor(i / 20) * 0.008] as [number, number],
  );
  const shippedIndex = prepareNearby(estimate, shipped);
  const tShipped = bestMs(5, () => {
    for (const o of origins) query(shippedIndex, o);
  });
  console.log(
    `  shipped data (${shipped.length} places), estimate: ${fmt((tShipped / origins.length) * 1000, 1)} µs per query`,
  );

  const box: [number, number, number, number] = [103.6, 36.0, 103.85, 36.2];
  const synth = syntheticFacilities(50_000, box);
  const index = prepareNearby(estimate, synth);
  let n = 0;
  const tIndex = bestMs(5, () => {
    for (const o of origins) n += query(index, o);
  });
  const tScan = bestMs(2, () => {
    for (const o of origins) scan(synth, o);
  });
  console.log(
    `  50k synthetic facilities, estimate: ${fmt(tIndex / origins.length, 2)} ms per query (≈${fmt(n / 5 / origins.length)} rows) vs turf scan ${fmt(tScan / origins.length, 2)} ms: ${fmt(tScan / tIndex, 1)}×`,
  );

  const graph = benchGraph(100);
  const network = createWalkEngine(graph);
  const tPrep = bestMs(1, () => prepareNearby(network, synth));
  const netIndex = prepareNearby(network, synth);
  const tNet = bestMs(3, () => {
    for (const o of origins.slice(0, 50)) query(netIndex, [o[0] + 0.05, o[1] + 0.05]);
  });
  console.log(
    `  50k synthetic facilities on the synthetic 200k-node street grid: ${fmt(tNet / 50, 1)} ms per query (30-min reach); preparing (snapping) the facilities once: ${fmt(tPrep)} ms`,
  );
}

if (isMain(import.meta.url)) runNearbyBench();
