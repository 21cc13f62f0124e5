// Point-in-polygon for many points against a few detailed polygons: edges bucketed into latitude bands.

/** A ring as [lon, lat] positions (open or closed). */
export type Ring = readonly (readonly [number, number] | readonly number[])[];

/**
 * A polygon (or multipolygon: all rings of all parts) prepared for fast even–odd containment tests.
 * A horizontal ray from the point crosses only edges whose latitude range contains the point, and those
 * all sit in the point's band, so a query reads a handful of edges instead of thousands.
 */
export class BandedPolygon {
  /** [west, south, east, north], degrees. */
  readonly bbox: [number, number, number, number];
  private readonly edges: Float64Array;
  private readonly bandStart: Int32Array;
  private readonly bandEdges: Int32Array;
  private readonly bandHeight: number;
  private readonly bands: number;

  /**
   * @param rings every ring of the shape (outer rings and holes alike; even–odd decides)
   * @param bandCount number of latitude bands (default: about one per four edges, at most 4,096)
   */
  constructor(rings: readonly Ring[], bandCount?: number) {
    const flat: number[] = [];
    let w = Infinity;
    let s = Infinity;
    let e = -Infinity;
    let n = -Infinity;
    for (const ring of rings) {
      const k = ring.length;
      for (let i = 0; i < k; i++) {
        const a = ring[i] as readonly number[];
        const b = ring[(i + 1) % k] as readonly number[];
        const ax = a[0] as number;
        const ay = a[1] as number;
        const bx = b[0] as number;
        const by = b[1] as number;
        if (ax < w) w = ax;
        if (ax > e) e = ax;
        if (ay < s) s = ay;
        if (ay > n) n = ay;
        // Horizontal and zero-length edges never cross a horizontal ray under the half-open rule.
        if (ay === by) continue;
        flat.push(ax, ay, bx, by);
      }
    }
    this.edges = Float64Array.from(flat);
    const edgeCount = flat.length / 4;
    this.bbox = edgeCount > 0 ? [w, s, e, n] : [0, 0, 0, 0];
    this.bands = Math.max(1, Math.min(4096, bandCount ?? Math.ceil(edgeCount / 4)));
    this.bandHeight = (n - s) / this.bands || 1;
    const counts = new Int32Array(this.bands + 1);
    const range = (i: number): [number, number] => {
      const y1 = this.edges[4 * i + 1] as number;
      const y2 = this.edges[4 * i + 3] as number;
      return [this.band(Math.min(y1, y2)), this.band(Math.max(y1, y2))];
    };
    for (let i = 0; i < edgeCount; i++) {
      const [b0, b1] = range(i);
      for (let b = b0; b <= b1; b++) counts[b + 1] = (counts[b + 1] as number) + 1;
    }
    for (let b = 0; b < this.bands; b++) counts[b + 1] = (counts[b + 1] as number) + (counts[b] as number);
    this.bandStart = counts;
    this.bandEdges = new Int32Array(counts[this.bands] as number);
    const fill = counts.slice(0, this.bands);
    for (let i = 0; i < edgeCount; i++) {
      const [b0, b1] = range(i);
      for (let b = b0; b <= b1; b++) {
        const pos = fill[b] as number;
        fill[b] = pos + 1;
        this.bandEdges[pos] = i;
      }
    }
  }

  private band(y: number): number {
    const b = Math.floor((y - this.bbox[1]) / this.bandHeight);
    return b < 0 ? 0 : b >= this.bands ? this.bands - 1 : b;
  }

  /**
   * Whether (lon, lat) lies inside (even–odd rule). Points exactly on an edge may go either way.
   * @param lon degrees
   * @param lat degrees
   */
  contains(lon: number, lat: number): boolean {
    const [w, s, e, n] = this.bbox;
    if (!(lon >= w && lon <= e && lat >= s && lat <= n)) return false;
    const b = this.band(lat);
    const edges = this.edges;
    let inside = false;
    for (let k = this.bandStart[b] as number, end = this.bandStart[b + 1] as number; k < end; k++) {
      const i = 4 * (this.bandEdges[k] as number);
      const xi = edges[i] as number;
      const yi = edges[i + 1] as number;
      const xj = edges[i + 2] as number;
      const yj = edges[i + 3] as number;
      if (yi > lat !== yj > lat && lon < ((xj - xi) * (lat - yi)) / (yj - yi) + xi) inside = !inside;
    }
    return inside;
  }
}

/** All rings of a GeoJSON Polygon or MultiPolygon geometry (other types give none). */
export function ringsOf(geometry: { type: string; coordinates: unknown }): Ring[] {
  if (geometry.type === 'Polygon') return geometry.coordinates as Ring[];
  if (geometry.type === 'MultiPolygon') return (geometry.coordinates as Ring[][]).flat();
  return [];
}
