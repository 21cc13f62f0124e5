import { describe, expect, it } from 'vitest';
import type { OsmElement } from './osm_elements.ts';
import { distanceToRiverM, riverGeometries, riverKind } from './river.ts';

// Synthetic geometry in degrees near (103.80, 36.05); 0.001° lat ≈ 111 m, 0.001° lon ≈ 90 m. Not real places.
const line = (id: number, tags: Record<string, string>, coords: [number, number][]): OsmElement => ({
  type: 'way',
  id,
  tags,
  geometry: { type: 'LineString', coordinates: coords },
});
const area = (id: number, tags: Record<string, string>, s: number, n: number): OsmElement => ({
  type: 'relation',
  id,
  tags,
  geometry: {
    type: 'Polygon',
    coordinates: [
      [
        [103.79, s],
        [103.81, s],
        [103.81, n],
        [103.79, n],
        [103.79, s],
      ],
    ],
  },
});

describe('riverGeometries', () => {
  it('classifies river tags', () => {
    expect(riverKind({ waterway: 'river' })).toBe('line');
    expect(riverKind({ natural: 'water', water: 'river' })).toBe('area');
    expect(riverKind({ waterway: 'riverbank' })).toBe('area');
    expect(riverKind({ natural: 'water', water: 'lake' })).toBeNull();
    expect(riverKind({ waterway: 'stream' })).toBeNull();
  });

  it('uses the Yellow River and the unnamed riverbank around its centre line, not other rivers', () => {
    const yellow = line(1, { waterway: 'river', name: '黄河' }, [
      [103.79, 36.05],
      [103.81, 36.05],
    ]);
    const bank = area(2, { natural: 'water', water: 'river' }, 36.049, 36.051);
    const other = line(3, { waterway: 'river', name: '湟水' }, [
      [103.79, 36.2],
      [103.81, 36.2],
    ]);
    const otherBank = area(4, { natural: 'water', water: 'river' }, 36.199, 36.201);
    const r = riverGeometries([yellow, bank, other, otherBank]);
    expect(r.match).toBe('named');
    expect(r.lines).toHaveLength(1);
    expect(r.polygons).toHaveLength(1);
    expect(distanceToRiverM(r, 103.8, 36.2)).toBeGreaterThan(15_000);
  });

  it('falls back to every river when none carries the name, and says so', () => {
    const r = riverGeometries([
      line(3, { waterway: 'river', name: 'Test River' }, [
        [103.79, 36.2],
        [103.81, 36.2],
      ]),
    ]);
    expect(r.match).toBe('any');
    expect(r.lines).toHaveLength(1);
    expect(riverGeometries([]).match).toBe('none');
  });
});

describe('distanceToRiverM', () => {
  const r = riverGeometries([area(2, { waterway: 'riverbank', name: 'Yellow River' }, 36.049, 36.051)]);
  it('is 0 on the water and metres to the bank outside', () => {
    expect(distanceToRiverM(r, 103.8, 36.05)).toBe(0);
    // 0.001° north of the bank: ~111 m.
    expect(distanceToRiverM(r, 103.8, 36.052)).toBeCloseTo(111.2, 0);
    // 0.001° east of the east end: ~90 m.
    expect(distanceToRiverM(r, 103.811, 36.05)).toBeCloseTo(89.9, 0);
  });
  it('is Infinity without a river', () => {
    expect(distanceToRiverM(riverGeometries([]), 103.8, 36.05)).toBe(Number.POSITIVE_INFINITY);
  });
});
