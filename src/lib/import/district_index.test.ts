import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { createDistrictLookup } from '../districts';
import { createImportDistrictLookup } from './district_index';

const fc = JSON.parse(
  readFileSync(new URL('../../../data/boundaries/lanzhou_districts.geojson', import.meta.url), 'utf8'),
);
const turfBased = createDistrictLookup(fc);
const fast = createImportDistrictLookup(fc);

describe('createImportDistrictLookup', () => {
  it('agrees with the turf-based lookup: same district, distances within 0.5 % or 2 m', () => {
    let seed = 7;
    const rand = () => {
      seed = (seed * 16807) % 2147483647;
      return seed / 2147483647;
    };
    let outside = 0;
    for (let i = 0; i < 40; i++) {
      const lon = 102.4 + rand() * 2.3;
      const lat = 35.4 + rand() * 1.8;
      expect(fast.districtAt(lon, lat)).toBe(turfBased.districtAt(lon, lat));
      const code = fast.adcodes[i % fast.adcodes.length] as string;
      const a = fast.distanceToDistrictM(lon, lat, code);
      const b = turfBased.distanceToDistrictM(lon, lat, code);
      if (b > 0) outside++;
      expect(Math.abs(a - b), `${lon},${lat} ${code}`).toBeLessThanOrEqual(Math.max(2, b * 0.005));
    }
    expect(outside).toBeGreaterThan(20);
  });

  it('finds the district a point is in or just outside of, within the tolerance only', () => {
    expect(fast.districtNear(103.8236, 36.0611, 300)).toBe('620102');
    // North-east of the municipality, ~5.7 km beyond its northernmost point.
    expect(fast.districtNear(104.55, 37.05, 300)).toBeNull();
    // The municipality's westernmost border vertex, moved 100 m further west: outside every district,
    // yet matched with a 300 m tolerance and not with a 50 m one.
    const vertices = fc.features.flatMap((f: { geometry: { coordinates: [number, number][][] } }) =>
      f.geometry.coordinates.flat(),
    ) as [number, number][];
    const west = vertices.reduce((a, b) => (b[0] < a[0] ? b : a));
    const nudged: [number, number] = [
      west[0] - 100 / (111_320 * Math.cos((west[1] * Math.PI) / 180)),
      west[1],
    ];
    expect(fast.districtAt(nudged[0], nudged[1])).toBeNull();
    expect(fast.districtNear(nudged[0], nudged[1], 300)).toMatch(/^6201\d\d$/);
    expect(fast.districtNear(nudged[0], nudged[1], 300)).toBe(turfBased.districtAt(west[0] + 0.001, west[1]));
    expect(fast.districtNear(nudged[0], nudged[1], 50)).toBeNull();
    expect(() => fast.distanceToDistrictM(103.8, 36.0, '110101')).toThrow(RangeError);
  });
});
