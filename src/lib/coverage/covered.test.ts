import { describe, expect, it } from 'vitest';
import { computeLayer } from './compute';
import { anyCoveredIn, coveredCells } from './covered';
import { randomPoints, world } from './test_support';

const { ctx, grid } = world({ seed: 11, horizonMin: 6, network: false, spec: { kind: 'square', sizeM: 60 } });
const layer = computeLayer(ctx, randomPoints(2, 12));

describe('coveredCells', () => {
  it('counts, bounds and shares the cells within the band like a plain scan', () => {
    const band = 3;
    const inside = [...grid.ids.keys()].filter((i) => layer.minutes[i]! <= band);
    expect(inside.length).toBeGreaterThan(5);
    expect(inside.length).toBeLessThan(grid.count);
    const c = coveredCells(grid, layer.minutes, band)!;
    expect(c.cells).toBe(inside.length);
    expect(c.bbox).toEqual([
      Math.min(...inside.map((i) => grid.lon[i]!)),
      Math.min(...inside.map((i) => grid.lat[i]!)),
      Math.max(...inside.map((i) => grid.lon[i]!)),
      Math.max(...inside.map((i) => grid.lat[i]!)),
    ]);
    const total = inside.reduce((a, i) => a + grid.areaM2[i]!, 0);
    for (const d of c.districts) {
      const own = inside.filter((i) => grid.adcodes[grid.district[i]!] === d.adcode);
      expect(d.share).toBeCloseTo(own.reduce((a, i) => a + grid.areaM2[i]!, 0) / total, 9);
    }
    expect(c.districts.reduce((a, d) => a + d.share, 0)).toBeCloseTo(1, 9);
  });

  it('is null when nothing is within the band', () => {
    expect(coveredCells(grid, new Float32Array(grid.count).fill(Infinity), 15)).toBeNull();
  });
});

describe('anyCoveredIn', () => {
  it('finds a covered cell in a view around it, and none in a view beside the covered ones', () => {
    const band = 3;
    const c = coveredCells(grid, layer.minutes, band)!;
    const [w, s, e, n] = c.bbox;
    expect(anyCoveredIn(grid, layer.minutes, band, c.bbox)).toBe(true);
    expect(anyCoveredIn(grid, layer.minutes, band, [e + 1e-6, s, e + 1, n])).toBe(false);
    expect(anyCoveredIn(grid, layer.minutes, band, [w - 1, n + 1e-6, e + 1, n + 1])).toBe(false);
  });
});
