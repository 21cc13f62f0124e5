// Turns decoded ECharts district polygons (quantised GCJ-02) into clean, valid WGS-84 district features.

import { area } from '@turf/area';
import { distance } from '@turf/distance';
import { featureCollection, multiPolygon, polygon } from '@turf/helpers';
import { kinks } from '@turf/kinks';
import { union } from '@turf/union';
import type { Feature, MultiPolygon, Polygon } from 'geojson';
import { type Crs, geometryToWgs84 } from '../../src/lib/crs.ts';
import type { FeatureProps, MapFeature, Position, SourceRef } from '../../src/lib/feature.ts';

/** A vertex in quantised integer units (1 unit = 1/scale degree). */
export type QPoint = [number, number];

export interface RingCleanReport {
  /** Consecutive repeated vertices dropped (quantisation maps nearby vertices to one cell corner). */
  duplicates: number;
  /** A→B→A back-and-forth spikes collapsed. */
  spikes: number;
  /** Loops that start and end at one repeated vertex and enclose less than `maxLoopCells`, cut out. */
  pinchLoops: { at: QPoint; areaCells: number }[];
}

const same = (a: QPoint, b: QPoint): boolean => a[0] === b[0] && a[1] === b[1];

/** Shoelace signed area of a ring (closed or open); positive when counter-clockwise (x east, y north). */
export function signedArea(ring: readonly (readonly [number, number])[]): number {
  let s = 0;
  const n = ring.length;
  for (let i = 0; i < n; i++) {
    const a = ring[i]!;
    const b = ring[(i + 1) % n]!;
    s += a[0] * b[1] - b[0] * a[1];
  }
  return s / 2;
}

/** One pass of duplicate and spike removal over an open cyclic ring; returns the new ring. */
function dropDuplicatesAndSpikes(open: QPoint[], report: RingCleanReport): QPoint[] {
  const s: QPoint[] = [];
  for (const p of open) {
    const last = s[s.length - 1];
    if (last && same(last, p)) {
      report.duplicates += 1;
    } else if (s.length >= 2 && same(s[s.length - 2]!, p)) {
      s.pop();
      report.spikes += 1;
    } else {
      s.push(p);
    }
  }
  // The same two rules across the seam where the ring closes.
  for (let changed = true; changed && s.length >= 3; ) {
    changed = false;
    if (same(s[0]!, s[s.length - 1]!)) {
      s.pop();
      report.duplicates += 1;
      changed = true;
    } else if (same(s[1]!, s[s.length - 1]!)) {
      s.shift();
      s.shift();
      report.spikes += 1;
      changed = true;
    } else if (same(s[s.length - 2]!, s[0]!)) {
      s.pop();
      s.pop();
      report.spikes += 1;
      changed = true;
    }
  }
  return s;
}

/** Cuts out the first pinch loop smaller than `maxLoopCells`; returns null when there is none. */
function cutSmallPinchLoop(open: QPoint[], maxLoopCells: number, report: RingCleanReport): QPoint[] | null {
  const seen = new Map<string, number>();
  for (let i = 0; i < open.length; i++) {
    const key = `${open[i]![0]},${open[i]![1]}`;
    const j = seen.get(key);
    if (j !== undefined) {
      const loopCells = signedArea(open.slice(j, i));
      if (Math.abs(loopCells) < maxLoopCells) {
        report.pinchLoops.push({ at: [open[i]![0], open[i]![1]], areaCells: loopCells });
        return [...open.slice(0, j), ...open.slice(i)];
      }
    }
    seen.set(key, i);
  }
  return null;
}

/**
 * Cleans one quantised ring: removes repeated vertices, A→B→A spikes and sub-cell pinch loops (a ring
 * passing twice through one vertex around an area below `maxLoopCells` cells, which quantisation makes
 * out of narrow necks). Larger pinches are left for {@link unionParts}.
 * @param ring closed or open ring of integer vertices
 * @param maxLoopCells loops with |area| below this many square quanta are cut out
 * @returns the closed cleaned ring (first = last) and what was removed
 */
export function cleanQuantisedRing(
  ring: readonly QPoint[],
  maxLoopCells = 1,
): { ring: QPoint[]; report: RingCleanReport } {
  const report: RingCleanReport = { duplicates: 0, spikes: 0, pinchLoops: [] };
  let open: QPoint[] = ring.map((p) => [p[0], p[1]]);
  if (open.length > 1 && same(open[0]!, open[open.length - 1]!)) open.pop();
  for (;;) {
    open = dropDuplicatesAndSpikes(open, report);
    const cut = cutSmallPinchLoop(open, maxLoopCells, report);
    if (!cut) break;
    open = cut;
  }
  if (open.length < 3) throw new Error(`ring collapsed to ${open.length} vertices while cleaning`);
  return { ring: [...open, open[0]!], report };
}

/** True when a closed ring passes through one vertex twice. */
export function hasRepeatedVertex(ring: readonly QPoint[]): boolean {
  const seen = new Set<string>();
  for (let i = 0; i < ring.length - 1; i++) {
    const key = `${ring[i]![0]},${ring[i]![1]}`;
    if (seen.has(key)) return true;
    seen.add(key);
  }
  return false;
}

/**
 * Puts back, on every edge of `rings`, the vertices of `original` that lie exactly on it (integer
 * arithmetic, so exact). polygon-clipping drops collinear vertices; restoring them keeps a merged
 * district's borders vertex-for-vertex identical to its neighbours', so the partition stays gap-free.
 */
export function restoreCollinearVertices(
  rings: readonly Position[][],
  original: readonly QPoint[],
): Position[][] {
  return rings.map((ring) => {
    const out: Position[] = [];
    for (let i = 0; i + 1 < ring.length; i++) {
      const a = ring[i]!;
      const b = ring[i + 1]!;
      out.push(a);
      const dx = b[0] - a[0];
      const dy = b[1] - a[1];
      const len2 = dx * dx + dy * dy;
      const between: { t: number; p: QPoint }[] = [];
      for (const p of original) {
        const px = p[0] - a[0];
        const py = p[1] - a[1];
        if (dx * py - dy * px !== 0) continue;
        const t = dx * px + dy * py;
        if (t > 0 && t < len2 && !between.some((q) => same(q.p, p))) between.push({ t, p });
      }
      between.sort((u, v) => u.t - v.t);
      for (const { p } of between) out.push([p[0], p[1]]);
    }
    out.push(ring[ring.length - 1]!);
    return out;
  });
}

/**
 * Merges the polygons of one district into valid non-overlapping polygons with polygon-clipping
 * (@turf/union), exactly, in integer space. Parts that share edges become one polygon (possibly with a
 * hole where they close off an inlet). Vertices the clipper drops as collinear are restored.
 * @param parts polygons as [exterior, ...holes] of closed integer rings
 * @returns polygons with exterior rings counter-clockwise and holes clockwise
 */
export function unionParts(parts: readonly QPoint[][][]): Position[][][] {
  const polys = parts.map((p) => polygon(p));
  // union() needs two inputs; a polygon unioned with itself is normalised the same way.
  const merged = union(featureCollection(polys.length > 1 ? polys : [polys[0]!, polys[0]!]));
  if (!merged) throw new Error('union of district parts returned nothing');
  const g = merged.geometry;
  const out = (g.type === 'Polygon' ? [g.coordinates] : g.coordinates) as Position[][][];
  const original = parts.flat(2);
  return out.map((poly) => restoreCollinearVertices(poly, original));
}

/**
 * Returns a copy with exterior rings counter-clockwise and holes clockwise (RFC 7946 §3.1.6).
 * @param poly [exterior, ...holes] in lon/lat degrees
 */
export function orientPolygon(poly: readonly Position[][]): Position[][] {
  return poly.map((ring, i) => {
    const ccw = signedArea(ring) > 0;
    return (i === 0) === ccw ? ring.map((p) => [p[0], p[1]] as Position) : [...ring].reverse();
  });
}

/** Rounds degrees to `decimals` places (6 → 0.11 m) and drops vertices that become repeated. */
export function roundRing(ring: readonly Position[], decimals = 6): Position[] {
  const f = 10 ** decimals;
  const out: Position[] = [];
  for (const p of ring) {
    const q: Position = [Math.round(p[0] * f) / f, Math.round(p[1] * f) / f];
    const last = out[out.length - 1];
    if (!last || last[0] !== q[0] || last[1] !== q[1]) out.push(q);
  }
  return out;
}

export interface DistrictBuildInput {
  adcode: string;
  nameZh: string;
  nameEn: string;
  /** Polygons as [exterior, ...holes] of quantised integer rings, in `crs`. */
  parts: QPoint[][][];
}

export interface DistrictBuildOptions {
  /** Quantised units per degree (ECharts: 1024). */
  scale: number;
  /** Subtract ½ quantum to undo a Math.ceil quantiser (see echarts_decode.ts). */
  ceilCorrection: boolean;
  crs: Crs;
  source: SourceRef;
  accuracyM: number;
  decimals?: number;
}

export interface DistrictBuildReport {
  adcode: string;
  verticesIn: number;
  verticesOut: number;
  /** True when the parts were merged by {@link unionParts} (several parts or a pinch left). */
  merged: boolean;
  polygons: number;
  holes: number;
  clean: RingCleanReport;
  /** Self-intersections left in the output (the build refuses to write when non-zero). */
  kinks: Position[];
  areaKm2: number;
  perimeterKm: number;
}

/**
 * Builds one district feature: clean → union → degrees (ceil-corrected) → WGS-84 → round → orient,
 * then checks rings are closed and free of self-intersections (@turf/kinks).
 * @returns the feature with FeatureProps, and a report of what was changed and measured
 */
export function buildDistrictFeature(
  input: DistrictBuildInput,
  opts: DistrictBuildOptions,
): { feature: MapFeature; report: DistrictBuildReport } {
  const clean: RingCleanReport = { duplicates: 0, spikes: 0, pinchLoops: [] };
  let verticesIn = 0;
  const cleaned = input.parts.map((poly) =>
    poly.map((ring) => {
      verticesIn += ring.length;
      const r = cleanQuantisedRing(ring);
      clean.duplicates += r.report.duplicates;
      clean.spikes += r.report.spikes;
      clean.pinchLoops.push(...r.report.pinchLoops);
      return r.ring;
    }),
  );
  const shift = opts.ceilCorrection ? 0.5 : 0;
  const decimals = opts.decimals ?? 6;
  // Union only where needed: it also drops collinear vertices, which would make this district's side of a
  // shared border differ (by ~0.1 m after conversion and rounding) from its neighbour's.
  const merged = cleaned.length > 1 || cleaned.some((poly) => poly.some(hasRepeatedVertex));
  const parts: Position[][][] = merged ? unionParts(cleaned) : cleaned;
  const polys = parts.map((poly) => {
    const deg = poly.map((ring) =>
      ring.map(([x, y]) => [(x - shift) / opts.scale, (y - shift) / opts.scale]),
    );
    const wgs = geometryToWgs84({ type: 'Polygon', coordinates: deg as Position[][] }, opts.crs);
    return orientPolygon(wgs.coordinates.map((ring) => roundRing(ring, decimals)));
  });
  for (const poly of polys) {
    for (const ring of poly) {
      const a = ring[0];
      const b = ring[ring.length - 1];
      if (ring.length < 4 || !a || !b || a[0] !== b[0] || a[1] !== b[1]) {
        throw new Error(`${input.adcode}: ring not closed or shorter than 4 positions`);
      }
    }
  }
  const geometry =
    polys.length === 1
      ? { type: 'Polygon' as const, coordinates: polys[0]! }
      : { type: 'MultiPolygon' as const, coordinates: polys };
  const turfGeom: Feature<Polygon | MultiPolygon> =
    geometry.type === 'Polygon' ? polygon(geometry.coordinates) : multiPolygon(geometry.coordinates);
  const found = kinks(turfGeom).features.map((f) => f.geometry.coordinates as Position);
  let perimeterM = 0;
  let verticesOut = 0;
  for (const poly of polys) {
    for (const ring of poly) {
      verticesOut += ring.length;
      for (let i = 1; i < ring.length; i++)
        perimeterM += distance(ring[i - 1]!, ring[i]!, { units: 'meters' });
    }
  }
  const props: FeatureProps = {
    id: `district-${input.adcode}`,
    category: 'district',
    name_zh: input.nameZh,
    name_en: input.nameEn,
    district: input.adcode,
    status: 'existing',
    source: opts.source,
    accuracy_m: opts.accuracyM,
  };
  return {
    feature: { type: 'Feature', id: props.id, geometry, properties: props },
    report: {
      adcode: input.adcode,
      verticesIn,
      verticesOut,
      merged,
      polygons: polys.length,
      holes: polys.reduce((n, p) => n + p.length - 1, 0),
      clean,
      kinks: found,
      areaKm2: area(turfGeom) / 1e6,
      perimeterKm: perimeterM / 1000,
    },
  };
}

/**
 * Area covered by more than one district (0 for a perfect partition): Σ area(district) − area(∪ districts).
 * Spherical-area rounding makes this noisy at the ~10 m² level for a 13,000 km² city.
 * @returns square metres
 */
export function totalOverlapM2(features: readonly MapFeature[]): number {
  const u = union(featureCollection(features.map(toTurf)));
  if (!u) return 0;
  return features.reduce((s, f) => s + area(toTurf(f)), 0) - area(u);
}

/**
 * Holes of the union of all districts: slivers between neighbours plus anything the set encloses.
 * @returns each hole ring with its area in square metres
 */
export function unionHoles(features: readonly MapFeature[]): { ring: Position[]; areaM2: number }[] {
  const u = union(featureCollection(features.map(toTurf)));
  if (!u) return [];
  const polys = (
    u.geometry.type === 'Polygon' ? [u.geometry.coordinates] : u.geometry.coordinates
  ) as Position[][][];
  return polys.flatMap((p) => p.slice(1).map((ring) => ({ ring, areaM2: area(polygon([ring])) })));
}

function toTurf(f: MapFeature): Feature<Polygon | MultiPolygon> {
  if (f.geometry.type === 'Polygon') return polygon(f.geometry.coordinates);
  if (f.geometry.type === 'MultiPolygon') return multiPolygon(f.geometry.coordinates);
  throw new Error(`${f.properties.id}: not a polygon`);
}
