// OSM → walking graph import: reads .osm/.osm.gz/.osm.pbf, clips, builds the graph, writes the binary file.

import { mkdir, writeFile } from 'node:fs/promises';
import { basename, dirname } from 'node:path';
import { pathToFileURL } from 'node:url';
import { type BuildWalkGraphStats, buildWalkGraph } from '../../../src/lib/walk/graph.ts';
import { serializeWalkGraph } from '../../../src/lib/walk/graph_binary.ts';
import type { Bbox } from '../../../src/lib/walk/osm_extract.ts';
import { LANZHOU_BBOX, parseBbox } from './bbox.ts';
import { readOsmPbf } from './read_osm_pbf.ts';
import { type OsmReadStats, readOsmXml } from './read_osm_xml.ts';

/** Parsed command line of the import. */
export interface ImportArgs {
  input: string;
  output: string;
  bbox: Bbox;
  keepAllComponents: boolean;
}

export const IMPORT_USAGE = `usage: import_osm --in <file.osm|file.osm.gz|file.osm.pbf> [--out public/data/walk_graph.bin]
                  [--bbox W,S,E,N] [--all-components]
  --bbox   clip box in degrees (default Lanzhou ${LANZHOU_BBOX.join(',')})`;

/**
 * Parses the import's arguments.
 * @throws Error with usage text on bad input
 */
export function parseImportArgs(argv: readonly string[]): ImportArgs {
  let input = '';
  let output = 'public/data/walk_graph.bin';
  let bbox: Bbox = LANZHOU_BBOX;
  let keepAllComponents = false;
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    const value = () => {
      const v = argv[++i];
      if (v === undefined) throw new Error(`${a} needs a value\n${IMPORT_USAGE}`);
      return v;
    };
    if (a === '--in') input = value();
    else if (a === '--out') output = value();
    else if (a === '--bbox') bbox = parseBbox(value());
    else if (a === '--all-components') keepAllComponents = true;
    else throw new Error(`unknown argument "${a}"\n${IMPORT_USAGE}`);
  }
  if (!input) throw new Error(`--in is required\n${IMPORT_USAGE}`);
  return { input, output, bbox, keepAllComponents };
}

/** Which reader a file name calls for. */
export function osmFormatOf(path: string): 'pbf' | 'xml' {
  if (/\.pbf$/i.test(path)) return 'pbf';
  if (/\.osm(\.gz)?$/i.test(path) || /\.xml(\.gz)?$/i.test(path)) return 'xml';
  throw new Error(`cannot tell the OSM format of "${path}" (expected .osm, .osm.gz or .osm.pbf)`);
}

/** Runs the import and writes the graph file. */
export async function runImport(
  args: ImportArgs,
): Promise<{ read: OsmReadStats; build: BuildWalkGraphStats; bytes: number; seconds: number }> {
  const t0 = performance.now();
  const reader = osmFormatOf(args.input) === 'pbf' ? readOsmPbf : readOsmXml;
  const { extract, stats: read } = await reader(args.input, { bbox: args.bbox });
  const { graph, stats: build } = buildWalkGraph(extract, {
    keepAllComponents: args.keepAllComponents,
    meta: { source: basename(args.input), bbox: args.bbox.join(','), builtAt: new Date().toISOString() },
  });
  if (graph.nodeCount === 0)
    throw new Error(`no walkable ways inside bbox ${args.bbox.join(',')} in ${args.input}`);
  const bytes = serializeWalkGraph(graph);
  await mkdir(dirname(args.output), { recursive: true });
  await writeFile(args.output, bytes);
  return { read, build, bytes: bytes.length, seconds: (performance.now() - t0) / 1000 };
}

async function main(): Promise<void> {
  try {
    const args = parseImportArgs(process.argv.slice(2));
    const r = await runImport(args);
    console.log(
      `walk graph: ${r.build.nodes} nodes, ${r.build.edges} edges (${r.build.components} components before keeping the largest; ` +
        `${r.read.waysKept}/${r.read.waysSeen} ways walkable; elevation ${r.build.elevation}) → ${args.output} ` +
        `${(r.bytes / 1048576).toFixed(1)} MiB in ${r.seconds.toFixed(1)} s`,
    );
  } catch (err) {
    console.error(err instanceof Error ? err.message : String(err));
    process.exitCode = 1;
  }
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) await main();
