import { describe, expect, it } from 'vitest';
import { distanceToLinesM } from '../live_osm/assemble';
import { rng } from '../walk/test_support';
import { buildRiverFrame, type LonLat, locate } from './river_frame';

// A meandering river cut into three ways, the middle one drawn backwards (as OSM ways can be).
const river: LonLat[] = Array.from({ length: 121 }, (_, i) => [
  103.7 + i * 0.0015,
  36.06 + 0.006 * Math.sin(i / 9),
]);
const ways = [river.slice(0, 41), river.slice(40, 81).reverse(), river.slice(80)];

describe('buildRiverFrame', () => {
  it('joins ways end to end whatever their direction, into one chain as long as the river', () => {
    const frame = buildRiverFrame(ways);
    expect(frame.chains).toHaveLength(1);
    const one = buildRiverFrame([river]);
    expect(frame.chains[0]!.cum.at(-1)).toBeCloseTo(one.chains[0]!.cum.at(-1)!, 6);
  });
});

describe('locate', () => {
  const frame = buildRiverFrame(ways);
  const r = rng(11);
  const points: LonLat[] = Array.from({ length: 400 }, () => [103.69 + r() * 0.2, 36.04 + r() * 0.04]);

  it('gives the distance a brute-force scan of every segment gives (live OSM rule’s own code)', () => {
    for (const p of points) {
      const brute = distanceToLinesM([{ id: 1, names: '', coords: river }], p[0], p[1]);
      const got = locate(frame, p, 50_000);
      expect(got?.dist).toBeCloseTo(brute, 3);
    }
  });

  it('puts points north of an eastward river on the left bank, south on the right, along in order', () => {
    const n = locate(frame, [103.76, 36.075]);
    const s = locate(frame, [103.76, 36.045]);
    expect(n?.side).toBe(1);
    expect(s?.side).toBe(-1);
    const west = locate(frame, [103.72, 36.06]) as { along: number };
    const east = locate(frame, [103.85, 36.06]) as { along: number };
    expect(east.along).toBeGreaterThan(west.along);
    expect(locate(frame, [103.76, 36.3], 5000)).toBeNull();
    expect(locate(buildRiverFrame([]), [103.76, 36.06])).toBeNull();
  });
});
