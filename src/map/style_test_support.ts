// Test-only helpers for the basemap style tests: the style-spec validator and what the tests read of a style.

import { validateStyleMin } from '@maplibre/maplibre-gl-style-spec';
import type { LayerSpecification, StyleSpecification, SymbolLayerSpecification } from 'maplibre-gl';
import { expect } from 'vitest';
import { ATTRIBUTION_KEY } from './basemap_style';

export const PM = 'https://example.org/data/basemap.pmtiles';
export const FONT = 'https://example.org/data/fonts/noto.woff2';

/** Expects the style-spec validator to find nothing wrong. */
export function valid(style: StyleSpecification): void {
  expect(validateStyleMin(style).map((e) => e.message)).toEqual([]);
}
export const symbols = (s: StyleSpecification) =>
  s.layers.filter((l): l is SymbolLayerSpecification => l.type === 'symbol');
export const colours = (s: StyleSpecification) =>
  JSON.stringify(s.layers.map((l: LayerSpecification) => ('paint' in l ? l.paint : null)));
export const attributionOf = (s: StyleSpecification) =>
  (s.metadata as Record<string, string[]>)[ATTRIBUTION_KEY];
