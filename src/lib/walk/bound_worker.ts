// Preparing the A* landmark bound in a worker: the request, the worker's handler, and the main-thread call.

import { type AStarBound, aStarBound, type BoundGraph } from './astar.ts';
import { awaitBound, hasBound } from './bound_store.ts';
import type { WalkGraph } from './graph.ts';

/** What the worker gets: copies of the arrays a bound reads, and the engine's own cost array. */
export interface BoundRequest {
  graph: BoundGraph;
  costs: Float32Array;
}

/** The worker's answer: the bound, or why there is none. */
export type BoundReply = { ok: true; bound: AStarBound } | { ok: false; message: string };

/** The part of Worker the client uses (a fake in tests). */
export interface BoundWorkerLike {
  postMessage(message: BoundRequest, transfer?: Transferable[]): void;
  terminate(): void;
  onmessage: ((event: { data: unknown }) => void) | null;
  onerror: ((event: { message?: string; preventDefault?: () => void }) => void) | null;
}

/** The worker side: prepares the bound and hands its table over without a copy. */
export function handleBoundRequest(
  request: BoundRequest,
  reply: (message: BoundReply, transfer?: Transferable[]) => void,
): void {
  try {
    const { graph, costs } = request;
    if (costs.length !== graph.edgeCount || graph.offsets.length !== graph.nodeCount + 1)
      throw new Error('graph arrays do not fit together');
    const bound = aStarBound(graph, costs);
    reply({ ok: true, bound }, [bound.table.buffer]);
  } catch (e) {
    reply({ ok: false, message: (e as Error).message });
  }
}

function defaultWorker(): BoundWorkerLike {
  // Written out literally so that Vite bundles the worker as its own file (no blob: URL, CSP-friendly).
  return new Worker(new URL('../../workers/walk_bound_worker.ts', import.meta.url), {
    type: 'module',
  }) as unknown as BoundWorkerLike;
}

/**
 * Prepares the landmark bound of (graph, costs) in a worker, so the first walk on a large graph does
 * not block the page (2k whole-graph searches: ~1.2 s on a 200k-node graph). Until it arrives,
 * walks use the straight-line bound; without workers, or when the worker fails, the first walk
 * prepares it on this thread as before. Posting copies the arrays the bound reads (~14 MB for 200k
 * nodes); the table comes back transferred.
 * @param costs the engine's minutes per edge (NetworkWalkEngine.costs)
 * @returns whether the worker's bound is in use
 */
export function prepareBoundOffThread(
  graph: WalkGraph,
  costs: Float32Array,
  createWorker: () => BoundWorkerLike = defaultWorker,
): Promise<boolean> {
  if (hasBound(graph, costs)) return Promise.resolve(false);
  let worker: BoundWorkerLike;
  try {
    worker = createWorker();
  } catch {
    return Promise.resolve(false);
  }
  const delivery = new Promise<AStarBound | null>((resolve) => {
    worker.onmessage = (event) => {
      worker.terminate();
      const data = event.data as BoundReply | null;
      resolve(data?.ok ? data.bound : null);
    };
    worker.onerror = (event) => {
      event.preventDefault?.();
      worker.terminate();
      resolve(null);
    };
  });
  const { nodeCount, edgeCount, offsets, target, lon, lat, lengthM, bbox } = graph;
  try {
    worker.postMessage({ graph: { nodeCount, edgeCount, offsets, target, lon, lat, lengthM, bbox }, costs });
  } catch {
    worker.terminate();
    return Promise.resolve(false);
  }
  return awaitBound(graph, costs, delivery);
}
