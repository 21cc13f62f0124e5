import { describe, expect, it } from 'vitest';
import { LANZHOU_BBOX, parseBbox } from './bbox.ts';

describe('parseBbox', () => {
  it('parses W,S,E,N', () => {
    expect(parseBbox('102.5, 35.5,104.6,37.1')).toEqual([102.5, 35.5, 104.6, 37.1]);
  });
  it('rejects swapped, out-of-range, non-numeric and short boxes', () => {
    expect(() => parseBbox('104.6,35.5,102.5,37.1')).toThrow(/swapped/);
    expect(() => parseBbox('35.5,102.5,37.1,104.6')).toThrow(/outside|swapped/);
    expect(() => parseBbox('a,b,c,d')).toThrow(/not a number/);
    expect(() => parseBbox('1,2,3')).toThrow(/four numbers/);
    expect(() => parseBbox('1,2,,3')).toThrow(/four numbers/);
  });
  it('defaults to a box around the whole of Lanzhou municipality', () => {
    // Extent of the 8 districts/counties (ECharts polygons, GCJ-02 → WGS-84): 102.600–104.576 E, 35.573–36.999 N.
    const [w, s, e, n] = LANZHOU_BBOX;
    expect(w).toBeLessThan(102.6);
    expect(s).toBeLessThan(35.573);
    expect(e).toBeGreaterThan(104.576);
    expect(n).toBeGreaterThan(36.999);
  });
});
