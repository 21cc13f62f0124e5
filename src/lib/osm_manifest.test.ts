import { describe, expect, it } from 'vitest';
import {
  inOsmBbox,
  OSM_MANIFEST_PATH,
  type OsmManifest,
  osmAssetUrls,
  parseOsmManifest,
} from './osm_manifest.ts';

const manifest: OsmManifest = {
  version: 1,
  generator: 'scripts/import_osm.ts',
  built_at: '2025-01-02T03:04:05.000Z',
  bbox: [102.5, 35.5, 104.65, 37.1],
  source: {
    title: 'OpenStreetMap contributors',
    attribution: '© OpenStreetMap contributors',
    licence: 'ODbL-1.0',
    licence_url: 'https://www.openstreetmap.org/copyright',
    files: ['gansu-latest.osm.pbf'],
    extract_timestamp: null,
    extract_date: null,
    extract_date_from: 'none',
  },
  counts: { graph_nodes: 1, graph_edges: 0, basemap: {}, candidates: {}, skipped: {} },
  files: {
    graph: { path: 'walk_graph.bin', bytes: 10 },
    basemap: { path: 'basemap.pmtiles', bytes: 10 },
    candidates: { path: 'candidates.geojson', bytes: 10 },
  },
};

describe('parseOsmManifest', () => {
  it('accepts what the importer writes', () => {
    expect(parseOsmManifest(structuredClone(manifest))).toEqual({ manifest });
  });

  it.each([
    ['not an object', null, /not an object/],
    ['another version', { ...manifest, version: 2 }, /version 2/],
    ['a swapped bbox', { ...manifest, bbox: [104.65, 35.5, 102.5, 37.1] }, /bbox/],
    [
      'a path elsewhere',
      { ...manifest, files: { ...manifest.files, graph: { path: '../secret.bin', bytes: 1 } } },
      /files\.graph/,
    ],
    [
      'a URL',
      {
        ...manifest,
        files: { ...manifest.files, basemap: { path: 'https://evil.test/x.pmtiles', bytes: 1 } },
      },
      /files\.basemap/,
    ],
    [
      'an empty file',
      { ...manifest, files: { ...manifest.files, candidates: { path: 'candidates.geojson', bytes: 0 } } },
      /empty/,
    ],
    [
      'no attribution',
      { ...manifest, source: { ...manifest.source, attribution: undefined } },
      /attribution/,
    ],
    [
      'a river file elsewhere',
      { ...manifest, files: { ...manifest.files, river: { path: '../river.geojson', bytes: 9 } } },
      /files\.river/,
    ],
    [
      'an empty river file',
      { ...manifest, files: { ...manifest.files, river: { path: 'river.geojson', bytes: 0 } } },
      /files\.river is empty/,
    ],
  ])('refuses %s', (_what, value, message) => {
    const r = parseOsmManifest(value);
    expect('error' in r && r.error).toMatch(message);
  });
});

describe('osmAssetUrls', () => {
  it('resolves the files beside the manifest', () => {
    const at = new URL(OSM_MANIFEST_PATH, 'https://example.test/app/').href;
    expect(osmAssetUrls(manifest, at)).toEqual({
      graph: 'https://example.test/app/data/osm/walk_graph.bin',
      basemap: 'https://example.test/app/data/osm/basemap.pmtiles',
      candidates: 'https://example.test/app/data/osm/candidates.geojson',
      river: null,
    });
    const withRiver = {
      ...manifest,
      files: { ...manifest.files, river: { path: 'river.geojson', bytes: 9 } },
    };
    expect(osmAssetUrls(withRiver, at).river).toBe('https://example.test/app/data/osm/river.geojson');
  });

  it('tells whether a point is in the imported area', () => {
    expect(inOsmBbox(manifest, 103.82, 36.06)).toBe(true);
    expect(inOsmBbox(manifest, 116.4, 39.9)).toBe(false);
  });
});
