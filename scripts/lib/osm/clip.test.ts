import type { Position } from 'geojson';
import { describe, expect, it } from 'vitest';
import { clipGeometry, clipLine, clipPolygon, clipRing } from './clip.ts';
import { ringArea } from './multipolygon.ts';

const box = [0, 0, 10, 10] as const;

describe('clipLine', () => {
  it('keeps a line inside unchanged and drops one outside', () => {
    expect(
      clipLine(
        [
          [1, 1],
          [2, 2],
        ],
        box,
      ),
    ).toEqual([
      [
        [1, 1],
        [2, 2],
      ],
    ]);
    expect(
      clipLine(
        [
          [11, 1],
          [12, 2],
        ],
        box,
      ),
    ).toEqual([]);
  });

  it('cuts a line at the edges and splits one that leaves and re-enters', () => {
    const parts = clipLine(
      [
        [-5, 5],
        [5, 5],
        [5, 15],
        [8, 15],
        [8, 5],
      ],
      box,
    );
    expect(parts).toEqual([
      [
        [0, 5],
        [5, 5],
        [5, 10],
      ],
      [
        [8, 10],
        [8, 5],
      ],
    ]);
  });

  it('clips a segment that crosses the box without a vertex inside', () => {
    expect(
      clipLine(
        [
          [-5, -5],
          [15, 15],
        ],
        box,
      ),
    ).toEqual([
      [
        [0, 0],
        [10, 10],
      ],
    ]);
  });
});

describe('clipRing / clipPolygon', () => {
  it('cuts a polygon at the box edge', () => {
    const ring = clipRing(
      [
        [5, 5],
        [15, 5],
        [15, 8],
        [5, 8],
        [5, 5],
      ],
      box,
    )!;
    expect(Math.abs(ringArea(ring))).toBeCloseTo(15, 9);
    for (const [x] of ring as [number, number][]) expect(x).toBeLessThanOrEqual(10);
    expect(ring[0]).toEqual(ring[ring.length - 1]);
  });

  it('turns a polygon around the whole box into the box', () => {
    const ring = clipRing(
      [
        [-1, -1],
        [11, -1],
        [11, 11],
        [-1, 11],
        [-1, -1],
      ],
      box,
    )!;
    expect(Math.abs(ringArea(ring))).toBeCloseTo(100, 9);
  });

  it('drops outer rings and holes that miss the box, or that only touch it along an edge', () => {
    expect(
      clipRing(
        [
          [20, 20],
          [30, 20],
          [30, 30],
          [20, 20],
        ],
        box,
      ),
    ).toBeNull();
    // An L whose notch holds the box: its bounds overlap, its area does not.
    const l: Position[] = [
      [-5, -5],
      [-1, -5],
      [-1, 20],
      [20, 20],
      [20, 25],
      [-5, 25],
      [-5, -5],
    ];
    expect(clipRing(l, box)).toBeNull();
    const poly = clipPolygon(
      [
        [
          [-5, -5],
          [5, -5],
          [5, 5],
          [-5, 5],
          [-5, -5],
        ],
        [
          [-4, -4],
          [-2, -4],
          [-2, -2],
          [-4, -2],
          [-4, -4],
        ],
      ],
      box,
    )!;
    expect(poly).toHaveLength(1);
  });
});

describe('clipGeometry', () => {
  it('returns multi-part geometry when the cut splits it, null when nothing is left', () => {
    const g = clipGeometry(
      {
        type: 'MultiPolygon',
        coordinates: [
          [
            [
              [1, 1],
              [2, 1],
              [2, 2],
              [1, 1],
            ],
          ],
          [
            [
              [50, 50],
              [51, 50],
              [51, 51],
              [50, 50],
            ],
          ],
        ],
      },
      box,
    );
    expect(g?.type).toBe('Polygon');
    expect(clipGeometry({ type: 'Point', coordinates: [11, 1] }, box)).toBeNull();
    expect(clipGeometry({ type: 'Point', coordinates: [1, 1] }, box)).toEqual({
      type: 'Point',
      coordinates: [1, 1],
    });
    const split = clipGeometry(
      {
        type: 'LineString',
        coordinates: [
          [-1, 1],
          [5, 1],
          [5, 20],
          [6, 20],
          [6, 1],
        ],
      },
      box,
    );
    expect(split?.type).toBe('MultiLineString');
  });
});
