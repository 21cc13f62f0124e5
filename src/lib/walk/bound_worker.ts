// Preparing the A* landmark bound in a worker: the request, the worker's handler, and the main-thread call.

import { awaitBound, hasBound } from './bound_store.ts';
import type { WalkGraph } from './graph.ts';
import { type AStarBound, aStarBound, type BoundGraph } from './landmarks.ts';

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
 * Prepares the landmark bound of (graph, costs) in a worker, so the first walk on a large graph does
 * not block the page (2k whole-graph searches: ~1.2 s on a 200k-node graph). Until it arrives,
 * walks use the straight-line bound; without workers, or when the worker fails, the first walk
 * prepares it on this thread as before. The arrays the bound reads are copied once (~14 MB for 200k
 * nodes) and transferred; the table comes back transferred.
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
  try {
    const { request, transfer } = boundRequest(graph, costs);
    worker.postMessage(request, transfer);
  } catch {
    worker.terminate();
    return Promise.resolve(false);
  }
  return awaitBound(graph, costs, delivery);
}
