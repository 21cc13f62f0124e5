// Pure: the offline basemap style — our PMTiles archive (districts; with the OSM import, water, parks, roads,
// buildings, places), labels in the shipped font, nothing fetched from the network.

import type {
  ExpressionSpecification,
  LayerSpecification,
  SourceSpecification,
  StyleSpecification,
} from 'maplibre-gl';
import { ATTRIBUTION, BASEMAP_FONT_NAME } from '../config';
import type { Lang } from '../lib/i18n';
import { PALETTES, type Palette } from './basemap_palette';
import {
  attributionMeta,
  BASEMAP_PREFIX,
  type BasemapTheme,
  fontFaces,
  labelText,
  OFFLINE_SOURCE,
  pmtilesSourceUrl,
} from './basemap_style';

export interface OfflineStyleOptions {
  theme: BasemapTheme;
  lang: Lang;
  /** URL of the .pmtiles archive (absolute is safest); `pmtiles://` is added when missing. */
  pmtilesUrl: string;
  /** URL of the shipped woff2; without it labels fall back to whatever local font the browser picks. */
  fontUrl?: string;
  /** The archive carries the OSM importer's layers (water, park, road, building, place). */
  hasOsmLayers: boolean;
}

/**
 * The offline basemap: our PMTiles archive with district fill/outline/labels, plus water, parks, roads,
 * buildings and place names when the archive has the OSM layers. Labels use the shipped CJK font via
 * `font-faces` when `fontUrl` is given; there is no `glyphs` URL, so nothing is fetched from the network.
 */
export function offlineStyle(o: OfflineStyleOptions): StyleSpecification {
  const p = PALETTES[o.theme];
  const attribution = o.hasOsmLayers ? [ATTRIBUTION.osm, ATTRIBUTION.boundaries] : [ATTRIBUTION.boundaries];
  const source: SourceSpecification = {
    type: 'vector',
    url: pmtilesSourceUrl(o.pmtilesUrl),
    attribution: attribution.join(' · '),
  };
  const id = (s: string) => `${BASEMAP_PREFIX}${s}`;
  const src = { source: OFFLINE_SOURCE } as const;
  const font = [BASEMAP_FONT_NAME];
  const text = labelText(o.lang);
  const layers: LayerSpecification[] = [
    { id: id('background'), type: 'background', paint: { 'background-color': p.background } },
    {
      id: id('district-fill'),
      type: 'fill',
      ...src,
      'source-layer': 'boundary',
      paint: { 'fill-color': p.districtFill, 'fill-opacity': 0.6 },
    },
  ];

  if (o.hasOsmLayers) layers.push(...osmLayers(p, text, font));

  layers.push(
    {
      id: id('district-line'),
      type: 'line',
      ...src,
      'source-layer': 'boundary',
      layout: { 'line-join': 'round' },
      paint: {
        'line-color': p.districtLine,
        'line-width': ['interpolate', ['linear'], ['zoom'], 4, 0.8, 10, 1.6, 14, 2.4],
        'line-dasharray': [3, 2],
      },
    },
    {
      id: id('place-label'),
      type: 'symbol',
      ...src,
      'source-layer': 'place_label',
      minzoom: 12,
      layout: {
        'text-field': text,
        'text-font': font,
        'text-size': 12,
        'text-max-width': 8,
      },
      paint: { 'text-color': p.textMuted, 'text-halo-color': p.halo, 'text-halo-width': 1.2 },
    },
    {
      id: id('district-label'),
      type: 'symbol',
      ...src,
      'source-layer': 'district_label',
      layout: {
        'text-field': text,
        'text-font': font,
        'text-size': ['interpolate', ['linear'], ['zoom'], 6, 12, 10, 16, 13, 18],
        'symbol-sort-key': ['-', 0, ['coalesce', ['get', 'area_km2'], 0]],
        'text-letter-spacing': 0.08,
      },
      paint: { 'text-color': p.districtText, 'text-halo-color': p.halo, 'text-halo-width': 1.5 },
    },
  );

  const style: StyleSpecification = {
    version: 8,
    name: `Lanzhou offline (${o.theme})`,
    metadata: { ...attributionMeta(attribution), 'lym:basemap': 'offline', 'lym:theme': o.theme },
    sources: { [OFFLINE_SOURCE]: source },
    layers,
  };
  if (o.fontUrl) style['font-faces'] = fontFaces(o.fontUrl);
  return style;
}

/** Road classes as the OSM importer writes them (OSM `highway` values, `_link` stripped). */
const MAJOR = ['motorway', 'trunk', 'primary'];
const MEDIUM = ['secondary', 'tertiary'];
const PATHS = ['path', 'footway', 'cycleway', 'steps', 'pedestrian', 'track', 'bridleway'];

function osmLayers(p: Palette, text: ExpressionSpecification, font: string[]): LayerSpecification[] {
  const id = (s: string) => `${BASEMAP_PREFIX}${s}`;
  const src = { source: OFFLINE_SOURCE } as const;
  const cls = ['get', 'class'] as ExpressionSpecification;
  const inClasses = (list: string[]): ExpressionSpecification => ['in', cls, ['literal', list]];
  // Zoom must drive the top-level expression, so per-class widths go inside each stop.
  type W = number | ExpressionSpecification;
  const width = (z10: W, z14: W, z18: W): ExpressionSpecification => [
    'interpolate',
    ['exponential', 1.5],
    ['zoom'],
    10,
    z10,
    14,
    z14,
    18,
    z18,
  ];
  const byMajor = (major: number, medium: number): ExpressionSpecification => [
    'match',
    cls,
    MAJOR,
    major,
    medium,
  ];
  /** Major and medium roads in one colour; widths as [major, medium] pairs at zoom 10, 14 and 18. */
  type Pair = [number, number];
  const majorRoad = (name: string, color: string, z10: Pair, z14: Pair, z18: Pair): LayerSpecification => ({
    id: id(name),
    type: 'line',
    ...src,
    'source-layer': 'road',
    filter: inClasses([...MAJOR, ...MEDIUM]),
    layout: { 'line-cap': 'round', 'line-join': 'round' },
    paint: { 'line-color': color, 'line-width': width(byMajor(...z10), byMajor(...z14), byMajor(...z18)) },
  });
  return [
    {
      id: id('water'),
      type: 'fill',
      ...src,
      'source-layer': 'water',
      filter: ['==', ['geometry-type'], 'Polygon'],
      paint: { 'fill-color': p.water },
    },
    {
      id: id('waterway'),
      type: 'line',
      ...src,
      'source-layer': 'water',
      filter: ['==', ['geometry-type'], 'LineString'],
      paint: { 'line-color': p.waterLine, 'line-width': width(0.8, 1.5, 4) },
    },
    {
      id: id('park'),
      type: 'fill',
      ...src,
      'source-layer': 'park',
      paint: { 'fill-color': p.park, 'fill-opacity': 0.9 },
    },
    {
      id: id('building'),
      type: 'fill',
      ...src,
      'source-layer': 'building',
      minzoom: 13,
      paint: { 'fill-color': p.building, 'fill-outline-color': p.buildingLine },
    },
    {
      id: id('road-path'),
      type: 'line',
      ...src,
      'source-layer': 'road',
      minzoom: 14,
      filter: inClasses(PATHS),
      paint: { 'line-color': p.path, 'line-width': width(0.5, 0.8, 2), 'line-dasharray': [2, 1.5] },
    },
    {
      id: id('road-minor'),
      type: 'line',
      ...src,
      'source-layer': 'road',
      minzoom: 12,
      filter: ['!', inClasses([...MAJOR, ...MEDIUM, ...PATHS])],
      layout: { 'line-cap': 'round', 'line-join': 'round' },
      paint: { 'line-color': p.roadMinor, 'line-width': width(0.4, 1.6, 8) },
    },
    majorRoad('road-major-casing', p.roadMajorCasing, [1.8, 1.3], [4.6, 3.6], [18, 15]),
    majorRoad('road-major', p.roadMajor, [1.2, 0.8], [3.5, 2.6], [15, 12]),
    {
      id: id('road-label'),
      type: 'symbol',
      ...src,
      'source-layer': 'road',
      minzoom: 13,
      filter: ['any', ['has', 'name'], ['has', 'name_zh'], ['has', 'name_en']],
      layout: {
        'symbol-placement': 'line',
        'text-field': text,
        'text-font': font,
        'text-size': 11,
        'text-max-angle': 30,
      },
      paint: { 'text-color': p.textMuted, 'text-halo-color': p.halo, 'text-halo-width': 1.2 },
    },
    {
      id: id('place'),
      type: 'symbol',
      ...src,
      'source-layer': 'place',
      layout: {
        'text-field': text,
        'text-font': font,
        'text-size': ['match', cls, ['city', 'town'], 15, ['suburb', 'village'], 13, 11],
        'symbol-sort-key': ['match', cls, 'city', 0, 'town', 1, 'suburb', 2, 'village', 3, 4],
        'text-max-width': 7,
      },
      paint: { 'text-color': p.text, 'text-halo-color': p.halo, 'text-halo-width': 1.4 },
    },
  ];
}
