import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  normaliseTimestamp,
  type OsmEntity,
  type OsmEntityType,
  type OsmStreamInfo,
  osmFormatOf,
  streamOsm,
} from './osm_stream.ts';
import { encodePbf, rawOsmOf } from './test_pbf.ts';

const fixture = (name: string) =>
  fileURLToPath(new URL(`../../../test/fixtures/osm/${name}`, import.meta.url));

async function all(
  path: string,
  types: OsmEntityType[],
  info: OsmStreamInfo = {},
  elementTimestamps = false,
) {
  const out: OsmEntity[] = [];
  for await (const batch of streamOsm(path, { types, elementTimestamps }, info)) out.push(...batch);
  return out;
}

describe('streamOsm', () => {
  let dir = '';
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'osm-stream-'));
  });
  afterAll(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it('reads nodes, ways and relations with tags, members and roles from XML', async () => {
    const es = await all(fixture('riverside_extras.osm'), ['node', 'way', 'relation']);
    const rel = es.find((e) => e.type === 'relation' && e.id === 3001);
    expect(rel).toMatchObject({
      type: 'relation',
      tags: { type: 'multipolygon', natural: 'water', water: 'river' },
    });
    expect(rel?.type === 'relation' && rel.members.map((m) => m.role)).toEqual([
      'outer',
      'outer',
      'outer',
      'inner',
    ]);
    const park = es.find((e) => e.type === 'way' && e.tags.name === '测试滨河公园');
    expect(park?.type === 'way' && park.refs.length).toBe(5);
    const viewpoint = es.find((e) => e.type === 'node' && e.tags.tourism === 'viewpoint');
    expect(viewpoint).toMatchObject({ lon: 103.811679, lat: 36.0508544 });
    expect(es.filter((e) => e.type === 'node')).toHaveLength(62);
    expect(es.filter((e) => e.type === 'way')).toHaveLength(14);
  });

  it('passes only the types asked for', async () => {
    const es = await all(fixture('riverside_extras.osm'), ['relation']);
    expect(es.map((e) => e.id)).toEqual([3001, 3002]);
  });

  it('gives the same entities from a PBF encoding as from the XML', async () => {
    const raw = await rawOsmOf(fixture('riverside_extras.osm'));
    const file = join(dir, 'extras.osm.pbf');
    await writeFile(file, encodePbf({ ...raw, replicationTimestamp: 1_716_200_000 }));
    const types: OsmEntityType[] = ['node', 'way', 'relation'];
    const info: OsmStreamInfo = {};
    const fromPbf = await all(file, types, info);
    const fromXml = await all(fixture('riverside_extras.osm'), types);
    const key = (e: OsmEntity) => `${e.type}/${e.id}`;
    expect(fromPbf.map(key).sort()).toEqual(fromXml.map(key).sort());
    for (const e of fromXml) expect(fromPbf.find((p) => key(p) === key(e))).toEqual(e);
    expect(info.header).toBe('2024-05-20T10:13:20Z');
  });

  it('reads the extract date from an Overpass <meta> or an osmium <osm timestamp>, and element timestamps', async () => {
    const overpass = join(dir, 'overpass.osm');
    await writeFile(
      overpass,
      '<?xml version="1.0"?><osm version="0.6"><meta osm_base="2024-06-01T12:00:02Z"/>' +
        '<node id="1" lat="36" lon="103" timestamp="2023-01-01T00:00:00Z"/>' +
        '<node id="2" lat="36" lon="103" timestamp="2024-02-03T04:05:06Z"><tag k="a" v="b"/></node></osm>',
    );
    const info: OsmStreamInfo = {};
    const es = await all(overpass, ['node'], info, true);
    expect(es).toHaveLength(2);
    expect(info).toEqual({ header: '2024-06-01T12:00:02Z', newestElement: '2024-02-03T04:05:06Z' });
    const osmium = join(dir, 'osmium.osm.gz');
    await writeFile(
      osmium,
      gzipSync('<osm version="0.6" timestamp="2024-07-01T00:00:00Z"><node id="1" lat="1" lon="2"/></osm>'),
    );
    const info2: OsmStreamInfo = {};
    expect(await all(osmium, ['node'], info2)).toEqual([{ type: 'node', id: 1, lon: 2, lat: 1, tags: {} }]);
    expect(info2.header).toBe('2024-07-01T00:00:00Z');
  });

  it('skips nodes with impossible positions', async () => {
    const bad = join(dir, 'bad.osm');
    await writeFile(
      bad,
      '<osm><node id="1" lat="91" lon="0"/><node id="2" lat="x" lon="0"/><node id="3" lat="1" lon="1"/></osm>',
    );
    expect((await all(bad, ['node'])).map((e) => e.id)).toEqual([3]);
  });

  it('tells formats by file name and normalises timestamps', () => {
    expect(osmFormatOf('gansu-latest.osm.pbf')).toBe('pbf');
    expect(osmFormatOf('x.osm.gz')).toBe('xml');
    expect(() => osmFormatOf('x.geojson')).toThrow(/cannot tell/);
    expect(normaliseTimestamp(1_716_200_000_000)).toBe('2024-05-20T10:13:20Z');
    expect(normaliseTimestamp('nonsense')).toBeUndefined();
    expect(normaliseTimestamp(0)).toBeUndefined();
  });
});
