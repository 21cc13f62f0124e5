// Tests of the offline basemap's own layers built from (synthetic) districts and places.

import { readFileSync } from 'node:fs';
import { booleanPointInPolygon } from '@turf/boolean-point-in-polygon';
import type { Feature, FeatureCollection, MultiPolygon, Point, Polygon } from 'geojson';
import { describe, expect, it } from 'vitest';
import { BASEMAP_LAYER, districtLayers, placeLabelLayer } from './basemap_layers';

const load = (name: string) =>
  JSON.parse(readFileSync(new URL(`./fixtures/${name}`, import.meta.url), 'utf8')) as FeatureCollection;
const districts = load('synthetic_districts.geojson');
const places = load('synthetic_places.geojson');

describe('districtLayers', () => {
  const [boundary, labels] = districtLayers(districts);

  it('makes a boundary layer and a label layer with one feature per district', () => {
    expect(boundary?.name).toBe(BASEMAP_LAYER.boundary);
    expect(labels?.name).toBe(BASEMAP_LAYER.districtLabel);
    expect(boundary?.features).toHaveLength(3);
    expect(labels?.features).toHaveLength(3);
  });

  it('takes names from the feature, from `name`, or from the adcode table', () => {
    expect(boundary?.features.map((f) => f.properties)).toEqual([
      { adcode: '990001', name_zh: '测试甲区', name_en: 'Test A' },
      { adcode: '620102', name_zh: '城关区', name_en: 'Chengguan' },
      { adcode: '', name_zh: '测试乙区', name_en: '测试乙区' },
    ]);
    expect(boundary?.features.map((f) => f.id)).toEqual([990001, 620102, undefined]);
  });

  it('anchors every label inside its district, even the U-shaped one whose centroid is outside', () => {
    labels?.features.forEach((label, i) => {
      const shape = districts.features[i] as Feature<Polygon | MultiPolygon>;
      expect(booleanPointInPolygon(label.geometry as Point, shape), `district #${i}`).toBe(true);
    });
  });

  it('gives labels an area in km² for ranking', () => {
    const km2 = labels!.features.map((f) => f.properties?.area_km2 as number);
    // 0.1° × 0.1° minus the notch at 10°N ≈ 11.0 × 10.9 km minus 6.6 × 8.8 km.
    expect(km2[0]).toBeGreaterThan(60);
    expect(km2[0]).toBeLessThan(65);
    expect(km2[2]).toBeGreaterThan(km2[0]!);
  });

  it('fails clearly on non-polygons and nameless districts', () => {
    const pt: FeatureCollection = {
      type: 'FeatureCollection',
      features: [
        { type: 'Feature', properties: { name_zh: 'x' }, geometry: { type: 'Point', coordinates: [0, 0] } },
      ],
    };
    expect(() => districtLayers(pt)).toThrow(/expected a polygon/);
    const nameless: FeatureCollection = {
      type: 'FeatureCollection',
      features: [{ ...districts.features[0]!, properties: { district: '123456' } }],
    };
    expect(() => districtLayers(nameless)).toThrow(/no name/);
  });
});

describe('placeLabelLayer', () => {
  it('anchors points, polygons and lines; keeps names, category and status; skips nameless places', () => {
    const { layer, skipped } = placeLabelLayer(places, 12);
    expect(layer.name).toBe(BASEMAP_LAYER.placeLabel);
    expect(layer.minZoom).toBe(12);
    expect(skipped).toBe(1);
    expect(layer.features.map((f) => f.properties)).toEqual([
      { name_zh: '测试自习室', name_en: 'Test study room', category: 'study_room', status: 'existing' },
      { name_zh: '测试公园', category: 'youth_park', status: 'planned' },
      { name_en: 'Test trail', category: 'fitness_trail' },
    ]);
    const coords = layer.features.map((f) => (f.geometry as Point).coordinates);
    expect(coords[0]).toEqual([10.05, 10.15]);
    expect(coords[1]![0]).toBeCloseTo(10.14, 3);
    expect(coords[1]![1]).toBeCloseTo(10.14, 3);
    expect(coords[2]![0]).toBeCloseTo(10.1, 3);
    expect(coords[2]![1]).toBeCloseTo(10.05, 3);
  });
});
