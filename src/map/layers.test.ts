import { validateStyleMin } from '@maplibre/maplibre-gl-style-spec';
import { describe, expect, it } from 'vitest';
import { CATALOG } from '../catalog';
import {
  analysisCollection,
  analysisLayers,
  clickableLayerIds,
  FEATURE_SOURCE,
  type OverlayOptions,
  overlayLayers,
  overlaySources,
} from './layers';

const empty = { type: 'FeatureCollection' as const, features: [] };
const opts: OverlayOptions = {
  layers: ['checkin_spot', 'district'],
  statuses: ['existing'],
  lang: 'zh',
  selected: 'x',
  theme: 'day',
  font: ['Noto Sans SC Regular'],
};
const style = (layers: ReturnType<typeof overlayLayers>) => ({
  version: 8 as const,
  glyphs: 'https://example.org/{fontstack}/{range}.pbf',
  sources: overlaySources(empty, empty),
  layers,
});

describe('overlay layers', () => {
  it('produce a valid style in every mode', () => {
    for (const theme of ['day', 'night'] as const) {
      for (const lang of ['zh', 'en'] as const) {
        const errors = validateStyleMin(style(overlayLayers({ ...opts, theme, lang })));
        expect(errors.map((e) => e.message)).toEqual([]);
      }
    }
  });

  it('show only chosen layers and filter by status', () => {
    const layers = overlayLayers(opts);
    const vis = (id: string) =>
      (layers.find((l) => l.id === id)?.layout as { visibility?: string })?.visibility;
    expect(vis('lym-checkin_spot-circle')).toBe('visible');
    expect(vis('lym-youth_park-circle')).toBe('none');
    expect(vis('lym-district-line')).toBe('visible');
    const circle = layers.find((l) => l.id === 'lym-checkin_spot-circle') as { filter: unknown };
    expect(JSON.stringify(circle.filter)).toContain('["literal",["existing"]]');
  });

  it('label in the chosen language with fallback, and drop text without a font', () => {
    const label = (lang: 'zh' | 'en') =>
      JSON.stringify(overlayLayers({ ...opts, lang }).find((l) => l.id === 'lym-checkin_spot-label')?.layout);
    expect(label('zh')).toContain('["coalesce",["get","name_zh"],["get","name_en"]]');
    expect(label('en')).toContain('["coalesce",["get","name_en"],["get","name_zh"]]');
    expect(overlayLayers({ ...opts, font: null }).some((l) => l.type === 'symbol')).toBe(false);
  });

  it('has a clickable layer for every stored facility kind, all from our source', () => {
    const ids = clickableLayerIds();
    const layers = overlayLayers(opts);
    for (const e of CATALOG.filter((x) => !x.derived && x.geometry !== 'route')) {
      expect(
        ids.some((id) => id.startsWith(`lym-${e.id}-`)),
        e.id,
      ).toBe(true);
    }
    for (const id of ids)
      expect(
        layers.find((l) => l.id === id),
        id,
      ).toBeDefined();
    expect(layers.filter((l) => 'source' in l && l.source === FEATURE_SOURCE).length).toBeGreaterThan(20);
  });
});

describe('analysis layers', () => {
  it('are valid and draw bands largest first, then the walk and the place', () => {
    const square = (d: number) => [
      [
        [
          [103.8 - d, 36 - d],
          [103.8 + d, 36 - d],
          [103.8 + d, 36 + d],
          [103.8 - d, 36 + d],
          [103.8 - d, 36 - d],
        ],
      ],
    ];
    const fc = analysisCollection({
      origin: [103.8, 36],
      bands: [5, 10, 15].map((m) => ({ minutes: m, coordinates: square(m / 1000), method: 'estimate' })),
      route: {
        coordinates: [
          [103.8, 36],
          [103.81, 36.01],
        ],
        method: 'network',
      },
    });
    expect(fc.features.map((f) => f.properties.kind)).toEqual(['band', 'band', 'band', 'route', 'origin']);
    expect(fc.features.slice(0, 3).map((f) => [f.properties.minutes, f.properties.band])).toEqual([
      [15, 2],
      [10, 1],
      [5, 0],
    ]);
    const errors = validateStyleMin({
      ...style(analysisLayers('night')),
      sources: overlaySources(empty, empty, fc),
    });
    expect(errors.map((e) => e.message)).toEqual([]);
  });

  it('leaves out a walk with fewer than two points', () => {
    expect(
      analysisCollection({ origin: null, route: { coordinates: [[103.8, 36]], method: 'estimate' } })
        .features,
    ).toEqual([]);
  });
});
