// One walking interface over two methods: the street network when a graph is loaded, else an estimate.

import { walkBetween } from './astar.ts';
import { boundFor, hierarchyFor } from './bound_store.ts';
import { walkBetweenCH } from './ch_query.ts';
import { edgeMinutes, STEPS_FACTOR } from './cost.ts';
import { boundedDijkstra, DijkstraWorkspace, type Seed } from './dijkstra.ts';
import { type EstimateGroup, EstimateWalkEngine } from './estimate_engine.ts';
import {
  type EdgePiece,
  type FacilityPoint,
  facilityPieces,
  nearestFacilities,
  type SnappedFacilities,
  snapFacilities,
} from './facilities.ts';
import type { WalkGraph } from './graph.ts';
import {
  DEFAULT_ISOCHRONE_BUFFER_M,
  type MultiPolygonCoords,
  piecesToPolygons,
  reachedPieces,
} from './isochrone.ts';
import { piecesToPath, type RoutePart } from './path.ts';
import { DEFAULT_MAX_SNAP_M, type EdgeSnap, EdgeSnapIndex, seedsForSnap } from './snap.ts';

/** How a result was obtained: along the street network, or straight line × detour factor. */
export type WalkMethod = 'network' | 'estimate';

/** Engine options; every field has a documented default. */
export interface WalkEngineOptions {
  /** Level walking speed, metres per minute (default 80). */
  speedMPerMin?: number;
  /** Straight-line detour factor of estimates (default 1.3). */
  detourFactor?: number;
  /** Farther than this from any edge a point is off the network and gets an estimate (default 300 m). */
  maxSnapM?: number;
  /** Stair speed factors (default STEPS_FACTOR). */
  stepsFactor?: { up: number; down: number; unknown: number };
  /** Use elevations (Tobler) when the graph has them (default true). */
  useElevation?: boolean;
  /** Isochrone buffer around reached streets, metres (default 40). */
  isochroneBufferM?: number;
}

/** Facilities prepared for one engine (snapped and indexed once, queried many times). */
export interface FacilityGroup {
  readonly points: readonly FacilityPoint[];
  /** Ids that could not be placed on the network (always empty for an estimate engine). */
  readonly unsnapped: readonly string[];
}

/** A facility ranked by walking time. */
export interface NearbyResult {
  id: string;
  /** Index in the prepared list. */
  index: number;
  minutes: number;
  metres: number;
  method: WalkMethod;
}

/** A walk drawn from a point to a destination. */
export interface RouteResult {
  method: WalkMethod;
  /** LineString coordinates from the start point to the destination point. */
  coordinates: [number, number][];
  minutes: number;
  metres: number;
  /** Steps, bridges and tunnels used (empty for estimates). */
  parts: RoutePart[];
}

/** Area reachable within `minutes` (cumulative: the 10-min band contains the 5-min band). */
export interface IsochroneResult {
  minutes: number;
  /** GeoJSON MultiPolygon coordinates. */
  coordinates: MultiPolygonCoords;
  method: WalkMethod;
}

/** The interface the UI and workers use, whichever method backs it. */
export interface WalkEngine {
  /** 'network' when a graph is loaded; individual results may still be estimates (point off the network). */
  readonly method: WalkMethod;
  readonly speedMPerMin: number;
  readonly detourFactor: number;
  /** Snaps/indexes facilities for repeated queries. */
  prepare(points: readonly FacilityPoint[]): FacilityGroup;
  /** Up to k facilities nearest by walking time from a point, nearest first, within maxMinutes (default 60). */
  nearest(lon: number, lat: number, group: FacilityGroup, k: number, maxMinutes?: number): NearbyResult[];
  /** The walk from a point to one prepared facility (null when unreachable). */
  route(lon: number, lat: number, group: FacilityGroup, index: number): RouteResult | null;
  /** The walk between two points (null when unreachable). */
  travel(from: [number, number], to: [number, number]): RouteResult | null;
  /** Areas reachable from a point within each band (minutes). */
  isochrones(lon: number, lat: number, bandsMin: readonly number[]): IsochroneResult[];
  /** Areas from which some facility is reachable within each band (e.g. the 15-minute fitness circle). */
  coverage(group: FacilityGroup, bandsMin: readonly number[]): IsochroneResult[];
}

/** A network engine when a graph is given, else an estimate engine; both share WalkEngine. */
export function createWalkEngine(
  graph: WalkGraph | null | undefined,
  options: WalkEngineOptions = {},
): WalkEngine {
  return graph && graph.nodeCount > 0
    ? new NetworkWalkEngine(graph, options)
    : new EstimateWalkEngine(options);
}

interface NetworkGroup extends FacilityGroup {
  readonly kind: 'network';
  readonly engine: NetworkWalkEngine;
  readonly snapped: SnappedFacilities;
  /** The same facilities for estimate fallbacks. */
  readonly estimate: EstimateGroup;
}

/**
 * Street-network engine. Times are network minutes plus the straight access legs between each point
 * and its snapped position on the network (at level speed); a point farther than maxSnapM from every
 * edge falls back to the estimate, and its results say so.
 */
export class NetworkWalkEngine implements WalkEngine {
  readonly method = 'network' as const;
  readonly speedMPerMin: number;
  readonly detourFactor: number;
  readonly costs: Float32Array;
  readonly snapIndex: EdgeSnapIndex;
  private readonly ws: DijkstraWorkspace;
  private readonly fallback: EstimateWalkEngine;
  private readonly maxSnapM: number;
  private readonly bufferM: number;

  constructor(
    readonly graph: WalkGraph,
    options: WalkEngineOptions = {},
  ) {
    this.fallback = new EstimateWalkEngine(options);
    this.speedMPerMin = this.fallback.speedMPerMin;
    this.detourFactor = this.fallback.detourFactor;
    this.maxSnapM = options.maxSnapM ?? DEFAULT_MAX_SNAP_M;
    this.bufferM = options.isochroneBufferM ?? DEFAULT_ISOCHRONE_BUFFER_M;
    this.costs = edgeMinutes(graph, {
      speedMPerMin: this.speedMPerMin,
      stepsFactor: options.stepsFactor ?? STEPS_FACTOR,
      useElevation: options.useElevation ?? true,
    });
    this.snapIndex = new EdgeSnapIndex(graph);
    this.ws = new DijkstraWorkspace(graph.nodeCount);
  }

  /** Snaps a point, or null when it is off the network. */
  snap(lon: number, lat: number): EdgeSnap | null {
    return this.snapIndex.snap(lon, lat, this.maxSnapM);
  }

  prepare(points: readonly FacilityPoint[]): NetworkGroup {
    const snapped = snapFacilities(this.snapIndex, points, this.maxSnapM);
    return {
      kind: 'network',
      engine: this,
      points,
      unsnapped: snapped.unsnapped,
      snapped,
      estimate: this.fallback.prepare(points),
    };
  }

  nearest(lon: number, lat: number, group: FacilityGroup, k: number, maxMinutes = 60): NearbyResult[] {
    const g = this.own(group);
    const origin = this.snap(lon, lat);
    if (!origin) return this.fallback.nearest(lon, lat, g.estimate, k, maxMinutes);
    const access = origin.distanceM / this.speedMPerMin;
    // Rank with each facility's own access leg included, so the order is the order of total times.
    const extra = this.accessMinutes(g.snapped);
    const reaches = nearestFacilities(
      this.graph,
      this.costs,
      g.snapped,
      origin,
      k,
      maxMinutes - access,
      this.ws,
      extra,
    );
    return reaches.map((r) => {
      const fs = g.snapped.snaps[r.facility] as EdgeSnap;
      const pieces = facilityPieces(this.graph, g.snapped, origin, r, this.ws);
      return {
        id: (g.points[r.facility] as FacilityPoint).id,
        index: r.facility,
        minutes: r.minutes + access,
        metres: piecesMetres(this.graph, pieces) + origin.distanceM + fs.distanceM,
        method: 'network' as const,
      };
    });
  }

  route(lon: number, lat: number, group: FacilityGroup, index: number): RouteResult | null {
    const g = this.own(group);
    const p = g.points[index];
    if (!p) return null;
    const origin = this.snap(lon, lat);
    const fs = g.snapped.snaps[index];
    if (!origin || !fs) return this.fallback.travel([lon, lat], [p.lon, p.lat]);
    return this.routeBetween([lon, lat], origin, [p.lon, p.lat], fs);
  }

  travel(from: [number, number], to: [number, number]): RouteResult | null {
    const a = this.snap(from[0], from[1]);
    const b = this.snap(to[0], to[1]);
    if (!a || !b) return this.fallback.travel(from, to);
    return this.routeBetween(from, a, to, b);
  }

  isochrones(lon: number, lat: number, bandsMin: readonly number[]): IsochroneResult[] {
    const origin = this.snap(lon, lat);
    if (!origin) return this.fallback.isochrones(lon, lat, bandsMin);
    const access = origin.distanceM / this.speedMPerMin;
    const maxBand = Math.max(...bandsMin);
    boundedDijkstra(
      this.graph,
      this.costs,
      seedsForSnap(this.graph, this.costs, origin, 'from'),
      maxBand - access,
      this.ws,
      'from',
    );
    return bandsMin.map((b) => {
      const budget = b - access;
      const pieces = budget > 0 ? reachedPieces(this.graph, this.costs, this.ws, budget, [origin]) : [];
      return {
        minutes: b,
        method: 'network' as const,
        coordinates: piecesToPolygons(this.graph, pieces, { bufferM: this.bufferM }),
      };
    });
  }

  coverage(group: FacilityGroup, bandsMin: readonly number[]): IsochroneResult[] {
    const g = this.own(group);
    const seeds: Seed[] = [];
    const starts: EdgeSnap[] = [];
    g.snapped.snaps.forEach((s, i) => {
      if (!s) return;
      starts.push(s);
      const access = s.distanceM / this.speedMPerMin;
      for (const seed of seedsForSnap(this.graph, this.costs, s, 'to', i))
        seeds.push({ ...seed, minutes: seed.minutes + access });
    });
    const maxBand = Math.max(...bandsMin);
    boundedDijkstra(this.graph, this.costs, seeds, maxBand, this.ws, 'to');
    return bandsMin.map((b) => ({
      minutes: b,
      method: 'network' as const,
      coordinates: piecesToPolygons(this.graph, reachedPieces(this.graph, this.costs, this.ws, b, starts), {
        bufferM: this.bufferM,
      }),
    }));
  }

  private own(group: FacilityGroup): NetworkGroup {
    const g = group as Partial<NetworkGroup>;
    if (g.kind !== 'network' || g.engine !== this)
      throw new Error('facility group was prepared by another engine');
    return g as NetworkGroup;
  }

  private accessMinutes(s: SnappedFacilities): Float64Array {
    let extra = this.accessCache.get(s);
    if (!extra) {
      extra = new Float64Array(s.points.length);
      s.snaps.forEach((sn, i) => {
        extra![i] = sn ? sn.distanceM / this.speedMPerMin : 0;
      });
      this.accessCache.set(s, extra);
    }
    return extra;
  }
  private readonly accessCache = new WeakMap<SnappedFacilities, Float64Array>();

  private routeBetween(
    from: [number, number],
    a: EdgeSnap,
    to: [number, number],
    b: EdgeSnap,
  ): RouteResult | null {
    // The contraction hierarchy once the worker has delivered it, else bidirectional A* (same times).
    const h = hierarchyFor(this.graph, this.costs);
    const walk = h
      ? walkBetweenCH(this.graph, this.costs, h, a, b)
      : walkBetween(this.graph, this.costs, boundFor(this.graph, this.costs), a, b, this.ws);
    if (!walk) return null;
    // Start point first, then the network part (its part indices count the start point), then the end.
    const path = piecesToPath(this.graph, this.costs, walk.pieces, [from]);
    path.coordinates.push(to);
    const accessM = a.distanceM + b.distanceM;
    return {
      method: 'network',
      coordinates: path.coordinates,
      metres: path.metres + accessM,
      minutes: path.minutes + accessM / this.speedMPerMin,
      parts: path.parts,
    };
  }
}

function piecesMetres(graph: WalkGraph, pieces: readonly EdgePiece[]): number {
  let m = 0;
  for (const p of pieces) m += (graph.lengthM[p.edge] as number) * (p.t1 - p.t0);
  return m;
}
