import { describe, expect, it } from 'vitest';
import { buildRiverFrame } from '../river/river_frame';
import { legsAcrossWater } from './river_stops';
import type { WalkPlace } from './suggest_places';

// A river along 36.0855° N with one footbridge at 103.694° E (as in river_walk_places.geojson).
const river = buildRiverFrame([
  [
    [103.68, 36.0855],
    [103.7, 36.0855],
  ],
]);
const places: WalkPlace[] = [
  { id: 'south', kind: 'viewpoint', coord: [103.684, 36.0836], accuracy_m: 5 },
  { id: 'north', kind: 'viewpoint', coord: [103.69, 36.0874], accuracy_m: 5 },
  { id: 'bridge', kind: 'bridge', coord: [103.694, 36.0855], accuracy_m: 210 },
  { id: 'south-2', kind: 'park', coord: [103.688, 36.0836], accuracy_m: 5 },
];
const est = { method: 'estimate' as const };

describe('legsAcrossWater', () => {
  it('flags a straight leg from one bank to the other, not one over the bridge or along a bank', () => {
    expect(legsAcrossWater(['south', 'north'], [est], places, river)).toEqual([0]);
    expect(legsAcrossWater(['south', 'bridge', 'north'], [est, est], places, river)).toEqual([]);
    expect(legsAcrossWater(['south', 'south-2', 'north'], [est, est], places, river)).toEqual([1]);
  });
  it('trusts network legs (streets cross water on bridges) and ignores places it does not know', () => {
    expect(legsAcrossWater(['south', 'north'], [{ method: 'network' }], places, river)).toEqual([]);
    expect(legsAcrossWater(['south', 'elsewhere'], [est], places, river)).toEqual([]);
  });
});
