// Pure: OpenFreeMap's online styles (OpenMapTiles schema), localised: labels in the chosen language, our
// font for Chinese, OpenStreetMap credited.

import type { ExpressionSpecification, FontFacesSpecification, StyleSpecification } from 'maplibre-gl';
import { ATTRIBUTION, OPENFREEMAP_STYLES } from '../config';
import type { Lang } from '../lib/i18n';
import { attributionMeta } from './basemap_style';

export type OsmStyleName = keyof typeof OPENFREEMAP_STYLES;

/** The unicode ranges of CJK text only: what our font adds to a style whose glyph server lacks Chinese. */
const CJK_RANGES = ['U+3000-303F', 'U+4E00-9FFF', 'U+FF00-FFEF'];

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
