// The command line of the OSM import (npm run data:osm): its arguments, the optional download, the report.

import { mkdir } from 'node:fs/promises';
import { basename, join } from 'node:path';
import { LANZHOU_BBOX, parseBbox } from './bbox.ts';
import { downloadExtract, formatProgress, GEOFABRIK_GANSU_URL } from './download.ts';
import {
  DEFAULT_BOUNDARIES,
  DEFAULT_OUT_DIR,
  type ImportInput,
  OUTPUT_FILES,
  runImport,
} from './import_osm.ts';

export const DEFAULT_DOWNLOAD_DIR = 'osm-data';

/** Parsed command line of the import. */
export interface ImportArgs extends ImportInput {
  /** Empty `inputs` with `download`. */
  download: boolean;
  url: string;
  downloadDir: string;
}

export const IMPORT_USAGE = `usage: npm run data:osm -- (--pbf FILE | --osm FILE)... [options]
       npm run data:osm -- --download [--url URL] [--download-dir DIR] [options]
  --pbf FILE          an .osm.pbf extract (repeatable; several files are read as one)
  --osm FILE          an .osm or .osm.gz XML file (repeatable)
  --download          fetch the extract first (default ${GEOFABRIK_GANSU_URL}), resuming a partial one
  --url URL           what --download fetches
  --download-dir DIR  where it goes (default ${DEFAULT_DOWNLOAD_DIR}/)
  --bbox W,S,E,N      clip box in degrees (default Lanzhou ${LANZHOU_BBOX.join(',')})
  --out DIR           output folder (default ${DEFAULT_OUT_DIR})
  --boundaries FILE   district polygons (default data/boundaries/lanzhou_districts.geojson; "none" to skip)
  --date YYYY-MM-DD   extract date to cite when the file has no timestamp
  --all-components    keep every piece of the walking network, not only the largest`;

/**
 * Parses the import's arguments.
 * @throws Error with usage text on bad input
 */
export function parseImportArgs(argv: readonly string[]): ImportArgs {
  const args: ImportArgs = {
    inputs: [],
    download: false,
    url: GEOFABRIK_GANSU_URL,
    downloadDir: DEFAULT_DOWNLOAD_DIR,
    outDir: DEFAULT_OUT_DIR,
    bbox: LANZHOU_BBOX,
    boundaries: DEFAULT_BOUNDARIES,
    keepAllComponents: false,
    date: null,
  };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    const value = () => {
      const v = argv[++i];
      if (v === undefined || v.startsWith('--')) throw new Error(`${a} needs a value\n${IMPORT_USAGE}`);
      return v;
    };
    if (a === '--pbf' || a === '--osm') {
      const file = value();
      const isPbf = /\.pbf$/i.test(file);
      if ((a === '--pbf') !== isPbf)
        throw new Error(
          `${a} ${file}: expected ${a === '--pbf' ? 'an .osm.pbf' : 'an .osm or .osm.gz'} file`,
        );
      args.inputs.push(file);
    } else if (a === '--download') args.download = true;
    else if (a === '--url') args.url = value();
    else if (a === '--download-dir') args.downloadDir = value();
    else if (a === '--out') args.outDir = value();
    else if (a === '--bbox') args.bbox = parseBbox(value());
    else if (a === '--boundaries') {
      const v = value();
      args.boundaries = v === 'none' ? null : v;
    } else if (a === '--date') {
      const v = value();
      if (!/^\d{4}-\d{2}-\d{2}$/.test(v) || Number.isNaN(Date.parse(v)))
        throw new Error(`--date must be YYYY-MM-DD, got "${v}"`);
      args.date = v;
    } else if (a === '--all-components') args.keepAllComponents = true;
    else if (a === '--help' || a === '-h') throw new Error(IMPORT_USAGE);
    else throw new Error(`unknown argument "${a}"\n${IMPORT_USAGE}`);
  }
  if (args.download && args.inputs.length > 0)
    throw new Error(`give either --download or --pbf/--osm files, not both\n${IMPORT_USAGE}`);
  if (!args.download && args.inputs.length === 0)
    throw new Error(`an input is required: --pbf FILE, --osm FILE or --download\n${IMPORT_USAGE}`);
  if (args.url !== GEOFABRIK_GANSU_URL && !args.download)
    throw new Error(`--url needs --download\n${IMPORT_USAGE}`);
  return args;
}

/** The command line: optional download, the import, a short report. Returns the exit code. */
export async function importOsmCli(
  argv: readonly string[],
  io: { out: (line: string) => void; err: (line: string) => void; progress?: (line: string) => void } = {
    out: (l) => console.log(l),
    err: (l) => console.error(l),
  },
): Promise<number> {
  try {
    const args = parseImportArgs(argv);
    if (args.download) {
      const name = basename(new URL(args.url).pathname) || 'extract.osm.pbf';
      const dest = join(args.downloadDir, name);
      await mkdir(args.downloadDir, { recursive: true });
      io.out(`downloading ${args.url} → ${dest}`);
      let last = 0;
      const r = await downloadExtract({
        url: args.url,
        dest,
        onProgress: (p) => {
          const now = Date.now();
          if (now - last < 1000 && p.received !== p.total) return;
          last = now;
          (io.progress ?? io.err)(`  ${formatProgress(p)}`);
        },
      });
      io.out(
        `downloaded ${(r.bytes / 1048576).toFixed(1)} MiB${r.resumedFrom ? ` (resumed at ${(r.resumedFrom / 1048576).toFixed(1)} MiB)` : ''}; MD5 ${r.md5}`,
      );
      args.inputs = [dest];
    }
    const r = await runImport(args, { log: io.out });
    const m = r.manifest;
    const kib = (n: number) => `${(n / 1024).toFixed(1)} KiB`;
    io.out(`extract date: ${m.source.extract_date ?? 'unknown'} (${m.source.extract_date_from})`);
    io.out(
      `walk graph: ${m.counts.graph_nodes} nodes, ${m.counts.graph_edges} edges (${r.graph.components} components before keeping the largest) → ${kib(m.files.graph.bytes)}`,
    );
    io.out(
      `basemap: ${JSON.stringify(m.counts.basemap)}; ${r.basemap.tiles} tiles z${r.basemap.minZoom}–${r.basemap.maxZoom} → ${kib(m.files.basemap.bytes)} in ${(r.basemap.ms / 1000).toFixed(1)} s`,
    );
    io.out(
      `facilities: ${JSON.stringify(m.counts.candidates)} (river match: ${r.river}; ${r.noDistrict} outside every district); skipped ${JSON.stringify(m.counts.skipped)} → ${kib(m.files.candidates.bytes)}`,
    );
    for (const p of r.problems.slice(0, 20)) io.err(`  dropped: ${p}`);
    if (r.problems.length > 20) io.err(`  … and ${r.problems.length - 20} more`);
    io.out(
      `river: ${m.counts.river_ways ?? 0} ${r.river === 'named' ? 'Yellow River' : 'river'} ways → ${m.files.river ? kib(m.files.river.bytes) : 'no file'}`,
    );
    const written = Object.values(OUTPUT_FILES).filter((f) => f !== OUTPUT_FILES.river || m.files.river);
    io.out(`wrote ${r.outDir}/{${written.join(',')}} in ${r.seconds.toFixed(1)} s`);
    return 0;
  } catch (err) {
    io.err(err instanceof Error ? err.message : String(err));
    return 1;
  }
}
