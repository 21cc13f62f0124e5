// What the tour panel lists and the map draws for a view: the stop rows, why there is no timetable, the
// places that can be added, and the route as map features.

import { layerName } from '../catalog';
import type { MapFeature } from '../lib/feature';
import { type Lang, translate } from '../lib/i18n';
import type { Itinerary } from '../lib/tour/itinerary';
import { legLines } from '../lib/tour/map_marks';
import { walkCandidates } from '../lib/tour/walk_builder';
import type { AnalysisCollection } from '../map/layers';
import type { TourRowView } from './tour_panel';
import { pick, type TourView } from './tour_view';

/**
 * The stop rows: from the itinerary when scheduled, else the places (or their missing ids).
 * @param swap whether stop i can be swapped (null: no swap button)
 */
export function tourRows(
  v: TourView,
  it: Itinerary | null,
  byId: ReadonlyMap<string, MapFeature>,
  lang: Lang,
  swap: (i: number) => boolean | null,
): TourRowView[] {
  if (it)
    return it.rows.map((r, i) => ({
      name: r.name,
      missing: false,
      arrival: r.arrival,
      dwell: v.refs[i]?.dwell_min ?? 0,
      open: r.open,
      nearby: r.nearby,
      warning: r.warning,
      next: r.next,
      swap: swap(i),
    }));
  return v.refs.map((ref) => {
    const f = byId.get(ref.feature_id);
    return {
      name: f ? pick(lang, f.properties.name_zh, f.properties.name_en) : ref.feature_id,
      missing: !f,
      arrival: null,
      dwell: ref.dwell_min,
      open: null,
      nearby: [],
      warning: null,
      next: null,
      swap: null,
    };
  });
}

/** Why there is no timetable (missing places, too few stops), or null. */
export function walkStatus(v: TourView, lang: Lang): string | null {
  const own = v.route === null;
  if (!own && v.missing.length)
    return translate(lang, 'tour.ui.route.incomplete', { n: v.missing.length, ids: v.missing.join(', ') });
  if (own && v.missing.length) return translate(lang, 'tour.ui.own.missing');
  if (own && v.refs.length === 0) return translate(lang, 'tour.ui.own.empty');
  if (own && v.refs.length === 1) return translate(lang, 'tour.ui.own.one_more');
  return null;
}

/** The places a walk can add, grouped by layer name (walk_builder.ts `walkCandidates` order). */
export function candidateGroups(
  features: readonly MapFeature[],
  lang: Lang,
): { group: string; options: { id: string; name: string }[] }[] {
  const groups = new Map<string, { id: string; name: string }[]>();
  for (const f of walkCandidates(features, lang)) {
    const group = layerName(f.properties.category, lang);
    const list = groups.get(group) ?? [];
    list.push({ id: f.properties.id, name: pick(lang, f.properties.name_zh, f.properties.name_en) });
    groups.set(group, list);
  }
  return [...groups].map(([group, options]) => ({ group, options }));
}

/**
 * The route for the map's analysis source: the river walked along (when known), legs (solid network,
 * dashed estimate) and stop markers.
 */
export function tourAnalysis(
  v: TourView,
  river: readonly (readonly [number, number][])[] = [],
): AnalysisCollection {
  const features: AnalysisCollection['features'] = river.map((coordinates) => ({
    type: 'Feature',
    geometry: { type: 'LineString', coordinates },
    properties: { kind: 'river' },
  }));
  if (v.plan) {
    for (const leg of legLines(v.plan)) {
      features.push({
        type: 'Feature',
        geometry: { type: 'LineString', coordinates: leg.coordinates },
        properties: { kind: 'route', method: leg.method },
      });
    }
  }
  for (const m of v.marks) {
    features.push({
      type: 'Feature',
      geometry: { type: 'Point', coordinates: m.coord },
      properties: { kind: 'origin' },
    });
  }
  return { type: 'FeatureCollection', features };
}
