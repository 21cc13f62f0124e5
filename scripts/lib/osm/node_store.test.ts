import { describe, expect, it } from 'vitest';
import { NodeStore } from './node_store.ts';

describe('NodeStore', () => {
  it('looks up nodes added in id order', () => {
    const s = new NodeStore();
    for (let i = 1; i <= 5000; i++) s.add(i * 3, 103 + i * 1e-5, 36 + i * 1e-5);
    s.freeze();
    expect(s.size).toBe(5000);
    expect(s.get(3)).toEqual([103.00001, 36.00001]);
    expect(s.get(15000)).toEqual([103.05, 36.05]);
    expect(s.get(4)).toBeUndefined();
    expect(s.has(2999 * 3)).toBe(true);
    expect(s.has(0)).toBe(false);
  });

  it('sorts out-of-order input and keeps the first of duplicate ids', () => {
    const s = new NodeStore();
    s.add(30, 1, 1);
    s.add(10, 2, 2);
    s.add(20, 3, 3);
    s.add(10, 9, 9);
    s.freeze();
    expect(s.get(10)).toEqual([2, 2]);
    expect(s.get(20)).toEqual([3, 3]);
    expect(s.get(30)).toEqual([1, 1]);
  });

  it('keeps OSM precision (1e-7 degrees) and ids above 2^32', () => {
    const s = new NodeStore();
    s.add(12_345_678_901, -179.1234567, -89.7654321);
    s.freeze();
    const [lon, lat] = s.get(12_345_678_901)!;
    expect(lon).toBeCloseTo(-179.1234567, 9);
    expect(lat).toBeCloseTo(-89.7654321, 9);
  });

  it('refuses adds after freeze and lookups before', () => {
    const s = new NodeStore();
    s.add(1, 0, 0);
    expect(() => s.get(1)).toThrow(/freeze/);
    s.freeze();
    expect(() => s.add(2, 0, 0)).toThrow(/after freeze/);
  });
});
