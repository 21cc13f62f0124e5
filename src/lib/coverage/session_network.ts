// The coverage worker's street-network jobs: the city graph file; an Overpass tile answer → extract file;
// tile files → one graph.

import { type BuildWalkGraphStats, buildWalkGraph, type WalkGraph } from '../walk/graph';
import { deserializeWalkGraph } from '../walk/graph_binary';
import { decodeExtract, encodeExtract, mergeExtracts } from '../walk/online/extract_file';
import { decodeOverpassBody, OverpassError } from '../walk/online/fetcher';
import { parseOverpassJson } from '../walk/overpass';
import type { NetTileResult } from './protocol';

async function fetchArrayBuffer(url: string): Promise<ArrayBuffer> {
  const res = await fetch(url);
  if (!res.ok) throw new Error(`HTTP ${res.status}`);
  return res.arrayBuffer();
}

/**
 * Fetches and reads a walking graph file (the OSM import's city graph). A failure is returned, not thrown:
 * the session then times by the estimate and says why.
 * @param fetchBytes how to fetch the file (default: `fetch`, failing on an HTTP error status)
 */
export async function loadGraphFile(
  url: string,
  fetchBytes: (url: string) => Promise<ArrayBuffer> = fetchArrayBuffer,
): Promise<{ graph: WalkGraph | null; issue: string | null }> {
  try {
    return { graph: deserializeWalkGraph(await fetchBytes(url)), issue: null };
  } catch (e) {
    return { graph: null, issue: (e as Error).message || String(e) };
  }
}

/**
 * Reads one tile's Overpass answer (a `remark` runtime error or malformed JSON is a typed failure, never
 * a partial network) and keeps only what the walking graph needs, as an extract file.
 */
export function parseNetworkTile(body: Uint8Array): NetTileResult {
  try {
    const json = decodeOverpassBody(body);
    const osmBase = (json as { osm3s?: { timestamp_osm_base?: unknown } }).osm3s?.timestamp_osm_base;
    const extract = parseOverpassJson(json);
    return {
      ok: true,
      extract: encodeExtract(extract),
      osmBase: typeof osmBase === 'string' ? osmBase : null,
      ways: extract.ways.length,
      nodes: extract.nodes.size,
    };
  } catch (e) {
    if (e instanceof OverpassError) return { ok: false, kind: e.kind, message: e.message };
    return {
      ok: false,
      kind: 'bad_json',
      message: `the answer could not be read (${(e as Error)?.message ?? e})`,
    };
  }
}

/**
 * Joins tile extract files by OSM id and builds one walking graph with the shared builder, so a street
 * crossing a tile edge is one street. Null when there are no parts (the caller falls back).
 * @throws ExtractFileError for a file that is not an extract
 */
export function buildNetworkGraph(
  parts: readonly ArrayBuffer[],
  meta: Record<string, string | number> = {},
): { graph: WalkGraph; stats: BuildWalkGraphStats } | null {
  if (parts.length === 0) return null;
  const merged = mergeExtracts(parts.map((p) => decodeExtract(p)));
  return buildWalkGraph(merged, { meta: { source: 'overpass', tiles: parts.length, ...meta } });
}
