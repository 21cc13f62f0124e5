// Pure: basemap choices (offline PMTiles, OpenFreeMap, 天地图, custom) → maplibre style specifications.

import type {
  ExpressionSpecification,
  FontFacesSpecification,
  LayerSpecification,
  SourceSpecification,
  StyleSpecification,
} from 'maplibre-gl';
import {
  ATTRIBUTION,
  BASEMAP_FONT_NAME,
  BASEMAP_FONT_RANGES,
  OPENFREEMAP_STYLES,
  TIANDITU_MAX_ZOOM,
  TIANDITU_TILE_TEMPLATE,
} from '../config';
import type { Lang } from '../lib/i18n';

export type BasemapTheme = 'day' | 'night';
export type OsmStyleName = keyof typeof OPENFREEMAP_STYLES;

/** Source id of the offline archive inside our styles. */
export const OFFLINE_SOURCE = 'basemap';
/** Prefix of every basemap layer we generate (the overlay uses `lym-`). */
export const BASEMAP_PREFIX = 'bm-';
/** Style metadata key holding the plain-text attribution list, for the About panel. */
export const ATTRIBUTION_KEY = 'lym:attribution';

/** The unicode ranges of CJK text only: what our font adds to a style whose glyph server lacks Chinese. */
const CJK_RANGES = ['U+3000-303F', 'U+4E00-9FFF', 'U+FF00-FFEF'];

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

interface Palette {
  background: string;
  districtFill: string;
  districtLine: string;
  water: string;
  waterLine: string;
  park: string;
  building: string;
  buildingLine: string;
  roadMajor: string;
  roadMajorCasing: string;
  roadMinor: string;
  path: string;
  text: string;
  textMuted: string;
  halo: string;
  districtText: string;
}

const PALETTES: Record<BasemapTheme, Palette> = {
  day: {
    background: '#f4f1ea',
    districtFill: '#ece6d8',
    districtLine: '#8c7aa0',
    water: '#a8cbe6',
    waterLine: '#7fb0d8',
    park: '#d3e7c4',
    building: '#ddd6cb',
    buildingLine: '#cbc2b4',
    roadMajor: '#ffffff',
    roadMajorCasing: '#d6cbb9',
    roadMinor: '#ffffff',
    path: '#b3a792',
    text: '#33312c',
    textMuted: '#6b665c',
    halo: '#ffffff',
    districtText: '#5a476e',
  },
  night: {
    background: '#0f141e',
    districtFill: '#151c29',
    districtLine: '#7f89b0',
    water: '#1b3150',
    waterLine: '#27466e',
    park: '#15261c',
    building: '#1e2532',
    buildingLine: '#2a3342',
    roadMajor: '#4a5365',
    roadMajorCasing: '#0b0f17',
    roadMinor: '#313949',
    path: '#4c5566',
    text: '#dde2ee',
    textMuted: '#a3abbd',
    halo: '#0b0f17',
    districtText: '#c3b8de',
  },
};

/** `pmtiles://` + url, unless it already has the scheme. */
export function pmtilesSourceUrl(url: string): string {
  return url.startsWith('pmtiles://') ? url : `pmtiles://${url}`;
}

/** Whether a URL names a PMTiles archive (scheme, or a path ending in .pmtiles before any query). */
export function isPmtilesUrl(url: string): boolean {
  return url.startsWith('pmtiles://') || /\.pmtiles(?:[?#].*)?$/i.test(url.trim());
}

/**
 * The style `font-faces` entry that draws `fontName` from our shipped woff2 (maplibre ≥ 6): maplibre loads
 * the file through the CSS Font Loading API the first time a covered code point is drawn and rasterises
 * glyphs itself, so no glyph server is needed.
 *
 * @param ranges the code points to take from the file (default: everything the file covers)
 */
export function fontFaces(fontUrl: string, fontName = BASEMAP_FONT_NAME, ranges = BASEMAP_FONT_RANGES) {
  return { [fontName]: [{ url: fontUrl, 'unicode-range': [...ranges] }] } satisfies FontFacesSpecification;
}

/**
 * Label text in `lang`, falling back to OSM's `name` and then to the other language. Our layers carry
 * `name_zh` / `name_en`; OSM-derived layers may carry only `name` (usually Chinese in Lanzhou).
 */
export function labelText(lang: Lang): ExpressionSpecification {
  return lang === 'zh'
    ? ['coalesce', ['get', 'name_zh'], ['get', 'name'], ['get', 'name_en']]
    : ['coalesce', ['get', 'name_en'], ['get', 'name'], ['get', 'name_zh']];
}

function attributionMeta(list: string[]): Record<string, unknown> {
  return { [ATTRIBUTION_KEY]: list };
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
    {
      id: id('road-major-casing'),
      type: 'line',
      ...src,
      'source-layer': 'road',
      filter: inClasses([...MAJOR, ...MEDIUM]),
      layout: { 'line-cap': 'round', 'line-join': 'round' },
      paint: {
        'line-color': p.roadMajorCasing,
        'line-width': width(byMajor(1.8, 1.3), byMajor(4.6, 3.6), byMajor(18, 15)),
      },
    },
    {
      id: id('road-major'),
      type: 'line',
      ...src,
      'source-layer': 'road',
      filter: inClasses([...MAJOR, ...MEDIUM]),
      layout: { 'line-cap': 'round', 'line-join': 'round' },
      paint: {
        'line-color': p.roadMajor,
        'line-width': width(byMajor(1.2, 0.8), byMajor(3.5, 2.6), byMajor(15, 12)),
      },
    },
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

/** OpenFreeMap style URL (keyless vector tiles in the OpenMapTiles schema). */
export function osmOnlineStyle(name: OsmStyleName): string {
  return OPENFREEMAP_STYLES[name];
}

/** OpenMapTiles label text in `lang`, falling back to the local `name` (Chinese in Lanzhou). */
export function osmLabelText(lang: Lang): ExpressionSpecification {
  return lang === 'zh'
    ? ['coalesce', ['get', 'name:zh-Hans'], ['get', 'name:zh'], ['get', 'name']]
    : [
        'coalesce',
        ['get', 'name:en'],
        ['get', 'name_en'],
        ['get', 'name:latin'],
        ['get', 'name_int'],
        ['get', 'name'],
      ];
}

/**
 * Localises a fetched OpenMapTiles style (e.g. OpenFreeMap) — use as maplibre's `transformStyle`.
 * A label whose text uses only name fields (`name`, `name:xx`, `name_xx`) gets {@link osmLabelText};
 * labels that also show other data (elevations, refs, IATA codes) are left alone. With `fontUrl`, our font
 * is added as `font-faces` for CJK code points under every font name the style uses, so Chinese draws the
 * same whatever the glyph server holds. "© OpenStreetMap contributors" is added if no source credits it.
 */
export function localizeOnlineStyle(
  style: StyleSpecification,
  o: { lang: Lang; fontUrl?: string },
): StyleSpecification {
  const out: StyleSpecification = structuredClone(style);
  const fonts = new Set<string>();
  for (const layer of out.layers) {
    if (layer.type !== 'symbol' || !layer.layout) continue;
    const field = layer.layout['text-field'];
    if (field !== undefined && isNameOnly(field)) layer.layout['text-field'] = osmLabelText(o.lang);
    const tf = layer.layout['text-font'];
    const list = Array.isArray(tf) && tf[0] === 'literal' ? tf[1] : tf;
    if (Array.isArray(list)) for (const f of list) if (typeof f === 'string') fonts.add(f);
  }
  if (o.fontUrl && fonts.size > 0) {
    const faces: FontFacesSpecification = { ...(out['font-faces'] ?? {}) };
    for (const f of fonts) faces[f] ??= [{ url: o.fontUrl, 'unicode-range': [...CJK_RANGES] }];
    out['font-faces'] = faces;
  }
  const sources = Object.values(out.sources);
  const credited = sources.some(
    (s) => 'attribution' in s && /openstreetmap/i.test(String(s.attribution ?? '')),
  );
  const firstVector = sources.find((s) => s.type === 'vector');
  if (!credited && firstVector && firstVector.type === 'vector') {
    firstVector.attribution = [firstVector.attribution, ATTRIBUTION.osm].filter(Boolean).join(' · ');
  }
  out.metadata = {
    ...((out.metadata as Record<string, unknown> | undefined) ?? {}),
    ...attributionMeta([ATTRIBUTION.openfreemap, ATTRIBUTION.osm]),
  };
  return out;
}

/** Whether a text-field reads only name properties (and reads at least one). */
function isNameOnly(field: unknown): boolean {
  const keys: string[] = [];
  const walk = (v: unknown): void => {
    if (typeof v === 'string') {
      for (const m of v.matchAll(/\{([^}]+)\}/g)) keys.push(m[1]!);
    } else if (Array.isArray(v)) {
      if ((v[0] === 'get' || v[0] === 'has') && typeof v[1] === 'string' && v.length === 2) {
        keys.push(v[1]);
        return;
      }
      if (v[0] === 'properties' || v[0] === 'feature-state') keys.push('*');
      for (const child of v.slice(1)) walk(child);
    } else if (v && typeof v === 'object') {
      // Legacy property function: {property, stops}.
      const fn = v as { property?: unknown };
      if (typeof fn.property === 'string') keys.push(fn.property);
      else keys.push('*');
    }
  };
  walk(field);
  return keys.length > 0 && keys.every((k) => /^name(?:[:_].+)?$/.test(k));
}

/**
 * 天地图 raster basemap: the vector map (vec_w) with Chinese (cva_w) or English (eva_w) annotation on top.
 * The key comes from the caller (the app reads VITE_TIANDITU_KEY). Night dims and desaturates the tiles —
 * 天地图 has no dark style. With `fontUrl`, `font-faces` lets overlay labels draw without a glyph server.
 *
 * @throws when the key is empty
 */
export function tiandituStyle(
  key: string,
  lang: Lang,
  o: { theme?: BasemapTheme; fontUrl?: string } = {},
): StyleSpecification {
  const tk = key.trim();
  if (!tk) throw new Error('天地图 needs a key (set VITE_TIANDITU_KEY)');
  const tiles = (layer: string) =>
    Array.from({ length: 8 }, (_, s) =>
      TIANDITU_TILE_TEMPLATE.replaceAll('{layer}', layer)
        .replace('{s}', String(s))
        .replace('{key}', encodeURIComponent(tk)),
    );
  const raster = (layer: string): SourceSpecification => ({
    type: 'raster',
    tiles: tiles(layer),
    tileSize: 256,
    maxzoom: TIANDITU_MAX_ZOOM,
    attribution: ATTRIBUTION.tianditu,
  });
  const night = o.theme === 'night';
  const paint = night
    ? { 'raster-brightness-max': 0.55, 'raster-saturation': -0.5, 'raster-contrast': 0.1 }
    : {};
  const style: StyleSpecification = {
    version: 8,
    name: `天地图 (${lang})`,
    metadata: {
      ...attributionMeta([ATTRIBUTION.tianditu]),
      'lym:basemap': 'tianditu',
      'lym:theme': o.theme ?? 'day',
    },
    sources: { 'tianditu-vec': raster('vec'), 'tianditu-label': raster(lang === 'zh' ? 'cva' : 'eva') },
    layers: [
      {
        id: `${BASEMAP_PREFIX}background`,
        type: 'background',
        paint: { 'background-color': PALETTES[o.theme ?? 'day'].background },
      },
      { id: `${BASEMAP_PREFIX}tianditu-vec`, type: 'raster', source: 'tianditu-vec', paint },
      // Night keeps annotation brighter than the map so it stays legible.
      {
        id: `${BASEMAP_PREFIX}tianditu-label`,
        type: 'raster',
        source: 'tianditu-label',
        paint: night ? { 'raster-brightness-max': 0.85, 'raster-saturation': -0.3 } : {},
      },
    ],
  };
  if (o.fontUrl) style['font-faces'] = fontFaces(o.fontUrl);
  return style;
}

/**
 * A user-supplied basemap: a style JSON URL is returned as is (maplibre fetches it); a .pmtiles URL gets
 * our offline style pointed at it, assuming it follows our archive's schema (layers missing from it
 * simply draw nothing).
 *
 * @throws for schemes other than http(s)/pmtiles and for empty input
 */
export function customStyle(
  url: string,
  o: { theme: BasemapTheme; lang: Lang; fontUrl?: string },
): string | StyleSpecification {
  const u = url.trim();
  if (!u) throw new Error('empty basemap URL');
  const scheme = /^([a-z][a-z0-9+.-]*):/i.exec(u)?.[1]?.toLowerCase();
  if (scheme && !['http', 'https', 'pmtiles'].includes(scheme))
    throw new Error(`unsupported URL scheme: ${scheme}`);
  if (!isPmtilesUrl(u)) return u;
  const style = offlineStyle({ ...o, pmtilesUrl: u, hasOsmLayers: true });
  style.name = 'Custom PMTiles';
  style.metadata = { ...(style.metadata as Record<string, unknown>), 'lym:basemap': 'custom' };
  return style;
}
