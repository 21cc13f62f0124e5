// One entity stream over OSM XML (.osm, .osm.gz) and PBF (.osm.pbf): nodes, ways, relations with tags.

import { createReadStream } from 'node:fs';
import { createGunzip } from 'node:zlib';
import { OSMTransform } from 'osm-pbf-parser-node';
import { SaxesParser, type SaxesTagPlain } from 'saxes';

export type OsmTagMap = Record<string, string>;

export interface OsmNodeEntity {
  type: 'node';
  id: number;
  lon: number;
  lat: number;
  tags: OsmTagMap;
}
export interface OsmWayEntity {
  type: 'way';
  id: number;
  refs: number[];
  tags: OsmTagMap;
}
export interface OsmMember {
  type: 'node' | 'way' | 'relation';
  ref: number;
  role: string;
}
export interface OsmRelationEntity {
  type: 'relation';
  id: number;
  members: OsmMember[];
  tags: OsmTagMap;
}
export type OsmEntity = OsmNodeEntity | OsmWayEntity | OsmRelationEntity;
export type OsmEntityType = OsmEntity['type'];

/** Which entity types a pass wants, and whether it should read edit timestamps. */
export interface OsmStreamOptions {
  types: readonly OsmEntityType[];
  /** Track the newest element timestamp into `info.newestElement` (PBF: decodes metadata, slower). */
  elementTimestamps?: boolean;
}

/** What a stream learnt about the file besides its entities (filled in while streaming). */
export interface OsmStreamInfo {
  /**
   * The extract's own timestamp (ISO 8601): PBF header `osmosis_replication_timestamp`, XML
   * `<osm timestamp>` (osmium) or Overpass's `<meta osm_base>`.
   */
  header?: string;
  /** The newest `timestamp` of any element read, ISO 8601 (only with `elementTimestamps`). */
  newestElement?: string;
}

/** Which reader a file name calls for. */
export function osmFormatOf(path: string): 'pbf' | 'xml' {
  if (/\.pbf$/i.test(path)) return 'pbf';
  if (/\.osm(\.gz)?$/i.test(path) || /\.xml(\.gz)?$/i.test(path)) return 'xml';
  throw new Error(`cannot tell the OSM format of "${path}" (expected .osm, .osm.gz or .osm.pbf)`);
}

/**
 * Streams the entities of one file in batches, in file order (OSM files list nodes, then ways, then
 * relations). Entities of types not asked for are skipped as early as the format allows.
 * @param info receives the header and newest element timestamps as they are read
 */
export function streamOsm(
  path: string,
  options: OsmStreamOptions,
  info: OsmStreamInfo = {},
): AsyncGenerator<OsmEntity[]> {
  return osmFormatOf(path) === 'pbf' ? streamPbf(path, options, info) : streamXml(path, options, info);
}

function newer(a: string | undefined, b: string): string {
  return a === undefined || b > a ? b : a;
}

/** An ISO timestamp as written by OSM tools, normalised to "YYYY-MM-DDTHH:MM:SSZ"; undefined if invalid. */
export function normaliseTimestamp(value: string | number | undefined): string | undefined {
  if (value === undefined || value === '' || value === 0) return undefined;
  const d = new Date(value);
  if (Number.isNaN(d.getTime())) return undefined;
  return d.toISOString().replace(/\.\d{3}Z$/, 'Z');
}

async function* streamPbf(
  path: string,
  options: OsmStreamOptions,
  info: OsmStreamInfo,
): AsyncGenerator<OsmEntity[]> {
  const want = new Set(options.types);
  const withTags = { node: want.has('node'), way: want.has('way'), relation: want.has('relation') };
  const withInfo = options.elementTimestamps === true;
  const stream = createReadStream(path).pipe(new OSMTransform({ withTags, withInfo }));
  for await (const batch of stream as AsyncIterable<Record<string, unknown>[]>) {
    const out: OsmEntity[] = [];
    for (const item of batch) {
      const type = item.type as OsmEntityType | undefined;
      if (type === undefined) {
        // The header block: the replication timestamp is in seconds since the epoch.
        const ts = Number(item.osmosis_replication_timestamp ?? 0);
        if (ts > 0) info.header = normaliseTimestamp(ts * 1000);
        continue;
      }
      if (!want.has(type)) continue;
      if (withInfo) {
        const ms = (item.info as { timestamp?: number } | undefined)?.timestamp;
        const iso = normaliseTimestamp(ms);
        if (iso) info.newestElement = newer(info.newestElement, iso);
      }
      const tags = (item.tags as OsmTagMap | undefined) ?? {};
      const id = item.id as number;
      if (type === 'node') out.push({ type, id, lon: item.lon as number, lat: item.lat as number, tags });
      else if (type === 'way') out.push({ type, id, refs: item.refs as number[], tags });
      else out.push({ type, id, members: item.members as OsmMember[], tags });
    }
    if (out.length > 0) yield out;
  }
}

async function* streamXml(
  path: string,
  options: OsmStreamOptions,
  info: OsmStreamInfo,
): AsyncGenerator<OsmEntity[]> {
  const want = new Set(options.types);
  const parser = new SaxesParser();
  let out: OsmEntity[] = [];
  let current: OsmEntity | null = null;
  const finish = () => {
    if (current && want.has(current.type) && Number.isFinite(current.id)) {
      if (current.type !== 'node' || validPosition(current.lon, current.lat)) out.push(current);
    }
    current = null;
  };
  parser.on('opentag', (tag) => {
    const t = tag as SaxesTagPlain;
    const a = t.attributes;
    switch (t.name) {
      case 'node':
      case 'way':
      case 'relation': {
        if (options.elementTimestamps && a.timestamp) {
          const iso = normaliseTimestamp(a.timestamp);
          if (iso) info.newestElement = newer(info.newestElement, iso);
        }
        if (!want.has(t.name)) {
          current = null;
          return;
        }
        const id = Number(a.id);
        if (t.name === 'node')
          current = { type: 'node', id, lon: Number(a.lon), lat: Number(a.lat), tags: {} };
        else if (t.name === 'way') current = { type: 'way', id, refs: [], tags: {} };
        else current = { type: 'relation', id, members: [], tags: {} };
        if (tag.isSelfClosing) finish();
        return;
      }
      case 'tag':
        if (current && a.k !== undefined && a.v !== undefined) current.tags[a.k] = a.v;
        return;
      case 'nd':
        if (current?.type === 'way') {
          const ref = Number(a.ref);
          if (Number.isFinite(ref)) current.refs.push(ref);
        }
        return;
      case 'member':
        if (current?.type === 'relation') {
          const ref = Number(a.ref);
          const type = String(a.type);
          if (Number.isFinite(ref) && (type === 'node' || type === 'way' || type === 'relation'))
            current.members.push({ type, ref, role: String(a.role ?? '') });
        }
        return;
      case 'osm':
        if (a.timestamp) info.header = normaliseTimestamp(a.timestamp) ?? info.header;
        return;
      case 'meta':
        if (a.osm_base) info.header = normaliseTimestamp(a.osm_base) ?? info.header;
        return;
    }
  });
  parser.on('closetag', (tag) => {
    if ((tag.name === 'node' || tag.name === 'way' || tag.name === 'relation') && !tag.isSelfClosing)
      finish();
  });
  const raw = createReadStream(path);
  const text = path.endsWith('.gz') ? raw.pipe(createGunzip()) : raw;
  text.setEncoding('utf8');
  for await (const chunk of text as AsyncIterable<string>) {
    parser.write(chunk);
    if (out.length > 0) {
      yield out;
      out = [];
    }
  }
  parser.close();
  if (out.length > 0) yield out;
}

function validPosition(lon: number, lat: number): boolean {
  return Number.isFinite(lon) && Number.isFinite(lat) && Math.abs(lon) <= 180 && Math.abs(lat) <= 90;
}
