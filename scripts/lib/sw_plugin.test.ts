// The precache list and version written into sw.js.

import { describe, expect, it } from 'vitest';
import { precacheManifest } from './sw_plugin';

const files = () =>
  new Map<string, string | Uint8Array>([
    ['index.html', '<!doctype html>'],
    ['assets/index-abc.js', 'console.log(1)'],
    ['assets/index-abc.js.map', '{}'],
    ['data/features.geojson', new Uint8Array([1, 2, 3])],
    ['data/basemap-lanzhou.pmtiles', new Uint8Array(10)],
  ]);
const exclude = [/\.map$/, /^data\/basemap-lanzhou\./];

describe('precacheManifest', () => {
  it('lists every file but the excluded ones, sorted', () => {
    expect(precacheManifest(files(), exclude).files).toEqual([
      'assets/index-abc.js',
      'data/features.geojson',
      'index.html',
    ]);
  });
  it('keeps its version for the same build and changes it when any listed byte changes', () => {
    const a = precacheManifest(files(), exclude).version;
    expect(precacheManifest(files(), exclude).version).toBe(a);
    const data = files().set('data/features.geojson', new Uint8Array([1, 2, 4]));
    expect(precacheManifest(data, exclude).version).not.toBe(a);
    // Excluded files do not make a new version (the extract is kept on request, not precached).
    const big = files().set('data/basemap-lanzhou.pmtiles', new Uint8Array(11));
    expect(precacheManifest(big, exclude).version).toBe(a);
  });
});
