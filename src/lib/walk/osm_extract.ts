// The neutral OSM representation every reader (XML, PBF, Overpass JSON) produces and the graph builder consumes.

import { isWalkableWay, type OsmTags } from './walkable.ts';

/** A node position in WGS-84 degrees; `ele` in metres above sea level when known. */
export interface OsmNode {
  lon: number;
  lat: number;
  ele?: number;
}

/** An OSM way: its node references in order and its tags. */
export interface OsmWay {
  id: number;
  nodeIds: readonly number[];
  tags: OsmTags;
}

/** Walkable ways plus the positions of the nodes they reference (missing nodes = clipped away). */
export interface OsmExtract {
  nodes: Map<number, OsmNode>;
  ways: OsmWay[];
}

/** [west, south, east, north] in WGS-84 degrees. */
export type Bbox = readonly [number, number, number, number];

/** Tags the walking engine reads; everything else is dropped on import to save memory. */
const WALK_TAG_KEYS = [
  'highway',
  'foot',
  'access',
  'bridge',
  'tunnel',
  'layer',
  'level',
  'indoor',
  'incline',
  'area',
  'oneway:foot',
  'conveying',
  'footway',
  'path',
  'man_made',
  'route',
  'name',
  'name:zh',
  'ref',
] as const;

/** Keeps only the tags the walking engine reads. */
export function pickWalkTags(tags: OsmTags): Record<string, string> {
  const out: Record<string, string> = {};
  for (const k of WALK_TAG_KEYS) {
    const v = tags[k];
    if (v !== undefined) out[k] = v;
  }
  return out;
}

/**
 * Parses an OSM `ele` value ("1520", "1520.5", "1520 m") to metres; anything else (feet, ranges,
 * prose) is rejected rather than guessed.
 * @returns metres, or undefined
 */
export function parseEle(value: string | undefined): number | undefined {
  if (value === undefined) return undefined;
  const m = /^\s*(-?\d+(?:\.\d+)?)\s*(m)?\s*$/.exec(value);
  if (!m) return undefined;
  const v = Number(m[1]);
  return Number.isFinite(v) ? v : undefined;
}

/** Whether a point lies in a bbox (edges included). */
export function inBbox(bbox: Bbox, lon: number, lat: number): boolean {
  return lon >= bbox[0] && lon <= bbox[2] && lat >= bbox[1] && lat <= bbox[3];
}

/**
 * Collects a walking extract from an OSM stream in two passes, so only the nodes of walkable ways are
 * ever held in memory: pass 1 feeds every way (`addWay`), pass 2 every node (`addNode`). Nodes outside
 * `bbox` are dropped; the graph builder then splits ways where nodes are missing, which clips them.
 */
export class WalkExtractCollector {
  readonly ways: OsmWay[] = [];
  readonly nodes = new Map<number, OsmNode>();
  private readonly needed = new Set<number>();
  private readonly bbox: Bbox | undefined;
  waysSeen = 0;
  nodesSeen = 0;

  constructor(options: { bbox?: Bbox } = {}) {
    this.bbox = options.bbox;
  }

  /** Pass 1: offers a way; keeps it when walkable. */
  addWay(id: number, nodeIds: readonly number[], tags: OsmTags): void {
    this.waysSeen++;
    if (nodeIds.length < 2 || !isWalkableWay(tags)) return;
    this.ways.push({ id, nodeIds, tags: pickWalkTags(tags) });
    for (const n of nodeIds) this.needed.add(n);
  }

  /** Whether pass 2 needs this node (cheap pre-check before parsing its tags). */
  needsNode(id: number): boolean {
    return this.needed.has(id);
  }

  /** Pass 2: offers a node position (degrees) and optional elevation (metres). */
  addNode(id: number, lon: number, lat: number, ele?: number): void {
    this.nodesSeen++;
    if (!this.needed.has(id)) return;
    if (this.bbox && !inBbox(this.bbox, lon, lat)) return;
    this.nodes.set(id, ele === undefined ? { lon, lat } : { lon, lat, ele });
  }

  /** The collected extract. */
  finish(): OsmExtract {
    return { nodes: this.nodes, ways: this.ways };
  }
}
