// Binary min-heaps over typed arrays: (int value, float key) pairs with lazy deletion, and an indexed one with decrease-key.

/** Min-heap of int32 values keyed by float64 priorities; duplicates allowed (lazy decrease-key). */
export class MinHeap {
  private keys: Float64Array;
  private vals: Int32Array;
  /** Number of entries. */
  size = 0;
  /** Key of the entry most recently returned by pop(). */
  lastKey = 0;

  constructor(capacity = 1024) {
    this.keys = new Float64Array(Math.max(16, capacity));
    this.vals = new Int32Array(Math.max(16, capacity));
  }

  /** Empties the heap, keeping its storage. */
  clear(): void {
    this.size = 0;
  }

  /** Adds a value with a priority. */
  push(value: number, key: number): void {
    if (this.size === this.keys.length) this.grow();
    const keys = this.keys;
    const vals = this.vals;
    let i = this.size++;
    while (i > 0) {
      const p = (i - 1) >> 1;
      const pk = keys[p] as number;
      if (pk <= key) break;
      keys[i] = pk;
      vals[i] = vals[p] as number;
      i = p;
    }
    keys[i] = key;
    vals[i] = value;
  }

  /** Removes and returns the value with the smallest key (its key goes to lastKey). Heap must be non-empty. */
  pop(): number {
    const keys = this.keys;
    const vals = this.vals;
    const top = vals[0] as number;
    this.lastKey = keys[0] as number;
    const n = --this.size;
    if (n > 0) {
      const key = keys[n] as number;
      const val = vals[n] as number;
      let i = 0;
      const half = n >> 1;
      while (i < half) {
        let c = 2 * i + 1;
        const r = c + 1;
        if (r < n && (keys[r] as number) < (keys[c] as number)) c = r;
        if ((keys[c] as number) >= key) break;
        keys[i] = keys[c] as number;
        vals[i] = vals[c] as number;
        i = c;
      }
      keys[i] = key;
      vals[i] = val;
    }
    return top;
  }

  /** Smallest key without removing it (Infinity when empty). */
  peekKey(): number {
    return this.size > 0 ? (this.keys[0] as number) : Infinity;
  }

  private grow(): void {
    const k = new Float64Array(this.keys.length * 2);
    k.set(this.keys);
    const v = new Int32Array(this.vals.length * 2);
    v.set(this.vals);
    this.keys = k;
    this.vals = v;
  }
}

/** Indexed binary heap (keys, nodes, each node's slot): puts node v with key f at slot j or above. */
export function heapSiftUp(
  hk: Float64Array,
  hn: Int32Array,
  hp: Int32Array,
  j: number,
  f: number,
  v: number,
): void {
  let i = j;
  while (i > 0) {
    const p = (i - 1) >> 1;
    const pk = hk[p] as number;
    if (pk <= f) break;
    const pv = hn[p] as number;
    hk[i] = pk;
    hn[i] = pv;
    hp[pv] = i;
    i = p;
  }
  hk[i] = f;
  hn[i] = v;
  hp[v] = i;
}

/** Removes and returns the heap's smallest node (its slot becomes -1: settled); `size` is the new size. */
export function heapPopMin(hk: Float64Array, hn: Int32Array, hp: Int32Array, size: number): number {
  const u = hn[0] as number;
  hp[u] = -1;
  if (size > 0) {
    const key = hk[size] as number;
    const val = hn[size] as number;
    let i = 0;
    const half = size >> 1;
    while (i < half) {
      let c = 2 * i + 1;
      const r = c + 1;
      if (r < size && (hk[r] as number) < (hk[c] as number)) c = r;
      const ck = hk[c] as number;
      if (ck >= key) break;
      const cv = hn[c] as number;
      hk[i] = ck;
      hn[i] = cv;
      hp[cv] = i;
      i = c;
    }
    hk[i] = key;
    hn[i] = val;
    hp[val] = i;
  }
  return u;
}
