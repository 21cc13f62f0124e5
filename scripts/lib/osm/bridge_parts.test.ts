import { describe, expect, it } from 'vitest';
import { BRIDGE_JOIN_M, joinedGeometry, splitBridgeParts } from './bridge_parts.ts';
import type { OsmElement } from './osm_elements.ts';

/** A way along x = [x0, x1] metres east of (103.80, 36.05) (invented). */
const way = (id: number, x0: number, x1: number): OsmElement => ({
  type: 'way',
  id,
  tags: { bridge: 'yes', highway: 'path', name: 'b' },
  geometry: {
    type: 'LineString',
    coordinates: [
      [103.8 + x0 / 89_904.7, 36.05],
      [103.8 + x1 / 89_904.7, 36.05],
    ],
  },
});

describe('splitBridgeParts', () => {
  it('links parts whose nearest vertices are within the join distance, transitively', () => {
    const ids = (g: OsmElement[][]) => g.map((x) => x.map((e) => e.id));
    expect(ids(splitBridgeParts([way(1, 0, 10), way(2, 10 + BRIDGE_JOIN_M - 1, 200)]))).toEqual([[1, 2]]);
    expect(ids(splitBridgeParts([way(1, 0, 10), way(2, 10 + BRIDGE_JOIN_M + 1, 200)]))).toEqual([[1], [2]]);
    expect(
      ids(splitBridgeParts([way(3, 300, 350), way(1, 0, 10), way(2, 100, 250), way(4, 900, 950)])),
    ).toEqual([[1, 2, 3], [4]]);
  });
});

describe('joinedGeometry', () => {
  it('keeps one part as it is, joins lines, and prefers areas when a part has one', () => {
    const a = way(1, 0, 10);
    expect(joinedGeometry([a])).toBe(a.geometry);
    expect(joinedGeometry([a, way(2, 10, 20)]).type).toBe('MultiLineString');
    const area: OsmElement = {
      type: 'way',
      id: 3,
      tags: { man_made: 'bridge', name: 'b' },
      geometry: {
        type: 'Polygon',
        coordinates: [
          [
            [103.8, 36.05],
            [103.801, 36.05],
            [103.801, 36.0501],
            [103.8, 36.05],
          ],
        ],
      },
    };
    expect(joinedGeometry([a, area])).toEqual({
      type: 'MultiPolygon',
      coordinates: [area.geometry.coordinates],
    });
  });
});
