import { describe, expect, it } from 'vitest';
import { bandClass, RAMP } from './ramp';

describe('RAMP', () => {
  it('has one colour per class (3 bands, slower, unreachable) with matching hex and rgb', () => {
    expect(RAMP).toHaveLength(5);
    for (const c of RAMP)
      expect(c.rgb).toEqual([1, 3, 5].map((i) => Number.parseInt(c.hex.slice(i, i + 2), 16)));
    expect(new Set(RAMP.map((c) => c.hex)).size).toBe(5);
  });

  it('classes a time for any band list', () => {
    expect(bandClass(3, 1, [4])).toBe(0);
    expect(bandClass(5, 1, [4])).toBe(1);
    expect(bandClass(5, 0, [4])).toBe(2);
    expect(bandClass(Number.NaN, 1, [5, 10])).toBe(2);
  });
});

describe('bandClass', () => {
  it('classes cumulative bands, slower, and unreachable', () => {
    const bands = [5, 10, 15];
    expect(bandClass(0, 1, bands)).toBe(0);
    expect(bandClass(5, 1, bands)).toBe(0);
    expect(bandClass(5.01, 1, bands)).toBe(1);
    expect(bandClass(15, 1, bands)).toBe(2);
    expect(bandClass(Infinity, 1, bands)).toBe(3);
    expect(bandClass(Infinity, 0, bands)).toBe(4);
  });
});
