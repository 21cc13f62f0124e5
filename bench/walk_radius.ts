// Benchmark: radius query over 5k facilities × 100k queries, kdbush range + haversine vs @turf/distance brute force.

import turfDistance from '@turf/distance';
import { PointIndex } from '../src/lib/walk/point_index.ts';
import { rng } from '../src/lib/walk/test_support.ts';
import { bestRate, fmt, isMain } from './walk_synthetic.ts';

/** Random points (invented) over Lanzhou's urban valley, lon 103.55–104.0, lat 35.98–36.15. */
function randomPoints(count: number, seed: number): { lon: number; lat: number }[] {
  const r = rng(seed);
  return Array.from({ length: count }, () => ({ lon: 103.55 + r() * 0.45, lat: 35.98 + r() * 0.17 }));
}

/** Runs the radius benchmark; returns queries/s of both methods and their ratio. */
export function runWalkRadiusBench(radiusM = 1200): Record<string, number> {
  const facilities = randomPoints(5000, 1);
  const queries = randomPoints(100_000, 2);
  const index = new PointIndex(facilities);
  let found = 0;
  const indexQps = bestRate(queries.length, 5, () => {
    found = 0;
    for (const q of queries) found += index.within(q.lon, q.lat, radiusM).length;
  });

  // Brute force over every facility with turf on a 500-query sample (100k × 5k = 5·10⁸ calls would
  // take minutes); rates are per query, so the ratio is unaffected.
  const sample = queries.slice(0, 500);
  const fc = facilities.map((f) => [f.lon, f.lat] as [number, number]);
  let bruteResults: number[][] = [];
  const bruteQps = bestRate(sample.length, 3, () => {
    bruteResults = sample.map((q) => {
      const hits: number[] = [];
      const p: [number, number] = [q.lon, q.lat];
      for (let i = 0; i < fc.length; i++)
        if (turfDistance(p, fc[i] as [number, number], { units: 'meters' }) <= radiusM) hits.push(i);
      return hits;
    });
  });
  sample.forEach((q, i) => {
    const got = index.within(q.lon, q.lat, radiusM).sort((a, b) => a - b);
    if (got.join() !== (bruteResults[i] as number[]).join()) throw new Error(`radius mismatch on query ${i}`);
  });
  console.log(
    `radius ${radiusM} m, 5,000 facilities: kdbush range + haversine ${fmt(indexQps)} queries/s ` +
      `(100,000 queries, ${fmt(found / queries.length, 1)} hits each); @turf/distance brute force ${fmt(bruteQps)} queries/s ` +
      `(500-query sample, same answers) → ${fmt(indexQps / bruteQps)}×`,
  );
  return { indexQps, bruteQps, ratio: indexQps / bruteQps };
}

if (isMain(import.meta.url)) {
  runWalkRadiusBench(500);
  runWalkRadiusBench(1200);
}
