// Tile ranges of a box: counts agree with the listed URLs and with the tile ids.

import { describe, expect, it } from 'vitest';
import { tileCountInBox, tileIdsInBox, tileRange, tileUrlsInBox } from './tile_range';

const box: [number, number, number, number] = [103.7, 36.0, 103.9, 36.1];

describe('tile ranges', () => {
  it('puts Zhongshan Bridge (103.82, 36.07) in the tile its box range names', () => {
    // z12: x = floor((103.82 + 180) / 360 · 4096) = 3229; y = floor((1 − ln(tan φ + sec φ)/π)/2 · 4096) = floor(1607.5) = 1607.
    expect(tileRange([103.82, 36.07, 103.82, 36.07], 12)).toEqual({ x0: 3229, x1: 3229, y0: 1607, y1: 1607 });
  });
  it('lists as many URLs as it counts, per template, with z/x/y filled in', () => {
    const urls = tileUrlsInBox(['https://a/{z}/{x}/{y}.pbf', 'https://b/{z}/{x}/{y}.png'], box, 10, 14);
    expect(urls.length).toBe(2 * tileCountInBox(box, 10, 14));
    expect(tileCountInBox(box, 10, 14)).toBe(tileIdsInBox(box, 10, 14).length);
    expect(urls).toContain('https://a/12/3229/1607.pbf');
    expect(urls.every((u) => !u.includes('{'))).toBe(true);
  });
});
