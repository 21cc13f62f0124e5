import type { StyleSpecification } from 'maplibre-gl';
import { describe, expect, it } from 'vitest';
import { composeStyle, overlayFont } from './compose';

const base: StyleSpecification = {
  version: 8,
  glyphs: 'https://g.example/{fontstack}/{range}.pbf',
  sources: { b: { type: 'geojson', data: { type: 'FeatureCollection', features: [] } } },
  layers: [
    { id: 'bg', type: 'background' },
    {
      id: 'lab',
      type: 'symbol',
      source: 'b',
      layout: { 'text-font': ['Noto Sans Regular'], 'text-field': 'x' },
    },
  ],
};

describe('compose', () => {
  it('puts the overlay on top and keeps the base', () => {
    const s = composeStyle(
      base,
      { o: { type: 'geojson', data: { type: 'FeatureCollection', features: [] } } },
      [{ id: 'o1', type: 'circle', source: 'o' }],
    );
    expect(s.layers.map((l) => l.id)).toEqual(['bg', 'lab', 'o1']);
    expect(Object.keys(s.sources)).toEqual(['b', 'o']);
    expect(base.layers).toHaveLength(2);
  });

  it('picks a font the basemap can draw, preferring font-faces', () => {
    expect(overlayFont(base)).toEqual(['Noto Sans Regular']);
    expect(overlayFont({ ...base, glyphs: undefined })).toBeNull();
    const withFaces = {
      ...base,
      'font-faces': { 'Noto Sans SC': { url: 'f.woff2' } },
    } as unknown as StyleSpecification;
    expect(overlayFont(withFaces)).toEqual(['Noto Sans SC']);
  });
});
