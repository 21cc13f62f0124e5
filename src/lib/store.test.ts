import { describe, expect, it } from 'vitest';
import { createStore } from './store';

describe('store', () => {
  it('notifies on change with previous state and source, not on no-op patches', () => {
    const store = createStore({ a: 1, list: ['x'] });
    const seen: string[] = [];
    const off = store.subscribe((s, p, src) => seen.push(`${p.a}->${s.a}:${src}`));
    store.set({ a: 2 }, 'map');
    store.set({ a: 2, list: ['x'] });
    store.set({ list: ['y'] });
    off();
    store.set({ a: 3 });
    expect(seen).toEqual(['1->2:map', '2->2:app']);
    expect(store.get()).toEqual({ a: 3, list: ['y'] });
  });
});
