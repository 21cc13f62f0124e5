import { describe, expect, it } from 'vitest';
import { isTiff } from './session_population';

describe('isTiff', () => {
  it('recognises TIFF and BigTIFF by their first bytes when the name does not say', () => {
    const b = (...x: number[]) => Uint8Array.from(x);
    expect(isTiff('pop.TIFF', b())).toBe(true);
    expect(isTiff('pop', b(0x49, 0x49, 0x2a, 0))).toBe(true);
    expect(isTiff('pop', b(0x4d, 0x4d, 0, 0x2a))).toBe(true);
    expect(isTiff('pop', b(0x49, 0x49, 0x2b, 0))).toBe(true);
    expect(isTiff('pop', b(0x4d, 0x4d, 0, 0x2b))).toBe(true);
    expect(isTiff('pop.csv', b(0x49, 0x49, 0x2c, 0))).toBe(false);
    expect(isTiff('pop.csv', b(0x4d, 0x4d, 0x2a, 0))).toBe(false);
    expect(isTiff('pop.csv', new TextEncoder().encode('lon,'))).toBe(false);
    expect(isTiff('pop.csv', b(0x49))).toBe(false);
  });
});
