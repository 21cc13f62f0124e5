import { describe, expect, it } from 'vitest';
import { edgePointAt } from './edge_shape.ts';
import { haversineM, metresPerDegreeLon, projectOnSegment } from './geo.ts';
import { buildWalkGraph, edgeSources } from './graph.ts';
import { EdgeSnapIndex } from './snap.ts';
import { randomExtract, rng } from './test_support.ts';

describe('EdgeSnapIndex', () => {
  it('finds the same nearest edge distance as a brute-force scan of every edge', () => {
    const { graph } = buildWalkGraph(randomExtract(3, 300, { sizeM: 3000 }), { keepAllComponents: true });
    const index = new EdgeSnapIndex(graph);
    const src = edgeSources(graph);
    const r = rng(42);
    const [w, s, e, n] = graph.bbox;
    for (let q = 0; q < 500; q++) {
      // Some queries far outside the graph's box, to exercise the growing search.
      const lon = w - 0.01 + r() * (e - w + 0.02);
      const lat = s - 0.01 + r() * (n - s + 0.02);
      const kx = metresPerDegreeLon(lat);
      // Brute force over every segment of every edge polyline.
      let best = Infinity;
      const sh = graph.shape;
      for (let c = 0; c + 1 < sh.offsets.length; c++) {
        for (let p = sh.offsets[c]!; p < sh.offsets[c + 1]! - 1; p++) {
          const q = projectOnSegment(lon, lat, sh.lon[p]!, sh.lat[p]!, sh.lon[p + 1]!, sh.lat[p + 1]!, kx);
          best = Math.min(best, Math.sqrt(q.d2));
        }
      }
      const snap = index.snap(lon, lat, 5000);
      if (best > 5000) {
        expect(snap).toBeNull();
        continue;
      }
      expect(snap).not.toBeNull();
      if (!snap) continue;
      // Planar and haversine distances agree to well under a metre at these ranges.
      expect(Math.abs(snap.distanceM - best)).toBeLessThan(0.05 + best * 1e-3);
      // The projected point lies on the reported edge at the reported fraction.
      const a = snap.from;
      const b = snap.to;
      expect(src[snap.edge]).toBe(a);
      expect(graph.target[snap.edge]).toBe(b);
      expect(snap.fraction).toBeGreaterThanOrEqual(0);
      expect(snap.fraction).toBeLessThanOrEqual(1);
      const [plon, plat] = edgePointAt(graph, snap.edge, snap.fraction);
      expect(plon).toBeCloseTo(snap.lon, 9);
      expect(plat).toBeCloseTo(snap.lat, 9);
      expect(haversineM(lon, lat, snap.lon, snap.lat)).toBeCloseTo(snap.distanceM, 9);
    }
  });

  it('returns null beyond the snap limit and for non-finite input', () => {
    const { graph } = buildWalkGraph(randomExtract(4, 30));
    const index = new EdgeSnapIndex(graph);
    const [w, s] = graph.bbox;
    expect(index.snap(w - 0.05, s - 0.05, 300)).toBeNull();
    expect(index.snap(Number.NaN, s)).toBeNull();
    expect(index.snap(w - 0.05, s - 0.05, 20000)).not.toBeNull();
  });

  it('handles an empty graph', () => {
    const { graph } = buildWalkGraph({ nodes: new Map(), ways: [] });
    expect(new EdgeSnapIndex(graph).snap(103.8, 36.05)).toBeNull();
  });
});
