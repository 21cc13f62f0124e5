// Compact id → position store for millions of OSM nodes: typed arrays sorted by id, binary search.

/** OSM stores coordinates as integers of 1e-7 degrees; so do we (Int32 holds ±214.7°). */
const SCALE = 1e7;

/**
 * Node positions in three parallel typed arrays (16 bytes a node instead of a Map entry's ~80). Add in
 * any order, call `freeze()`, then look up by id. PBF and osmium XML list nodes by ascending id, so the
 * freeze normally needs no sort.
 */
export class NodeStore {
  private ids = new Float64Array(1024);
  private lon = new Int32Array(1024);
  private lat = new Int32Array(1024);
  private n = 0;
  private sorted = true;
  private frozen = false;

  /** Number of nodes stored. */
  get size(): number {
    return this.n;
  }

  /** Adds a node (degrees). Later duplicates of an id are ignored at lookup (the first wins). */
  add(id: number, lon: number, lat: number): void {
    if (this.frozen) throw new Error('NodeStore: add() after freeze()');
    if (this.n === this.ids.length) this.grow();
    if (this.n > 0 && id < this.ids[this.n - 1]!) this.sorted = false;
    this.ids[this.n] = id;
    this.lon[this.n] = Math.round(lon * SCALE);
    this.lat[this.n] = Math.round(lat * SCALE);
    this.n++;
  }

  private grow(): void {
    const size = this.ids.length * 2;
    const ids = new Float64Array(size);
    const lon = new Int32Array(size);
    const lat = new Int32Array(size);
    ids.set(this.ids);
    lon.set(this.lon);
    lat.set(this.lat);
    this.ids = ids;
    this.lon = lon;
    this.lat = lat;
  }

  /** Ends adding: trims the arrays and sorts them by id when they arrived out of order. */
  freeze(): this {
    if (this.frozen) return this;
    this.frozen = true;
    const n = this.n;
    if (this.sorted) {
      this.ids = this.ids.slice(0, n);
      this.lon = this.lon.slice(0, n);
      this.lat = this.lat.slice(0, n);
      return this;
    }
    const order = new Uint32Array(n);
    for (let i = 0; i < n; i++) order[i] = i;
    // Stable for equal ids so that the first added wins, as documented.
    const ids = this.ids;
    const sortedOrder = Array.from(order).sort((a, b) => ids[a]! - ids[b]! || a - b);
    const nextIds = new Float64Array(n);
    const nextLon = new Int32Array(n);
    const nextLat = new Int32Array(n);
    sortedOrder.forEach((from, to) => {
      nextIds[to] = ids[from]!;
      nextLon[to] = this.lon[from]!;
      nextLat[to] = this.lat[from]!;
    });
    this.ids = nextIds;
    this.lon = nextLon;
    this.lat = nextLat;
    return this;
  }

  private indexOf(id: number): number {
    if (!this.frozen) throw new Error('NodeStore: freeze() before lookups');
    let lo = 0;
    let hi = this.n - 1;
    let found = -1;
    while (lo <= hi) {
      const mid = (lo + hi) >>> 1;
      const v = this.ids[mid]!;
      if (v < id) lo = mid + 1;
      else {
        if (v === id) found = mid;
        hi = mid - 1;
      }
    }
    return found;
  }

  /** Whether the node is stored. */
  has(id: number): boolean {
    return this.indexOf(id) >= 0;
  }

  /** The node's [lon, lat] in degrees (7 decimals, as OSM stores them), or undefined. */
  get(id: number): [number, number] | undefined {
    const i = this.indexOf(id);
    return i < 0 ? undefined : [this.lon[i]! / SCALE, this.lat[i]! / SCALE];
  }
}
