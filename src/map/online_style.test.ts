// Tests of the localised OpenFreeMap styles: labels, fonts, credit.

import type { StyleSpecification, SymbolLayerSpecification } from 'maplibre-gl';
import { describe, expect, it } from 'vitest';
import { ATTRIBUTION, OPENFREEMAP_STYLES } from '../config';
import { localizeOnlineStyle, osmLabelText, osmOnlineStyle } from './online_style';
import { attributionOf, FONT, valid } from './style_test_support';

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
