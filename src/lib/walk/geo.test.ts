import turfDistance from '@turf/distance';
import { describe, expect, it } from 'vitest';
import {
  destinationPoint,
  haversineM,
  metresPerDegreeLon,
  pointInRing,
  projectOnSegment,
  ringSignedArea,
  segmentsCrossProperly,
} from './geo.ts';
import { rng } from './test_support.ts';

describe('geo helpers', () => {
  it('haversine agrees with @turf/distance', () => {
    const r = rng(1);
    for (let i = 0; i < 200; i++) {
      const a = [102.5 + r() * 2, 35.5 + r() * 1.6] as [number, number];
      const b = [102.5 + r() * 2, 35.5 + r() * 1.6] as [number, number];
      expect(haversineM(a[0], a[1], b[0], b[1])).toBeCloseTo(turfDistance(a, b, { units: 'meters' }), 4);
    }
    expect(haversineM(103.8, 36.05, 103.8, 36.05)).toBe(0);
  });

  it('destinationPoint inverts haversine distance', () => {
    const [lon, lat] = destinationPoint(103.8, 36.05, 37, 1234.5);
    expect(haversineM(103.8, 36.05, lon, lat)).toBeCloseTo(1234.5, 6);
    const [, north] = destinationPoint(103.8, 36.05, 0, 1000);
    expect(north).toBeGreaterThan(36.05);
  });

  it('projects onto a segment with clamping', () => {
    const kx = metresPerDegreeLon(36);
    const dx = 100 / kx;
    const mid = projectOnSegment(103 + dx / 2, 36 + 10 / 111194.93, 103, 36, 103 + dx, 36, kx);
    expect(mid.t).toBeCloseTo(0.5, 9);
    expect(Math.sqrt(mid.d2)).toBeCloseTo(10, 3);
    const before = projectOnSegment(103 - dx, 36, 103, 36, 103 + dx, 36, kx);
    expect(before.t).toBe(0);
    expect(Math.sqrt(before.d2)).toBeCloseTo(100, 3);
  });

  it('point in ring, ring orientation and proper crossings', () => {
    const square = [0, 0, 10, 0, 10, 10, 0, 10];
    expect(pointInRing(5, 5, square)).toBe(true);
    expect(pointInRing(15, 5, square)).toBe(false);
    expect(ringSignedArea(square)).toBe(100);
    expect(ringSignedArea([0, 0, 0, 10, 10, 10, 10, 0])).toBe(-100);
    expect(segmentsCrossProperly(0, 0, 10, 10, 0, 10, 10, 0)).toBe(true);
    expect(segmentsCrossProperly(0, 0, 10, 10, 10, 10, 20, 0)).toBe(false); // touching at an end
    expect(segmentsCrossProperly(0, 0, 1, 1, 5, 5, 6, 7)).toBe(false);
  });
});
