import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { deserializeWalkGraph } from '../../../src/lib/walk/graph_binary.ts';
import { LANZHOU_BBOX } from './bbox.ts';
import { osmFormatOf, parseImportArgs, runImport } from './import_osm.ts';

const fixture = (name: string) =>
  fileURLToPath(new URL(`../../../test/fixtures/osm/${name}`, import.meta.url));

describe('import_osm', () => {
  let dir = '';
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'walk-import-'));
  });
  afterAll(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it('parses arguments with defaults and rejects bad ones', () => {
    expect(parseImportArgs(['--in', 'a.osm.pbf'])).toEqual({
      input: 'a.osm.pbf',
      output: 'public/data/walk_graph.bin',
      bbox: LANZHOU_BBOX,
      keepAllComponents: false,
    });
    expect(
      parseImportArgs(['--in', 'a.osm', '--out', 'x.bin', '--bbox', '1,2,3,4', '--all-components']),
    ).toMatchObject({
      output: 'x.bin',
      bbox: [1, 2, 3, 4],
      keepAllComponents: true,
    });
    expect(() => parseImportArgs([])).toThrow(/--in is required/);
    expect(() => parseImportArgs(['--in'])).toThrow(/needs a value/);
    expect(() => parseImportArgs(['--in', 'a.osm', '--frobnicate'])).toThrow(/unknown argument/);
  });

  it('tells formats by file name', () => {
    expect(osmFormatOf('gansu-latest.osm.pbf')).toBe('pbf');
    expect(osmFormatOf('x.osm')).toBe('xml');
    expect(osmFormatOf('x.osm.gz')).toBe('xml');
    expect(() => osmFormatOf('x.geojson')).toThrow(/cannot tell/);
  });

  it('writes a graph file that loads back with provenance', async () => {
    const out = join(dir, 'sub', 'walk.bin');
    const r = await runImport({
      input: fixture('river_bridge.osm'),
      output: out,
      bbox: LANZHOU_BBOX,
      keepAllComponents: false,
    });
    expect(r.build.nodes).toBe(30);
    const g = deserializeWalkGraph(await readFile(out));
    expect(g.nodeCount).toBe(30);
    expect(g.meta.source).toBe('river_bridge.osm');
    expect(g.meta.bbox).toBe(LANZHOU_BBOX.join(','));
    expect(g.labels).toContain('Test Footbridge');
  });

  it('refuses to write an empty graph when the bbox misses the data', async () => {
    await expect(
      runImport({
        input: fixture('river_bridge.osm'),
        output: join(dir, 'e.bin'),
        bbox: [0, 0, 1, 1],
        keepAllComponents: false,
      }),
    ).rejects.toThrow(/no walkable ways/);
  });
});
