// Tests of the offline basemap style: valid per the style-spec validator, themes, languages, sources.

import type { StyleSpecification } from 'maplibre-gl';
import { describe, expect, it } from 'vitest';
import { ATTRIBUTION, BASEMAP_FONT_NAME, BASEMAP_FONT_RANGES } from '../config';
import { fontFaces, labelText, OFFLINE_SOURCE, pmtilesSourceUrl } from './basemap_style';
import { offlineStyle } from './offline_style';
import { attributionOf, colours, FONT, PM, symbols, valid } from './style_test_support';

describe('offlineStyle', () => {
  const combos = ['day', 'night'].flatMap((theme) =>
    ['zh', 'en'].flatMap((lang) => [true, false].map((hasOsmLayers) => ({ theme, lang, hasOsmLayers }))),
  ) as { theme: 'day' | 'night'; lang: 'zh' | 'en'; hasOsmLayers: boolean }[];

  for (const c of combos) {
    it(`is a valid style (${c.theme}, ${c.lang}, osm=${c.hasOsmLayers})`, () => {
      valid(offlineStyle({ ...c, pmtilesUrl: PM, fontUrl: FONT }));
      valid(offlineStyle({ ...c, pmtilesUrl: PM }));
    });
  }

  it('reads the archive through the pmtiles protocol', () => {
    const s = offlineStyle({ theme: 'day', lang: 'zh', pmtilesUrl: PM, hasOsmLayers: false });
    expect(s.sources[OFFLINE_SOURCE]).toMatchObject({ type: 'vector', url: `pmtiles://${PM}` });
    expect(pmtilesSourceUrl(`pmtiles://${PM}`)).toBe(`pmtiles://${PM}`);
  });

  it('draws labels from the shipped font via font-faces, with no glyph server', () => {
    const s = offlineStyle({ theme: 'day', lang: 'zh', pmtilesUrl: PM, fontUrl: FONT, hasOsmLayers: true });
    expect(s.glyphs).toBeUndefined();
    expect(s['font-faces']).toEqual({
      [BASEMAP_FONT_NAME]: [{ url: FONT, 'unicode-range': BASEMAP_FONT_RANGES }],
    });
    for (const l of symbols(s)) expect(l.layout?.['text-font']).toEqual([BASEMAP_FONT_NAME]);
    // Without a font URL there is no font-faces entry (and still no glyphs URL).
    const bare = offlineStyle({ theme: 'day', lang: 'zh', pmtilesUrl: PM, hasOsmLayers: true });
    expect(bare['font-faces']).toBeUndefined();
    expect(fontFaces(FONT, 'X', ['U+4E00-9FFF'])).toEqual({
      X: [{ url: FONT, 'unicode-range': ['U+4E00-9FFF'] }],
    });
  });

  it('night differs from day in colours but not in structure', () => {
    const day = offlineStyle({ theme: 'day', lang: 'zh', pmtilesUrl: PM, hasOsmLayers: true });
    const night = offlineStyle({ theme: 'night', lang: 'zh', pmtilesUrl: PM, hasOsmLayers: true });
    expect(night.layers.map((l) => l.id)).toEqual(day.layers.map((l) => l.id));
    expect(colours(night)).not.toEqual(colours(day));
    const bg = (s: StyleSpecification) => (s.layers[0] as { paint: { 'background-color': string } }).paint;
    expect(bg(night)['background-color']).not.toBe(bg(day)['background-color']);
  });

  it('switches every label to the chosen language, falling back to the other', () => {
    const zh = offlineStyle({ theme: 'day', lang: 'zh', pmtilesUrl: PM, hasOsmLayers: true });
    const en = offlineStyle({ theme: 'day', lang: 'en', pmtilesUrl: PM, hasOsmLayers: true });
    expect(symbols(zh).length).toBeGreaterThan(0);
    for (const l of symbols(zh)) expect(l.layout?.['text-field']).toEqual(labelText('zh'));
    for (const l of symbols(en)) expect(l.layout?.['text-field']).toEqual(labelText('en'));
    expect(labelText('zh')).toEqual(['coalesce', ['get', 'name_zh'], ['get', 'name'], ['get', 'name_en']]);
    expect(labelText('en')).toEqual(['coalesce', ['get', 'name_en'], ['get', 'name'], ['get', 'name_zh']]);
  });

  it('styles the OSM layers only when the archive has them', () => {
    const layersOf = (has: boolean) =>
      new Set(
        offlineStyle({ theme: 'day', lang: 'zh', pmtilesUrl: PM, hasOsmLayers: has }).layers.map(
          (l) => ('source-layer' in l ? l['source-layer'] : undefined) ?? '-',
        ),
      );
    expect([...layersOf(false)].sort()).toEqual(['-', 'boundary', 'district_label', 'place_label']);
    expect(layersOf(true)).toEqual(
      new Set([
        '-',
        'boundary',
        'district_label',
        'place_label',
        'water',
        'park',
        'road',
        'building',
        'place',
      ]),
    );
  });

  it('carries attribution in the source and in metadata', () => {
    const s = offlineStyle({ theme: 'day', lang: 'zh', pmtilesUrl: PM, hasOsmLayers: true });
    const src = s.sources[OFFLINE_SOURCE] as { attribution: string };
    expect(src.attribution).toContain(ATTRIBUTION.osm);
    expect(src.attribution).toContain(ATTRIBUTION.boundaries);
    expect(attributionOf(s)).toEqual([ATTRIBUTION.osm, ATTRIBUTION.boundaries]);
    const noOsm = offlineStyle({ theme: 'day', lang: 'zh', pmtilesUrl: PM, hasOsmLayers: false });
    expect(attributionOf(noOsm)).toEqual([ATTRIBUTION.boundaries]);
  });
});
