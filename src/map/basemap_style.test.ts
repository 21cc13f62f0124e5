// Tests of the basemap style builders: valid per the style-spec validator, themes, languages, sources.

import { validateStyleMin } from '@maplibre/maplibre-gl-style-spec';
import type { LayerSpecification, StyleSpecification, SymbolLayerSpecification } from 'maplibre-gl';
import { describe, expect, it } from 'vitest';
import { ATTRIBUTION, BASEMAP_FONT_NAME, BASEMAP_FONT_RANGES, OPENFREEMAP_STYLES } from '../config';
import {
  ATTRIBUTION_KEY,
  customStyle,
  fontFaces,
  isPmtilesUrl,
  labelText,
  localizeOnlineStyle,
  OFFLINE_SOURCE,
  offlineStyle,
  osmLabelText,
  osmOnlineStyle,
  pmtilesSourceUrl,
  tiandituStyle,
} from './basemap_style';

const PM = 'https://example.org/data/basemap.pmtiles';
const FONT = 'https://example.org/data/fonts/noto.woff2';

function valid(style: StyleSpecification): void {
  expect(validateStyleMin(style).map((e) => e.message)).toEqual([]);
}
const symbols = (s: StyleSpecification) =>
  s.layers.filter((l): l is SymbolLayerSpecification => l.type === 'symbol');
const colours = (s: StyleSpecification) =>
  JSON.stringify(s.layers.map((l: LayerSpecification) => ('paint' in l ? l.paint : null)));
const attributionOf = (s: StyleSpecification) => (s.metadata as Record<string, string[]>)[ATTRIBUTION_KEY];

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

describe('osmOnlineStyle and localizeOnlineStyle', () => {
  it('points at the keyless OpenFreeMap styles', () => {
    expect(osmOnlineStyle('liberty')).toBe('https://tiles.openfreemap.org/styles/liberty');
    expect(osmOnlineStyle('positron')).toBe(OPENFREEMAP_STYLES.positron);
    expect(osmOnlineStyle('dark')).toBe(OPENFREEMAP_STYLES.dark);
  });

  // A trimmed stand-in for an OpenFreeMap style: label expressions as the real styles write them.
  const online: StyleSpecification = {
    version: 8,
    glyphs: 'https://tiles.openfreemap.org/fonts/{fontstack}/{range}.pbf',
    sources: { openmaptiles: { type: 'vector', url: 'https://tiles.openfreemap.org/planet' } },
    layers: [
      { id: 'bg', type: 'background' },
      {
        id: 'place_city',
        type: 'symbol',
        source: 'openmaptiles',
        'source-layer': 'place',
        layout: {
          'text-field': [
            'case',
            ['has', 'name:nonlatin'],
            ['concat', ['get', 'name:latin'], '\n', ['get', 'name:nonlatin']],
            ['coalesce', ['get', 'name_en'], ['get', 'name']],
          ],
          'text-font': ['Noto Sans Regular'],
        },
      },
      {
        id: 'road_label',
        type: 'symbol',
        source: 'openmaptiles',
        'source-layer': 'transportation_name',
        layout: {
          'text-field': '{name:latin} {name:nonlatin}',
          'text-font': ['literal', ['Noto Sans Italic']],
        },
      },
      {
        id: 'peak',
        type: 'symbol',
        source: 'openmaptiles',
        'source-layer': 'mountain_peak',
        layout: {
          'text-field': ['concat', ['get', 'name'], '\n', ['get', 'ele'], ' m'],
          'text-font': ['Noto Sans Regular'],
        },
      },
      {
        id: 'shield',
        type: 'symbol',
        source: 'openmaptiles',
        'source-layer': 'transportation_name',
        layout: { 'text-field': ['to-string', ['get', 'ref']], 'text-font': ['Noto Sans Bold'] },
      },
    ],
  };
  const field = (s: StyleSpecification, id: string) =>
    (s.layers.find((l) => l.id === id) as SymbolLayerSpecification).layout?.['text-field'];

  it('localises name-only labels and leaves labels showing other data alone', () => {
    const zh = localizeOnlineStyle(online, { lang: 'zh' });
    const en = localizeOnlineStyle(online, { lang: 'en' });
    valid(zh);
    valid(en);
    expect(field(zh, 'place_city')).toEqual(osmLabelText('zh'));
    expect(field(zh, 'road_label')).toEqual(osmLabelText('zh'));
    expect(field(en, 'place_city')).toEqual(osmLabelText('en'));
    expect(field(zh, 'peak')).toEqual(field(online, 'peak'));
    expect(field(zh, 'shield')).toEqual(field(online, 'shield'));
    expect(osmLabelText('zh')).toEqual([
      'coalesce',
      ['get', 'name:zh-Hans'],
      ['get', 'name:zh'],
      ['get', 'name'],
    ]);
    // The input is not mutated.
    expect(field(online, 'place_city')).not.toEqual(osmLabelText('zh'));
  });

  it('adds our font for CJK under each font the style uses, and credits OpenStreetMap', () => {
    const s = localizeOnlineStyle(online, { lang: 'zh', fontUrl: FONT });
    valid(s);
    const faces = s['font-faces'] as Record<string, { url: string; 'unicode-range': string[] }[]>;
    expect(Object.keys(faces).sort()).toEqual(['Noto Sans Bold', 'Noto Sans Italic', 'Noto Sans Regular']);
    expect(faces['Noto Sans Regular']?.[0]?.['unicode-range']).toContain('U+4E00-9FFF');
    expect(faces['Noto Sans Regular']?.[0]?.['unicode-range']).not.toContain('U+0000-00FF');
    expect((s.sources.openmaptiles as { attribution: string }).attribution).toBe(ATTRIBUTION.osm);
    expect(attributionOf(s)).toContain(ATTRIBUTION.osm);
  });
});

describe('tiandituStyle', () => {
  it('stacks vec_w under cva_w (zh) or eva_w (en) with the key on every tile URL', () => {
    const zh = tiandituStyle('abc123', 'zh');
    const en = tiandituStyle('abc123', 'en', { theme: 'night', fontUrl: FONT });
    valid(zh);
    valid(en);
    const tiles = (s: StyleSpecification, id: string) => (s.sources[id] as { tiles: string[] }).tiles;
    expect(tiles(zh, 'tianditu-vec')).toHaveLength(8);
    expect(tiles(zh, 'tianditu-vec')[3]).toBe(
      'https://t3.tianditu.gov.cn/vec_w/wmts?SERVICE=WMTS&REQUEST=GetTile&VERSION=1.0.0&LAYER=vec&STYLE=default' +
        '&TILEMATRIXSET=w&FORMAT=tiles&TILEMATRIX={z}&TILEROW={y}&TILECOL={x}&tk=abc123',
    );
    expect(tiles(zh, 'tianditu-label')[0]).toContain('/cva_w/wmts?');
    expect(tiles(zh, 'tianditu-label')[0]).toContain('LAYER=cva');
    expect(tiles(en, 'tianditu-label')[0]).toContain('/eva_w/wmts?');
    expect(tiles(en, 'tianditu-label')[0]).toContain('LAYER=eva');
    expect(attributionOf(zh)).toEqual([ATTRIBUTION.tianditu]);
    expect((zh.sources['tianditu-vec'] as { attribution: string }).attribution).toBe(ATTRIBUTION.tianditu);
    expect(colours(en)).not.toEqual(colours(tiandituStyle('abc123', 'en')));
    expect(en['font-faces']).toBeDefined();
  });

  it('requires a key', () => {
    expect(() => tiandituStyle('  ', 'zh')).toThrow(/VITE_TIANDITU_KEY/);
  });
});

describe('customStyle', () => {
  const o = { theme: 'day' as const, lang: 'zh' as const, fontUrl: FONT };
  it('passes a style JSON URL through', () => {
    expect(customStyle(' https://example.org/style.json ', o)).toBe('https://example.org/style.json');
  });
  it('turns a .pmtiles URL into our style over a pmtiles:// source', () => {
    for (const url of [
      'https://example.org/x.pmtiles',
      'https://example.org/x.PMTILES?v=2',
      'pmtiles://https://e.org/y',
    ]) {
      expect(isPmtilesUrl(url)).toBe(true);
      const s = customStyle(url, o) as StyleSpecification;
      valid(s);
      expect((s.sources[OFFLINE_SOURCE] as { url: string }).url).toBe(pmtilesSourceUrl(url.trim()));
    }
    expect(isPmtilesUrl('https://example.org/x.pmtiles.json')).toBe(false);
  });
  it('rejects empty input and other schemes', () => {
    expect(() => customStyle('', o)).toThrow(/empty/);
    expect(() => customStyle('javascript:alert(1)', o)).toThrow(/scheme/);
    expect(() => customStyle('file:///etc/x.pmtiles', o)).toThrow(/scheme/);
  });
});
