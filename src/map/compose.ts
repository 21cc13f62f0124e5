// Pure: a basemap style + our overlay → one style, and the font our overlay labels can use with that basemap.

import type { LayerSpecification, SourceSpecification, StyleSpecification } from 'maplibre-gl';

/**
 * The font stack our symbol layers should use on `base`, or null when the basemap can draw no text.
 * A style with `font-faces` draws from its own font files; a style with a glyph server gets the first
 * font stack its own layers use (a stack the server is known to have).
 */
export function overlayFont(base: StyleSpecification): string[] | null {
  const faces = (base as { 'font-faces'?: Record<string, unknown> })['font-faces'];
  const firstFace = faces ? Object.keys(faces)[0] : undefined;
  if (firstFace) return [firstFace];
  if (!base.glyphs) return null;
  for (const layer of base.layers) {
    const font = layer.type === 'symbol' ? layer.layout?.['text-font'] : undefined;
    if (Array.isArray(font) && font.every((f) => typeof f === 'string')) return font as string[];
  }
  return null;
}

/** Base style with our sources added and our layers drawn on top. Our ids never collide with the base's. */
export function composeStyle(
  base: StyleSpecification,
  sources: Record<string, SourceSpecification>,
  layers: LayerSpecification[],
): StyleSpecification {
  return { ...base, sources: { ...base.sources, ...sources }, layers: [...base.layers, ...layers] };
}
