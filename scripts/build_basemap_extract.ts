// Cuts Lanzhou (z0–15) out of a planet PMTiles build into public/data/basemap-lanzhou.pmtiles + manifest.
// Usage: npm run data:basemap -- --download [--date YYYYMMDD | --source URL] [--bbox W,S,E,N] [--max-zoom N]

import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import { INITIAL_CENTER, LANZHOU_BBOX } from '../src/config';
import {
  BASEMAP_EXTRACT_VERSION,
  type BasemapExtractManifest,
  dayOf,
  extractAttribution,
} from '../src/lib/basemap_extract';
import { httpRangeReader } from './lib/pmtiles_directory';
import { type Bbox, type ExtractProgress, extractPmtiles } from './lib/pmtiles_extract';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
export const DEFAULT_OUT = join(ROOT, 'public/data/basemap-lanzhou.pmtiles');
/** Protomaps' daily planet builds (OpenStreetMap + Natural Earth, Protomaps basemap schema), kept for a few days. */
export const PROTOMAPS_BUILD = (day: string) => `https://build.protomaps.com/${day}.pmtiles`;

const ymd = (d: Date) => d.toISOString().slice(0, 10).replaceAll('-', '');

/** The newest daily build that answers a 1-byte range read, looking back up to `days` days from today (UTC). */
async function newestBuild(days: number): Promise<string> {
  for (let back = 0; back <= days; back++) {
    const url = PROTOMAPS_BUILD(ymd(new Date(Date.now() - back * 86_400_000)));
    const res = await fetch(url, { headers: { Range: 'bytes=0-0' } }).catch(() => null);
    await res?.body?.cancel();
    if (res?.status === 206) return url;
  }
  throw new Error(`no Protomaps build found in the last ${days} days; pass --source URL or --date YYYYMMDD`);
}

function progressLine(p: ExtractProgress, started: number): string {
  const mb = (n: number) => (n / 1024 / 1024).toFixed(1);
  if (p.phase === 'directories') return 'reading the directories…';
  if (p.phase === 'writing') return `writing the archive (${mb(p.bytes)} MiB of tiles)…`;
  const s = (performance.now() - started) / 1000;
  const pct = p.bytes ? ((100 * p.bytesDone) / p.bytes).toFixed(1) : '100';
  return `tiles ${mb(p.bytesDone)} / ${mb(p.bytes)} MiB (${pct} %), batch ${p.batchesDone}/${p.batches}, ${s.toFixed(0)} s`;
}

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      download: { type: 'boolean', default: false },
      source: { type: 'string' },
      date: { type: 'string' },
      bbox: { type: 'string' },
      'min-zoom': { type: 'string', default: '0' },
      'max-zoom': { type: 'string', default: '15' },
      out: { type: 'string', default: DEFAULT_OUT },
    },
  });
  if (!values.download) {
    console.log(
      'Cuts the Lanzhou basemap out of a Protomaps planet build (needs internet); see docs/DATA.md.\n' +
        '  npm run data:basemap -- --download [--date YYYYMMDD | --source URL] [--bbox W,S,E,N] [--max-zoom 15]',
    );
    return;
  }
  const bbox = (values.bbox ? values.bbox.split(',').map(Number) : LANZHOU_BBOX) as Bbox;
  if (bbox.length !== 4 || !bbox.every(Number.isFinite) || bbox[0] >= bbox[2] || bbox[1] >= bbox[3])
    throw new Error(`--bbox must be W,S,E,N in degrees, got ${values.bbox}`);
  const minZoom = Number(values['min-zoom']);
  const maxZoom = Number(values['max-zoom']);
  if (
    !(
      Number.isInteger(minZoom) &&
      Number.isInteger(maxZoom) &&
      minZoom >= 0 &&
      minZoom <= maxZoom &&
      maxZoom <= 15
    )
  )
    throw new Error('--min-zoom/--max-zoom must be integers with 0 ≤ min ≤ max ≤ 15');
  const source =
    values.source ?? (values.date ? PROTOMAPS_BUILD(values.date.replaceAll('-', '')) : await newestBuild(7));
  const out = resolve(values.out);
  console.log(`basemap extract: ${source}\n  box ${bbox.join(',')}, z${minZoom}–${maxZoom} → ${out}`);

  const started = performance.now();
  let last = 0;
  const r = await extractPmtiles({
    read: httpRangeReader(source),
    sourceKey: source,
    bbox,
    minZoom,
    maxZoom,
    workDir: `${out}.partial`,
    center: [INITIAL_CENTER[0], INITIAL_CENTER[1], 12],
    metadata: { description: `Lanzhou extract (${bbox.join(',')}, z${minZoom}–${maxZoom}) of ${source}` },
    onProgress: (p) => {
      const now = performance.now();
      if (p.phase !== 'tiles' || now - last > 1000 || p.batchesDone === p.batches) {
        last = now;
        process.stderr.write(`\r  ${progressLine(p, started)}\u001b[K${p.phase === 'tiles' ? '' : '\n'}`);
      }
    },
  });
  process.stderr.write('\n');
  mkdirSync(dirname(out), { recursive: true });
  writeFileSync(out, r.bytes);
  const osmDate = dayOf(r.sourceMetadata['planetiler:osm:osmosisreplicationtime']);
  const buildDay = /(\d{4})(\d{2})(\d{2})\.pmtiles/.exec(source);
  const manifest: BasemapExtractManifest = {
    version: BASEMAP_EXTRACT_VERSION,
    file: out.split('/').pop()!,
    bytes: r.bytes.length,
    tiles: r.stats.addressedTiles,
    bbox,
    min_zoom: minZoom,
    max_zoom: maxZoom,
    source,
    build_date: buildDay ? `${buildDay[1]}-${buildDay[2]}-${buildDay[3]}` : null,
    osm_date: osmDate,
    schema_version: typeof r.sourceMetadata.version === 'string' ? r.sourceMetadata.version : null,
    attribution: extractAttribution(r.sourceMetadata.attribution, osmDate),
    extracted_at: new Date().toISOString(),
  };
  writeFileSync(out.replace(/\.pmtiles$/, '.json'), `${JSON.stringify(manifest, null, 2)}\n`);
  const s = (performance.now() - started) / 1000;
  console.log(
    `  ${(r.bytes.length / 1024 / 1024).toFixed(1)} MiB, ${r.stats.addressedTiles} tiles of ${r.tilesInBox} in the box ` +
      `(${r.stats.tileContents} distinct), ${r.requests} range requests, ${(r.bytesRead / 1024 / 1024).toFixed(1)} MiB read` +
      `${r.batchesResumed ? ` (${r.batchesResumed} batches resumed)` : ''}, ${s.toFixed(0)} s`,
  );
  console.log(`  OSM data of ${osmDate ?? 'unknown date'}; attribution: ${manifest.attribution.join(' · ')}`);
}

if (process.argv[1] && import.meta.url === pathToFileURL(resolve(process.argv[1])).href) {
  main().catch((e) => {
    console.error(`\nbuild_basemap_extract: ${e instanceof Error ? e.message : String(e)}`);
    console.error('  Run the same command again to resume where it stopped.');
    process.exitCode = 1;
  });
}
