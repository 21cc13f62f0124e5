import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { deflateSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildWalkGraph } from '../../../src/lib/walk/graph.ts';
import { serializeWalkGraph } from '../../../src/lib/walk/graph_binary.ts';
import { readOsmPbf } from './read_osm_pbf.ts';
import { readOsmXml } from './read_osm_xml.ts';

// A tiny, independent OSM PBF writer (fileformat.proto + osmformat.proto, just the fields the fixtures
// need: dense nodes with tags, ways with tags and delta-coded refs, zlib-compressed blobs).

class ProtoWriter {
  private bytes: number[] = [];
  varint(v: number | bigint): this {
    let x = BigInt(v);
    if (x < 0n) x += 1n << 64n;
    do {
      let b = Number(x & 0x7fn);
      x >>= 7n;
      if (x > 0n) b |= 0x80;
      this.bytes.push(b);
    } while (x > 0n);
    return this;
  }
  key(field: number, wire: number): this {
    return this.varint((field << 3) | wire);
  }
  uint(field: number, v: number): this {
    return this.key(field, 0).varint(v);
  }
  sint(field: number, v: number): this {
    return this.key(field, 0).varint(zigzag(v));
  }
  bytesField(field: number, data: Uint8Array): this {
    this.key(field, 2).varint(data.length);
    for (const b of data) this.bytes.push(b);
    return this;
  }
  string(field: number, s: string): this {
    return this.bytesField(field, new TextEncoder().encode(s));
  }
  packedVarint(field: number, vs: number[]): this {
    return this.bytesField(field, vs.reduce((w, v) => w.varint(v), new ProtoWriter()).finish());
  }
  packedSint(field: number, vs: number[]): this {
    return this.packedVarint(field, vs.map(zigzag) as unknown as number[]);
  }
  finish(): Uint8Array {
    return Uint8Array.from(this.bytes);
  }
}
function zigzag(v: number): number {
  return v >= 0 ? 2 * v : -2 * v - 1;
}
const deltas = (vs: number[]) => vs.map((v, i) => v - (i > 0 ? (vs[i - 1] as number) : 0));

function fileBlock(type: 'OSMHeader' | 'OSMData', payload: Uint8Array): Uint8Array {
  const blob = new ProtoWriter().uint(2, payload.length).bytesField(3, deflateSync(payload)).finish();
  const header = new ProtoWriter().string(1, type).uint(3, blob.length).finish();
  const out = new Uint8Array(4 + header.length + blob.length);
  new DataView(out.buffer).setUint32(0, header.length, false);
  out.set(header, 4);
  out.set(blob, 4 + header.length);
  return out;
}

interface RawOsm {
  nodes: { id: number; lat: number; lon: number; tags: [string, string][] }[];
  ways: { id: number; refs: number[]; tags: [string, string][] }[];
}

/** Encodes nodes (one DenseNodes block) and ways (one block) as an .osm.pbf file. */
function encodePbf(osm: RawOsm): Uint8Array {
  const header = new ProtoWriter()
    .string(4, 'OsmSchema-V0.6')
    .string(4, 'DenseNodes')
    .string(16, 'walk-test-encoder')
    .finish();
  const strings = [''];
  const sid = (s: string) => {
    let i = strings.indexOf(s);
    if (i < 0) i = strings.push(s) - 1;
    return i;
  };
  const block = (group: Uint8Array) => {
    const table = strings.reduce((w, s) => w.string(1, s), new ProtoWriter()).finish();
    return new ProtoWriter().bytesField(1, table).bytesField(2, group).finish();
  };
  const keysVals: number[] = [];
  for (const n of osm.nodes) {
    for (const [k, v] of n.tags) keysVals.push(sid(k), sid(v));
    keysVals.push(0);
  }
  const dense = new ProtoWriter()
    .packedSint(1, deltas(osm.nodes.map((n) => n.id)))
    .packedSint(8, deltas(osm.nodes.map((n) => Math.round(n.lat * 1e7))))
    .packedSint(9, deltas(osm.nodes.map((n) => Math.round(n.lon * 1e7))))
    .packedVarint(10, keysVals)
    .finish();
  const nodeBlock = block(new ProtoWriter().bytesField(2, dense).finish());
  strings.length = 1;
  const group = new ProtoWriter();
  for (const w of osm.ways) {
    const way = new ProtoWriter()
      .uint(1, w.id)
      .packedVarint(
        2,
        w.tags.map(([k]) => sid(k)),
      )
      .packedVarint(
        3,
        w.tags.map(([, v]) => sid(v)),
      )
      .packedSint(8, deltas(w.refs))
      .finish();
    group.bytesField(3, way);
  }
  const wayBlock = block(group.finish());
  const parts = [
    fileBlock('OSMHeader', header),
    fileBlock('OSMData', nodeBlock),
    fileBlock('OSMData', wayBlock),
  ];
  const out = new Uint8Array(parts.reduce((s, p) => s + p.length, 0));
  let at = 0;
  for (const p of parts) {
    out.set(p, at);
    at += p.length;
  }
  return out;
}

/** Reads the raw content of one of our own fixtures (their layout is regular, see the generator notes). */
async function rawFixture(name: string): Promise<RawOsm> {
  const xml = await readFile(
    fileURLToPath(new URL(`../../../test/fixtures/osm/${name}`, import.meta.url)),
    'utf8',
  );
  const tagsOf = (body: string) =>
    [...body.matchAll(/<tag k="([^"]*)" v="([^"]*)"\/>/g)].map((m) => [m[1], m[2]] as [string, string]);
  const nodes = [
    ...xml.matchAll(/<node id="(\d+)" lat="([^"]+)" lon="([^"]+)"(?:\/>|>([\s\S]*?)<\/node>)/g),
  ].map((m) => ({
    id: Number(m[1]),
    lat: Number(m[2]),
    lon: Number(m[3]),
    tags: tagsOf(m[4] ?? ''),
  }));
  const ways = [...xml.matchAll(/<way id="(\d+)">([\s\S]*?)<\/way>/g)].map((m) => ({
    id: Number(m[1]),
    refs: [...(m[2] as string).matchAll(/<nd ref="(\d+)"\/>/g)].map((r) => Number(r[1])),
    tags: tagsOf(m[2] as string),
  }));
  return { nodes, ways };
}

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
      const raw = await rawFixture(name);
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
    await writeFile(file, encodePbf(await rawFixture('river_bridge.osm')));
    const bbox = [103.7, 36.0, 103.808, 36.1] as const;
    const { extract } = await readOsmPbf(file, { bbox });
    const { graph } = buildWalkGraph(extract);
    expect(graph.nodeCount).toBe(12);
    for (let i = 0; i < graph.nodeCount; i++) expect(graph.lon[i]!).toBeLessThanOrEqual(103.808);
  });

  it('rejects a file that is not PBF', async () => {
    const file = join(dir, 'bad.osm.pbf');
    await writeFile(file, new TextEncoder().encode('definitely not protobuf'));
    await expect(readOsmPbf(file)).rejects.toThrow();
  });
});
