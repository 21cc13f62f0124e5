// Point-to-point preparations per graph and cost model (A* bound, contraction hierarchy): shared by engines, or from a worker.

import { type Hierarchy, hierarchyFits } from './ch_build.ts';
import type { WalkGraph } from './graph.ts';
import { type AStarBound, aStarBound } from './landmarks.ts';

interface Entry {
  /** The cost array the entry was made for (others with equal content share it). */
  costs: Float32Array;
  bound: AStarBound | null;
  /** Set while a bound is being prepared elsewhere (a worker); cleared when it arrives or fails. */
  pending: boolean;
  /** Straight-line-only bound (no landmarks, O(n) to make), used while pending. */
  straight: AStarBound | null;
  /** The contraction hierarchy, once delivered (never prepared on this thread: seconds on a city). */
  hierarchy: Hierarchy | null;
}

const byGraph = new WeakMap<WalkGraph, Entry[]>();
const byCosts = new WeakMap<Float32Array, Entry>();

function sameCosts(a: Float32Array, b: Float32Array): boolean {
  if (a === b) return true;
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}

/** The entry of (graph, costs); engines with equal cost arrays (same options) get the same one. */
function entryFor(graph: WalkGraph, costs: Float32Array): Entry {
  const known = byCosts.get(costs);
  if (known) return known;
  let list = byGraph.get(graph);
  if (!list) {
    list = [];
    byGraph.set(graph, list);
  }
  let entry = list.find((e) => sameCosts(e.costs, costs));
  if (!entry) {
    entry = { costs, bound: null, pending: false, straight: null, hierarchy: null };
    list.push(entry);
  }
  byCosts.set(costs, entry);
  return entry;
}

/**
 * The bound for point-to-point searches on `graph` with `costs` (minutes per edge): the landmark bound,
 * prepared here on first use (2k whole-graph searches) unless one is on its way from elsewhere, in
 * which case the straight-line bound serves meanwhile (exact walks too, with more nodes searched).
 */
export function boundFor(graph: WalkGraph, costs: Float32Array): AStarBound {
  const entry = entryFor(graph, costs);
  if (entry.bound) return entry.bound;
  if (entry.pending) {
    entry.straight ??= aStarBound(graph, costs, 0);
    return entry.straight;
  }
  entry.bound = aStarBound(graph, costs);
  return entry.bound;
}

/** Whether the landmark bound of (graph, costs) is prepared already. */
export function hasBound(graph: WalkGraph, costs: Float32Array): boolean {
  return entryFor(graph, costs).bound !== null;
}

/**
 * Takes the landmark bound of (graph, costs) from `delivery` (e.g. a worker) instead of preparing it
 * on this thread. A delivery that fails, resolves null, or does not fit the graph is dropped, and the
 * next walk prepares the bound itself.
 * @returns whether the delivered bound is in use
 */
export async function awaitBound(
  graph: WalkGraph,
  costs: Float32Array,
  delivery: Promise<AStarBound | null>,
): Promise<boolean> {
  const entry = entryFor(graph, costs);
  if (entry.bound) return false;
  entry.pending = true;
  let bound: AStarBound | null = null;
  try {
    bound = await delivery;
  } catch {
    bound = null;
  }
  entry.pending = false;
  if (entry.bound || !bound || !fits(bound, graph)) return false;
  entry.bound = bound;
  entry.straight = null;
  return true;
}

function fits(b: AStarBound, graph: WalkGraph): boolean {
  return (
    Number.isInteger(b.landmarks) &&
    b.landmarks >= 0 &&
    b.stride === 2 + 2 * b.landmarks &&
    b.table instanceof Float64Array &&
    b.table.length === b.stride * graph.nodeCount &&
    b.maxSpeed > 0
  );
}

/** The contraction hierarchy of (graph, costs) when one has been delivered, else null (walk by A*). */
export function hierarchyFor(graph: WalkGraph, costs: Float32Array): Hierarchy | null {
  return entryFor(graph, costs).hierarchy;
}

/**
 * Takes the contraction hierarchy of (graph, costs) from `delivery` (a worker, or one built here for
 * tests and benchmarks). A delivery that fails, resolves null or does not fit the graph is dropped:
 * walks keep using A*.
 * @returns whether the delivered hierarchy is in use
 */
export async function awaitHierarchy(
  graph: WalkGraph,
  costs: Float32Array,
  delivery: Promise<Hierarchy | null>,
): Promise<boolean> {
  const entry = entryFor(graph, costs);
  let h: Hierarchy | null = null;
  try {
    h = await delivery;
  } catch {
    h = null;
  }
  if (entry.hierarchy || !h || !hierarchyFits(h, graph.nodeCount, graph.edgeCount)) return false;
  entry.hierarchy = h;
  return true;
}
