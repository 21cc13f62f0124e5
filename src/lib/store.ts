// A minimal observable store for the app's view state (one source of truth, subscribers re-render).

export interface Store<S> {
  get(): S;
  /** Merge a patch; listeners get the new and previous state. `source` says who changed it. */
  set(patch: Partial<S>, source?: string): void;
  subscribe(listener: (state: S, prev: S, source: string) => void): () => void;
}

/** Create a store holding `initial`. Setting a patch that changes nothing notifies no one. */
export function createStore<S extends object>(initial: S): Store<S> {
  let state = initial;
  const listeners = new Set<(s: S, p: S, source: string) => void>();
  return {
    get: () => state,
    set(patch, source = 'app') {
      const changed = Object.entries(patch).some(
        ([k, v]) => JSON.stringify(state[k as keyof S]) !== JSON.stringify(v),
      );
      if (!changed) return;
      const prev = state;
      state = { ...state, ...patch };
      for (const l of listeners) l(state, prev, source);
    },
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
}
