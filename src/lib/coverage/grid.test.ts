import { readFileSync } from 'node:fs';
import { area } from '@turf/area';
import { booleanPointInPolygon } from '@turf/boolean-point-in-polygon';
import { areNeighborCells, getHexagonAreaAvg, gridDisk, polygonToCells } from 'h3-js';
import { describe, expect, it } from 'vitest';
import {
  buildGrid,
  cellAt,
  cellRing,
  DEFAULT_GRID,
  districtShapes,
  estimateCellCount,
  formatGridSpec,
  GRID_CHOICES,
  gridNeighbours,
  parseGridSpec,
} from './grid';
import { H3_AVG_AREA_KM2, squareRingAt } from './grid_spec';

const fc = JSON.parse(
  readFileSync(new URL('../fixtures/coverage/districts_small.geojson', import.meta.url), 'utf8'),
) as { features: { properties: { district: string }; geometry: { type: string; coordinates: never } }[] };
const shapes = districtShapes(fc);

describe('grid specs', () => {
  it('formats and parses every offered grid, rejecting junk', () => {
    for (const g of GRID_CHOICES) expect(parseGridSpec(formatGridSpec(g))).toEqual(g);
    expect(formatGridSpec(DEFAULT_GRID)).toBe('h9');
    for (const bad of ['h', 'h99', 'h4', 's10', 's99999', 'x9', '', null, 'h9;'])
      expect(parseGridSpec(bad)).toBeNull();
  });

  it('estimates cell counts from average cell areas', () => {
    expect(estimateCellCount({ kind: 'square', sizeM: 500 }, 100)).toBe(400);
    // Lanzhou's ≈13,100 km² at H3 res 9 is ≈124k cells.
    expect(estimateCellCount({ kind: 'h3', resolution: 9 }, 13_100)).toBeGreaterThan(120_000);
    for (const [res, km2] of Object.entries(H3_AVG_AREA_KM2))
      expect(Math.abs(km2 - getHexagonAreaAvg(Number(res), 'km2')) / km2).toBeLessThan(1e-4);
  });
});

describe('buildGrid (H3)', () => {
  const grid = buildGrid(shapes, ['620102', '620103'], { kind: 'h3', resolution: 10 });

  it('holds exactly the cells h3 puts in each district (centre containment), each once', () => {
    expect(new Set(grid.ids).size).toBe(grid.count);
    for (const [k, f] of fc.features.entries()) {
      const polys =
        f.geometry.type === 'Polygon' ? [f.geometry.coordinates] : (f.geometry.coordinates as never[]);
      const want = new Set(polys.flatMap((p) => polygonToCells(p, 10, true)));
      const got = new Set(grid.ids.filter((_, i) => grid.district[i] === k));
      expect(got).toEqual(want);
    }
  });

  it('gives centres inside their district and areas that add up to the districts', () => {
    for (let i = 0; i < grid.count; i++) {
      const f = fc.features[grid.district[i] as number]!;
      expect(booleanPointInPolygon([grid.lon[i]!, grid.lat[i]!], f.geometry as never)).toBe(true);
    }
    const total = grid.areaM2.reduce((a, b) => a + b, 0);
    const want = fc.features.reduce((a, f) => a + area(f as never), 0);
    expect(Math.abs(total - want) / want).toBeLessThan(0.06);
  });

  it('finds cells by point and lists true neighbours only', () => {
    for (let i = 0; i < grid.count; i += 7) expect(cellAt(grid, grid.lon[i]!, grid.lat[i]!)).toBe(i);
    expect(cellAt(grid, 100, 30)).toBe(-1);
    expect(cellAt(grid, Number.NaN, 30)).toBe(-1);
    const nb = gridNeighbours(grid);
    for (let c = 0; c < grid.count; c++) {
      const list = [...nb.adj.subarray(nb.offsets[c]!, nb.offsets[c + 1]!)];
      expect(list.length).toBeLessThanOrEqual(6);
      for (const d of list) {
        expect(areNeighborCells(grid.ids[c]!, grid.ids[d]!)).toBe(true);
        expect([...nb.adj.subarray(nb.offsets[d]!, nb.offsets[d + 1]!)]).toContain(c);
      }
      // …and every true neighbour the grid holds is listed.
      const inGrid = gridDisk(grid.ids[c]!, 1).filter((id) => id !== grid.ids[c] && grid.ids.includes(id));
      expect(list.length).toBe(inGrid.length);
    }
    const ring = cellRing(grid, 0);
    expect(ring[0]).toEqual(ring[ring.length - 1]);
    expect(ring.length).toBe(7);
  });

  it('finds exactly the h3 neighbours on a real district at several resolutions', () => {
    const real = JSON.parse(readFileSync('data/boundaries/lanzhou_districts.geojson', 'utf8'));
    const anning = districtShapes(real);
    for (const resolution of [7, 8, 9]) {
      const g = buildGrid(anning, ['620105'], { kind: 'h3', resolution });
      const index = new Map(g.ids.map((id, i) => [id, i]));
      const nb = gridNeighbours(g);
      for (let c = 0; c < g.count; c++) {
        const want = gridDisk(g.ids[c]!, 1)
          .filter((id) => id !== g.ids[c] && index.has(id))
          .map((id) => index.get(id)!)
          .sort((a, b) => a - b);
        expect([...nb.adj.subarray(nb.offsets[c]!, nb.offsets[c + 1]!)].sort((a, b) => a - b)).toEqual(want);
      }
    }
  });

  it('skips unknown districts and keeps the given order', () => {
    const g = buildGrid(shapes, ['999999', '620103'], { kind: 'h3', resolution: 9 });
    expect(g.adcodes).toEqual(['620103']);
    expect(g.key).toBe('h9|620103');
    expect([...new Set(g.district)]).toEqual([0]);
  });
});

describe('buildGrid (squares)', () => {
  const grid = buildGrid(shapes, ['620102', '620103'], { kind: 'square', sizeM: 100 });

  it('covers the districts with squares whose centres lie inside, areas adding up', () => {
    expect(new Set(grid.ids).size).toBe(grid.count);
    for (let i = 0; i < grid.count; i++) {
      const f = fc.features[grid.district[i] as number]!;
      expect(booleanPointInPolygon([grid.lon[i]!, grid.lat[i]!], f.geometry as never)).toBe(true);
      expect(cellAt(grid, grid.lon[i]!, grid.lat[i]!)).toBe(i);
    }
    const total = grid.areaM2.reduce((a, b) => a + b, 0);
    const want = fc.features.reduce((a, f) => a + area(f as never), 0);
    expect(Math.abs(total - want) / want).toBeLessThan(0.06);
  });

  it('has four-neighbour adjacency and closed square outlines', () => {
    const nb = gridNeighbours(grid);
    let four = 0;
    for (let c = 0; c < grid.count; c++) {
      const n = nb.offsets[c + 1]! - nb.offsets[c]!;
      expect(n).toBeLessThanOrEqual(4);
      if (n === 4) four++;
    }
    expect(four).toBeGreaterThan(grid.count / 2);
    const index = new Map(grid.ids.map((id, i) => [id, i]));
    for (let c = 0; c < grid.count; c++) {
      const [p, i, j] = grid.ids[c]!.split(':');
      const want = [
        [+i! + 1, +j!],
        [+i! - 1, +j!],
        [+i!, +j! + 1],
        [+i!, +j! - 1],
      ]
        .map(([a, b]) => index.get(`${p}:${a}:${b}`))
        .filter((k): k is number => k !== undefined)
        .sort((a, b) => a - b);
      expect([...nb.adj.subarray(nb.offsets[c]!, nb.offsets[c + 1]!)].sort((a, b) => a - b)).toEqual(want);
    }
    const ring = cellRing(grid, 3);
    expect(ring).toHaveLength(5);
    expect(squareRingAt(grid.lon[3]!, grid.lat[3]!, 100)).toEqual(ring);
    const [w, s] = ring[0]!;
    const [e, n] = ring[2]!;
    expect(grid.lon[3]).toBeCloseTo((w + e) / 2, 9);
    expect(grid.lat[3]).toBeCloseTo((s + n) / 2, 9);
  });
});
