import { describe, expect, it } from 'vitest';
import { BRIDGE_JOIN_M, type BridgePart, boundsGapM, compareOsm, splitBridgeParts } from './bridge_join.ts';
import { haversineM } from './walk/geo.ts';

/** A way's extent x0..x1 metres east of (103.80, 36.05), 10 m tall (invented test geometry). */
const M_PER_DEG_LON = 89_904.7;
const way = (id: number, x0: number, x1: number, y = 0, type: BridgePart['type'] = 'way'): BridgePart => ({
  type,
  id,
  bounds: [
    103.8 + x0 / M_PER_DEG_LON,
    36.05 + y / 111_195,
    103.8 + x1 / M_PER_DEG_LON,
    36.05 + (y + 10) / 111_195,
  ],
});
const ids = (g: BridgePart[][]) => g.map((x) => x.map((e) => `${e.type}/${e.id}`));
const same = (p: BridgePart) => p;

describe('boundsGapM', () => {
  it('is 0 for touching or overlapping extents and the haversine gap otherwise', () => {
    expect(boundsGapM(way(1, 0, 10).bounds, way(2, 5, 20).bounds)).toBe(0);
    expect(boundsGapM(way(1, 0, 10).bounds, way(2, 10, 20).bounds)).toBeCloseTo(0, 6);
    const a = way(1, 0, 10);
    const b = way(2, 110, 120, 50);
    // Nearest corners: (10 m, 10 m) and (110 m, 50 m).
    const want = haversineM(a.bounds[2], a.bounds[3], b.bounds[0], b.bounds[1]);
    expect(Math.abs(boundsGapM(a.bounds, b.bounds) - want) / want).toBeLessThan(0.005);
    expect(boundsGapM(b.bounds, a.bounds)).toBe(boundsGapM(a.bounds, b.bounds));
  });
});

describe('splitBridgeParts', () => {
  it('links parts within the join distance, transitively, and names each bridge by its first OSM part', () => {
    expect(ids(splitBridgeParts([way(1, 0, 10), way(2, 10 + BRIDGE_JOIN_M - 1, 200)], same))).toEqual([
      ['way/1', 'way/2'],
    ]);
    expect(ids(splitBridgeParts([way(1, 0, 10), way(2, 10 + BRIDGE_JOIN_M + 1, 200)], same))).toEqual([
      ['way/1'],
      ['way/2'],
    ]);
    expect(
      ids(splitBridgeParts([way(3, 300, 350), way(1, 0, 10), way(2, 100, 250), way(4, 900, 950)], same)),
    ).toEqual([['way/1', 'way/2', 'way/3'], ['way/4']]);
    // Nodes before ways before relations, whatever the input order.
    expect(
      ids(splitBridgeParts([way(5, 0, 10, 0, 'relation'), way(9, 0, 10), way(7, 5, 6, 0, 'node')], same)),
    ).toEqual([['node/7', 'way/9', 'relation/5']]);
  });

  it('equals brute force (all pairs, connected components) on random parts', () => {
    let seed = 7;
    const rnd = () => {
      seed = (seed * 1_103_515_245 + 12_345) % 2 ** 31;
      return seed / 2 ** 31;
    };
    for (let trial = 0; trial < 50; trial++) {
      const parts = Array.from({ length: 2 + Math.floor(rnd() * 8) }, (_, i) => {
        const x = rnd() * 800;
        const y = rnd() * 400;
        return way(i + 1, x, x + rnd() * 80, y);
      });
      const label = parts.map((_, i) => i);
      for (let changed = true; changed; ) {
        changed = false;
        for (let i = 0; i < parts.length; i++)
          for (let j = 0; j < parts.length; j++)
            if (label[i] !== label[j] && boundsGapM(parts[i]!.bounds, parts[j]!.bounds) <= BRIDGE_JOIN_M) {
              const lo = Math.min(label[i]!, label[j]!);
              const hi = Math.max(label[i]!, label[j]!);
              for (let k = 0; k < label.length; k++) if (label[k] === hi) label[k] = lo;
              changed = true;
            }
      }
      const brute = [...new Set(label)]
        .map((l) => parts.filter((_, i) => label[i] === l).sort(compareOsm))
        .sort((a, b) => compareOsm(a[0]!, b[0]!));
      expect(ids(splitBridgeParts(parts, same))).toEqual(ids(brute));
    }
  });
});
