// Type words in search: a category or facility-type name ("篮球", "basketball", "图书馆", "ditie", "metro")
// finds the facilities of that type, after the name matches, nearest the map centre first.

import { CATALOG } from '../catalog';
import { FACILITY_TYPES } from './osm_rules';
import { search } from './search';
import { buildSearchIndex, type SearchIndex } from './search_index';
import type { SearchEntry, SearchOptions, SearchResult } from './search_model';
import { normalizeQuery } from './search_text';

/** Type entries: one per facility category (`category:<id>`) and per facility type (`type:<key>`). */
export function typeEntries(): SearchEntry[] {
  const out: SearchEntry[] = [];
  for (const e of CATALOG) {
    if (!e.facility || e.derived) continue;
    out.push({
      id: `category:${e.id}`,
      kind: 'type',
      name_zh: e.name_zh,
      name_en: e.name_en,
      category: e.id,
    });
  }
  for (const [key, name] of Object.entries(FACILITY_TYPES)) {
    out.push({ id: `type:${key}`, kind: 'type', name_zh: name.zh, name_en: name.en, facility_type: key });
  }
  return out;
}

/** The features of an index grouped by type entry id (`category:park`, `type:basketball`). */
export interface TypeIndex {
  types: SearchIndex;
  members: ReadonlyMap<string, readonly number[]>;
  /** Entry index by id, and one mark per entry for the running query (no per-query sets). */
  position: ReadonlyMap<string, number>;
  mark: Uint32Array;
  stamp: { value: number };
}

let typeNames: SearchIndex | null = null;

/**
 * Group `index`'s feature entries by category and facility type, for searchWithTypes. The type names'
 * own index is built once (≈ 45 names) and shared.
 */
export function buildTypeIndex(index: SearchIndex): TypeIndex {
  typeNames ??= buildSearchIndex(typeEntries());
  const members = new Map<string, number[]>();
  const position = new Map<string, number>();
  const add = (key: string, i: number) => {
    const list = members.get(key);
    if (list) list.push(i);
    else members.set(key, [i]);
  };
  index.entries.forEach((e, i) => {
    position.set(e.id, i);
    if (e.kind !== 'feature') return;
    if (e.category) add(`category:${e.category}`, i);
    if (e.facility_type) add(`type:${e.facility_type}`, i);
  });
  return {
    types: typeNames,
    members,
    position,
    mark: new Uint32Array(index.entries.length),
    stamp: { value: 0 },
  };
}

export interface TypeSearchOptions extends SearchOptions {
  /** Map centre [lon, lat] (WGS-84 degrees): type matches are listed nearest it first. */
  centre?: readonly [number, number];
}

/** Type queries shorter than this (normalised units) are not tried: one 汉字 ("园") would list half the map. */
export const MIN_TYPE_QUERY = 2;

/** Squared equirectangular distance (degrees² scaled to metres² at Lanzhou's latitude): only compared. */
function distanceSq(e: SearchEntry, centre: readonly [number, number]): number {
  if (e.lon === undefined || e.lat === undefined) return Number.POSITIVE_INFINITY;
  const kx = Math.cos((centre[1] * Math.PI) / 180);
  const dx = (e.lon - centre[0]) * kx;
  const dy = e.lat - centre[1];
  return dx * dx + dy * dy;
}

/**
 * Name matches first (in `search`'s order), then — while there is room under `limit` — the facilities
 * whose category or facility type is named by the query, nearest `centre` first (ties by id), then
 * name matches with typos.
 * Only the type names matched best count ("图书馆" is the facility type 图书馆 exactly; the category
 * 图书馆与自习, a prefix match, does not add the study spaces; "metro" names the category and the type alike).
 */
export function searchWithTypes(
  index: SearchIndex,
  types: TypeIndex,
  query: string,
  opts: TypeSearchOptions = {},
): SearchResult[] {
  const named = search(index, query, opts);
  const limit = opts.limit ?? 10;
  // Typos in names rank after a type word spelt right ("metro" is not "Meteorological" with one edit).
  const spelt = named.filter((r) => r.match !== 'fuzzy');
  const typos = named.filter((r) => r.match === 'fuzzy');
  if (spelt.length >= limit || normalizeQuery(query).length < MIN_TYPE_QUERY) return named;
  const hits = search(types.types, query, { limit: 100, lang: opts.lang });
  const best = hits[0];
  if (!best) return named;
  // A plan target whose text only contains the word (地铁 inside "青年友好地铁车厢") is a promise, not a
  // place of that type: it ranks after the places found by type. One found by its name's start stays.
  const mentions = spelt.filter((r) => r.kind === 'target' && r.match !== 'exact' && r.match !== 'prefix');
  const exact = spelt.filter((r) => !mentions.includes(r));
  // Marks: `stamp` for a name match, `stamp + 1` for a type match (a fresh pair per query).
  if (types.stamp.value > 0xfffffff0) {
    types.mark.fill(0);
    types.stamp.value = 0;
  }
  types.stamp.value += 2;
  const stamp = types.stamp.value;
  const markOf = (id: string) => types.mark[types.position.get(id) ?? -1];
  for (const r of exact) {
    const i = types.position.get(r.id);
    if (i !== undefined) types.mark[i] = stamp;
  }
  const room = limit - exact.length;
  const centre = opts.centre;
  const compareIds = (x: string, y: string) => (x < y ? -1 : x > y ? 1 : 0);
  // Bounded insertion of the `room` nearest (then lowest id): a type can have thousands of members.
  const top: Array<{ i: number; d: number; via: SearchResult }> = [];
  for (const t of hits) {
    if (t.score !== best.score) break;
    for (const i of types.members.get(t.id) ?? []) {
      if ((types.mark[i] as number) >= stamp) continue;
      types.mark[i] = stamp + 1;
      const entry = index.entries[i] as SearchEntry;
      const d = centre ? distanceSq(entry, centre) : 0;
      const before = (o: { i: number; d: number }) =>
        d < o.d || (d === o.d && compareIds(entry.id, (index.entries[o.i] as SearchEntry).id) < 0);
      if (top.length === room && !before(top[room - 1] as { i: number; d: number })) continue;
      let k = top.length === room ? room - 1 : top.length;
      while (k > 0 && before(top[k - 1] as { i: number; d: number })) {
        top[k] = top[k - 1] as (typeof top)[number];
        k--;
      }
      top[k] = { i, d, via: t };
    }
  }
  const extra = top.map(({ i, via }): SearchResult => {
    const entry = index.entries[i] as SearchEntry;
    return {
      id: entry.id,
      kind: entry.kind,
      entry,
      score: via.score,
      match: via.match,
      highlight: { field: 'name_zh', index: 0, ranges: [] },
      via: { entry: via.entry, highlight: via.highlight },
    };
  });
  return [...exact, ...extra, ...mentions, ...typos.filter((r) => markOf(r.id) !== stamp + 1)].slice(
    0,
    limit,
  );
}
