import { describe, expect, it } from 'vitest';
import { bufferSegments, type PlanarPolygon } from './raster_buffer.ts';
import { rng } from './test_support.ts';

const ringArea = (ring: number[][]) => {
  let a = 0;
  for (let i = 0, j = ring.length - 1; i < ring.length; j = i++)
    a += (ring[j]![0]! - ring[i]![0]!) * (ring[j]![1]! + ring[i]![1]!);
  return a / 2;
};
const polyArea = (p: PlanarPolygon) => p.reduce((s, ring) => s + ringArea(ring), 0);
const inRing = (x: number, y: number, ring: number[][]) => {
  let inside = false;
  for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) {
    const [xi, yi] = ring[i] as [number, number];
    const [xj, yj] = ring[j] as [number, number];
    if (yi > y !== yj > y && x < ((xj - xi) * (y - yi)) / (yj - yi) + xi) inside = !inside;
  }
  return inside;
};
const inPolys = (x: number, y: number, polys: PlanarPolygon[]) =>
  polys.some((p) => inRing(x, y, p[0]!) && !p.slice(1).some((h) => inRing(x, y, h)));
const segDist = (x: number, y: number, s: number[], i: number) => {
  const [ax, ay, bx, by] = [s[4 * i]!, s[4 * i + 1]!, s[4 * i + 2]!, s[4 * i + 3]!];
  const dx = bx - ax;
  const dy = by - ay;
  const l2 = dx * dx + dy * dy;
  const t = l2 > 0 ? Math.max(0, Math.min(1, ((x - ax) * dx + (y - ay) * dy) / l2)) : 0;
  return Math.hypot(x - ax - t * dx, y - ay - t * dy);
};

describe('bufferSegments', () => {
  it('buffers one segment into a capsule of area 2rL + πr²', () => {
    const polys = bufferSegments([0, 0, 500, 0], { radius: 40 });
    expect(polys).toHaveLength(1);
    expect(polys[0]).toHaveLength(1);
    expect(polyArea(polys[0]!)).toBeCloseTo(2 * 40 * 500 + Math.PI * 1600, -3); // within ±500 m² (≈1 %)
  });

  it('buffers a point into a disc', () => {
    const polys = bufferSegments([10, 10, 10, 10], { radius: 100, cell: 5 });
    expect(Math.abs(polyArea(polys[0]!) / (Math.PI * 1e4) - 1)).toBeLessThan(0.01);
  });

  it('keeps buffers apart across a gap wider than 2r and merges them across a narrower one', () => {
    expect(bufferSegments([0, 0, 500, 0, 0, 100, 500, 100], { radius: 40 })).toHaveLength(2);
    expect(bufferSegments([0, 0, 500, 0, 0, 70, 500, 70], { radius: 40 })).toHaveLength(1);
  });

  it('returns a ring with a hole for a loop, outer counter-clockwise and hole clockwise', () => {
    const s = [0, 0, 400, 0, 400, 0, 400, 400, 400, 400, 0, 400, 0, 400, 0, 0];
    const polys = bufferSegments(s, { radius: 40 });
    expect(polys).toHaveLength(1);
    const [outer, hole] = polys[0] as [number[][], number[][]];
    expect(polys[0]).toHaveLength(2);
    expect(ringArea(outer)).toBeGreaterThan(0);
    expect(ringArea(hole)).toBeLessThan(0);
    expect(-ringArea(hole)).toBeCloseTo(320 * 320, -3);
    expect(outer[0]).toEqual(outer[outer.length - 1]);
  });

  it('contains exactly the points within r of a segment (away from a one-cell band at the edge)', () => {
    const r = rng(7);
    for (let trial = 0; trial < 5; trial++) {
      const segs: number[] = [];
      for (let i = 0; i < 30; i++) {
        const x = r() * 1000;
        const y = r() * 1000;
        segs.push(x, y, x + (r() - 0.5) * 300, y + (r() - 0.5) * 300);
      }
      const radius = 25 + r() * 30;
      const cell = radius / 4;
      const polys = bufferSegments(segs, { radius, cell });
      for (let q = 0; q < 2000; q++) {
        const x = -100 + r() * 1200;
        const y = -100 + r() * 1200;
        let d = Infinity;
        for (let i = 0; i < 30; i++) d = Math.min(d, segDist(x, y, segs, i));
        if (Math.abs(d - radius) < cell) continue;
        expect(inPolys(x, y, polys)).toBe(d < radius);
      }
    }
  });

  it('coarsens the grid instead of exceeding maxCells', () => {
    const polys = bufferSegments([0, 0, 100000, 0], { radius: 40, maxCells: 100000 });
    expect(polys).toHaveLength(1);
    expect(bufferSegments([], { radius: 10 })).toEqual([]);
    expect(() => bufferSegments([0, 0, 1, 1], { radius: 0 })).toThrow(RangeError);
  });
});
