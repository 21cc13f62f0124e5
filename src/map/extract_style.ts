// Pure: the style for the deployer's Lanzhou extract — Protomaps' basemap layers, labels in the shipped font.

import { namedFlavor, layers as protomapsLayers } from '@protomaps/basemaps';
import type { LayerSpecification, StyleSpecification } from 'maplibre-gl';
import { BASEMAP_FONT_NAME } from '../config';
import type { Lang } from '../lib/i18n';
import {
  ATTRIBUTION_KEY,
  BASEMAP_PREFIX,
  type BasemapTheme,
  fontFaces,
  OFFLINE_SOURCE,
  pmtilesSourceUrl,
} from './basemap_style';

export interface ExtractStyleOptions {
  theme: BasemapTheme;
  lang: Lang;
  /** URL of basemap-lanzhou.pmtiles (absolute is safest). */
  pmtilesUrl: string;
  /** URL of the shipped woff2 (Noto Sans SC); every label is drawn with it. */
  fontUrl: string;
  /** Plain-text attribution lines from the extract's manifest. */
  attribution: string[];
}

/** Layers that draw only sprite icons (one-way arrows, road shields): there is no sprite offline. */
const ICON_ONLY = new Set(['roads_oneway', 'roads_shields']);

/** Removes every `text-font` override inside a `format` expression (Protomaps picks fonts per script). */
function withoutFontOverrides(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(withoutFontOverrides);
  if (value && typeof value === 'object') {
    return Object.fromEntries(
      Object.entries(value)
        .filter(([k]) => k !== 'text-font')
        .map(([k, v]) => [k, withoutFontOverrides(v)]),
    );
  }
  return value;
}

/**
 * The Protomaps basemap layers (light by day, dark at night; names in Simplified Chinese or English) over
 * the extract, adapted to need nothing but the archive and our font: no glyph server (`font-faces` maps
 * the one font name we use to the shipped woff2), no sprite (icon layers dropped, icons removed from
 * labelled layers). Layer ids get our basemap prefix, so they never collide with the overlay's.
 */
export function extractStyle(o: ExtractStyleOptions): StyleSpecification {
  const flavor = { ...namedFlavor(o.theme === 'night' ? 'dark' : 'light') };
  const base = protomapsLayers(OFFLINE_SOURCE, flavor, { lang: o.lang === 'zh' ? 'zh-Hans' : 'en' });
  const layers: LayerSpecification[] = [];
  for (const l of base as LayerSpecification[]) {
    if (ICON_ONLY.has(l.id)) continue;
    const layer = { ...l, id: `${BASEMAP_PREFIX}pm-${l.id}` } as LayerSpecification;
    if (layer.type === 'symbol') {
      const { 'icon-image': _icon, 'icon-size': _size, ...layout } = layer.layout ?? {};
      layer.layout = {
        ...layout,
        ...(layout['text-field']
          ? { 'text-field': withoutFontOverrides(layout['text-field']) as never }
          : {}),
        'text-font': [BASEMAP_FONT_NAME],
      };
    }
    layers.push(layer);
  }
  return {
    version: 8,
    name: `Lanzhou extract (${o.theme})`,
    metadata: { [ATTRIBUTION_KEY]: o.attribution, 'lym:basemap': 'offline', 'lym:theme': o.theme },
    sources: {
      [OFFLINE_SOURCE]: {
        type: 'vector',
        url: pmtilesSourceUrl(o.pmtilesUrl),
        attribution: o.attribution.join(' · '),
      },
    },
    layers,
    'font-faces': fontFaces(o.fontUrl),
  };
}
