// The basemap extract manifest: what the app accepts, and attribution as plain text.

import { describe, expect, it } from 'vitest';
import { dayOf, extractAttribution, parseBasemapExtractManifest, plainAttribution } from './basemap_extract';

const good = {
  version: 1,
  file: 'basemap-lanzhou.pmtiles',
  bytes: 123_456,
  tiles: 900,
  bbox: [102.5, 35.5, 104.6, 37.1],
  min_zoom: 0,
  max_zoom: 15,
  source: 'https://build.protomaps.com/20261201.pmtiles',
  build_date: '2026-12-01',
  osm_date: '2026-11-30',
  schema_version: '4.13.0',
  attribution: ['© OpenStreetMap contributors (2026-11-30)', 'Protomaps'],
  extracted_at: '2026-12-02T10:00:00.000Z',
};

describe('parseBasemapExtractManifest', () => {
  it('accepts the manifest the extractor writes', () => {
    expect(parseBasemapExtractManifest(good)).toEqual({ manifest: good });
  });
  it.each([
    ['a path outside the folder', { file: '../x.pmtiles' }, /plain .pmtiles/],
    ['a URL', { file: 'https://evil.example/x.pmtiles' }, /plain .pmtiles/],
    ['another version', { version: 2 }, /version/],
    ['a swapped box', { bbox: [104.6, 35.5, 102.5, 37.1] }, /bbox/],
    ['no attribution', { attribution: [] }, /attribution/],
    ['a bad date', { osm_date: 'yesterday' }, /osm_date/],
    ['zooms upside down', { min_zoom: 9, max_zoom: 3 }, /zooms/],
  ])('refuses %s', (_what, patch, reason) => {
    const r = parseBasemapExtractManifest({ ...good, ...patch });
    expect('error' in r && r.error).toMatch(reason);
  });
  it('refuses what is not an object', () => {
    expect(parseBasemapExtractManifest('<html>')).toEqual({ error: 'manifest is not an object' });
  });
});

describe('attribution', () => {
  it('turns the Protomaps HTML attribution into plain lines, OSM with its date first', () => {
    const html =
      '<a href="https://github.com/protomaps/basemaps">Protomaps</a> © <a href="https://openstreetmap.org">OpenStreetMap</a>';
    expect(plainAttribution(html)).toBe('Protomaps © OpenStreetMap');
    expect(extractAttribution(html, '2026-11-30')).toEqual([
      '© OpenStreetMap contributors (2026-11-30)',
      'Protomaps',
    ]);
    expect(extractAttribution(undefined, null)).toEqual(['© OpenStreetMap contributors']);
  });
  it('reads the day of planetiler timestamps', () => {
    expect(dayOf('2026-11-30T04:00:00Z')).toBe('2026-11-30');
    expect(dayOf(42)).toBeNull();
  });
});
