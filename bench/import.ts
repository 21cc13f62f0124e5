// Benchmark: user import — a 150k-vertex polygon, 1 MB adversarial fields, and 100k features against
// JSON.parse alone, all in one process. Shapes and names are synthetic test data, not places.

import { readFileSync } from 'node:fs';
import { availableParallelism, loadavg } from 'node:os';
import { pathToFileURL } from 'node:url';
import kinks from '@turf/kinks';
import type { Position } from '../src/lib/feature.ts';
import { importFile } from '../src/lib/import/import_file.ts';
import { findDuplicateKeys } from '../src/lib/import/json_keys.ts';
import { findRingCrossing } from '../src/lib/polygon_check.ts';

const now = () => performance.now();
const time = async (f: () => unknown | Promise<unknown>) => {
  const t0 = now();
  await f();
  return now() - t0;
};
const fmt = (v: number, d = 0) =>
  v.toLocaleString('en-US', { maximumFractionDigits: d, minimumFractionDigits: d });
const enc = (s: string) => new TextEncoder().encode(s);
// The shipped district boundaries, as the app passes them: records without a district get one from them.
const districts = JSON.parse(
  readFileSync(new URL('../data/boundaries/lanzhou_districts.geojson', import.meta.url), 'utf8'),
);
const opts = (name: string) => ({ name, crs: 'WGS84' as const, lang: 'en' as const, districts });

/** A counter-clockwise circle of n vertices around 中山桥 (radius in degrees), closed. */
function circle(n: number, r = 0.02): Position[] {
  const ring: Position[] = [];
  for (let i = 0; i < n; i++) {
    const a = (2 * Math.PI * i) / n;
    ring.push([103.82 + r * Math.cos(a), 36.06 + r * Math.sin(a)]);
  }
  ring.push(ring[0] as Position);
  return ring;
}

/**
 * A comb of `teeth` long horizontal teeth: every tooth spans the same longitudes, the worst case for a
 * sweep along x (all teeth are active at once; sweepline-intersections took 10.6 s on 2k teeth, see
 * bench/README.md), while each tooth's box overlaps only its neighbours.
 */
function comb(teeth: number): Position[] {
  const ring: Position[] = [[103.8, 36.0]];
  const h = 0.1 / teeth;
  for (let i = 0; i < teeth; i++) {
    ring.push(
      [103.9, 36.0 + i * h],
      [103.9, 36.0 + (i + 0.5) * h],
      [103.81, 36.0 + (i + 0.5) * h],
      [103.81, 36.0 + (i + 1) * h],
    );
  }
  ring.push([103.8, 36.1], [103.8, 36.0]);
  return ring;
}

const polygonFile = (ring: Position[]) =>
  enc(
    JSON.stringify({
      type: 'FeatureCollection',
      features: [
        {
          type: 'Feature',
          properties: { name_zh: '测试多边形', category: 'youth_park', district: '620102' },
          geometry: { type: 'Polygon', coordinates: [ring] },
        },
      ],
    }),
  );

// The date regex before issue 12: `\s*日?)?\s*月?` lets two `\s*` share a run of spaces (quadratic).
const OLD_DATE = /^(\d{4})(?:\s*[-/.年]\s*(\d{1,2})(?:\s*[-/.月]\s*(\d{1,2})\s*日?)?\s*月?)?$/;

export async function runImportBench(): Promise<Record<string, number>> {
  const out: Record<string, number> = {};
  console.log(
    `import: load average ${loadavg()[0]?.toFixed(1)} on ${availableParallelism()} cores; wall-clock ms`,
  );
  await importFile(polygonFile(circle(1000)), opts('warm.geojson'));

  // 1. A valid 150k-vertex polygon through the whole importer, and the crossing test alone, three ways.
  const big = circle(150_000);
  const bigFile = polygonFile(big);
  let accepted = 0;
  out.polygonImportMs = await time(async () => {
    accepted = (await importFile(bigFile, opts('polygon.geojson'))).stats.accepted;
  });
  if (accepted !== 1) throw new Error('the 150k-vertex polygon was not accepted');
  out.polygonFlatbushMs = await time(() => {
    if (findRingCrossing([big])) throw new Error('crossing found in a circle');
  });
  const small = circle(10_000);
  out.kinks10kMs = await time(() => kinks({ type: 'Polygon', coordinates: [small] }));
  out.flatbush10kMs = await time(() => findRingCrossing([small]));
  console.log(
    `  150k-vertex polygon: whole import ${fmt(out.polygonImportMs)} ms (${fmt(bigFile.length / 2 ** 20, 1)} MiB); ` +
      `crossing test alone (flatbush) ${fmt(out.polygonFlatbushMs)} ms`,
  );
  console.log(
    `  10k-vertex polygon: turf kinks ${fmt(out.kinks10kMs)} ms vs flatbush ${fmt(out.flatbush10kMs, 1)} ms ` +
      `→ ${fmt(out.kinks10kMs / out.flatbush10kMs)}× (kinks is quadratic: 150k would take ~${fmt((out.kinks10kMs * 225) / 1000)} s)`,
  );
  const teeth = comb(2_000);
  out.combFlatbushMs = await time(() => findRingCrossing([teeth]));
  out.combKinksMs = await time(() => kinks({ type: 'Polygon', coordinates: [teeth] }));
  console.log(
    `  comb of 2k horizontal teeth (${fmt(teeth.length)} vertices): flatbush ${fmt(out.combFlatbushMs)} ms, ` +
      `turf kinks ${fmt(out.combKinksMs)} ms → ${fmt(out.combKinksMs / out.combFlatbushMs)}×`,
  );

  // 2. A 1 MB adversarial date field, and the regex it used to go through (at smaller sizes: it is quadratic).
  const attack = (n: number) => `2024-3-19${' '.repeat(n)}x`;
  const field = enc(
    JSON.stringify({
      type: 'Feature',
      properties: { name_zh: '测试点', category: 'youth_park', source_date: attack(2 ** 20) },
      geometry: { type: 'Point', coordinates: [103.8236, 36.0611] },
    }),
  );
  out.fieldImportMs = await time(() => importFile(field, opts('field.geojson')));
  const csvField = enc(`name,lnglat,category\n测试点,"103.8${' '.repeat(2 ** 20)}x",youth_park\n`);
  out.csvFieldImportMs = await time(() => importFile(csvField, opts('field.csv')));
  const oldMs: number[] = [];
  for (const n of [1_000, 2_000, 4_000]) oldMs.push(await time(() => OLD_DATE.exec(attack(n))));
  [out.oldRegex1kMs, out.oldRegex2kMs, out.oldRegex4kMs] = oldMs as [number, number, number];
  console.log(
    `  1 MiB date field: whole import ${fmt(out.fieldImportMs)} ms; 1 MiB lnglat cell (CSV) ${fmt(out.csvFieldImportMs)} ms; ` +
      `the old date regex alone on 1k/2k/4k spaces: ${oldMs.map((m) => fmt(m)).join(' / ')} ms ` +
      `(cubic or worse: 1 MiB would take longer than anyone waits)`,
  );

  // 3. 100k point features against JSON.parse of the same text.
  const features = Array.from({ length: 100_000 }, (_, i) => ({
    type: 'Feature',
    properties: {
      id: `t${i}`,
      name_zh: `测试点${i}`,
      category: 'youth_park',
      status: 'existing',
      accuracy_m: 30,
      source: { title: '测试数据（非真实地点）', date: '2024-03-19' },
    },
    geometry: {
      type: 'Point',
      coordinates: [
        +(103.7 + (i % 300) * 0.001).toFixed(6),
        +(36.03 + Math.floor(i / 300) * 0.0002).toFixed(6),
      ],
    },
  }));
  const text = JSON.stringify({ type: 'FeatureCollection', features });
  const bytes = enc(text);
  out.parseMs = await time(() => JSON.parse(text));
  out.duplicateScanMs = await time(() => findDuplicateKeys(text));
  let n = 0;
  out.import100kMs = await time(async () => {
    n = (await importFile(bytes, opts('100k.geojson'))).stats.accepted;
  });
  if (n !== 100_000) throw new Error(`only ${n} of 100k features accepted`);
  console.log(
    `  100k point features (${fmt(bytes.length / 2 ** 20, 1)} MiB): import ${fmt(out.import100kMs)} ms, ` +
      `JSON.parse alone ${fmt(out.parseMs)} ms (${fmt(out.import100kMs / out.parseMs, 1)}×); duplicate-key scan ${fmt(out.duplicateScanMs)} ms`,
  );
  return out;
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) await runImportBench();
