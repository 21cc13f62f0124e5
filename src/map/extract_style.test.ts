// The extract's style: valid, drawn from the archive and our font only, labels in the chosen language.

import { validateStyleMin } from '@maplibre/maplibre-gl-style-spec';
import { describe, expect, it } from 'vitest';
import { BASEMAP_FONT_NAME } from '../config';
import { ATTRIBUTION_KEY, BASEMAP_PREFIX, OFFLINE_SOURCE } from './basemap_style';
import { extractStyle } from './extract_style';

const opts = {
  pmtilesUrl: 'http://localhost/data/basemap-lanzhou.pmtiles',
  fontUrl: 'http://localhost/data/fonts/noto.woff2',
  attribution: ['© OpenStreetMap contributors (2026-11-30)', 'Protomaps'],
} as const;

describe('extractStyle', () => {
  for (const theme of ['day', 'night'] as const) {
    for (const lang of ['zh', 'en'] as const) {
      it(`is a valid style needing only the archive and the shipped font (${theme}, ${lang})`, () => {
        const style = extractStyle({ ...opts, theme, lang, attribution: [...opts.attribution] });
        expect(validateStyleMin(style).map((e) => e.message)).toEqual([]);
        expect(style.glyphs).toBeUndefined();
        expect(style.sprite).toBeUndefined();
        expect(Object.keys(style.sources)).toEqual([OFFLINE_SOURCE]);
        expect(style.sources[OFFLINE_SOURCE]).toMatchObject({ url: `pmtiles://${opts.pmtilesUrl}` });
        const json = JSON.stringify(style.layers);
        expect(json).not.toContain('icon-image');
        // Every font named anywhere (layouts and format sections) is the one font-faces serves.
        const fonts = new Set<string>();
        JSON.stringify(style.layers, (k, v) => {
          if (k === 'text-font') fonts.add(JSON.stringify(v));
          return v;
        });
        expect([...fonts]).toEqual([JSON.stringify([BASEMAP_FONT_NAME])]);
        expect(Object.keys(style['font-faces'] ?? {})).toEqual([BASEMAP_FONT_NAME]);
        expect(style.layers.every((l) => l.id.startsWith(BASEMAP_PREFIX))).toBe(true);
        expect(style.metadata).toMatchObject({ [ATTRIBUTION_KEY]: opts.attribution });
        expect(json).toContain(lang === 'zh' ? 'name:zh-Hans' : 'name:en');
      });
    }
  }
  it('draws water, roads and buildings from the Protomaps layers, darker at night', () => {
    const day = extractStyle({ ...opts, theme: 'day', lang: 'zh', attribution: [...opts.attribution] });
    const night = extractStyle({ ...opts, theme: 'night', lang: 'zh', attribution: [...opts.attribution] });
    const layer = (s: typeof day, id: string) => s.layers.find((l) => l.id === `${BASEMAP_PREFIX}pm-${id}`);
    for (const id of ['water', 'roads_major', 'buildings', 'places_locality'])
      expect(layer(day, id), id).toBeDefined();
    const bg = (s: typeof day) => (layer(s, 'background') as { paint: { 'background-color': string } }).paint;
    expect(bg(day)['background-color']).not.toBe(bg(night)['background-color']);
  });
});
