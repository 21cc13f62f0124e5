// The "my walk" builder: the places a user can add, the edit actions on the stop list, and the route it makes.

import { CATALOG } from '../../catalog';
import type { MapFeature } from '../feature';
import { type Lang, translate } from '../i18n';
import { MAX_DWELL_MIN, type TourRoute, type TourStopRef } from './routes';
import { DEFAULT_DWELL_MIN, MAX_WALK_STOPS } from './tour_state';

/** Id of the user's own walk where a TourRoute is needed (itinerary, GPX). */
export const OWN_WALK_ID = 'my-walk';

/** An edit of the stop list. Indexes out of range leave the list unchanged. */
export type WalkAction =
  | { type: 'add'; featureId: string; dwellMin?: number }
  | { type: 'remove'; index: number }
  | { type: 'move'; index: number; by: -1 | 1 }
  | { type: 'dwell'; index: number; dwellMin: number }
  /** Put another place in the stop's position (a suggested walk's "swap"), keeping its stay. */
  | { type: 'replace'; index: number; featureId: string }
  | { type: 'clear' };

/**
 * Why an edit was refused: the walk is full; the place is already the last stop; a move or removal would
 * put the same place twice in a row; a stay that is not 0–MAX_DWELL_MIN whole minutes.
 */
export type WalkRefusal = 'full' | 'repeat' | 'adjacent' | 'dwell';

export interface WalkResult {
  stops: TourStopRef[];
  /** The index of the stop the edit acted on afterwards (for keeping keyboard focus), or null. */
  index: number | null;
  refused: WalkRefusal | null;
}

/**
 * A stay typed by the user, rounded to whole minutes; null when it is not a number or outside
 * 0–MAX_DWELL_MIN (refused with a message rather than silently changed into something else).
 */
export function validDwell(value: number): number | null {
  if (!Number.isFinite(value)) return null;
  const min = Math.round(value);
  return min >= 0 && min <= MAX_DWELL_MIN ? min : null;
}

/** Index of the first stop that repeats the stop before it (a zero-length leg), or -1. */
export function adjacentRepeat(stops: readonly TourStopRef[]): number {
  return stops.findIndex((s, i) => i > 0 && stops[i - 1]?.feature_id === s.feature_id);
}

/** Applies one edit; the input list is never mutated. */
export function applyWalkAction(stops: readonly TourStopRef[], action: WalkAction): WalkResult {
  const list = stops.map((s) => ({ ...s }));
  const same = (index: number | null): WalkResult => ({ stops: list, index, refused: null });
  const inRange = (i: number) => Number.isInteger(i) && i >= 0 && i < list.length;
  // A refused edit hands back the list as it was, and the index the user acted on (focus stays there).
  const refuse = (index: number, why: WalkRefusal): WalkResult => ({
    stops: stops.map((s) => ({ ...s })),
    index,
    refused: why,
  });
  switch (action.type) {
    case 'add': {
      if (list.length >= MAX_WALK_STOPS) return { stops: list, index: null, refused: 'full' };
      // The same place twice in a row is a zero-length leg, almost surely a double click.
      if (list[list.length - 1]?.feature_id === action.featureId)
        return { stops: list, index: list.length - 1, refused: 'repeat' };
      const dwell = validDwell(action.dwellMin ?? DEFAULT_DWELL_MIN);
      if (dwell === null) return { stops: list, index: null, refused: 'dwell' };
      list.push({ feature_id: action.featureId, dwell_min: dwell });
      return same(list.length - 1);
    }
    case 'remove': {
      if (!inRange(action.index)) return same(null);
      list.splice(action.index, 1);
      // Removing the stop between two visits of one place would leave it twice in a row.
      if (adjacentRepeat(list) >= 0) return refuse(action.index, 'adjacent');
      return same(list.length === 0 ? null : Math.min(action.index, list.length - 1));
    }
    case 'move': {
      const to = action.index + action.by;
      if (!inRange(action.index) || !inRange(to)) return same(inRange(action.index) ? action.index : null);
      const [moved] = list.splice(action.index, 1) as [TourStopRef];
      list.splice(to, 0, moved);
      if (adjacentRepeat(list) >= 0) return refuse(action.index, 'adjacent');
      return same(to);
    }
    case 'dwell': {
      if (!inRange(action.index)) return same(null);
      const dwell = validDwell(action.dwellMin);
      if (dwell === null) return refuse(action.index, 'dwell');
      (list[action.index] as TourStopRef).dwell_min = dwell;
      return same(action.index);
    }
    case 'replace': {
      if (!inRange(action.index)) return same(null);
      (list[action.index] as TourStopRef).feature_id = action.featureId;
      if (adjacentRepeat(list) >= 0) return refuse(action.index, 'adjacent');
      return same(action.index);
    }
    case 'clear':
      return { stops: [], index: null, refused: null };
  }
}

// Check-in spots (the tour's own layer) first, then the layers in catalog order.
const ORDER = new Map(CATALOG.map((e) => [e.id, e.id === 'checkin_spot' ? -1 : e.order]));

/**
 * The places a walk can visit: every mapped feature with a Point geometry (any category but district
 * boundaries), grouped by layer (check-in spots first, then catalog order) and by name within a layer.
 */
export function walkCandidates(features: readonly MapFeature[], lang: Lang): MapFeature[] {
  const name = (f: MapFeature) =>
    (lang === 'zh'
      ? f.properties.name_zh || f.properties.name_en
      : f.properties.name_en || f.properties.name_zh) ?? '';
  return features
    .filter((f) => f.geometry.type === 'Point' && f.properties.category !== 'district')
    .sort(
      (a, b) =>
        (ORDER.get(a.properties.category) ?? 0) - (ORDER.get(b.properties.category) ?? 0) ||
        name(a).localeCompare(name(b), lang) ||
        a.properties.id.localeCompare(b.properties.id),
    );
}

/**
 * The user's walk as a route, so the itinerary and GPX writers treat it like any other. It is labelled
 * as suggested by the user (the source is "you"), never as the map's or an official suggestion.
 */
export function ownWalkRoute(stops: readonly TourStopRef[], lang: Lang): TourRoute {
  return {
    id: OWN_WALK_ID,
    name_zh: translate('zh', 'tour.ui.own.name'),
    name_en: translate('en', 'tour.ui.own.name'),
    suggested_by: { source: { title: translate(lang, 'tour.ui.own.source') } },
    stops: stops.map((s) => ({ ...s })),
  };
}
