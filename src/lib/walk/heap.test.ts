import { describe, expect, it } from 'vitest';
import { MinHeap } from './heap.ts';
import { rng } from './test_support.ts';

describe('MinHeap', () => {
  it('pops values in key order across growth and interleaved pushes', () => {
    const h = new MinHeap(4);
    const r = rng(1);
    const ref: { v: number; k: number }[] = [];
    const popped: number[] = [];
    for (let i = 0; i < 5000; i++) {
      if (r() < 0.6 || h.size === 0) {
        const k = Math.floor(r() * 1000) / 10;
        h.push(i, k);
        ref.push({ v: i, k });
      } else {
        h.pop();
        popped.push(h.lastKey);
        ref.sort((a, b) => a.k - b.k);
        expect(h.lastKey).toBe(ref.shift()!.k);
      }
    }
    let last = -Infinity;
    while (h.size > 0) {
      expect(h.peekKey()).toBeGreaterThanOrEqual(last);
      h.pop();
      expect(h.lastKey).toBeGreaterThanOrEqual(last);
      last = h.lastKey;
    }
    expect(h.peekKey()).toBe(Infinity);
    expect(popped.length).toBeGreaterThan(100);
  });

  it('returns the value that belongs to the smallest key', () => {
    const h = new MinHeap();
    h.push(7, 3);
    h.push(8, 1);
    h.push(9, 2);
    expect([h.pop(), h.pop(), h.pop()]).toEqual([8, 9, 7]);
    h.push(1, 5);
    h.clear();
    expect(h.size).toBe(0);
  });
});
