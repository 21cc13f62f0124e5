// Test-only: an independent count of everyday facilities in a real PBF, to check the importer against.

import { along } from '@turf/along';
import { booleanPointInPolygon } from '@turf/boolean-point-in-polygon';
import { distance } from '@turf/distance';
import { length } from '@turf/length';
import { nearestPointOnLine } from '@turf/nearest-point-on-line';
import { createOSMStream } from 'osm-pbf-parser-node';

// Written from the tag table in the header of src/lib/osm_rules.ts, on purpose without calling it, its
// helpers, or the importer's readers (osm_stream.ts, collect.ts, osm_elements.ts, river.ts, candidates.ts):
// the file is read with osm-pbf-parser-node's own generator, and geometry is handled with turf, so a
// mistake in the importer's path shows up as a different count.

type Tags = Record<string, string>;
/** [category, facility type, only near the river] */
type Kind = [string, string, boolean];

const SPORT: Record<string, string> = {
  basketball: 'basketball',
  soccer: 'football',
  badminton: 'badminton',
  table_tennis: 'table_tennis',
  tennis: 'tennis',
};
/** "unless sport is a motor/animal sport" in the table's track row. */
const MOTOR_OR_ANIMAL = ['motor', 'karting', 'motocross', 'horse_racing', 'rc_car', 'dog_racing'];
const AMENITY: Record<string, [string, string]> = {
  library: ['library', 'library'],
  coworking_space: ['library', 'coworking_space'],
  university: ['university', 'university'],
  college: ['university', 'college'],
  marketplace: ['night_market', 'marketplace'],
};

/** The table, row by row, first match wins. */
export function kindOfTags(t: Tags): Kind | null {
  const first = (t.sport ?? '').split(';')[0]!.trim();
  if (t.railway === 'station' && t.station === 'subway') return ['metro', 'metro_station', false];
  if (t.leisure === 'fitness_station') return ['fitness_site', 'fitness_station', false];
  if (t.leisure === 'stadium') return ['fitness_site', 'stadium', false];
  if (t.leisure === 'sports_centre') return ['fitness_site', 'sports_centre', false];
  if (t.leisure === 'pitch') return ['fitness_site', SPORT[first] ?? 'pitch', false];
  if (t.leisure === 'track') return MOTOR_OR_ANIMAL.includes(first) ? null : ['fitness_site', 'track', false];
  if (t.leisure === 'swimming_pool') return ['fitness_site', 'swimming_pool', false];
  if (t.leisure === 'park') return ['park', 'park', false];
  if (t.place === 'square') return ['park', 'square', false];
  if (t.amenity && t.amenity in AMENITY) return [...AMENITY[t.amenity]!, false];
  if (t.amenity === 'community_centre')
    return [
      'community_centre',
      t.community_centre === 'youth_centre' ? 'youth_centre' : 'community_centre',
      false,
    ];
  const name = t.name ?? '';
  if ((t.amenity || t.highway) && ['夜市', '美食街', '小吃街'].some((w) => name.includes(w)))
    return ['night_market', 'food_street', false];
  if (t.man_made === 'bridge') return ['riverside', 'bridge', true];
  if (t.bridge === 'yes' && t.highway && name.trim() !== '') return ['riverside', 'bridge', true];
  if (t.tourism === 'viewpoint') return ['riverside', 'viewpoint', true];
  if (t.tourism === 'attraction') return ['riverside', 'attraction', true];
  if (['monument', 'memorial', 'castle', 'city_gate'].includes(t.historic ?? ''))
    return ['riverside', 'landmark', true];
  return null;
}

type Pt = [number, number];
interface Item {
  type: 'node' | 'way' | 'relation';
  id: number;
  tags: Tags;
  /** Every vertex (relations: of their member ways). */
  vertices: Pt[];
  /** Ways: whether the first and last node are the same. */
  closed?: boolean;
}

/** What the count decided for one facility, and how sure the geometry lets it be. */
export interface CountedFacility {
  /** `osm-<type>-<id>` of the facility (a joined bridge: its first part by type, then id). */
  id: string;
  category: string;
  facility_type: string;
  /** The district its point must fall in, '' for none, or 'unsure' when its extent straddles a border. */
  district: string;
}

export interface IndependentCount {
  facilities: CountedFacility[];
  /** Riverside candidates whose extent straddles the river distance (the count cannot call them). */
  unsureRiver: string[];
  /** Elements reaching out of the bbox (the importer's point may fall outside and be refused). */
  unsureBbox: string[];
  /** Same-named bridge parts whose extents lie within ±2 m of the join distance apart. */
  unsureBridges: string[];
  /** Whether any river in the file is named like the Yellow River (then only it counts). */
  yellowRiverNamed: boolean;
  /** The `waterway=river` ways reaching into the bbox: id, name tag and every vertex found, in way order. */
  riverWays: { id: number; name: string | null; vertices: Pt[] }[];
}

export interface CountOptions {
  bbox: [number, number, number, number];
  /** Half-open latitude bands [south, north) → adcode; a point in none has no district. */
  districtBands: { adcode: string; south: number; north: number }[];
  riverDistanceM: number;
  bridgeJoinM: number;
}

const inBox = (b: CountOptions['bbox'], [x, y]: Pt) => x >= b[0] && x <= b[2] && y >= b[1] && y <= b[3];

function extent(vs: readonly Pt[]): { centre: Pt; radiusM: number; s: number; n: number } {
  const xs = vs.map((v) => v[0]);
  const ys = vs.map((v) => v[1]);
  const [w, e, s, n] = [Math.min(...xs), Math.max(...xs), Math.min(...ys), Math.max(...ys)];
  const centre: Pt = [(w + e) / 2, (s + n) / 2];
  return { centre, radiusM: distance(centre, [e, n], { units: 'meters' }), s, n };
}

/**
 * Counts the everyday facilities of a PBF the way the rules table says, with these conventions (the
 * importer's, stated in the rules module and docs/DATA.md): tagged nodes inside the bbox, ways with a
 * vertex inside, `type=multipolygon` relations with a member way that has one; `access=private|no` out;
 * a way that is an outer member of a multipolygon of the same facility type is that facility (counted
 * once, as the relation); same-named bridge parts whose extents are closer than `bridgeJoinM` are one bridge; riverside
 * types only within `riverDistanceM` of a river (the Yellow River if named, else every `waterway=river`
 * and river water area). Where an element's extent makes the answer depend on exactly where its single
 * point goes, it is listed as unsure instead of guessed.
 */
export async function countFacilities(pbf: string, o: CountOptions): Promise<IndependentCount> {
  const nodes = new Map<number, Pt>();
  const taggedNodes: Item[] = [];
  const ways = new Map<number, { refs: number[]; tags: Tags }>();
  const relations: { id: number; tags: Tags; members: { type: string; ref: number; role: string }[] }[] = [];
  for await (const raw of createOSMStream(pbf)) {
    const e = raw as {
      type?: string;
      id: number;
      lat: number;
      lon: number;
      tags?: Tags;
      refs?: number[];
      members?: { type: string; ref: number; role: string }[];
    };
    const tags = e.tags ?? {};
    if (e.type === 'node') {
      nodes.set(e.id, [e.lon, e.lat]);
      if (Object.keys(tags).length > 0)
        taggedNodes.push({ type: 'node', id: e.id, tags, vertices: [[e.lon, e.lat]] });
    } else if (e.type === 'way') ways.set(e.id, { refs: e.refs ?? [], tags });
    else if (e.type === 'relation') relations.push({ id: e.id, tags, members: e.members ?? [] });
  }
  const wayVertices = (id: number) =>
    (ways.get(id)?.refs ?? []).map((r) => nodes.get(r)).filter((p) => p !== undefined);

  // Rivers.
  const yellow = /黄河|Yellow River|Huang ?He/i;
  const isRiverLine = (t: Tags) => t.waterway === 'river';
  const isRiverArea = (t: Tags) =>
    t.waterway === 'riverbank' || (t.natural === 'water' && t.water === 'river');
  const riverNamed = (t: Tags) =>
    ['name', 'name:zh', 'name:en', 'name:zh-Hans'].some((k) => yellow.test(t[k] ?? ''));
  const yellowRiverNamed = [...ways.values()].some(
    (w) => (isRiverLine(w.tags) || isRiverArea(w.tags)) && riverNamed(w.tags),
  );
  if (yellowRiverNamed) throw new Error('this count only implements the "every river" case');
  const riverLines: Pt[][] = [];
  const riverRings: Pt[][] = [];
  const riverWays: IndependentCount['riverWays'] = [];
  // Like the import, only rivers reaching into the bbox (the extract is read for the bbox only).
  const touches = (v: Pt[]) => v.some((p) => inBox(o.bbox, p));
  for (const [id, w] of ways) {
    const v = wayVertices(id);
    if (!touches(v)) continue;
    if (isRiverLine(w.tags)) {
      riverLines.push(v);
      riverWays.push({ id, name: w.tags.name ?? null, vertices: v });
    }
    if (isRiverArea(w.tags)) {
      riverLines.push(v);
      if (w.refs[0] === w.refs[w.refs.length - 1]) riverRings.push(v);
    }
  }
  for (const r of relations) {
    if (r.tags.type !== 'multipolygon' || !isRiverArea(r.tags)) continue;
    const members = r.members.filter((m) => m.type === 'way').map((m) => wayVertices(m.ref));
    if (members.some(touches)) riverLines.push(...members);
  }
  const lines = riverLines.filter((l) => l.length >= 2);
  const riverM = (p: Pt) => {
    if (riverRings.some((ring) => booleanPointInPolygon(p, { type: 'Polygon', coordinates: [ring] })))
      return 0;
    return nearestPointOnLine({ type: 'MultiLineString', coordinates: lines }, p, { units: 'meters' })
      .properties.pointDistance;
  };

  // Elements as the import sees them.
  const items: Item[] = taggedNodes.filter((n) => inBox(o.bbox, n.vertices[0]!));
  for (const [id, w] of ways) {
    const v = wayVertices(id);
    const closed = w.refs.length > 2 && w.refs[0] === w.refs[w.refs.length - 1];
    if (v.some((p) => inBox(o.bbox, p))) items.push({ type: 'way', id, tags: w.tags, vertices: v, closed });
  }
  for (const r of relations) {
    if (r.tags.type !== 'multipolygon') continue;
    const v = r.members.filter((m) => m.type === 'way').flatMap((m) => wayVertices(m.ref));
    if (v.some((p) => inBox(o.bbox, p)))
      items.push({ type: 'relation', id: r.id, tags: r.tags, vertices: v });
  }

  const kinds = items.map((it) => ({ it, kind: kindOfTags(it.tags) })).filter((x) => x.kind !== null) as {
    it: Item;
    kind: Kind;
  }[];
  // Outer ways of multipolygons with a facility type: a way of the same type is that facility.
  const outerOf = new Map<number, string[]>();
  for (const { it, kind } of kinds)
    if (it.type === 'relation')
      for (const m of relations.find((r) => r.id === it.id)!.members)
        if (m.type === 'way' && m.role !== 'inner')
          outerOf.set(m.ref, [...(outerOf.get(m.ref) ?? []), kind[1]]);
  const open = kinds.filter(
    ({ it, kind }) =>
      !['private', 'no'].includes((it.tags.access ?? '').trim()) &&
      !(it.type === 'way' && outerOf.get(it.id)?.includes(kind[1])),
  );

  // Bridges: by name, then by distance between parts.
  const groups: { parts: Item[]; kind: Kind }[] = [];
  const byName = new Map<string, Item[]>();
  const unsureBridges: string[] = [];
  for (const { it, kind } of open) {
    const name = it.tags.name?.trim();
    if (kind[1] === 'bridge' && name) byName.set(name, [...(byName.get(name) ?? []), it]);
    else groups.push({ parts: [it], kind });
  }
  for (const [, parts] of byName) {
    // The rule compares extents (the live download knows only those): the nearest points of the two
    // vertex boxes, per axis the facing edges or a shared coordinate, measured with turf.
    const box = (it: Item) => {
      const xs = it.vertices.map((p) => p[0]!);
      const ys = it.vertices.map((p) => p[1]!);
      return [Math.min(...xs), Math.min(...ys), Math.max(...xs), Math.max(...ys)] as const;
    };
    const clamp = (v: number, lo: number, hi: number) => Math.min(hi, Math.max(lo, v));
    const gap = (a: Item, b: Item) => {
      const [aw, as, ae, an] = box(a);
      const [bw, bs, be, bn] = box(b);
      const q = [clamp(aw, bw, be), clamp(as, bs, bn)];
      return distance([clamp(q[0]!, aw, ae), clamp(q[1]!, as, an)], q, { units: 'meters' });
    };
    const label = parts.map((_, i) => i);
    let changed = true;
    while (changed) {
      changed = false;
      for (let i = 0; i < parts.length; i++)
        for (let j = 0; j < parts.length; j++) {
          if (label[i] === label[j]) continue;
          const g = gap(parts[i]!, parts[j]!);
          if (Math.abs(g - o.bridgeJoinM) <= 2) unsureBridges.push(`${parts[i]!.id}/${parts[j]!.id}`);
          if (g <= o.bridgeJoinM) {
            const keep = Math.min(label[i]!, label[j]!);
            const drop = Math.max(label[i]!, label[j]!);
            for (let k = 0; k < label.length; k++) if (label[k] === drop) label[k] = keep;
            changed = true;
          }
        }
    }
    for (const l of new Set(label)) {
      const ps = parts.filter((_, i) => label[i] === l);
      groups.push({ parts: ps, kind: ['riverside', 'bridge', true] });
    }
  }

  const facilities: CountedFacility[] = [];
  const unsureRiver: string[] = [];
  const unsureBbox: string[] = [];
  const order = { node: 0, way: 1, relation: 2 } as const;
  for (const { parts, kind } of groups) {
    parts.sort((a, b) => order[a.type] - order[b.type] || a.id - b.id);
    const id = `osm-${parts[0]!.type}-${parts[0]!.id}`;
    const vs = parts.flatMap((p) => p.vertices);
    if (!vs.every((p) => inBox(o.bbox, p))) unsureBbox.push(id);
    // A node's point is itself, an open way's the point half-way along it; any other element's point lies
    // somewhere in its extent. Distances are geodesic here and planar in the import: 1 m apart at most.
    const ext = extent(vs);
    const single = parts.length === 1 ? parts[0]! : null;
    const line = single?.type === 'way' && !single.closed && vs.length >= 2;
    const path = {
      type: 'Feature' as const,
      properties: {},
      geometry: { type: 'LineString' as const, coordinates: vs },
    };
    const at: Pt = line
      ? (along(path, length(path, { units: 'meters' }) / 2, { units: 'meters' }).geometry.coordinates as Pt)
      : ext.centre;
    const slackM = vs.length === 1 || line ? 1 : ext.radiusM;
    if (kind[2]) {
      const d = riverM(at);
      if (d - slackM > o.riverDistanceM) continue;
      if (d + slackM > o.riverDistanceM) {
        unsureRiver.push(id);
        continue;
      }
    }
    const bandOf = (lat: number) =>
      o.districtBands.find((b) => lat >= b.south && lat < b.north)?.adcode ?? '';
    const district = bandOf(ext.s) === bandOf(ext.n) ? bandOf(ext.s) : 'unsure';
    facilities.push({ id, category: kind[0], facility_type: kind[1], district });
  }
  return { facilities, unsureRiver, unsureBbox, unsureBridges, yellowRiverNamed, riverWays };
}
