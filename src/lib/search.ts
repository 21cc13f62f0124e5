// Instant bilingual search over features and districts: 汉字, pinyin (full, initials, mixed), English, typos.
// The index is built in search_index.ts, the matchers are in search_match.ts; this module runs a query.

import { bitParallelDistance, buildPeq } from './edit_distance';
import type { Lang } from './i18n';
import {
  type GramFamily,
  gramKey,
  letterCounts,
  letterMask,
  popcount,
  type Scratch,
  type SearchIndex,
} from './search_index';
import {
  FAMILY,
  FAMILY_COUNT,
  fuzzyEnglish,
  fuzzyPinyin,
  fuzzyScore,
  fuzzyZh,
  hit,
  KINDS,
  matchEnglish,
  matchFullPinyin,
  matchInitials,
  matchMixed,
  matchZh,
} from './search_match';
import {
  fuzzyBudget,
  type MatchKind,
  SCORES,
  type SearchEntry,
  type SearchOptions,
  type SearchResult,
  SUB,
} from './search_model';
import { HAN, normalizeQuery, tokenize } from './search_text';

export { highlightedText, highlightSegments, type Segment } from './search_highlight';
export { buildSearchIndex, type SearchIndex, searchEntriesFromFeatures } from './search_index';
export * from './search_model';

import {
  type Cutoff,
  compareIds,
  fuzzyAllowance,
  fuzzyFamily,
  kthScore,
  refreshCutoff,
  winsTie,
} from './search_fuzzy';

export {
  MAX_QUERY_LENGTH,
  type Normalized,
  normalizeForSearch,
  normalizeQuery,
  type Syllables,
  toSyllables,
} from './search_text';

const DEFAULT_LIMIT = 10;

// ---------------------------------------------------------------- query

interface Query {
  q: string;
  /** Pinyin of a query with ≥ 2 汉字, to find homophones (中山乔 → 中山桥); '' otherwise. */
  qpy: string;
  k: number;
  mask: number;
  /** Letter-slot counts of q, and the slots that occur. */
  counts: Uint8Array;
  slots: number[];
}

function prepareQuery(raw: unknown): Query | null {
  const q = normalizeQuery(typeof raw === 'string' ? raw : '');
  if (!q) return null;
  let hanCount = 0;
  for (const c of q) if (HAN.test(c)) hanCount++;
  const qpy = hanCount >= 2 ? tokenize(q).tokens.join('') : '';
  const counts = new Uint8Array(32);
  letterCounts(q, counts, 0);
  const slots = [...counts.keys()].filter((slot) => (counts[slot] as number) > 0);
  return { q, qpy: qpy === q ? '' : qpy, k: fuzzyBudget(q.length), mask: letterMask(q), counts, slots };
}

/**
 * Letters the query has more of than the whole row (counted per slot): each needs its own edit, and
 * transpositions keep counts, so this is a lower bound on the distance. Stops counting above `k`.
 */
function missingLetters(query: Query, rowCounts: Uint8Array, off: number, k: number): number {
  let missing = 0;
  for (const slot of query.slots) {
    const short = (query.counts[slot] as number) - (rowCounts[off + slot] as number);
    if (short > 0) {
      missing += short;
      if (missing > k) return missing;
    }
  }
  return missing;
}

/** Keep `hit` as `entry`'s match if it beats the entry's best (equal scores: lower field, then family). */
function offer(sc: Scratch, entry: number, family: number): void {
  const tie = hit.field * FAMILY_COUNT + family;
  const old = sc.best[entry] as number;
  if (old === 0) {
    sc.touched.push(entry);
  } else {
    if (hit.score < old || (hit.score === old && tie >= (sc.tie[entry] as number))) return;
    sc.hist[old] = (sc.hist[old] as number) - 1;
  }
  sc.hist[hit.score] = (sc.hist[hit.score] as number) + 1;
  sc.best[entry] = hit.score;
  sc.tie[entry] = tie;
  sc.kind[entry] = hit.kind;
  sc.field[entry] = hit.field;
  sc.start[entry] = hit.start;
  sc.end[entry] = hit.end;
}

/** Ids of rows that contain every unigram/bigram of `q` in `family`: the shortest list, to be verified. */
function substringCandidates(ix: SearchIndex, family: GramFamily, q: string): Int32Array | undefined {
  if (q.length === 1) return ix.grams.get(gramKey(family, q.charCodeAt(0), -1));
  let best: Int32Array | undefined;
  for (let i = 0; i + 1 < q.length; i++) {
    const list = ix.grams.get(gramKey(family, q.charCodeAt(i), q.charCodeAt(i + 1)));
    if (!list) return undefined;
    if (!best || list.length < best.length) best = list;
  }
  return best;
}

/** Run `fn` once per distinct id in the lists. */
function eachDistinct(ix: SearchIndex, lists: Array<Int32Array | undefined>, fn: (id: number) => void): void {
  const sc = ix.scratch;
  if (lists.length === 1) {
    // One posting list holds each row once.
    const list = lists[0];
    if (list) for (let i = 0; i < list.length; i++) fn(list[i] as number);
    return;
  }
  sc.stampValue++;
  if (sc.stampValue > 0x7ffffff0) {
    sc.stamp.fill(0);
    sc.stampValue = 1;
  }
  for (const list of lists) {
    if (!list) continue;
    for (let i = 0; i < list.length; i++) {
      const id = list[i] as number;
      if (sc.stamp[id] === sc.stampValue) continue;
      sc.stamp[id] = sc.stampValue;
      fn(id);
    }
  }
}

/** Result count: `limit` floored into 0..1000; the default when absent or not a number. */
function clampLimit(limit: number | undefined): number {
  return typeof limit === 'number' && Number.isFinite(limit)
    ? Math.max(0, Math.min(1000, Math.floor(limit)))
    : DEFAULT_LIMIT;
}

function collect(ix: SearchIndex, limit: number, lang: Lang | undefined): SearchResult[] {
  const sc = ix.scratch;
  const lens = lang === 'en' ? ix.nameLen.en : ix.nameLen.zh;
  const { entries } = ix;
  const cmp = (a: number, b: number): number =>
    (sc.best[b] as number) - (sc.best[a] as number) ||
    (lens[a] as number) - (lens[b] as number) ||
    compareIds((entries[a] as SearchEntry).id, (entries[b] as SearchEntry).id);
  // Bounded insertion: most candidates lose the first comparison with the current last.
  const top: number[] = [];
  if (limit > 0) {
    for (const e of sc.touched) {
      const full = top.length === limit;
      if (full && cmp(e, top[limit - 1] as number) >= 0) continue;
      let i = full ? limit - 1 : top.length;
      if (!full) top.push(e);
      while (i > 0 && cmp(e, top[i - 1] as number) < 0) {
        top[i] = top[i - 1] as number;
        i--;
      }
      top[i] = e;
    }
  }
  const results = top.map((e): SearchResult => {
    const entry = entries[e] as SearchEntry;
    const f = sc.field[e] as number;
    return {
      id: entry.id,
      kind: entry.kind,
      entry,
      score: sc.best[e] as number,
      match: KINDS[sc.kind[e] as number] as MatchKind,
      highlight: {
        field: f === 0 ? 'name_zh' : f === 1 ? 'name_en' : 'extra_zh',
        index: f >= 2 ? f - 2 : 0,
        ranges: [[sc.start[e] as number, sc.end[e] as number]],
      },
    };
  });
  for (const e of sc.touched) {
    sc.hist[sc.best[e] as number] = 0;
    sc.best[e] = 0;
  }
  sc.touched.length = 0;
  return results;
}

/**
 * Ranked search. Tiers: exact name > prefix > substring (汉字; aliases below the name) > full pinyin /
 * initials / mixed > English (from a word start) > fuzzy (typos over 汉字, pinyin and English; budget from
 * fuzzyBudget). Ties: shorter name in `lang` first, then id. Touches only candidates from the n-gram
 * postings and skips work that can no longer reach the top `limit`; returns what searchLinear returns.
 * @param query raw user input (normalised and truncated here; empty → [])
 */
export function search(index: SearchIndex, query: string, opts: SearchOptions = {}): SearchResult[] {
  const prepared = prepareQuery(query);
  if (!prepared) return [];
  const { q, qpy, k, mask } = prepared;
  const limit = clampLimit(opts.limit);
  const ix = index;
  const { zh, en, scratch: sc } = ix;
  const { rows, reach } = sc;
  const gram = (f: GramFamily, a: string) =>
    ix.grams.get(gramKey(f, a.charCodeAt(0), a.length > 1 ? a.charCodeAt(1) : -1));
  // A later stage runs only if its best possible score can still place.
  const open = (max: number) => kthScore(sc, limit) <= max;

  const zhStage = (list: Int32Array | undefined) =>
    eachDistinct(ix, [list], (id) => {
      if (matchZh(ix, id, q)) offer(sc, zh.entry[id] as number, FAMILY.zh);
    });
  if (q.length === 1) {
    // One character: names that start with it first (exact or prefix); the rest can only be substrings.
    zhStage(gram('f', q));
    if (open(SCORES.substring + SUB.name)) zhStage(gram('z', q));
  } else {
    zhStage(substringCandidates(ix, 'z', q));
  }
  // A full-pinyin match is a substring of the pinyin (at a syllable start, checked by the matcher). One
  // letter is the initial of its syllable: rows whose first syllable has it come first, the rest can only
  // match inside.
  const full = (text: string, family: number) => {
    const stage = (list: Int32Array | undefined) =>
      eachDistinct(ix, [list], (id) => {
        if (matchFullPinyin(ix, id, text)) offer(sc, zh.entry[id] as number, family);
      });
    if (text.length > 1) stage(substringCandidates(ix, 'p', text));
    else {
      stage(gram('g', text));
      if (open(SCORES.pinyin + SUB.pinyinInner)) stage(gram('i', text));
    }
  };
  if (open(SCORES.pinyin + SUB.pinyinExact)) {
    full(q, FAMILY.pinyin);
    if (qpy) full(qpy, FAMILY.homophone);
  }
  if (open(SCORES.pinyin + SUB.initialsExact)) {
    // One letter as initials beats one letter of full pinyin only for a one-syllable row ("y" for 银).
    const single = q.length === 1;
    eachDistinct(ix, [single ? gram('g', q) : substringCandidates(ix, 'i', q)], (id) => {
      if (single && (zh.ini[id] as string).length !== 1) return;
      if (matchInitials(ix, id, q)) offer(sc, zh.entry[id] as number, FAMILY.initials);
    });
  }
  // Mixed: the first piece is ≥ 2 letters of one syllable (a pinyin bigram) or one letter followed by the
  // next initial (an initials bigram); every query letter must occur in the pinyin. One letter is always
  // a full-pinyin match, which scores higher.
  if (q.length > 1 && open(SCORES.pinyin + SUB.mixedPrefix)) {
    const first = q.slice(0, 2);
    eachDistinct(ix, [gram('p', first), gram('i', first)], (id) => {
      if ((mask & ~(zh.pyMask[id] as number)) === 0 && matchMixed(ix, id, q, reach)) {
        offer(sc, zh.entry[id] as number, FAMILY.mixed);
      }
    });
  }
  if (open(SCORES.english + SUB.englishExact)) {
    eachDistinct(ix, [substringCandidates(ix, 'e', q)], (id) => {
      if (matchEnglish(ix, id, q)) offer(sc, en.entry[id] as number, FAMILY.english);
    });
  }
  // Fuzzy. Length and letter-set filters: a row shorter than |q| − k, or missing more than k of the
  // query's letters, is more than k edits away. An entry that already scores above anything a fuzzy
  // match could give is skipped.
  if (k > 0 && open(fuzzyScore(0, false, false))) {
    const m = q.length;
    const lens = opts.lang === 'en' ? ix.nameLen.en : ix.nameLen.zh;
    const cut: Cutoff = { dirty: true, score: 0, len: 0, id: '' };
    const allowance = (entry: number) => {
      if (cut.dirty) refreshCutoff(ix, limit, lens, cut);
      const allowed = fuzzyAllowance(ix, entry, k, lens, cut);
      return (sc.best[entry] as number) > fuzzyScore(0, false, false) ? -1 : allowed;
    };
    // What the entry that would win every tie may still have: bounds whole buckets at once.
    const maxAllowance = () => {
      if (cut.dirty) refreshCutoff(ix, limit, lens, cut);
      return cut.score === 0
        ? k
        : Math.min(k, Math.floor((SCORES.fuzzy + SUB.fuzzyBase - cut.score) / SUB.fuzzyPerEdit));
    };
    const keep = (entry: number, family: number) => {
      // The cut-off moves only if this match places: above it, or level with it and winning the tie.
      const before = sc.best[entry] as number;
      offer(sc, entry, family);
      if ((sc.best[entry] as number) === before) return;
      if (
        cut.score === 0 ||
        hit.score > cut.score ||
        (hit.score === cut.score && winsTie(ix, entry, lens, cut))
      ) {
        cut.dirty = true;
      }
    };
    const peq = m <= 32 ? buildPeq(q) : null;
    const near = (t: string, allowed: number) => peq === null || bitParallelDistance(peq, m, t) <= allowed;
    const families: Array<
      [GramFamily, readonly string[], Int32Array, (id: number, allowed: number) => void]
    > = [
      [
        'z',
        zh.text,
        zh.entry,
        (id, allowed) => {
          const t = zh.text[id] as string;
          const ok = t.length >= m - allowed && popcount(mask & ~(zh.textMask[id] as number)) <= allowed;
          if (ok && near(t, allowed) && fuzzyZh(ix, id, q, allowed, rows))
            keep(zh.entry[id] as number, FAMILY.fuzzyZh);
        },
      ],
      [
        'p',
        zh.py,
        zh.entry,
        (id, allowed) => {
          const t = zh.py[id] as string;
          const ok =
            t.length >= m - allowed && missingLetters(prepared, zh.pyCounts, id * 32, allowed) <= allowed;
          if (ok && near(t, allowed) && fuzzyPinyin(ix, id, q, allowed, rows)) {
            keep(zh.entry[id] as number, FAMILY.fuzzyPinyin);
          }
        },
      ],
      [
        'e',
        en.text,
        en.entry,
        (id, allowed) => {
          const t = en.text[id] as string;
          const ok =
            t.length >= m - allowed && missingLetters(prepared, en.counts, id * 32, allowed) <= allowed;
          if (ok && near(t, allowed) && fuzzyEnglish(ix, id, q, allowed, rows)) {
            keep(en.entry[id] as number, FAMILY.fuzzyEnglish);
          }
        },
      ],
    ];
    for (const [family, texts, rowEntry, fn] of families) {
      fuzzyFamily(ix, family, q, k, texts.length, rowEntry, lens, allowance, maxAllowance, fn);
    }
  }
  return collect(ix, limit, opts.lang);
}

/**
 * The same ranking by a plain scan of every row with every matcher (no postings, no filters, no pruning):
 * the benchmark's baseline and the oracle that `search` is tested against.
 */
export function searchLinear(index: SearchIndex, query: string, opts: SearchOptions = {}): SearchResult[] {
  const prepared = prepareQuery(query);
  if (!prepared) return [];
  const { q, qpy, k } = prepared;
  const ix = index;
  const { zh, en, scratch: sc } = ix;
  const { rows, reach } = sc;
  for (let id = 0; id < zh.text.length; id++) {
    const entry = zh.entry[id] as number;
    if (matchZh(ix, id, q)) offer(sc, entry, FAMILY.zh);
    if (matchFullPinyin(ix, id, q)) offer(sc, entry, FAMILY.pinyin);
    if (qpy && matchFullPinyin(ix, id, qpy)) offer(sc, entry, FAMILY.homophone);
    if (matchInitials(ix, id, q)) offer(sc, entry, FAMILY.initials);
    if (matchMixed(ix, id, q, reach)) offer(sc, entry, FAMILY.mixed);
    if (k > 0 && fuzzyZh(ix, id, q, k, rows)) offer(sc, entry, FAMILY.fuzzyZh);
    if (k > 0 && fuzzyPinyin(ix, id, q, k, rows)) offer(sc, entry, FAMILY.fuzzyPinyin);
  }
  for (let id = 0; id < en.text.length; id++) {
    const entry = en.entry[id] as number;
    if (matchEnglish(ix, id, q)) offer(sc, entry, FAMILY.english);
    if (k > 0 && fuzzyEnglish(ix, id, q, k, rows)) offer(sc, entry, FAMILY.fuzzyEnglish);
  }
  return collect(ix, clampLimit(opts.limit), opts.lang);
}
