import { describe, expect, it } from 'vitest';
import { rng } from '../walk/test_support';
import { cellsInView, metresPerPixel, scaleBar } from './picture';
import { bandClass } from './ramp';

describe('cellsInView', () => {
  it('keeps exactly the cells whose centre is in the padded view, projected, with their class', () => {
    const r = rng(7);
    const n = 500;
    const lon = Float64Array.from({ length: n }, () => 103.7 + r() * 0.2);
    const lat = Float64Array.from({ length: n }, () => 36.0 + r() * 0.1);
    const minutes = Float32Array.from({ length: n }, () => (r() < 0.1 ? Infinity : r() * 25));
    const reach = Uint8Array.from(minutes, (m) => (Number.isFinite(m) || r() < 0.5 ? 1 : 0));
    const bands = [5, 10, 15];
    const view = [103.75, 36.02, 103.85, 36.07] as const;
    const pad = 0.005;
    const ringOf = (i: number): [number, number][] => [
      [lon[i] as number, lat[i] as number],
      [(lon[i] as number) + 0.001, lat[i] as number],
      [lon[i] as number, (lat[i] as number) + 0.001],
    ];
    const project = (x: number, y: number): [number, number] => [(x - 103.75) * 1e4, (36.07 - y) * 1e4];
    const got = cellsInView({ lon, lat, minutes, reach, bands }, view, pad, ringOf, project);
    const want: { ring: [number, number][]; cls: number }[] = [];
    for (let i = 0; i < n; i++) {
      const x = lon[i] as number;
      const y = lat[i] as number;
      if (x >= view[0] - pad && x <= view[2] + pad && y >= view[1] - pad && y <= view[3] + pad)
        want.push({
          ring: ringOf(i).map(([a, b]) => project(a, b)),
          cls: bandClass(minutes[i] as number, reach[i] as number, bands),
        });
    }
    expect(want.length).toBeGreaterThan(50);
    expect(want.length).toBeLessThan(n);
    expect(got).toEqual(want);
    // Every class shows up in this sample, unreachable (4) included.
    expect(new Set(got.map((c) => c.cls))).toEqual(new Set([0, 1, 2, 3, 4]));
  });
});

describe('metresPerPixel', () => {
  it('is the 512-pixel web-mercator resolution, shrinking with latitude and zoom', () => {
    expect(metresPerPixel(0, 0)).toBeCloseTo(78_271.517, 2);
    expect(metresPerPixel(60, 0)).toBeCloseTo(78_271.517 / 2, 2);
    expect(metresPerPixel(36, 12)).toBeCloseTo((78_271.517 * Math.cos((36 * Math.PI) / 180)) / 4096, 4);
  });
});

describe('scaleBar', () => {
  it('picks the longest 1-2-5 length that fits', () => {
    expect(scaleBar(10, 120)).toEqual({ metres: 1000, px: 100, label: '1 km' });
    expect(scaleBar(10, 99)).toEqual({ metres: 500, px: 50, label: '500 m' });
    expect(scaleBar(1, 250)).toEqual({ metres: 200, px: 200, label: '200 m' });
    expect(scaleBar(40, 150)).toEqual({ metres: 5000, px: 125, label: '5 km' });
    for (const mpp of [0.3, 3.7, 19, 123]) {
      const s = scaleBar(mpp, 120);
      expect(s.px).toBeLessThanOrEqual(120);
      // The next round length up would not fit.
      const next = s.metres * (String(s.metres)[0] === '2' ? 2.5 : 2);
      expect(next / mpp).toBeGreaterThan(120);
    }
  });
});
