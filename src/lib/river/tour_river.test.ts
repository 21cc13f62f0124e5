import { describe, expect, it } from 'vitest';
import type { LonLat } from './river_frame';
import { tourRiver } from './tour_river';

const line = (x: number): LonLat[] => [
  [x, 36],
  [x + 0.01, 36],
];
const imported = {
  ways: new Map([
    [1, [line(103.7)]],
    [2, [line(103.71), line(103.8)]],
  ]),
  named: true,
};

describe('tourRiver', () => {
  it('follows the import when nothing live is loaded', () => {
    expect(tourRiver({ lines: [], named: false }, imported)).toEqual({
      lines: [line(103.7), line(103.71), line(103.8)],
      named: true,
      from: 'import',
    });
  });

  it('follows the live lines when there are any, whole (no mix of two OSM dates)', () => {
    expect(tourRiver({ lines: [line(103.9)], named: false }, imported)).toEqual({
      lines: [line(103.9)],
      named: false,
      from: 'live',
    });
  });

  it('has no river without either', () => {
    expect(tourRiver({ lines: [], named: true }, null).from).toBe('none');
    expect(tourRiver({ lines: [], named: true }, { ways: new Map(), named: true }).lines).toEqual([]);
  });
});
