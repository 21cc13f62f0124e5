// Messages between the main thread and the Overpass worker, and the worker's job: answer bytes → graph file.

import { type BuildWalkGraphStats, buildWalkGraph } from '../graph.ts';
import { serializeWalkGraph } from '../graph_binary.ts';
import { parseOverpassJson } from '../overpass.ts';
import { decodeOverpassBody, OverpassError, type OverpassErrorKind } from './fetcher.ts';

/** Main thread → worker: build the graph of one Overpass answer. */
export interface OverpassBuildRequest {
  type: 'build';
  id: number;
  /** The raw answer (UTF-8 JSON). */
  body: Uint8Array;
  /** Provenance copied into graph.meta. */
  meta: Record<string, string | number>;
}

/** Worker → main thread: exactly one reply per request. `graph` is a walk graph file (graph_binary.ts). */
export type OverpassBuildReply =
  | { type: 'graph'; id: number; graph: ArrayBuffer; stats: BuildWalkGraphStats }
  | { type: 'error'; id: number; kind: OverpassErrorKind; message: string };

export function isOverpassBuildRequest(value: unknown): value is OverpassBuildRequest {
  const v = value as Partial<OverpassBuildRequest> | null;
  return (
    v !== null &&
    typeof v === 'object' &&
    v.type === 'build' &&
    typeof v.id === 'number' &&
    v.body instanceof Uint8Array &&
    v.meta !== null &&
    typeof v.meta === 'object'
  );
}

/**
 * Decodes, parses and builds; the result is serialised so it crosses back as one transferable buffer
 * instead of a structured clone of a dozen typed arrays.
 * @returns the graph file bytes and the builder's statistics
 * @throws OverpassError (bad_json, busy)
 */
export function buildGraphFromOverpass(
  body: Uint8Array,
  meta: Record<string, string | number> = {},
): { graph: ArrayBuffer; stats: BuildWalkGraphStats } {
  const json = decodeOverpassBody(body);
  const osmBase = (json as { osm3s?: { timestamp_osm_base?: unknown } }).osm3s?.timestamp_osm_base;
  const extract = parseOverpassJson(json);
  const { graph, stats } = buildWalkGraph(extract, {
    meta: { source: 'overpass', ...(typeof osmBase === 'string' ? { osm_base: osmBase } : {}), ...meta },
  });
  const bytes = serializeWalkGraph(graph);
  // serializeWalkGraph writes a fresh buffer of exactly its length, so the whole buffer is the file.
  const file =
    bytes.byteOffset === 0 && bytes.byteLength === bytes.buffer.byteLength
      ? (bytes.buffer as ArrayBuffer)
      : (bytes.slice().buffer as ArrayBuffer);
  return { graph: file, stats };
}

/**
 * Runs one request and posts its reply (non-requests are ignored).
 * @param post sends a reply; `transfer` lists buffers to move rather than copy
 */
export function handleOverpassRequest(
  message: unknown,
  post: (reply: OverpassBuildReply, transfer: Transferable[]) => void,
): void {
  if (!isOverpassBuildRequest(message)) return;
  const { id } = message;
  let reply: OverpassBuildReply;
  try {
    const { graph, stats } = buildGraphFromOverpass(message.body, message.meta);
    reply = { type: 'graph', id, graph, stats };
  } catch (e) {
    reply =
      e instanceof OverpassError
        ? { type: 'error', id, kind: e.kind, message: e.message }
        : {
            type: 'error',
            id,
            kind: 'bad_json',
            message: `the answer could not be read (${(e as Error)?.message ?? e})`,
          };
  }
  post(reply, reply.type === 'graph' ? [reply.graph] : []);
}
