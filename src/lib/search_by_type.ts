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
}

let typeNames: SearchIndex | null = null;

/**
 * Group `index`'s feature entries by category and facility type, for searchWithTypes. The type names'
 * own index is built once (≈ 45 names) and shared.
 */
export function buildTypeIndex(index: SearchIndex): TypeIndex {
  typeNames ??= buildSearchIndex(typeEntries());
  const members = new Map<string, number[]>();
  const add = (key: string, i: number) => {
    const list = members.get(key);
    if (list) list.push(i);
    else members.set(key, [i]);
  };
  index.entries.forEach((e, i) => {
    if (e.kind !== 'feature') return;
    if (e.category) add(`category:${e.category}`, i);
    if (e.facility_type) add(`type:${e.facility_type}`, i);
  });
  return { types: typeNames, members };
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
  const exact = named.filter((r) => r.match !== 'fuzzy');
  const typos = named.filter((r) => r.match === 'fuzzy');
  if (exact.length >= limit || normalizeQuery(query).length < MIN_TYPE_QUERY) return named;
  const hits = search(types.types, query, { limit: 100, lang: opts.lang });
  const best = hits[0];
  if (!best) return named;
  const seen = new Set(exact.map((r) => r.id));
  const found = new Map<number, SearchResult>();
  for (const t of hits) {
    if (t.score !== best.score) break;
    for (const i of types.members.get(t.id) ?? []) {
      const entry = index.entries[i] as SearchEntry;
      if (seen.has(entry.id) || found.has(i)) continue;
      found.set(i, {
        id: entry.id,
        kind: entry.kind,
        entry,
        score: t.score,
        match: t.match,
        highlight: { field: 'name_zh', index: 0, ranges: [] },
        via: { entry: t.entry, highlight: t.highlight },
      });
    }
  }
  const centre = opts.centre;
  const extra = [...found.values()];
  if (centre) {
    const d = new Map(extra.map((r) => [r, distanceSq(r.entry, centre)]));
    extra.sort(
      (a, b) => (d.get(a) as number) - (d.get(b) as number) || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0),
    );
  } else extra.sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  const typed = new Set(extra.map((r) => r.id));
  return [...exact, ...extra, ...typos.filter((r) => !typed.has(r.id))].slice(0, limit);
}
