// Pure: the 天地图 raster basemap style (vector map + Chinese or English annotation; dimmed at night).

import type { SourceSpecification, StyleSpecification } from 'maplibre-gl';
import { ATTRIBUTION, TIANDITU_MAX_ZOOM, TIANDITU_TILE_TEMPLATE } from '../config';
import type { Lang } from '../lib/i18n';
import { PALETTES } from './basemap_palette';
import { attributionMeta, BASEMAP_PREFIX, type BasemapTheme, fontFaces } from './basemap_style';

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
