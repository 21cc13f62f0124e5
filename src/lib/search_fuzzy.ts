// Pruning for the fuzzy stage of a search: the running cut-off of the top results and the bigram-count
// order that visits likely rows first and skips rows that can no longer place.

import type { GramFamily, Scratch, SearchIndex } from './search_index';
import { gramKey, MAX_SCORE } from './search_index';
import { SCORES, type SearchEntry, SUB } from './search_model';

/** The `limit`-th best score so far (0 while fewer entries matched): a match below it cannot place. */
export function kthScore(sc: Scratch, limit: number): number {
  if (limit === 0) return MAX_SCORE + 1;
  if (sc.touched.length < limit) return 0;
  let seen = 0;
  for (let s = MAX_SCORE; s > 0; s--) {
    seen += sc.hist[s] as number;
    if (seen >= limit) return s;
  }
  return 0;
}

/** Plain code-unit order of ids: the final tie-break, the same in every locale. */
export function compareIds(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/**
 * Where the running top `limit` ends: its last score and, among the entries holding exactly that score,
 * the name length and id of the last one that still places. Recomputed only after a fuzzy match is kept.
 */
export interface Cutoff {
  dirty: boolean;
  score: number;
  len: number;
  id: string;
}

export function refreshCutoff(ix: SearchIndex, limit: number, lens: Uint16Array, cut: Cutoff): void {
  cut.dirty = false;
  const sc = ix.scratch;
  cut.score = kthScore(sc, limit);
  cut.len = 65536;
  cut.id = '';
  if (cut.score === 0) return;
  let above = 0;
  for (let s = MAX_SCORE; s > cut.score; s--) above += sc.hist[s] as number;
  // The (limit − above) best of the entries at the cut-off score, by (name length, id).
  const tied: number[] = [];
  for (const e of sc.touched) if (sc.best[e] === cut.score) tied.push(e);
  const ids = (e: number) => (ix.entries[e] as SearchEntry).id;
  tied.sort((a, b) => (lens[a] as number) - (lens[b] as number) || compareIds(ids(a), ids(b)));
  const last = tied[limit - above - 1] as number;
  cut.len = lens[last] as number;
  cut.id = ids(last);
}

/**
 * Most edits a fuzzy match of `entry` may have and still place: its best possible score (no penalties)
 * must reach the cut-off, or pass it when the entry would lose the tie-break (longer name, later id).
 */
export function fuzzyAllowance(
  ix: SearchIndex,
  entry: number,
  k: number,
  lens: Uint16Array,
  cut: Cutoff,
): number {
  if (cut.score === 0) return k;
  const room = SCORES.fuzzy + SUB.fuzzyBase - cut.score;
  const wins = winsTie(ix, entry, lens, cut);
  return Math.min(k, wins ? Math.floor(room / SUB.fuzzyPerEdit) : Math.ceil(room / SUB.fuzzyPerEdit) - 1);
}

/** Would `entry` rank before the last placed entry at the cut-off score (shorter name, then id)? */
export function winsTie(ix: SearchIndex, entry: number, lens: Uint16Array, cut: Cutoff): boolean {
  const len = lens[entry] as number;
  return len < cut.len || (len === cut.len && compareIds((ix.entries[entry] as SearchEntry).id, cut.id) < 0);
}

/**
 * Visit fuzzy candidates of one family, likeliest first. A row within `k` edits misses at most 3k of the
 * query's R distinct bigrams (an edit, a transposition included, destroys at most 3), so a row sharing c
 * of them is at least ceil((R − c) / 3) edits away: rows are visited by descending c and skipped when that
 * bound exceeds what can still place. Counting every bigram's postings costs less than the edit-distance
 * runs it saves. With fewer than 3k+1 distinct bigrams nothing is proved and every row is tried.
 */
export function fuzzyFamily(
  ix: SearchIndex,
  family: GramFamily,
  q: string,
  k: number,
  rowCount: number,
  rowEntry: Int32Array,
  lens: Uint16Array,
  allowance: (entry: number) => number,
  maxAllowance: () => number,
  fn: (id: number, allowed: number) => void,
): void {
  const sc = ix.scratch;
  const distinct = new Set<number>();
  for (let i = 0; i + 1 < q.length; i++) distinct.add(gramKey(family, q.charCodeAt(i), q.charCodeAt(i + 1)));
  if (distinct.size < 3 * k + 1) {
    for (let id = 0; id < rowCount; id++) {
      const allowed = allowance(rowEntry[id] as number);
      if (allowed >= 0) fn(id, allowed);
    }
    return;
  }
  const lists = [...distinct].map((g) => ix.grams.get(g));
  const r = lists.length;
  const minC = r - 3 * k;
  const { counts, hits } = sc;
  let hitCount = 0;
  for (const list of lists) {
    if (!list) continue;
    for (let i = 0; i < list.length; i++) {
      const id = list[i] as number;
      const c = counts[id] as number;
      if (c === 0) hits[hitCount++] = id;
      counts[id] = c + 1;
    }
  }
  const hitIds = hits.subarray(0, hitCount);
  // Bucket the rows by shared count (one counting-sort pass), then walk the buckets from the most shared
  // down, ordering each visited bucket by name length: shorter names win ties, so the cut-off tightens
  // sooner and later rows are skipped. Buckets past the bound are never ordered at all.
  const bucketStart = new Int32Array(r + 2);
  for (let i = 0; i < hitCount; i++) {
    const c = counts[hitIds[i] as number] as number;
    if (c >= minC) bucketStart[r - c + 1] = (bucketStart[r - c + 1] as number) + 1;
  }
  for (let b = 0; b <= r; b++)
    bucketStart[b + 1] = (bucketStart[b + 1] as number) + (bucketStart[b] as number);
  const byCount = new Int32Array(bucketStart[r + 1] as number);
  const fill = bucketStart.slice(0, r + 1);
  for (let i = 0; i < hitCount; i++) {
    const id = hitIds[i] as number;
    const c = counts[id] as number;
    counts[id] = 0;
    if (c < minC) continue;
    byCount[fill[r - c] as number] = id;
    fill[r - c] = (fill[r - c] as number) + 1;
  }
  const lenStart = new Int32Array(65);
  for (let b = 0; b <= r - minC; b++) {
    const floor = Math.ceil(b / 3); // fewest edits a row missing b of the bigrams can have
    if (floor > maxAllowance()) return; // and the buckets further on miss more
    const bucket = byCount.subarray(bucketStart[b] as number, bucketStart[b + 1] as number);
    if (bucket.length === 0) continue;
    const lenOf = (id: number) => Math.min(63, lens[rowEntry[id] as number] as number);
    lenStart.fill(0);
    for (const id of bucket) lenStart[lenOf(id) + 1] = (lenStart[lenOf(id) + 1] as number) + 1;
    for (let l = 0; l < 64; l++) lenStart[l + 1] = (lenStart[l + 1] as number) + (lenStart[l] as number);
    const ordered = new Int32Array(bucket.length);
    for (const id of bucket) {
      const l = lenOf(id);
      ordered[lenStart[l] as number] = id;
      lenStart[l] = (lenStart[l] as number) + 1;
    }
    for (const id of ordered) {
      const allowed = allowance(rowEntry[id] as number);
      if (floor <= allowed) fn(id, allowed);
    }
  }
}
