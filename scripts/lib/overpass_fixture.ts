// Overpass answers for tests, made from a real OSM extract relocated over Lanzhou, and a mock server that answers tile queries from them.

import { OVERPASS_SELECTORS } from '../../src/lib/osm_rules.ts';
import { collectOsm } from './osm/collect.ts';
import type { OsmTagMap } from './osm/osm_stream.ts';

/**
 * The fixed shift that moves the Liechtenstein extract (≈ 9.47–9.64° E, 47.05–47.27° N) over central
 * Lanzhou (≈ 103.72–103.89° E, 35.95–36.17° N), degrees. Relocated test data: never shipped.
 */
export const LIECHTENSTEIN_TO_LANZHOU: readonly [number, number] = [94.25, -11.1];

/** One element as Overpass writes it with `out tags bb` (facilities) or `out geom` (rivers). */
export interface FixtureElement {
  type: 'node' | 'way' | 'relation';
  id: number;
  lat?: number;
  lon?: number;
  bounds?: { minlat: number; minlon: number; maxlat: number; maxlon: number };
  geometry?: { lat: number; lon: number }[];
  tags: OsmTagMap;
}

/** A whole extract's answer: every element the rules' selectors match, and the rivers. */
export interface OverpassFixture {
  version: number;
  generator: string;
  osm3s: { timestamp_osm_base: string; copyright: string };
  elements: FixtureElement[];
}

interface Filter {
  key: string;
  op: 'exists' | 'eq' | 're';
  value: string;
}
interface Selector {
  types: ReadonlySet<string>;
  filters: Filter[];
}

const FILTER = /\["([^"]+)"(?:(=|~)"([^"]*)")?\]/g;

/** Parses one Overpass selector such as `nwr["leisure"~"^(park|pitch)$"]["name"]` (the subset the rules use). */
export function parseSelector(text: string): Selector {
  const m = text.match(/^(node|way|relation|nwr)(\[.*\])$/);
  if (!m) throw new Error(`unsupported selector: ${text}`);
  const types = new Set(m[1] === 'nwr' ? ['node', 'way', 'relation'] : [m[1]!]);
  const filters: Filter[] = [];
  for (const f of m[2]!.matchAll(FILTER)) {
    filters.push({ key: f[1]!, op: f[2] === '=' ? 'eq' : f[2] === '~' ? 're' : 'exists', value: f[3] ?? '' });
  }
  return { types, filters };
}

/** Whether an element matches a selector, as Overpass evaluates tag filters. */
export function matchesSelector(sel: Selector, type: string, tags: OsmTagMap): boolean {
  if (!sel.types.has(type)) return false;
  return sel.filters.every((f) => {
    const v = tags[f.key];
    if (v === undefined) return false;
    if (f.op === 'exists') return true;
    if (f.op === 'eq') return v === f.value;
    return new RegExp(f.value).test(v);
  });
}

const SELECTORS = OVERPASS_SELECTORS.map(parseSelector);
const RIVER = parseSelector('way["waterway"="river"]');
const matchesAny = (type: string, tags: OsmTagMap) => SELECTORS.some((s) => matchesSelector(s, type, tags));

/**
 * Reads a real OSM extract with the project's OSM reader and writes what Overpass would answer for the
 * whole of it: every element a rules selector matches (`out tags bb`), and every `waterway=river` way
 * with its geometry (`out geom`), all shifted by `offset`.
 * @param offset [dLon, dLat] degrees added to every position
 * @param bbox the extract's area [W, S, E, N] before the shift, degrees
 */
export async function buildOverpassFixture(
  pbfPath: string,
  offset: readonly [number, number],
  bbox: [number, number, number, number],
): Promise<OverpassFixture> {
  const collected = await collectOsm([pbfPath], {
    bbox,
    interest: {
      node: (t) => matchesAny('node', t),
      way: (t) => matchesAny('way', t) || matchesSelector(RIVER, 'way', t),
      relation: (t) => matchesAny('relation', t),
    },
  });
  const [dx, dy] = offset;
  const r7 = (v: number) => Math.round(v * 1e7) / 1e7;
  const shift = (lon: number, lat: number) => ({ lat: r7(lat + dy), lon: r7(lon + dx) });
  const boundsOf = (positions: [number, number][]) => {
    if (positions.length === 0) return undefined;
    let w = Number.POSITIVE_INFINITY;
    let s = Number.POSITIVE_INFINITY;
    let e = Number.NEGATIVE_INFINITY;
    let n = Number.NEGATIVE_INFINITY;
    for (const [x, y] of positions) {
      w = Math.min(w, x);
      e = Math.max(e, x);
      s = Math.min(s, y);
      n = Math.max(n, y);
    }
    const a = shift(w, s);
    const b = shift(e, n);
    return { minlat: a.lat, minlon: a.lon, maxlat: b.lat, maxlon: b.lon };
  };
  const wayPositions = (refs: readonly number[]) =>
    refs.map((r) => collected.position(r)).filter((p): p is [number, number] => p !== undefined);

  const elements: FixtureElement[] = [];
  for (const n of collected.pois)
    elements.push({ type: 'node', id: n.id, ...shift(n.lon, n.lat), tags: n.tags });
  const rivers: FixtureElement[] = [];
  for (const w of [...collected.ways.values()].sort((a, b) => a.id - b.id)) {
    const positions = wayPositions(w.refs);
    const bounds = boundsOf(positions);
    if (!bounds) continue;
    if (matchesAny('way', w.tags)) elements.push({ type: 'way', id: w.id, bounds, tags: w.tags });
    if (matchesSelector(RIVER, 'way', w.tags))
      rivers.push({
        type: 'way',
        id: w.id,
        bounds,
        geometry: positions.map(([x, y]) => shift(x, y)),
        tags: w.tags,
      });
  }
  for (const r of [...collected.relations].sort((a, b) => a.id - b.id)) {
    if (!matchesAny('relation', r.tags)) continue;
    const positions = r.members.flatMap((m) => {
      if (m.type === 'way') return wayPositions(collected.ways.get(m.ref)?.refs ?? []);
      const p = m.type === 'node' ? collected.position(m.ref) : undefined;
      return p ? [p] : [];
    });
    const bounds = boundsOf(positions);
    if (bounds) elements.push({ type: 'relation', id: r.id, bounds, tags: r.tags });
  }
  return {
    version: 0.6,
    generator: 'scripts/build_overpass_fixture.ts (relocated test data, not Lanzhou)',
    osm3s: {
      timestamp_osm_base: collected.timestamp.iso ?? '1970-01-01T00:00:00Z',
      copyright:
        'The data included in this document is from www.openstreetmap.org. The data is made available under ODbL.',
    },
    elements: [...elements, ...rivers],
  };
}

type Box = [number, number, number, number];

function elementBox(e: FixtureElement): Box | null {
  if (e.lon !== undefined && e.lat !== undefined) return [e.lon, e.lat, e.lon, e.lat];
  const b = e.bounds;
  return b ? [b.minlon, b.minlat, b.maxlon, b.maxlat] : null;
}
const meets = (a: Box, b: Box) => a[0] <= b[2] && b[0] <= a[2] && a[1] <= b[3] && b[1] <= a[3];

const STATEMENT =
  /(node|way|relation|nwr)((?:\["[^"]+"(?:[=~]"[^"]*")?\])+)\((-?[\d.]+),(-?[\d.]+),(-?[\d.]+),(-?[\d.]+)\);/g;

/**
 * What a server holding exactly the fixture answers to a live-facility tile query: for each statement
 * `selector(s,w,n,e);`, the elements it matches whose extent meets the box (as Overpass selects ways
 * crossing a box, an element on a tile edge is in both tiles' answers), each once; facilities without
 * geometry (`out tags bb`), rivers with it (`out geom`).
 * @returns the answer, and the facility boxes asked for ([W, S, E, N])
 */
export function answerTileQuery(
  fixture: OverpassFixture,
  query: string,
): { answer: OverpassFixture; boxes: Box[] } {
  const facilities = new Map<string, FixtureElement>();
  const rivers = new Map<string, FixtureElement>();
  const boxes: Box[] = [];
  for (const m of query.matchAll(STATEMENT)) {
    const sel = parseSelector(`${m[1]}${m[2]}`);
    const [s, w, n, e] = [m[3], m[4], m[5], m[6]].map(Number) as [number, number, number, number];
    const box: Box = [w, s, e, n];
    const isRiver = sel.filters.some((f) => f.key === 'waterway');
    if (!isRiver) boxes.push(box);
    for (const el of fixture.elements) {
      const isRiverEl = el.geometry !== undefined;
      if (isRiverEl !== isRiver || !matchesSelector(sel, el.type, el.tags)) continue;
      const eb = elementBox(el);
      if (!eb || !meets(eb, box)) continue;
      (isRiver ? rivers : facilities).set(`${el.type}/${el.id}`, el);
    }
  }
  return {
    answer: { ...fixture, elements: [...facilities.values(), ...rivers.values()] },
    boxes: boxes.filter((b, i) => boxes.findIndex((x) => x.join() === b.join()) === i),
  };
}
