import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildWalkGraph } from '../../../src/lib/walk/graph.ts';
import { serializeWalkGraph } from '../../../src/lib/walk/graph_binary.ts';
import { readOsmPbf } from './read_osm_pbf.ts';
import { readOsmXml } from './read_osm_xml.ts';
import { encodePbf, rawOsmOf } from './test_pbf.ts';

const fixturePath = (name: string) =>
  fileURLToPath(new URL(`../../../test/fixtures/osm/${name}`, import.meta.url));

describe('readOsmPbf', () => {
  let dir = '';
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'walk-pbf-'));
  });
  afterAll(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  for (const name of ['river_bridge.osm', 'hill.osm', 'plaza.osm']) {
    it(`reads a PBF encoding of ${name} into the same graph as the XML reader`, async () => {
      const raw = await rawOsmOf(fixturePath(name));
      expect(raw.nodes.length).toBeGreaterThan(5);
      expect(raw.ways.length).toBeGreaterThan(1);
      const file = join(dir, `${name}.pbf`);
      await writeFile(file, encodePbf(raw));
      const fromPbf = await readOsmPbf(file);
      const fromXml = await readOsmXml(
        fileURLToPath(new URL(`../../../test/fixtures/osm/${name}`, import.meta.url)),
      );
      expect(fromPbf.stats).toEqual(fromXml.stats);
      const a = serializeWalkGraph(buildWalkGraph(fromPbf.extract).graph);
      const b = serializeWalkGraph(buildWalkGraph(fromXml.extract).graph);
      expect(a.length).toBeGreaterThan(100);
      expect(Buffer.from(a).equals(Buffer.from(b))).toBe(true);
    });
  }

  it('clips to a bbox like the XML reader', async () => {
    const file = join(dir, 'clip.osm.pbf');
    await writeFile(file, encodePbf(await rawOsmOf(fixturePath('river_bridge.osm'))));
    const bbox = [103.7, 36.0, 103.808, 36.1] as const;
    const { extract } = await readOsmPbf(file, { bbox });
    const { graph } = buildWalkGraph(extract, { contract: false });
    expect(graph.nodeCount).toBe(12);
    for (let i = 0; i < graph.nodeCount; i++) expect(graph.lon[i]!).toBeLessThanOrEqual(103.808);
  });

  it('rejects a file that is not PBF', async () => {
    const file = join(dir, 'bad.osm.pbf');
    await writeFile(file, new TextEncoder().encode('definitely not protobuf'));
    await expect(readOsmPbf(file)).rejects.toThrow();
  });
});
