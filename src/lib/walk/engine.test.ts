import { describe, expect, it } from 'vitest';
import { createWalkEngine, NetworkWalkEngine } from './engine.ts';
import { EstimateWalkEngine } from './estimate_engine.ts';
import { haversineM } from './geo.ts';
import { buildWalkGraph } from './graph.ts';
import { randomExtract, rng } from './test_support.ts';
import { isochronesToFeatureCollection, routeToFeature } from './walk_features.ts';

const ring = (coords: [number, number][][][]) => coords[0]![0]!;

describe('createWalkEngine', () => {
  it('uses the network when a graph is given and the estimate otherwise', () => {
    const { graph } = buildWalkGraph(randomExtract(1, 40));
    expect(createWalkEngine(graph).method).toBe('network');
    expect(createWalkEngine(null).method).toBe('estimate');
    expect(createWalkEngine(buildWalkGraph({ nodes: new Map(), ways: [] }).graph).method).toBe('estimate');
  });
});

describe('EstimateWalkEngine', () => {
  const engine = new EstimateWalkEngine({ detourFactor: 1.5, speedMPerMin: 75 });
  const pts = [
    { id: 'a', lon: 103.81, lat: 36.05 },
    { id: 'b', lon: 103.8, lat: 36.06 },
    { id: 'c', lon: 103.9, lat: 36.2 },
  ];
  const group = engine.prepare(pts);

  it('times straight distance × detour factor at the configured speed, labelled as estimates', () => {
    const near = engine.nearest(103.8, 36.05, group, 2);
    expect(near.map((n) => n.id)).toEqual(['a', 'b']); // 0.01° of longitude (899 m) < 0.01° of latitude (1112 m)
    for (const n of near) {
      const p = pts[n.index]!;
      expect(n.metres).toBeCloseTo(haversineM(103.8, 36.05, p.lon, p.lat) * 1.5, 6);
      expect(n.minutes).toBeCloseTo(n.metres / 75, 9);
      expect(n.method).toBe('estimate');
    }
    // maxMinutes cuts by estimated time.
    expect(engine.nearest(103.8, 36.05, group, 3, 5)).toHaveLength(0);
    const r = engine.route(103.8, 36.05, group, 2)!;
    expect(r.coordinates).toEqual([
      [103.8, 36.05],
      [103.9, 36.2],
    ]);
    expect(r.method).toBe('estimate');
    expect(engine.route(103.8, 36.05, group, 9)).toBeNull();
    const f = routeToFeature(r);
    expect(f.geometry).toEqual({ type: 'LineString', coordinates: r.coordinates });
    expect(f.properties).toMatchObject({ method: 'estimate', minutes: r.minutes });
  });

  it('draws circle isochrones of radius speed × minutes / detour', () => {
    const fc = isochronesToFeatureCollection(engine.isochrones(103.8, 36.05, [5, 15, 10]));
    expect(fc.features.map((f) => f.properties.minutes)).toEqual([15, 10, 5]);
    expect(fc.features[0]!.geometry.type).toBe('MultiPolygon');
    const [iso] = engine.isochrones(103.8, 36.05, [10]);
    for (const [lon, lat] of ring(iso!.coordinates))
      expect(haversineM(103.8, 36.05, lon, lat)).toBeCloseTo(500, 3);
    expect(iso!.method).toBe('estimate');
  });

  it('unions facility circles for coverage', () => {
    const cov = engine.coverage(group, [10]);
    // a and b are 1.4 km apart with 500 m radii → separate discs; c far away → 3 polygons.
    expect(cov[0]!.coordinates).toHaveLength(3);
    expect(engine.coverage(engine.prepare([]), [5])[0]!.coordinates).toEqual([]);
  });

  it('validates options', () => {
    expect(() => new EstimateWalkEngine({ detourFactor: 0.5 })).toThrow(RangeError);
    expect(() => new EstimateWalkEngine({ speedMPerMin: -1 })).toThrow(RangeError);
  });
});

describe('NetworkWalkEngine', () => {
  const { graph } = buildWalkGraph(randomExtract(7, 120, { sizeM: 1500 }));
  const engine = new NetworkWalkEngine(graph);
  const r = rng(9);
  const [w, s, e, n] = graph.bbox;
  const rnd = () => [w + r() * (e - w), s + r() * (n - s)] as [number, number];
  const pts = Array.from({ length: 15 }, (_, i) => {
    const [lon, lat] = rnd();
    return { id: `f${i}`, lon, lat };
  });
  const group = engine.prepare(pts);

  it('agrees between nearest(), route() and travel() for the same pair', () => {
    for (let q = 0; q < 20; q++) {
      const [lon, lat] = rnd();
      const near = engine.nearest(lon, lat, group, 3);
      expect(near.length).toBe(3);
      for (const hit of near) {
        expect(hit.method).toBe('network');
        const route = engine.route(lon, lat, group, hit.index)!;
        expect(route.minutes).toBeCloseTo(hit.minutes, 5);
        expect(route.metres).toBeCloseTo(hit.metres, 3);
        const p = pts[hit.index]!;
        expect(engine.travel([lon, lat], [p.lon, p.lat])!.minutes).toBeCloseTo(hit.minutes, 5);
        // Network walking is never shorter than the straight line.
        expect(route.metres).toBeGreaterThanOrEqual(haversineM(lon, lat, p.lon, p.lat) - 1e-6);
        expect(route.coordinates[0]).toEqual([lon, lat]);
        expect(route.coordinates[route.coordinates.length - 1]).toEqual([p.lon, p.lat]);
      }
      for (let i = 1; i < near.length; i++)
        expect(near[i]!.minutes).toBeGreaterThanOrEqual(near[i - 1]!.minutes);
    }
  });

  it('rejects facility groups prepared by another engine', () => {
    const other = new EstimateWalkEngine().prepare(pts);
    expect(() => engine.nearest(pts[0]!.lon, pts[0]!.lat, other, 1)).toThrow(/another engine/);
  });

  it('nests isochrone bands', () => {
    const [lon, lat] = rnd();
    const bands = engine.isochrones(lon, lat, [5, 10, 15]);
    expect(bands.map((b) => b.minutes)).toEqual([5, 10, 15]);
    const area = (mp: [number, number][][][]) =>
      mp.reduce((sum, poly) => {
        return (
          sum +
          poly.reduce((acc, rg) => {
            let a = 0;
            for (let i = 0, j = rg.length - 1; i < rg.length; j = i++)
              a += (rg[j]![0] - rg[i]![0]) * (rg[j]![1] + rg[i]![1]);
            return acc + a / 2;
          }, 0)
        );
      }, 0);
    const a = bands.map((b) => area(b.coordinates));
    expect(a[0]!).toBeGreaterThan(0);
    expect(a[1]!).toBeGreaterThan(a[0]!);
    expect(a[2]!).toBeGreaterThanOrEqual(a[1]!);
  });
});
