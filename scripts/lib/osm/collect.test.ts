import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type CollectedOsm, collectOsm, type OsmInterest } from './collect.ts';
import { readOsmXml } from './read_osm_xml.ts';
import { encodePbf, rawOsmOf } from './test_pbf.ts';

const fixture = (name: string) =>
  fileURLToPath(new URL(`../../../test/fixtures/osm/${name}`, import.meta.url));
const WIDE = [103, 35, 105, 37] as const;
/** Fixture frame (see the .osm comments): x metres east / y metres north of (103.80, 36.05). */
const lonAt = (x: number) => 103.8 + x / 89904.7;

// A small interest of its own, so the collection is tested apart from the import's rules.
const interest: OsmInterest = {
  node: (t) => t.tourism !== undefined || t.amenity !== undefined,
  way: (t) => t.leisure !== undefined || t.natural === 'water',
  relation: (t) => t.type === 'multipolygon',
};

describe('collectOsm', () => {
  let dir = '';
  let both: CollectedOsm;
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'osm-collect-'));
    both = await collectOsm([fixture('river_bridge.osm'), fixture('riverside_extras.osm')], {
      bbox: WIDE,
      interest,
    });
  });
  afterAll(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it('keeps tagged nodes, ways of interest and the members of kept relations', () => {
    expect(both.pois.map((p) => p.id).sort()).toEqual(
      [20037, 20038, 20039, 20040, 20041, 20042, 20043, 20044, 20045, 20046, 20047, 20052, 20053].sort(),
    );
    expect(both.relations.map((r) => r.id)).toEqual([3001, 3002]);
    // Member ways are kept although their own tags are not of interest.
    for (const id of [2001, 2002, 2003, 2004, 2008, 2009, 2010]) expect(both.ways.has(id)).toBe(true);
    expect(both.ways.has(113)).toBe(true); // natural=water in river_bridge.osm
    expect(both.ways.has(101)).toBe(false); // a street: walking only
    expect(both.stats.passes).toBe(3);
  });

  it('collects the same walking extract as the walking reader', async () => {
    const alone = await readOsmXml(fixture('river_bridge.osm'), { bbox: WIDE });
    expect(both.walk.ways).toEqual(alone.extract.ways);
    expect([...both.walk.nodes.entries()].sort()).toEqual([...alone.extract.nodes.entries()].sort());
  });

  it('dates the data by the newest element edit when the files have no header date', () => {
    expect(both.timestamp).toEqual({ iso: '2024-05-20T08:30:00Z', from: 'elements' });
    expect(both.position(20037)).toEqual([103.811679, 36.0508544]);
  });

  it('fetches the outside nodes of a relation crossing the bbox edge in a fourth pass', async () => {
    const cut = [lonAt(-400), 35, 105, 37] as const;
    const c = await collectOsm([fixture('riverside_extras.osm')], { bbox: cut, interest });
    expect(c.stats.passes).toBe(4);
    expect(c.relations.map((r) => r.id)).toContain(3001);
    // Node 20001 is the riverbank's corner at x = -700: outside, but needed to close the ring.
    const corner = c.position(20001)!;
    expect(corner[0]).toBeCloseTo(lonAt(-700), 6);
    expect(corner[1]).toBeCloseTo(36.0501349, 6);
    expect(c.stats.nodesOutside).toBeGreaterThan(0);
    // The lone restaurant at x = -600 is outside and not a member of anything kept.
    expect(c.pois.some((p) => p.tags.name === '测试孤店')).toBe(false);
    expect(c.position(20053)).toBeUndefined();
  });

  it('drops elements entirely outside the bbox', async () => {
    const c = await collectOsm([fixture('riverside_extras.osm')], {
      bbox: [104, 36.2, 104.1, 36.3],
      interest,
    });
    expect(c.pois).toEqual([]);
    expect(c.ways.size).toBe(0);
    expect(c.relations).toEqual([]);
    expect(c.stats.passes).toBe(3);
  });

  it('reads PBF the same way and prefers its header date; a file given twice counts once', async () => {
    const file = join(dir, 'extras.osm.pbf');
    await writeFile(
      file,
      encodePbf({
        ...(await rawOsmOf(fixture('riverside_extras.osm'))),
        replicationTimestamp: 1_717_200_000,
      }),
    );
    const fromPbf = await collectOsm([file, file], { bbox: WIDE, interest });
    const fromXml = await collectOsm([fixture('riverside_extras.osm')], { bbox: WIDE, interest });
    expect(fromPbf.timestamp).toEqual({ iso: '2024-06-01T00:00:00Z', from: 'header' });
    expect(fromPbf.pois.map((p) => p.id)).toEqual(fromXml.pois.map((p) => p.id));
    expect([...fromPbf.ways.keys()].sort()).toEqual([...fromXml.ways.keys()].sort());
    expect(fromPbf.relations.map((r) => r.id)).toEqual(fromXml.relations.map((r) => r.id));
    expect(fromPbf.walk.ways.length).toBe(fromXml.walk.ways.length);
  });
});
