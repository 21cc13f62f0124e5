import type { Position } from 'geojson';
import { describe, expect, it } from 'vitest';
import { assembleMultipolygon, joinRings, ringArea } from './multipolygon.ts';

/** A grid of node ids: id = 1000 + 100·x + y → position [x, y] (abstract units, not real places). */
const at = (id: number): Position => [Math.floor((id - 1000) / 100), (id - 1000) % 100];
const n = (x: number, y: number) => 1000 + 100 * x + y;
const square = (x0: number, y0: number, x1: number, y1: number) => [
  n(x0, y0),
  n(x1, y0),
  n(x1, y1),
  n(x0, y1),
  n(x0, y0),
];

describe('joinRings', () => {
  it('joins open ways end to end, reversing where needed', () => {
    const a = [n(0, 0), n(0, 5), n(5, 5)];
    const b = [n(5, 5), n(5, 0)];
    const c = [n(0, 0), n(5, 0)]; // runs the wrong way for the chain
    const r = joinRings([a, b, c]);
    expect(r.unclosed).toBe(0);
    expect(r.rings).toEqual([[n(0, 0), n(0, 5), n(5, 5), n(5, 0), n(0, 0)]]);
  });

  it('reports chains that never close and ignores degenerate ways', () => {
    const r = joinRings([[n(0, 0), n(0, 5), n(5, 5)], [n(5, 5), n(5, 0)], [n(9, 9)], square(20, 20, 22, 22)]);
    expect(r.rings).toEqual([square(20, 20, 22, 22)]);
    expect(r.unclosed).toBe(1);
  });
});

describe('assembleMultipolygon', () => {
  it('builds a riverbank with an island from split outer ways and an inner way', () => {
    const outerNorth = [n(0, 0), n(0, 10), n(30, 10)];
    const outerEast = [n(30, 10), n(30, 0)];
    const outerSouth = [n(0, 0), n(15, 0), n(30, 0)];
    const island = square(10, 4, 12, 6);
    const r = assembleMultipolygon(
      [
        { refs: outerNorth, role: 'outer' },
        { refs: outerEast, role: 'outer' },
        { refs: outerSouth, role: 'outer' },
        { refs: island, role: 'inner' },
      ],
      at,
    );
    expect(r.unclosed).toBe(0);
    expect(r.polygons).toHaveLength(1);
    const [outer, hole] = r.polygons[0]!;
    expect(ringArea(outer!)).toBe(300); // counter-clockwise, 30 × 10
    expect(ringArea(hole!)).toBe(-4); // clockwise, 2 × 2
  });

  it('decides outer and inner by nesting, whatever the roles say (island in a lake on an island)', () => {
    const r = assembleMultipolygon(
      [
        { refs: square(0, 0, 20, 20), role: 'outer' },
        { refs: square(2, 2, 18, 18), role: 'outer' }, // mislabelled: a lake
        { refs: square(5, 5, 10, 10), role: '' }, // the island in it
        { refs: square(40, 0, 45, 5), role: 'inner' }, // mislabelled: a separate outer
      ],
      at,
    );
    const summary = r.polygons.map((p) => p.map((ring) => ringArea(ring))).sort((a, b) => b[0]! - a[0]!);
    expect(summary).toEqual([[400, -256], [25], [25]]);
  });

  it('drops rings whose nodes are missing from the extract', () => {
    const r = assembleMultipolygon([{ refs: square(0, 0, 4, 4), role: 'outer' }], (id) =>
      id === n(4, 4) ? undefined : at(id),
    );
    expect(r.polygons).toEqual([]);
    expect(r.missingNodes).toBe(1);
  });
});
