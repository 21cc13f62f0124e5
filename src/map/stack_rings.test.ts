import { describe, expect, it } from 'vitest';
import type { CategoryId, MapFeature } from '../lib/feature';
import { withStackRings } from './stack_rings';

const point = (id: string, category: CategoryId, lon: number, lat: number): MapFeature => ({
  type: 'Feature',
  geometry: { type: 'Point', coordinates: [lon, lat] },
  properties: {
    id,
    category,
    name_zh: id,
    name_en: id,
    district: '620103',
    status: 'existing',
    source: { title: 'test' },
    accuracy_m: 10,
  },
});
const ringOf = (f: MapFeature) => (f.properties as { ring?: number }).ring;

describe('withStackRings', () => {
  it('rings the markers below the top one at a shared position, in draw order', () => {
    const features = [
      point('stadium', 'fitness_site', 103.685667, 36.087722),
      point('block', 'youth_block', 103.685667, 36.087722),
      point('alone', 'park', 103.84, 36.05),
    ];
    const out = withStackRings({ type: 'FeatureCollection', features }).features;
    const byId = new Map(out.map((f) => [f.properties.id, f]));
    // youth_block draws above fitness_site (higher catalog order): the stadium becomes the ring around it.
    expect(ringOf(byId.get('block')!)).toBeUndefined();
    expect(ringOf(byId.get('stadium')!)).toBe(1);
    expect(ringOf(byId.get('alone')!)).toBeUndefined();
    // The input is not changed.
    expect(ringOf(features[0]!)).toBeUndefined();
  });

  it('leaves points a few metres apart and collections without shared positions alone', () => {
    const fc = {
      type: 'FeatureCollection' as const,
      features: [point('a', 'park', 103.8, 36.05), point('b', 'park', 103.8001, 36.05)],
    };
    expect(withStackRings(fc)).toBe(fc);
  });

  it('gives three markers at one place rings 1 and 2', () => {
    const fc = {
      type: 'FeatureCollection' as const,
      features: [
        point('a', 'park', 103.8, 36.05),
        point('b', 'park', 103.8, 36.050001),
        point('c', 'metro', 103.8, 36.05),
      ],
    };
    const rings = withStackRings(fc).features.map((f) => [f.properties.id, ringOf(f)]);
    expect(rings).toEqual([
      ['a', 1],
      ['b', 2],
      ['c', undefined],
    ]);
  });
});
