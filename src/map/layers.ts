// Pure: app state → the maplibre sources and layers that draw our features on top of any basemap.

import type { ExpressionSpecification, LayerSpecification, SourceSpecification } from 'maplibre-gl';
import { CATALOG, type LayerEntry } from '../catalog';
import type { CategoryId, MapFeatureCollection, Status } from '../lib/feature';
import type { Lang } from '../lib/i18n';

export const FEATURE_SOURCE = 'lym-features';
export const DISTRICT_SOURCE = 'lym-districts';
/** Walking analysis: isochrone bands, the drawn walk, the chosen place. */
export const ANALYSIS_SOURCE = 'lym-analysis';
/** Band fill colours, 5 → 15 minutes (light to dark reads as "farther"), with ≥3:1 contrast on the basemaps. */
export const BAND_COLORS = ['#15803d', '#65a30d', '#ca8a04'] as const;
/** The walk: dark blue by day; a light blue at night keeps ≥ 3:1 contrast on the dark basemap. */
export const ROUTE_COLOR = { day: '#1d4ed8', night: '#60a5fa' } as const;
/** Prefix of every layer we own, so the basemap's layers are never touched. */
export const OVERLAY_PREFIX = 'lym-';

export interface OverlayOptions {
  layers: readonly CategoryId[];
  statuses: readonly Status[];
  lang: Lang;
  selected: string | null;
  theme: 'day' | 'night';
  /** Font stack for glyphs and labels; null when the basemap has no glyphs (then no text is drawn). */
  font: string[] | null;
}

/** Layer ids that respond to clicks (the feature layers, not labels or halos). */
export function clickableLayerIds(): string[] {
  return CATALOG.flatMap((e) => layerIdsOf(e).filter((id) => /-(circle|fill|line)$/.test(id)));
}

/** The stack ring of a co-located marker (0 on top). */
const ring: ExpressionSpecification = ['coalesce', ['get', 'ring'], 0];

function layerIdsOf(e: LayerEntry): string[] {
  const p = `${OVERLAY_PREFIX}${e.id}`;
  if (e.id === 'district') return [`${p}-fill`, `${p}-line`];
  if (e.derived || e.geometry === 'route') return [];
  if (e.geometry === 'line') return [`${p}-line`];
  if (e.geometry === 'point') return [`${p}-circle`, `${p}-glyph`, `${p}-label`];
  return [`${p}-fill`, `${p}-outline`, `${p}-circle`, `${p}-glyph`, `${p}-label`];
}

/** The GeoJSON sources for our data. */
export function overlaySources(
  features: MapFeatureCollection,
  districts: MapFeatureCollection,
  analysis: AnalysisCollection = EMPTY_ANALYSIS,
): Record<string, SourceSpecification> {
  return {
    [FEATURE_SOURCE]: { type: 'geojson', data: features as never, promoteId: 'id' },
    [DISTRICT_SOURCE]: { type: 'geojson', data: districts as never, promoteId: 'id' },
    [ANALYSIS_SOURCE]: { type: 'geojson', data: analysis as never },
  };
}

/** The river line in the tour view, by theme (water blue, distinct from the walk's blue). */
const RIVER_COLOR = { day: '#67c5e8', night: '#1e6f8f' } as const;

/** What the analysis source draws; `kind` picks the layer. Bands are drawn largest first. */
export interface AnalysisCollection {
  type: 'FeatureCollection';
  features: {
    type: 'Feature';
    geometry: { type: string; coordinates: unknown };
    properties: {
      kind: 'band' | 'route' | 'origin' | 'river';
      minutes?: number;
      band?: number;
      method?: string;
    };
  }[];
}
export const EMPTY_ANALYSIS: AnalysisCollection = { type: 'FeatureCollection', features: [] };

/**
 * Build the analysis collection: isochrone bands (MultiPolygon coordinates per band, cumulative), an optional
 * walk (LineString coordinates) and the chosen place.
 */
export function analysisCollection(a: {
  origin: [number, number] | null;
  bands?: readonly { minutes: number; coordinates: unknown; method: string }[];
  route?: { coordinates: [number, number][]; method: string } | null;
}): AnalysisCollection {
  const features: AnalysisCollection['features'] = [];
  const bands = [...(a.bands ?? [])].sort((x, y) => y.minutes - x.minutes);
  for (const b of bands) {
    features.push({
      type: 'Feature',
      geometry: { type: 'MultiPolygon', coordinates: b.coordinates },
      properties: {
        kind: 'band',
        minutes: b.minutes,
        band: (a.bands ?? []).findIndex((x) => x.minutes === b.minutes),
        method: b.method,
      },
    });
  }
  if (a.route && a.route.coordinates.length >= 2) {
    features.push({
      type: 'Feature',
      geometry: { type: 'LineString', coordinates: a.route.coordinates },
      properties: { kind: 'route', method: a.route.method },
    });
  }
  if (a.origin)
    features.push({
      type: 'Feature',
      geometry: { type: 'Point', coordinates: a.origin },
      properties: { kind: 'origin' },
    });
  return { type: 'FeatureCollection', features };
}

/** Layers of the analysis source; drawn under the facility markers so results stay clickable. */
export function analysisLayers(theme: 'day' | 'night'): LayerSpecification[] {
  const halo = theme === 'night' ? '#0b1020' : '#ffffff';
  const kind = (k: string): ExpressionSpecification => ['==', ['get', 'kind'], k];
  return [
    // The river a suggested walk follows (the tour view draws the OSM centre lines it measured to).
    {
      id: `${OVERLAY_PREFIX}river`,
      type: 'line',
      source: ANALYSIS_SOURCE,
      filter: kind('river'),
      layout: { 'line-cap': 'round', 'line-join': 'round' },
      paint: { 'line-color': RIVER_COLOR[theme], 'line-width': 6, 'line-opacity': 0.8 },
    },
    {
      id: `${OVERLAY_PREFIX}band-fill`,
      type: 'fill',
      source: ANALYSIS_SOURCE,
      filter: kind('band'),
      paint: {
        'fill-color': ['match', ['get', 'band'], 0, BAND_COLORS[0], 1, BAND_COLORS[1], BAND_COLORS[2]],
        'fill-opacity': 0.18,
      },
    },
    // Estimated bands are circles in disguise: dashed, so they are not read as surveyed reach.
    ...(['network', 'estimate'] as const).map(
      (method): LayerSpecification => ({
        id: `${OVERLAY_PREFIX}band-line-${method}`,
        type: 'line',
        source: ANALYSIS_SOURCE,
        filter: ['all', kind('band'), ['==', ['get', 'method'], method]],
        paint: {
          'line-color': ['match', ['get', 'band'], 0, BAND_COLORS[0], 1, BAND_COLORS[1], BAND_COLORS[2]],
          'line-width': 1.5,
          ...(method === 'estimate' ? { 'line-dasharray': [2, 2] } : {}),
        },
      }),
    ),
    {
      id: `${OVERLAY_PREFIX}route-casing`,
      type: 'line',
      source: ANALYSIS_SOURCE,
      filter: kind('route'),
      layout: { 'line-cap': 'round', 'line-join': 'round' },
      paint: { 'line-color': halo, 'line-width': 8 },
    },
    ...(['network', 'estimate'] as const).map(
      (method): LayerSpecification => ({
        id: `${OVERLAY_PREFIX}route-${method}`,
        type: 'line',
        source: ANALYSIS_SOURCE,
        filter: ['all', kind('route'), ['==', ['get', 'method'], method]],
        layout: { 'line-cap': 'round', 'line-join': 'round' },
        paint: {
          'line-color': ROUTE_COLOR[theme],
          'line-width': 5,
          ...(method === 'estimate' ? { 'line-dasharray': [1.5, 1] } : {}),
        },
      }),
    ),
    {
      id: `${OVERLAY_PREFIX}origin`,
      type: 'circle',
      source: ANALYSIS_SOURCE,
      filter: kind('origin'),
      paint: {
        'circle-radius': 8,
        'circle-color': '#111827',
        'circle-stroke-color': halo,
        'circle-stroke-width': 3,
      },
    },
  ];
}

const isPoint: ExpressionSpecification = ['==', ['geometry-type'], 'Point'];
const isPolygon: ExpressionSpecification = ['==', ['geometry-type'], 'Polygon'];
const isLine: ExpressionSpecification = ['==', ['geometry-type'], 'LineString'];

/**
 * Every overlay layer, in draw order. Hidden layers are kept with `visibility: none` so that toggling
 * is a property change, not a style rebuild.
 */
export function overlayLayers(o: OverlayOptions): LayerSpecification[] {
  const night = o.theme === 'night';
  const halo = night ? '#0b1020' : '#ffffff';
  const text = night ? '#f1f5f9' : '#111827';
  const status: ExpressionSpecification = ['in', ['get', 'status'], ['literal', [...o.statuses]]];
  const name: ExpressionSpecification =
    o.lang === 'zh'
      ? ['coalesce', ['get', 'name_zh'], ['get', 'name_en']]
      : ['coalesce', ['get', 'name_en'], ['get', 'name_zh']];
  const visible = (id: CategoryId) => (o.layers.includes(id) ? 'visible' : 'none');
  const out: LayerSpecification[] = [];

  for (const e of [...CATALOG].sort((a, b) => a.order - b.order)) {
    const p = `${OVERLAY_PREFIX}${e.id}`;
    const visibility = visible(e.id);
    if (e.id === 'district') {
      out.push(
        {
          id: `${p}-fill`,
          type: 'fill',
          source: DISTRICT_SOURCE,
          layout: { visibility },
          paint: { 'fill-color': e.color, 'fill-opacity': 0.02 },
        },
        {
          id: `${p}-line`,
          type: 'line',
          source: DISTRICT_SOURCE,
          layout: { visibility, 'line-join': 'round' },
          paint: { 'line-color': night ? '#94a3b8' : e.color, 'line-width': 1.5, 'line-dasharray': [3, 2] },
        },
      );
      continue;
    }
    if (e.derived || e.geometry === 'route') continue;
    const cat: ExpressionSpecification = ['all', ['==', ['get', 'category'], e.id], status];
    // Planned and under-construction places are drawn hollow: colour is never the only cue for status.
    const planned: ExpressionSpecification = ['!=', ['get', 'status'], 'existing'];
    if (e.geometry === 'line') {
      out.push({
        id: `${p}-line`,
        type: 'line',
        source: FEATURE_SOURCE,
        filter: ['all', cat, isLine],
        layout: { visibility, 'line-cap': 'round', 'line-join': 'round' },
        paint: { 'line-color': e.color, 'line-width': ['interpolate', ['linear'], ['zoom'], 10, 2, 16, 6] },
      });
      continue;
    }
    if (e.geometry !== 'point') {
      out.push(
        {
          id: `${p}-fill`,
          type: 'fill',
          source: FEATURE_SOURCE,
          filter: ['all', cat, isPolygon],
          layout: { visibility },
          paint: { 'fill-color': e.color, 'fill-opacity': ['case', planned, 0.1, 0.25] },
        },
        {
          id: `${p}-outline`,
          type: 'line',
          source: FEATURE_SOURCE,
          filter: ['all', cat, isPolygon],
          layout: { visibility },
          paint: { 'line-color': e.color, 'line-width': 2 },
        },
      );
    }
    out.push({
      id: `${p}-circle`,
      type: 'circle',
      source: FEATURE_SOURCE,
      filter: ['all', cat, isPoint],
      layout: { visibility },
      paint: {
        // A marker under another at the same place (stack_rings.ts) is drawn as a ring around it.
        'circle-radius': [
          'interpolate',
          ['linear'],
          ['zoom'],
          9,
          ['+', 6, ['*', 5, ring]],
          14,
          ['+', 11, ['*', 7, ring]],
        ],
        'circle-color': ['case', planned, halo, e.color],
        'circle-stroke-color': ['case', planned, e.color, halo],
        'circle-stroke-width': ['case', planned, 3, 1.5],
      },
    });
    if (o.font) {
      out.push(
        {
          id: `${p}-glyph`,
          type: 'symbol',
          source: FEATURE_SOURCE,
          filter: ['all', cat, isPoint],
          minzoom: 11,
          layout: {
            visibility,
            'text-field': e.glyph,
            'text-font': o.font,
            'text-size': 11,
            'text-allow-overlap': true,
            'text-ignore-placement': true,
          },
          paint: { 'text-color': ['case', planned, e.color, '#ffffff'] },
        },
        {
          id: `${p}-label`,
          type: 'symbol',
          source: FEATURE_SOURCE,
          filter: ['all', cat, isPoint],
          minzoom: 12,
          layout: {
            visibility,
            'text-field': name,
            'text-font': o.font,
            'text-size': 12,
            'text-offset': [0, 1.3],
            'text-anchor': 'top',
            'text-max-width': 8,
            'text-optional': true,
          },
          paint: { 'text-color': text, 'text-halo-color': halo, 'text-halo-width': 1.5 },
        },
      );
    }
  }
  out.push(
    {
      id: `${OVERLAY_PREFIX}selected-halo`,
      type: 'circle',
      source: FEATURE_SOURCE,
      filter: ['all', isPoint, ['==', ['get', 'id'], o.selected ?? '']],
      paint: {
        'circle-radius': [
          'interpolate',
          ['linear'],
          ['zoom'],
          9,
          ['+', 11, ['*', 5, ring]],
          14,
          ['+', 17, ['*', 7, ring]],
        ],
        'circle-color': 'rgba(0,0,0,0)',
        'circle-stroke-color': night ? '#facc15' : '#0f172a',
        'circle-stroke-width': 3,
      },
    },
    {
      id: `${OVERLAY_PREFIX}selected-line`,
      type: 'line',
      source: FEATURE_SOURCE,
      filter: ['all', ['!=', ['geometry-type'], 'Point'], ['==', ['get', 'id'], o.selected ?? '']],
      paint: { 'line-color': night ? '#facc15' : '#0f172a', 'line-width': 4 },
    },
  );
  return out;
}
