import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { MapFeatureCollection } from '../../../src/lib/feature.ts';
import { osmAssetUrls, parseOsmManifest } from '../../../src/lib/osm_manifest.ts';
import { createWalkEngine } from '../../../src/lib/walk/engine.ts';
import { deserializeWalkGraph } from '../../../src/lib/walk/graph_binary.ts';
import { buildE2eOsm, E2E_BRIDGE_WALK } from './e2e_fixture.ts';

describe('the e2e OSM data', () => {
  let dir = '';
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'osm-e2e-'));
    await buildE2eOsm(join(dir, 'data', 'osm'));
  });
  afterAll(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it('loads the way the app does and walks across the footbridge', async () => {
    const manifestUrl = new URL('data/osm/manifest.json', `file://${dir}/`).href;
    const parsed = parseOsmManifest(JSON.parse(await readFile(new URL(manifestUrl), 'utf8')));
    if (!('manifest' in parsed)) throw new Error(parsed.error);
    const urls = osmAssetUrls(parsed.manifest, manifestUrl);
    const graph = deserializeWalkGraph(await readFile(new URL(urls.graph)));
    const route = createWalkEngine(graph).travel(E2E_BRIDGE_WALK.from, E2E_BRIDGE_WALK.to)!;
    expect(route.method).toBe('network');
    expect(route.metres).toBeGreaterThan(E2E_BRIDGE_WALK.networkMetres - 30);
    expect(route.metres).toBeLessThan(E2E_BRIDGE_WALK.networkMetres + 30);
    expect(route.parts.filter((p) => p.kind === 'bridge').map((p) => p.name)).toEqual([
      E2E_BRIDGE_WALK.bridgeName,
    ]);
    const candidates = JSON.parse(await readFile(new URL(urls.candidates), 'utf8')) as MapFeatureCollection;
    expect(candidates.features.length).toBe(10);
    expect((await readFile(new URL(urls.basemap))).subarray(0, 7).toString('latin1')).toBe('PMTiles');
  });
});
