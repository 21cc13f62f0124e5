// Shared in-flight work: concurrent callers of the same key share one job, cancelled only when all have left.

interface Flight<T> {
  promise: Promise<T>;
  controller: AbortController;
  waiters: number;
}

/** Runs at most one job per key at a time; callers asking for a running key join it. */
export class FlightGroup<T> {
  private readonly flights = new Map<string, Flight<T>>();

  /** Jobs currently running. */
  get size(): number {
    return this.flights.size;
  }

  /**
   * Joins the running job of `key`, or starts `start` with a signal that aborts once every caller has
   * aborted. A caller whose own signal aborts is rejected at once with `abortError()`.
   */
  run(
    key: string,
    start: (signal: AbortSignal) => Promise<T>,
    signal: AbortSignal | undefined,
    abortError: () => Error,
  ): Promise<T> {
    if (signal?.aborted) return Promise.reject(abortError());
    let flight = this.flights.get(key);
    if (!flight) {
      const controller = new AbortController();
      const f: Flight<T> = { controller, waiters: 0, promise: Promise.resolve() as Promise<T> };
      // Started in a microtask so a synchronous throw in `start` becomes a rejection like any other.
      f.promise = Promise.resolve()
        .then(() => start(controller.signal))
        .finally(() => {
          if (this.flights.get(key) === f) this.flights.delete(key);
        });
      // Settling after every caller left is nobody's unhandled rejection.
      f.promise.catch(() => undefined);
      this.flights.set(key, f);
      flight = f;
    }
    const shared = flight;
    shared.waiters++;
    return new Promise<T>((resolve, reject) => {
      let left = false;
      const leave = (): boolean => {
        if (left) return false;
        left = true;
        signal?.removeEventListener('abort', onAbort);
        return true;
      };
      const onAbort = () => {
        if (!leave()) return;
        shared.waiters--;
        if (shared.waiters === 0) {
          shared.controller.abort();
          if (this.flights.get(key) === shared) this.flights.delete(key);
        }
        reject(abortError());
      };
      signal?.addEventListener('abort', onAbort, { once: true });
      shared.promise.then(
        (v) => {
          if (leave()) resolve(v);
        },
        (e) => {
          if (leave()) reject(e);
        },
      );
    });
  }
}
