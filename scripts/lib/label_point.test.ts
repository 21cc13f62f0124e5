// Tests of label anchors: inside the shape, away from the outline, close to a brute-force optimum.

import { booleanPointInPolygon } from '@turf/boolean-point-in-polygon';
import { point } from '@turf/helpers';
import type { MultiPolygon, Polygon, Position } from 'geojson';
import { describe, expect, it } from 'vitest';
import { labelPoint } from './label_point';

// Synthetic shapes at city scale (≈ 10 km), not real places.
const square: Polygon = {
  type: 'Polygon',
  coordinates: [
    [
      [103, 36],
      [103.1, 36],
      [103.1, 36.1],
      [103, 36.1],
      [103, 36],
    ],
  ],
};
/** A "U": its area centroid falls in the empty notch, outside the shape. */
const uShape: Polygon = {
  type: 'Polygon',
  coordinates: [
    [
      [103, 36],
      [103.1, 36],
      [103.1, 36.1],
      [103.08, 36.1],
      [103.08, 36.02],
      [103.02, 36.02],
      [103.02, 36.1],
      [103, 36.1],
      [103, 36],
    ],
  ],
};
/** A square with a big hole in the middle. */
const frame: Polygon = {
  type: 'Polygon',
  coordinates: [
    square.coordinates[0]!,
    [
      [103.02, 36.02],
      [103.02, 36.08],
      [103.08, 36.08],
      [103.08, 36.02],
      [103.02, 36.02],
    ],
  ],
};

const M_PER_DEG = 111_320;

/** Distance in metres from p to the nearest edge of any ring (equirectangular, fine at this scale). */
function edgeDistanceM(p: [number, number], rings: Position[][]): number {
  const kx = Math.cos((p[1] * Math.PI) / 180);
  let best = Number.POSITIVE_INFINITY;
  for (const ring of rings) {
    for (let i = 1; i < ring.length; i++) {
      const ax = ring[i - 1]![0]! * kx;
      const ay = ring[i - 1]![1]!;
      const bx = ring[i]![0]! * kx;
      const by = ring[i]![1]!;
      const px = p[0] * kx;
      const py = p[1];
      const dx = bx - ax;
      const dy = by - ay;
      const t = Math.max(0, Math.min(1, ((px - ax) * dx + (py - ay) * dy) / (dx * dx + dy * dy || 1)));
      best = Math.min(best, Math.hypot(px - (ax + t * dx), py - (ay + t * dy)) * M_PER_DEG);
    }
  }
  return best;
}

/** Brute force over a fine grid: the best edge distance any interior grid point reaches. */
function bruteForceBest(poly: Polygon, steps = 200): number {
  const ring = poly.coordinates[0]!;
  const xs = ring.map((p) => p[0]!);
  const ys = ring.map((p) => p[1]!);
  const [x0, x1, y0, y1] = [Math.min(...xs), Math.max(...xs), Math.min(...ys), Math.max(...ys)];
  let best = 0;
  for (let i = 0; i <= steps; i++) {
    for (let j = 0; j <= steps; j++) {
      const p: [number, number] = [x0 + ((x1 - x0) * i) / steps, y0 + ((y1 - y0) * j) / steps];
      if (booleanPointInPolygon(point(p), poly)) best = Math.max(best, edgeDistanceM(p, poly.coordinates));
    }
  }
  return best;
}

describe('labelPoint', () => {
  it('puts a square’s label at its centre', () => {
    const [lon, lat] = labelPoint(square);
    expect(lon).toBeCloseTo(103.05, 3);
    expect(lat).toBeCloseTo(36.05, 3);
  });

  for (const [name, poly] of [
    ['U shape', uShape],
    ['frame with a hole', frame],
  ] as const) {
    it(`stays inside a ${name} and matches a brute-force search within 2× the precision`, () => {
      const p = labelPoint(poly, 10);
      expect(booleanPointInPolygon(point(p), poly)).toBe(true);
      const got = edgeDistanceM(p, poly.coordinates);
      const brute = bruteForceBest(poly);
      expect(got).toBeGreaterThan(brute - 20);
    });
  }

  it('the U’s centroid really is outside (the reason for this module)', () => {
    const ring = uShape.coordinates[0]!;
    let a = 0;
    let cx = 0;
    let cy = 0;
    for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) {
      const f = ring[i]![0]! * ring[j]![1]! - ring[j]![0]! * ring[i]![1]!;
      cx += (ring[i]![0]! + ring[j]![0]!) * f;
      cy += (ring[i]![1]! + ring[j]![1]!) * f;
      a += 3 * f;
    }
    expect(booleanPointInPolygon(point([cx / a, cy / a]), uShape)).toBe(false);
  });

  it('labels the largest part of a MultiPolygon', () => {
    const small: Position[][] = [
      [
        [104, 36],
        [104.01, 36],
        [104.01, 36.01],
        [104, 36.01],
        [104, 36],
      ],
    ];
    const multi: MultiPolygon = { type: 'MultiPolygon', coordinates: [small, square.coordinates] };
    const p = labelPoint(multi);
    expect(booleanPointInPolygon(point(p), square)).toBe(true);
  });

  it('handles degenerate input without looping', () => {
    const flat: Polygon = {
      type: 'Polygon',
      coordinates: [
        [
          [103, 36],
          [103.1, 36],
          [103, 36],
        ],
      ],
    };
    expect(labelPoint(flat)).toEqual([103, 36]);
    expect(() => labelPoint({ type: 'Polygon', coordinates: [] })).toThrow(/empty/);
  });
});
