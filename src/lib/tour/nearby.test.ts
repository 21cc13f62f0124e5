import distance from '@turf/distance';
import { describe, expect, it } from 'vitest';
import type { MapFeature } from '../feature';
import { distanceToGeometryM, featuresNear } from './nearby';
import { fixtureFeatures } from './test_support';

const features = fixtureFeatures();
const C: [number, number] = [103.8, 36.068];

describe('distanceToGeometryM', () => {
  it('is 0 inside a polygon and the distance to the nearest edge outside', () => {
    const zone = features.find((f) => f.properties.id === 'fixture-zone-1')!.geometry;
    expect(distanceToGeometryM(C, zone)).toBe(0);
    // 0.002° of latitude south of the zone's southern edge (36.067): the nearest point is straight north.
    const south: [number, number] = [103.8, 36.065];
    expect(distanceToGeometryM(south, zone)).toBeCloseTo(
      distance(south, [103.8, 36.067], { units: 'meters' }),
      0,
    );
    // Beyond a corner the nearest point is the corner.
    const corner: [number, number] = [103.803, 36.071];
    expect(distanceToGeometryM(corner, zone)).toBeCloseTo(
      distance(corner, [103.801, 36.069], { units: 'meters' }),
      0,
    );
  });

  it('measures to points and lines', () => {
    expect(distanceToGeometryM(C, { type: 'Point', coordinates: [103.8, 36.069] })).toBeCloseTo(111.2, 1);
    const line = {
      type: 'LineString' as const,
      coordinates: [
        [103.79, 36.07],
        [103.81, 36.07],
      ] as [number, number][],
    };
    expect(distanceToGeometryM(C, line)).toBeCloseTo(distance(C, [103.8, 36.07], { units: 'meters' }), 0);
  });

  it('treats a point in a polygon hole as outside', () => {
    const holed: MapFeature['geometry'] = {
      type: 'Polygon',
      coordinates: [
        [
          [103.79, 36.06],
          [103.81, 36.06],
          [103.81, 36.08],
          [103.79, 36.08],
          [103.79, 36.06],
        ],
        [
          [103.799, 36.067],
          [103.799, 36.069],
          [103.801, 36.069],
          [103.801, 36.067],
          [103.799, 36.067],
        ],
      ],
    };
    const d = distanceToGeometryM(C, holed);
    expect(d).toBeGreaterThan(80);
    expect(d).toBeCloseTo(distance(C, [103.799, 36.068], { units: 'meters' }), 0);
  });
});

describe('featuresNear', () => {
  it('finds the night zone around a stop and leaves out far ones and other categories', () => {
    const near = featuresNear(C, features);
    expect(near.map((n) => [n.feature.properties.id, n.distanceM])).toEqual([['fixture-zone-1', 0]]);
    expect(featuresNear([103.8, 36.05], features)).toEqual([]);
  });

  it('honours radius, categories and exclusions, nearest first', () => {
    const near = featuresNear(C, features, { radiusM: 1000, categories: ['checkin_spot', 'night_zone'] });
    expect(near.map((n) => n.feature.properties.id)).toEqual([
      'fixture-stop-c',
      'fixture-zone-1',
      'fixture-stop-d',
    ]);
    const without = featuresNear(C, features, {
      radiusM: 1000,
      categories: ['checkin_spot'],
      exclude: new Set(['fixture-stop-c']),
    });
    expect(without.map((n) => n.feature.properties.id)).toEqual(['fixture-stop-d']);
    expect(without[0]!.distanceM).toBeCloseTo(distance(C, [103.81, 36.068], { units: 'meters' }), 6);
  });
});
