// What the search box says about a query's results: nothing found (and what was searched), or no place
// but districts / plan targets found, so a list of targets never reads as "no matching places".

import type { MessageKey, Params } from './i18n';
import type { SearchResult } from './search_model';

/** A message to translate: key and parameters. */
export interface SearchMessage {
  key: MessageKey;
  params: Params;
}

/** The results counted by what they are: places (found by name or type), districts and plan targets. */
export interface SearchCounts {
  places: number;
  districts: number;
  targets: number;
}

/** The query as quoted in a message: trimmed, at most this many characters (then "…"). */
export const QUOTE_MAX = 30;

const quote = (query: string): string => {
  const q = query.trim().replace(/\s+/g, ' ');
  const chars = [...q];
  return chars.length > QUOTE_MAX ? `${chars.slice(0, QUOTE_MAX).join('')}…` : q;
};

/** Counts results by kind ('feature' and 'type' results are places). */
export function searchCounts(results: readonly Pick<SearchResult, 'kind'>[]): SearchCounts {
  const c: SearchCounts = { places: 0, districts: 0, targets: 0 };
  for (const r of results) {
    if (r.kind === 'district') c.districts++;
    else if (r.kind === 'target') c.targets++;
    else c.places++;
  }
  return c;
}

/**
 * The line shown with the results, or null when the list speaks for itself (it holds places, or nothing
 * was typed). Nothing found: "No places, districts or plan targets match “q”". No place but something else:
 * "No places match “q”; found 2 plan targets:" with the parts that were found (districts, plan targets).
 */
export function searchOutcome(
  query: string,
  results: readonly Pick<SearchResult, 'kind'>[],
): SearchMessage | null {
  const q = quote(query);
  if (!q) return null;
  if (results.length === 0) return { key: 'search.none', params: { q } };
  const c = searchCounts(results);
  if (c.places > 0) return null;
  if (c.districts > 0 && c.targets > 0)
    return { key: 'search.no_places.both', params: { q, districts: c.districts, targets: c.targets } };
  if (c.targets > 0) return { key: 'search.no_places.targets', params: { q, n: c.targets } };
  return { key: 'search.no_places.districts', params: { q, n: c.districts } };
}
