// "What is near me?": facilities ranked by walking time from a place, and the 5/10/15-minute summary.

import { CATALOG } from '../catalog';
import { TIME_BANDS_MIN } from '../config';
import type { CategoryId, MapFeature, Position } from './feature';
import type { FacilityGroup, WalkEngine, WalkMethod } from './walk/engine';

/** Categories a resident can walk to (not boundaries, routes or derived layers). */
export const NEARBY_CATEGORIES: CategoryId[] = CATALOG.filter(
  (e) => e.facility && !e.derived && e.geometry !== 'line',
).map((e) => e.id);

export interface NearbyRow {
  feature: MapFeature;
  minutes: number;
  metres: number;
  method: WalkMethod;
}

/** Facilities prepared once per engine and feature set, then queried from any origin. */
export interface NearbyIndex {
  engine: WalkEngine;
  group: FacilityGroup;
  features: MapFeature[];
}

/** A point that stands for a feature when walking to it: the point itself, or the first vertex. */
export function walkTarget(f: MapFeature): Position {
  const g = f.geometry;
  if (g.type === 'Point') return g.coordinates;
  const flat = g.coordinates.flat(3) as unknown as number[];
  return [flat[0] as number, flat[1] as number];
}

/** Snap/index every walkable facility for `engine`. */
export function prepareNearby(engine: WalkEngine, features: readonly MapFeature[]): NearbyIndex {
  const usable = features.filter((f) => NEARBY_CATEGORIES.includes(f.properties.category));
  const group = engine.prepare(
    usable.map((f) => {
      const [lon, lat] = walkTarget(f);
      return { id: f.properties.id, lon, lat };
    }),
  );
  return { engine, group, features: usable };
}

export interface RankOptions {
  categories: readonly CategoryId[];
  /** Stop at this walking time (minutes). */
  maxMinutes: number;
  limit: number;
}

/**
 * Facilities of the chosen categories within `maxMinutes` of `origin` ([lon, lat]), fastest first; ties by
 * distance then id so the order is stable.
 */
export function rankNearby(index: NearbyIndex, origin: Position, o: RankOptions): NearbyRow[] {
  const wanted = new Set(o.categories);
  // Ask the engine for everything in reach, then filter: k-nearest over all categories at once is one search.
  const hits = index.engine.nearest(origin[0], origin[1], index.group, index.features.length, o.maxMinutes);
  const rows: NearbyRow[] = [];
  for (const hit of hits) {
    const feature = index.features[hit.index] as MapFeature;
    if (!wanted.has(feature.properties.category)) continue;
    rows.push({ feature, minutes: hit.minutes, metres: hit.metres, method: hit.method });
  }
  rows.sort(
    (a, b) =>
      a.minutes - b.minutes ||
      a.metres - b.metres ||
      a.feature.properties.id.localeCompare(b.feature.properties.id),
  );
  return rows.slice(0, o.limit);
}

export interface CategorySummary {
  category: CategoryId;
  /** Count within each band of TIME_BANDS_MIN (cumulative). */
  within: number[];
  nearest: NearbyRow | null;
}

/** Per category: how many are within 5/10/15 minutes, and the nearest one. Rows must be fastest first. */
export function summarise(rows: readonly NearbyRow[], categories: readonly CategoryId[]): CategorySummary[] {
  return categories.map((category) => {
    const mine = rows.filter((r) => r.feature.properties.category === category);
    return {
      category,
      within: TIME_BANDS_MIN.map((band) => mine.filter((r) => r.minutes <= band).length),
      nearest: mine[0] ?? null,
    };
  });
}

/**
 * The one-line answer to "is this place inside the 15-minute fitness circle?": the nearest existing fitness
 * site and whether it is within 15 minutes. Planned sites do not count: the circle is what people can use.
 */
export function fitnessCircleAnswer(rows: readonly NearbyRow[]): {
  inside: boolean;
  nearest: NearbyRow | null;
} {
  const nearest =
    rows.find(
      (r) => r.feature.properties.category === 'fitness_site' && r.feature.properties.status === 'existing',
    ) ?? null;
  return { inside: nearest !== null && nearest.minutes <= 15, nearest };
}
