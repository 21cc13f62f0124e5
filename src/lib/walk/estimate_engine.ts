// The walking engine without a street network: straight line × detour factor, for points and areas.

import { DEFAULT_SPEED_M_PER_MIN } from './cost.ts';
import type {
  FacilityGroup,
  IsochroneResult,
  NearbyResult,
  RouteResult,
  WalkEngine,
  WalkEngineOptions,
} from './engine.ts';
import { circleRing, DEFAULT_DETOUR_FACTOR } from './estimate.ts';
import type { FacilityPoint } from './facilities.ts';
import { haversineM, METRES_PER_DEGREE, metresPerDegreeLon } from './geo.ts';
import { PointIndex } from './point_index.ts';
import { bufferSegments } from './raster_buffer.ts';

/** Facilities prepared for an estimate engine: indexed by position. */
export interface EstimateGroup extends FacilityGroup {
  readonly kind: 'estimate';
  readonly index: PointIndex;
}

/** Straight-line × detour-factor engine (no graph). Every result has method 'estimate'. */
export class EstimateWalkEngine implements WalkEngine {
  readonly method = 'estimate' as const;
  readonly speedMPerMin: number;
  readonly detourFactor: number;

  constructor(options: WalkEngineOptions = {}) {
    this.speedMPerMin = options.speedMPerMin ?? DEFAULT_SPEED_M_PER_MIN;
    this.detourFactor = options.detourFactor ?? DEFAULT_DETOUR_FACTOR;
    if (!(this.speedMPerMin > 0)) throw new RangeError('speedMPerMin must be > 0');
    if (!(this.detourFactor >= 1)) throw new RangeError('detourFactor must be ≥ 1');
  }

  prepare(points: readonly FacilityPoint[]): EstimateGroup {
    return { kind: 'estimate', points, unsnapped: [], index: new PointIndex(points) };
  }

  nearest(lon: number, lat: number, group: FacilityGroup, k: number, maxMinutes = 60): NearbyResult[] {
    const g = asEstimateGroup(group);
    const maxM = (maxMinutes * this.speedMPerMin) / this.detourFactor;
    return g.index.nearest(lon, lat, k, maxM).map((h) => {
      const metres = h.distanceM * this.detourFactor;
      return {
        id: (g.points[h.index] as FacilityPoint).id,
        index: h.index,
        metres,
        minutes: metres / this.speedMPerMin,
        method: 'estimate' as const,
      };
    });
  }

  route(lon: number, lat: number, group: FacilityGroup, index: number): RouteResult | null {
    const p = group.points[index];
    return p ? this.travel([lon, lat], [p.lon, p.lat]) : null;
  }

  travel(from: [number, number], to: [number, number]): RouteResult {
    const metres = haversineM(from[0], from[1], to[0], to[1]) * this.detourFactor;
    return {
      method: 'estimate',
      coordinates: [from, to],
      metres,
      minutes: metres / this.speedMPerMin,
      parts: [],
    };
  }

  isochrones(lon: number, lat: number, bandsMin: readonly number[]): IsochroneResult[] {
    return bandsMin.map((b) => ({
      minutes: b,
      method: 'estimate' as const,
      coordinates: [[circleRing(lon, lat, (b * this.speedMPerMin) / this.detourFactor)]],
    }));
  }

  coverage(group: FacilityGroup, bandsMin: readonly number[]): IsochroneResult[] {
    const pts = group.points;
    if (pts.length === 0)
      return bandsMin.map((b) => ({ minutes: b, method: 'estimate' as const, coordinates: [] }));
    let lat0 = 0;
    let lon0 = Infinity;
    for (const p of pts) {
      lat0 += p.lat / pts.length;
      lon0 = Math.min(lon0, p.lon);
    }
    const kx = metresPerDegreeLon(lat0);
    const segs = new Float64Array(pts.length * 4);
    pts.forEach((p, i) => {
      segs[4 * i] = segs[4 * i + 2] = (p.lon - lon0) * kx;
      segs[4 * i + 1] = segs[4 * i + 3] = (p.lat - lat0) * METRES_PER_DEGREE;
    });
    return bandsMin.map((b) => {
      const radius = (b * this.speedMPerMin) / this.detourFactor;
      const polys = bufferSegments(segs, { radius, cell: radius / 32 });
      return {
        minutes: b,
        method: 'estimate' as const,
        coordinates: polys.map((rings) =>
          rings.map((ring) =>
            ring.map(
              ([x, y]) =>
                [lon0 + (x as number) / kx, lat0 + (y as number) / METRES_PER_DEGREE] as [number, number],
            ),
          ),
        ),
      };
    });
  }
}

function asEstimateGroup(group: FacilityGroup): EstimateGroup {
  // A network engine's group carries its estimate twin for points off the network.
  const g = group as { kind?: string; index?: PointIndex; estimate?: EstimateGroup };
  if (g.kind === 'estimate' && g.index) return g as EstimateGroup;
  if (g.kind === 'network' && g.estimate) return g.estimate;
  throw new Error('facility group was not prepared by a walk engine');
}
