// Test-only: a tiny independent OSM PBF writer, so the PBF path is tested on the same fixtures as the XML one.

import { readFile } from 'node:fs/promises';
import { deflateSync } from 'node:zlib';

// fileformat.proto + osmformat.proto, just the fields the fixtures need: header (with replication
// timestamp), dense nodes with tags, ways and relations with tags and delta-coded refs, zlib blobs.

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
    return this.packedVarint(field, vs.map(zigzag));
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

/** The raw content of an OSM file, in the shape the encoder takes. */
export interface RawOsm {
  nodes: { id: number; lat: number; lon: number; tags: [string, string][] }[];
  ways: { id: number; refs: number[]; tags: [string, string][] }[];
  relations?: {
    id: number;
    members: { type: 'node' | 'way' | 'relation'; ref: number; role: string }[];
    tags: [string, string][];
  }[];
  /** Header osmosis_replication_timestamp, seconds since the epoch. */
  replicationTimestamp?: number;
}

const MEMBER_TYPE = { node: 0, way: 1, relation: 2 } as const;

/** Encodes nodes (one DenseNodes block), ways (one block) and relations (one block) as an .osm.pbf file. */
export function encodePbf(osm: RawOsm): Uint8Array {
  const header = new ProtoWriter()
    .string(4, 'OsmSchema-V0.6')
    .string(4, 'DenseNodes')
    .string(16, 'walk-test-encoder');
  if (osm.replicationTimestamp) header.uint(32, osm.replicationTimestamp);
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
  const parts = [fileBlock('OSMHeader', header.finish())];
  parts.push(fileBlock('OSMData', block(new ProtoWriter().bytesField(2, dense).finish())));
  strings.length = 1;
  const wayGroup = new ProtoWriter();
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
    wayGroup.bytesField(3, way);
  }
  parts.push(fileBlock('OSMData', block(wayGroup.finish())));
  if (osm.relations?.length) {
    strings.length = 1;
    const relGroup = new ProtoWriter();
    for (const r of osm.relations) {
      const rel = new ProtoWriter()
        .uint(1, r.id)
        .packedVarint(
          2,
          r.tags.map(([k]) => sid(k)),
        )
        .packedVarint(
          3,
          r.tags.map(([, v]) => sid(v)),
        )
        .packedVarint(
          8,
          r.members.map((m) => sid(m.role)),
        )
        .packedSint(9, deltas(r.members.map((m) => m.ref)))
        .packedVarint(
          10,
          r.members.map((m) => MEMBER_TYPE[m.type]),
        )
        .finish();
      relGroup.bytesField(4, rel);
    }
    parts.push(fileBlock('OSMData', block(relGroup.finish())));
  }
  const out = new Uint8Array(parts.reduce((s, p) => s + p.length, 0));
  let at = 0;
  for (const p of parts) {
    out.set(p, at);
    at += p.length;
  }
  return out;
}

/**
 * Reads one of our own XML fixtures with regular expressions (deliberately not with the XML reader, so a
 * PBF-vs-XML comparison tests both readers). Relies on the fixtures' regular layout.
 */
export async function rawOsmOf(xmlPath: string): Promise<RawOsm> {
  const xml = await readFile(xmlPath, 'utf8');
  const tagsOf = (body: string) =>
    [...body.matchAll(/<tag k="([^"]*)" v="([^"]*)"\/>/g)].map(
      (m) => [xmlUnescape(m[1]!), xmlUnescape(m[2]!)] as [string, string],
    );
  const nodes = [
    ...xml.matchAll(/<node id="(\d+)" lat="([^"]+)" lon="([^"]+)"[^>]*?(?:\/>|>([\s\S]*?)<\/node>)/g),
  ].map((m) => ({ id: Number(m[1]), lat: Number(m[2]), lon: Number(m[3]), tags: tagsOf(m[4] ?? '') }));
  const ways = [...xml.matchAll(/<way id="(\d+)"[^>]*>([\s\S]*?)<\/way>/g)].map((m) => ({
    id: Number(m[1]),
    refs: [...m[2]!.matchAll(/<nd ref="(\d+)"\/>/g)].map((r) => Number(r[1])),
    tags: tagsOf(m[2]!),
  }));
  const relations = [...xml.matchAll(/<relation id="(\d+)"[^>]*>([\s\S]*?)<\/relation>/g)].map((m) => ({
    id: Number(m[1]),
    members: [...m[2]!.matchAll(/<member type="(node|way|relation)" ref="(\d+)" role="([^"]*)"\/>/g)].map(
      (r) => ({
        type: r[1] as 'node' | 'way' | 'relation',
        ref: Number(r[2]),
        role: r[3]!,
      }),
    ),
    tags: tagsOf(m[2]!),
  }));
  return { nodes: nodes.sort((a, b) => a.id - b.id), ways, relations };
}

function xmlUnescape(s: string): string {
  return s.replaceAll('&quot;', '"').replaceAll('&lt;', '<').replaceAll('&gt;', '>').replaceAll('&amp;', '&');
}
