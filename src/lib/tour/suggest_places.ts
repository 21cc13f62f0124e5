// Which mapped places a suggested Yellow River walk may use, how long it stays at each kind and how much a
// tourist is likely to want each: the stop table of the walk suggester (suggest.ts).

import type { MapFeature } from '../feature';
import type { LonLat } from './legs';
import { stopCoord } from './routes';

/** Kinds of stops of a suggested walk. */
export type StopKind = 'bridge' | 'viewpoint' | 'sight' | 'park' | 'checkin' | 'night_market' | 'metro';

/**
 * Stay per kind, minutes (`dwell` suggested, stretched within [min, max] to fit the chosen length) and the
 * value the suggester maximises (a viewpoint or landmark is worth more of an evening than a square).
 * Chosen for this project (the issue is silent): a bridge is crossed and looked from (10 min), a viewpoint
 * or check-in spot 15, a sight or park 20, a night market 40 (dinner); a metro station is only an end.
 */
export const STOP_KINDS: Record<StopKind, { dwell: number; min: number; max: number; value: number }> = {
  bridge: { dwell: 10, min: 5, max: 20, value: 2 },
  viewpoint: { dwell: 15, min: 10, max: 30, value: 3 },
  sight: { dwell: 20, min: 10, max: 40, value: 3 },
  checkin: { dwell: 15, min: 10, max: 30, value: 3 },
  park: { dwell: 20, min: 10, max: 45, value: 2 },
  night_market: { dwell: 40, min: 20, max: 90, value: 3 },
  metro: { dwell: 0, min: 0, max: 0, value: 0 },
};

/** A place the suggester can use. */
export interface WalkPlace {
  id: string;
  kind: StopKind;
  coord: LonLat;
  opening_hours?: string;
  /** Positional accuracy, metres (for a bridge: half its extent, see live_osm/centre.ts). */
  accuracy_m: number;
}

/** The kind of stop a feature makes, or null when it is not for an evening walk (pitches, libraries …). */
export function stopKind(f: MapFeature): StopKind | null {
  const p = f.properties;
  if (f.geometry.type !== 'Point' || p.status !== 'existing') return null;
  switch (p.category) {
    case 'riverside':
      return p.facility_type === 'bridge'
        ? 'bridge'
        : p.facility_type === 'viewpoint'
          ? 'viewpoint'
          : 'sight';
    case 'checkin_spot':
      return 'checkin';
    case 'park':
    case 'youth_park':
      return 'park';
    case 'night_market':
    case 'night_zone':
      return 'night_market';
    case 'metro':
      return 'metro';
    default:
      return null;
  }
}

/** The features an evening walk can use, in the input order. */
export function walkPlaces(features: readonly MapFeature[]): WalkPlace[] {
  const out: WalkPlace[] = [];
  for (const f of features) {
    const kind = stopKind(f);
    if (!kind) continue;
    const place: WalkPlace = {
      id: f.properties.id,
      kind,
      coord: stopCoord(f),
      accuracy_m: f.properties.accuracy_m,
    };
    if (f.properties.opening_hours) place.opening_hours = f.properties.opening_hours;
    out.push(place);
  }
  return out;
}
