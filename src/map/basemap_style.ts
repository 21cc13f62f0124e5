// Pure: what every basemap style we make shares — layer and source ids, attribution metadata, the shipped
// font, label text and PMTiles URLs. The styles themselves: offline_style, online_style, tianditu_style,
// custom_style (and extract_style for the deployer's Lanzhou extract).

import type { ExpressionSpecification, FontFacesSpecification } from 'maplibre-gl';
import { BASEMAP_FONT_NAME, BASEMAP_FONT_RANGES } from '../config';
import type { Lang } from '../lib/i18n';

export type BasemapTheme = 'day' | 'night';

/** Source id of the offline archive inside our styles. */
export const OFFLINE_SOURCE = 'basemap';
/** Prefix of every basemap layer we generate (the overlay uses `lym-`). */
export const BASEMAP_PREFIX = 'bm-';
/** Style metadata key holding the plain-text attribution list, for the About panel. */
export const ATTRIBUTION_KEY = 'lym:attribution';

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

/** Style metadata holding the plain-text attribution list (read by the About panel). */
export function attributionMeta(list: string[]): Record<string, unknown> {
  return { [ATTRIBUTION_KEY]: list };
}
