// Main-thread side of the coverage worker: typed requests, progress, cancel; never rejects, survives a crash.

// Only types are imported statically: the analysis code (h3-js, kdbush, the walking engine) is loaded
// by the worker, or lazily here when no worker can run.
import type {
  CoverageProgress,
  CoverageReply,
  CoverageRequest,
  CoverageRequestBody,
  CoverageResults,
  PopulationSummary,
} from './protocol';

type PopulationRequest = Extract<CoverageRequestBody, { type: 'population' }>;

/** The part of Worker the client uses (a fake in tests). */
export interface CoverageWorkerLike {
  postMessage(message: CoverageRequest, transfer?: Transferable[]): void;
  terminate(): void;
  onmessage: ((event: { data: unknown }) => void) | null;
  onerror: ((event: { message?: string; preventDefault?: () => void }) => void) | null;
}

/** How a request ended. */
export type Outcome<T> =
  | { kind: 'result'; result: T }
  | { kind: 'cancelled' }
  | { kind: 'error'; message: string };

interface Pending {
  resolve(outcome: Outcome<unknown>): void;
  onProgress?: (p: CoverageProgress) => void;
}

function defaultWorker(): CoverageWorkerLike {
  // Written out literally so that Vite bundles the worker as its own file (no blob: URL, CSP-friendly).
  return new Worker(new URL('../../workers/coverage_worker.ts', import.meta.url), {
    type: 'module',
  }) as unknown as CoverageWorkerLike;
}

/**
 * A stand-in for the worker that runs the session on this thread (loaded on first use): used when
 * workers are unavailable or blocked. Slower for the page, but the analysis still works.
 */
export function inProcessWorker(): CoverageWorkerLike {
  const w: CoverageWorkerLike = {
    onmessage: null,
    onerror: null,
    terminate() {
      dead = true;
    },
    postMessage(message) {
      const copy = structuredClone(message);
      void session.then((s) =>
        s.handle(copy, (reply) => {
          if (!dead) w.onmessage?.({ data: reply });
        }),
      );
    },
  };
  let dead = false;
  const session = Promise.all([import('./session'), import('./population_geotiff')]).then(
    ([m, pop]) => new m.CoverageSession({ geotiff: pop.appGeotiffReader() }),
  );
  return w;
}

/**
 * Talks to one coverage worker. Requests resolve with an Outcome, never reject. If the worker dies
 * (e.g. out of memory) every pending request ends with an error and the next request starts a new
 * worker, replaying the last `init` and then the population in use, so the new worker knows the data
 * and the figures stay by the population the panel lists.
 */
export class CoverageClient {
  private worker: CoverageWorkerLike | null = null;
  private heard = false;
  private useFallback = false;
  private nextId = 1;
  private readonly pending = new Map<number, Pending>();
  /** Requests still waiting, as sent (resent to the fallback when the worker never started). */
  private readonly sent = new Map<number, CoverageRequestBody>();
  private lastInit: CoverageRequestBody | null = null;
  /** The population file the worker holds (null: none), replayed after `init` to a new worker. */
  private lastPopulation: PopulationRequest | null = null;

  constructor(
    private readonly options: {
      /** Creates the worker; the default is src/workers/coverage_worker.ts as a module worker. */
      createWorker?: () => CoverageWorkerLike;
      /** Used when the worker cannot start (default: the session on the main thread). */
      fallback?: () => CoverageWorkerLike;
    } = {},
  ) {}

  private spawn(): CoverageWorkerLike {
    const fallback = this.options.fallback ?? inProcessWorker;
    const create =
      this.options.createWorker ??
      (typeof Worker !== 'undefined' && !this.useFallback ? defaultWorker : null);
    if (!create) return fallback();
    try {
      return create();
    } catch {
      this.useFallback = true;
      return fallback();
    }
  }

  /**
   * The running worker, or a new one told the last `init` (unless an init is about to be sent) and
   * the population (unless an init is about to be sent: then after it, see request).
   */
  private start(replay: boolean): CoverageWorkerLike {
    if (this.worker) return this.worker;
    const w = this.spawn();
    this.attach(w);
    if (replay) {
      if (this.lastInit) w.postMessage({ ...this.lastInit, id: 0 } as CoverageRequest);
      this.replayPopulation(w);
    }
    return w;
  }

  /** Replies to id 0 match no pending request, so replays answer nobody. */
  private replayPopulation(w: CoverageWorkerLike): void {
    if (this.lastPopulation) w.postMessage({ ...this.lastPopulation, id: 0 });
  }

  /**
   * Follows what the worker holds, in request order (outcomes arrive in order): a file that gave
   * points replaces the population; a removal always ends it (the panel drops it whatever happened).
   */
  private notePopulation(req: PopulationRequest, outcome: Outcome<unknown>): void {
    if (req.bytes === null) this.lastPopulation = null;
    else if (outcome.kind === 'result' && (outcome.result as PopulationSummary).accepted > 0)
      this.lastPopulation = req;
  }

  private attach(w: CoverageWorkerLike): void {
    this.worker = w;
    this.heard = false;
    w.onmessage = (event) => {
      this.heard = true;
      const reply = event.data as CoverageReply;
      const p = this.pending.get(reply?.id);
      if (!p) return;
      if (reply.type === 'progress') p.onProgress?.(reply.progress);
      else {
        this.pending.delete(reply.id);
        p.resolve(
          reply.type === 'result'
            ? { kind: 'result', result: reply.result }
            : reply.type === 'cancelled'
              ? { kind: 'cancelled' }
              : { kind: 'error', message: reply.message },
        );
      }
    };
    w.onerror = (event) => {
      event.preventDefault?.();
      w.terminate();
      this.worker = null;
      // A default worker that never answered (blocked by a policy, unsupported) is replaced by the
      // main-thread session and its requests are sent again; a worker that crashed mid-way fails them.
      if (!this.heard && !this.useFallback && this.options.createWorker === undefined) {
        this.useFallback = true;
        const fb = this.start(true);
        for (const [id, req] of this.sent) fb.postMessage({ ...req, id } as CoverageRequest);
        return;
      }
      const message = event.message ?? 'worker error';
      for (const [id, p] of this.pending) {
        this.pending.delete(id);
        this.sent.delete(id);
        p.resolve({ kind: 'error', message });
      }
    };
  }

  /**
   * Sends a request. `init` and the population in use are remembered and replayed to a replacement
   * worker (a population File is kept by reference only: the browser holds its bytes on disk).
   * @param onProgress receives progress (throttled by the worker to ~20 per second)
   * @returns the request id (for cancel) and its outcome
   */
  request<R extends CoverageRequestBody>(
    req: R,
    onProgress?: (p: CoverageProgress) => void,
  ): { id: number; outcome: Promise<Outcome<CoverageResults[R['type']]>> } {
    const id = this.nextId++;
    const isInit = req.type === 'init';
    const outcome = new Promise<Outcome<CoverageResults[R['type']]>>((resolve) => {
      this.pending.set(id, {
        resolve: (o) => {
          this.sent.delete(id);
          if (req.type === 'population') this.notePopulation(req as PopulationRequest, o);
          resolve(o as Outcome<CoverageResults[R['type']]>);
        },
        onProgress,
      });
    });
    const fresh = this.worker === null;
    const w = this.start(!isInit);
    if (isInit) this.lastInit = req;
    this.sent.set(id, req);
    w.postMessage({ ...req, id } as CoverageRequest);
    if (isInit && fresh) this.replayPopulation(w);
    return { id, outcome };
  }

  /** Asks the worker to stop a request at its next checkpoint (it then ends as 'cancelled'). */
  cancel(id: number): void {
    if (this.pending.has(id)) this.worker?.postMessage({ type: 'cancel', id });
  }

  /** Ends the worker; pending requests end as cancelled. */
  dispose(): void {
    this.worker?.terminate();
    this.worker = null;
    for (const [id, p] of this.pending) {
      this.pending.delete(id);
      p.resolve({ kind: 'cancelled' });
    }
  }
}
