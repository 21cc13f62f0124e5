// A suggested walk as a route (so the itinerary, GPX and print treat it like a published one), its label
// and sources, and the places a stop can be swapped for.

import { sourceText } from '../attribution';
import type { MapFeature } from '../feature';
import { type Lang, translate } from '../i18n';
import { locate, type RiverFrame } from '../river/river_frame';
import { haversineM } from '../walk/geo';
import { creditWithOrigin, type OsmOrigin } from './data_origin';
import type { TourRoute, TourStopRef } from './routes';
import type { WalkPlace } from './suggest_places';

/** Id of a suggested walk where a TourRoute is needed (itinerary, GPX file name). */
export const SUGGESTED_WALK_ID = 'suggested-walk';
/** A stop is swapped for a place within this distance of it, metres (a few minutes' walk). */
export const SWAP_REACH_M = 600;

/** Where the app got a place's OpenStreetMap data (import, live download, cache), or null (shipped, user's own). */
export type PlaceOrigin = (featureId: string) => OsmOrigin | null;

/**
 * The distinct source credits of the stops, in stop order (OSM's licence line with its date, else title),
 * each with where the app got the place when `originOf` knows (imported, downloaded live, device cache).
 */
export function walkSources(
  stops: readonly TourStopRef[],
  byId: ReadonlyMap<string, MapFeature>,
  lang: Lang,
  originOf: PlaceOrigin = () => null,
): string[] {
  const out: string[] = [];
  for (const s of stops) {
    const f = byId.get(s.feature_id);
    const text = f
      ? creditWithOrigin(sourceText(f.properties.source, lang), originOf(s.feature_id), lang)
      : null;
    if (text && !out.includes(text)) out.push(text);
  }
  return out;
}

/**
 * The suggested walk as a route: suggested by this map (never official), described as made from
 * OpenStreetMap places with the places' sources (and where the app got them), in both languages.
 */
export function suggestedWalkRoute(
  stops: readonly TourStopRef[],
  byId: ReadonlyMap<string, MapFeature>,
  originOf: PlaceOrigin = () => null,
): TourRoute {
  const describe = (lang: Lang) =>
    translate(lang, 'tour.suggest.label', { sources: walkSources(stops, byId, lang, originOf).join('; ') });
  return {
    id: SUGGESTED_WALK_ID,
    name_zh: translate('zh', 'tour.suggest.name'),
    name_en: translate('en', 'tour.suggest.name'),
    description_zh: describe('zh'),
    description_en: describe('en'),
    suggested_by: 'this_map',
    stops: stops.map((s) => ({ ...s })),
  };
}

/**
 * Places that can take stop `index`'s position: walk places (not metro stations) within SWAP_REACH_M on the
 * same bank (for a bridge: other bridges), not already in the walk; nearest first, then by id.
 */
export function swapOptions(
  places: readonly WalkPlace[],
  river: RiverFrame,
  stops: readonly TourStopRef[],
  index: number,
): WalkPlace[] {
  const current = places.find((p) => p.id === stops[index]?.feature_id);
  if (!current) return [];
  const used = new Set(stops.map((s) => s.feature_id));
  const side = locate(river, current.coord)?.side ?? 0;
  return places
    .filter(
      (p) => !used.has(p.id) && p.kind !== 'metro' && (current.kind === 'bridge') === (p.kind === 'bridge'),
    )
    .map((p) => ({ p, d: haversineM(current.coord[0], current.coord[1], p.coord[0], p.coord[1]) }))
    .filter(({ p, d }) => {
      if (d > SWAP_REACH_M) return false;
      const s = locate(river, p.coord)?.side ?? 0;
      return p.kind === 'bridge' || !side || !s || s === side;
    })
    .sort((a, b) => a.d - b.d || a.p.id.localeCompare(b.p.id))
    .map(({ p }) => p);
}
