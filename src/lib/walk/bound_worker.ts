// Preparing point-to-point search data in a worker (A* landmarks, then the contraction hierarchy): request, handler, main-thread call.

import { awaitBound, awaitHierarchy, hasBound, hierarchyFor } from './bound_store.ts';
import { buildHierarchy, type Hierarchy, HierarchyBudgetError, hierarchyBuffers } from './ch_build.ts';
import type { WalkGraph } from './graph.ts';
import { type AStarBound, aStarBound, type BoundGraph } from './landmarks.ts';

/** What the worker gets: copies of the arrays a bound reads, and the engine's own cost array. */
export interface BoundRequest {
  graph: BoundGraph;
  costs: Float32Array;
  /** False when the page has the bound already and wants only the hierarchy (default true). */
  withBound?: boolean;
  /** The hierarchy's budget (default HIERARCHY_BUDGET); past it the worker gives the hierarchy up. */
  budget?: HierarchyBudget;
}

/** How much a hierarchy build may take before the worker gives it up. */
export interface HierarchyBudget {
  /** Shortcuts per edge of the graph. */
  shortcutsPerEdge: number;
  /** Milliseconds of the worker's time. */
  ms: number;
}

/**
 * Real street networks need ~1.1 shortcuts per edge (Liechtenstein, bench/README.md), grids with no
 * hierarchy ~2–3 and a dense core that takes minutes; 4 per edge or 3 minutes of the worker's time
 * means the page is better served by ALT (exact too, ~2× slower per query) than by a core busy for
 * longer and a hierarchy of hundreds of MB.
 */
export const HIERARCHY_BUDGET: HierarchyBudget = { shortcutsPerEdge: 4, ms: 180_000 };

/**
 * The worker's answers: first the bound, then the hierarchy (with the milliseconds it took), or why
 * there is none.
 */
export type BoundReply =
  | { ok: true; bound: AStarBound }
  | { ok: true; hierarchy: Hierarchy; ms: number }
  | { ok: true; progress: number }
  | { ok: true; overBudget: 'shortcuts' | 'time' }
  | { ok: false; message: string };

/**
 * How long the page waits for the worker's next message, milliseconds: the bound takes ~1 s on a
 * 200k-node graph, and while building the hierarchy the worker reports progress every 1,024 nodes
 * (well under a second each even on a loaded machine, bench/README.md), so a worker silent for a
 * minute is stuck; the page then ends it and keeps what it has (A*).
 */
export const WORKER_TIMEOUT_MS = 60_000;

/** The part of Worker the client uses (a fake in tests). */
export interface BoundWorkerLike {
  postMessage(message: BoundRequest, transfer?: Transferable[]): void;
  terminate(): void;
  onmessage: ((event: { data: unknown }) => void) | null;
  onerror: ((event: { message?: string; preventDefault?: () => void }) => void) | null;
}

/**
 * The worker side: prepares the bound, then the contraction hierarchy, and hands each over without a
 * copy (the bound first: A* with landmarks serves while the hierarchy is built). A hierarchy over
 * its budget is given up and the page told so (it stays on A*).
 */
export function handleBoundRequest(
  request: BoundRequest,
  reply: (message: BoundReply, transfer?: Transferable[]) => void,
): void {
  try {
    const { graph, costs } = request;
    if (costs.length !== graph.edgeCount || graph.offsets.length !== graph.nodeCount + 1)
      throw new Error('graph arrays do not fit together');
    if (request.withBound !== false) {
      const bound = aStarBound(graph, costs);
      reply({ ok: true, bound }, [bound.table.buffer]);
    }
    const t0 = performance.now();
    const budget = request.budget ?? HIERARCHY_BUDGET;
    let hierarchy: Hierarchy;
    try {
      hierarchy = buildHierarchy(graph, costs, {
        onProgress: (progress) => reply({ ok: true, progress }),
        maxShortcuts: Math.ceil(budget.shortcutsPerEdge * graph.edgeCount),
        deadline: t0 + budget.ms,
      });
    } catch (e) {
      if (!(e instanceof HierarchyBudgetError)) throw e;
      reply({ ok: true, overBudget: e.over });
      return;
    }
    reply({ ok: true, hierarchy, ms: performance.now() - t0 }, hierarchyBuffers(hierarchy));
  } catch (e) {
    reply({ ok: false, message: (e as Error).message });
  }
}

/**
 * The worker's request: fresh copies of the arrays a bound reads, handed over without a second copy.
 * (A graph read from its file has views on the file's bytes, which posting would copy whole.)
 */
export function boundRequest(
  graph: WalkGraph,
  costs: Float32Array,
): { request: BoundRequest; transfer: Transferable[] } {
  const { nodeCount, edgeCount, bbox } = graph;
  const request: BoundRequest = {
    graph: {
      nodeCount,
      edgeCount,
      bbox: [...bbox],
      offsets: graph.offsets.slice(),
      target: graph.target.slice(),
      lon: graph.lon.slice(),
      lat: graph.lat.slice(),
      lengthM: graph.lengthM.slice(),
    },
    costs: costs.slice(),
  };
  const g = request.graph;
  return {
    request,
    transfer: [
      g.offsets.buffer,
      g.target.buffer,
      g.lon.buffer,
      g.lat.buffer,
      g.lengthM.buffer,
      request.costs.buffer,
    ],
  };
}

function defaultWorker(): BoundWorkerLike {
  // Written out literally so that Vite bundles the worker as its own file (no blob: URL, CSP-friendly).
  return new Worker(new URL('../../workers/walk_bound_worker.ts', import.meta.url), {
    type: 'module',
  }) as unknown as BoundWorkerLike;
}

/**
 * Prepares the landmark bound and then the contraction hierarchy of (graph, costs) in a worker, so
 * the first walk on a large graph does not block the page (2k whole-graph searches: ~1.2 s on a
 * 200k-node graph; the hierarchy takes longer). Until the bound arrives, walks use the straight-line
 * bound; until the hierarchy arrives, A* with landmarks. Without workers, when the worker fails, or
 * when it stays silent (no answer, no progress) for `timeoutMs`, or when the hierarchy runs over its
 * budget (HIERARCHY_BUDGET), it is ended and the page keeps what it has:
 * a missing bound is prepared on this thread by the first walk as before, a missing hierarchy leaves
 * the walks on A*. The arrays the worker reads are copied once (~14 MB for 200k nodes) and
 * transferred; the answers come back transferred.
 * @param costs the engine's minutes per edge (NetworkWalkEngine.costs)
 * @param timeoutMs longest silence of the worker, milliseconds
 * @returns once the worker is done: whether the worker's bound is in use (false when the page had
 *   one already: then the worker makes only the hierarchy)
 */
export function prepareBoundOffThread(
  graph: WalkGraph,
  costs: Float32Array,
  createWorker: () => BoundWorkerLike = defaultWorker,
  timeoutMs = WORKER_TIMEOUT_MS,
): Promise<boolean> {
  const withBound = !hasBound(graph, costs);
  if (!withBound && hierarchyFor(graph, costs)) return Promise.resolve(false);
  let worker: BoundWorkerLike;
  try {
    worker = createWorker();
  } catch {
    return Promise.resolve(false);
  }
  let giveBound: (b: AStarBound | null) => void = () => {};
  let giveHierarchy: (h: Hierarchy | null) => void = () => {};
  const bound = new Promise<AStarBound | null>((resolve) => {
    giveBound = resolve;
  });
  const hierarchy = new Promise<Hierarchy | null>((resolve) => {
    giveHierarchy = resolve;
  });
  let timer: ReturnType<typeof setTimeout> | undefined;
  // Ends the worker; whatever has not arrived is null (resolving twice is a no-op).
  const finish = () => {
    clearTimeout(timer);
    worker.onmessage = null;
    worker.onerror = null;
    worker.terminate();
    giveBound(null);
    giveHierarchy(null);
  };
  const wait = () => {
    clearTimeout(timer);
    timer = setTimeout(finish, timeoutMs);
  };
  worker.onmessage = (event) => {
    const data = event.data as BoundReply | null;
    if (data?.ok && 'bound' in data) {
      giveBound(data.bound);
      wait();
    } else if (data?.ok && 'hierarchy' in data) {
      giveHierarchy(data.hierarchy);
      finish();
    } else if (data?.ok && 'progress' in data) wait();
    else finish(); // failed, or the hierarchy over its budget: what has not arrived stays null
  };
  worker.onerror = (event) => {
    event.preventDefault?.();
    finish();
  };
  try {
    const { request, transfer } = boundRequest(graph, costs);
    request.withBound = withBound;
    worker.postMessage(request, transfer);
  } catch {
    finish();
    return Promise.resolve(false);
  }
  wait();
  return Promise.all([
    withBound ? awaitBound(graph, costs, bound) : false,
    awaitHierarchy(graph, costs, hierarchy),
  ]).then(([b]) => b);
}
