// Search matchers: each decides one family of matches (汉字, pinyin, initials, mixed, English, fuzzy) for one row.

import { boundedDistance, locateMatch, type SubstringMatch } from './edit_distance';
import type { SearchIndex } from './search_index';
import { type MatchKind, SCORES, SUB } from './search_model';

export const KINDS: readonly MatchKind[] = [
  'exact',
  'prefix',
  'substring',
  'pinyin',
  'initials',
  'english',
  'fuzzy',
];
const KIND_INDEX = Object.fromEntries(KINDS.map((kind, i) => [kind, i])) as Record<MatchKind, number>;
/** The match being offered: matchers fill this one object instead of allocating. */
export const hit = { score: 0, kind: 0, field: 0, start: 0, end: 0 };

function setHit(score: number, kind: MatchKind, field: number, start: number, end: number): true {
  hit.score = score;
  hit.kind = KIND_INDEX[kind];
  hit.field = field;
  hit.start = start;
  hit.end = end;
  return true;
}

/** Families of matches; with the field, they order equal-score matches of one entry deterministically. */
export const FAMILY = {
  zh: 0,
  pinyin: 1,
  homophone: 2,
  initials: 3,
  mixed: 4,
  english: 5,
  fuzzyZh: 6,
  fuzzyPinyin: 7,
  fuzzyEnglish: 8,
} as const;
export const FAMILY_COUNT = 9;

// ---------------------------------------------------------------- matchers (shared by indexed and linear search)
// Each matcher decides one family for one row, deterministically (earliest start wins), and fills `hit`.

export function matchZh(ix: SearchIndex, id: number, q: string): boolean {
  const text = ix.zh.text[id] as string;
  const pos = text.indexOf(q);
  if (pos < 0) return false;
  const field = ix.zh.field[id] as number;
  const kind: MatchKind = pos > 0 ? 'substring' : q.length === text.length ? 'exact' : 'prefix';
  const score = SCORES[kind] + (field === 0 ? SUB.name : SUB.alias);
  const off = ix.zh.textOff[id] as number;
  const { srcStart, srcEnd } = ix.pools;
  return setHit(
    score,
    kind,
    field,
    srcStart[off + pos] as number,
    srcEnd[off + pos + q.length - 1] as number,
  );
}

/** Index (within the row) of the syllable that contains unit `pos` of the row's pinyin. */
function syllableAt(ix: SearchIndex, id: number, pos: number): number {
  const base = ix.zh.sylOff[id] as number;
  const n = (ix.zh.ini[id] as string).length;
  let j = 0;
  while (j + 1 < n && (ix.pools.sylStart[base + j + 1] as number) <= pos) j++;
  return j;
}

/** Hit for syllables first..last of a row. */
function pinyinHit(
  ix: SearchIndex,
  id: number,
  sub: number,
  kind: MatchKind,
  first: number,
  last: number,
): true {
  const field = ix.zh.field[id] as number;
  const base = ix.zh.sylOff[id] as number;
  const score = SCORES.pinyin + (field === 0 ? sub : sub - SUB.aliasPenalty);
  return setHit(
    score,
    kind,
    field,
    ix.pools.sylSrcStart[base + first] as number,
    ix.pools.sylSrcEnd[base + last] as number,
  );
}

/** Full pinyin: the query is the pinyin from a syllable start on ("zhongshanq" — the last may be partial). */
export function matchFullPinyin(ix: SearchIndex, id: number, q: string): boolean {
  const py = ix.zh.py[id] as string;
  if (q.length === 1) {
    // One letter: the first syllable that starts with it (same answer as the general loop, faster).
    const s = (ix.zh.ini[id] as string).indexOf(q);
    if (s < 0) return false;
    const sub = s > 0 ? SUB.pinyinInner : py.length === 1 ? SUB.pinyinExact : SUB.pinyinPrefix;
    return pinyinHit(ix, id, sub, 'pinyin', s, s);
  }
  const off = ix.zh.pyOff[id] as number;
  for (let pos = py.indexOf(q); pos >= 0; pos = py.indexOf(q, pos + 1)) {
    if (!ix.pools.pyFlag[off + pos]) continue;
    const sub = pos > 0 ? SUB.pinyinInner : q.length === py.length ? SUB.pinyinExact : SUB.pinyinPrefix;
    return pinyinHit(ix, id, sub, 'pinyin', syllableAt(ix, id, pos), syllableAt(ix, id, pos + q.length - 1));
  }
  return false;
}

/** Initials: one letter per syllable ("zsq"). */
export function matchInitials(ix: SearchIndex, id: number, q: string): boolean {
  const ini = ix.zh.ini[id] as string;
  const s = ini.indexOf(q);
  if (s < 0) return false;
  const sub = s > 0 ? SUB.initialsInner : q.length === ini.length ? SUB.initialsExact : SUB.initialsPrefix;
  return pinyinHit(ix, id, sub, 'initials', s, s + q.length - 1);
}

/**
 * Mixed pinyin: each consumed syllable contributes a non-empty prefix of itself, in order ("zhongsq",
 * "zhshq"). Full pinyin and initials are special cases, already scored higher by their own matchers.
 */
export function matchMixed(ix: SearchIndex, id: number, q: string, reach: [Uint8Array, Uint8Array]): boolean {
  const py = ix.zh.py[id] as string;
  const base = ix.zh.sylOff[id] as number;
  const n = (ix.zh.ini[id] as string).length;
  const { sylStart } = ix.pools;
  const m = q.length;
  const q0 = q.charCodeAt(0);
  for (let s = 0; s < n; s++) {
    if (py.charCodeAt(sylStart[base + s] as number) !== q0) continue;
    let [cur, next] = reach;
    cur.fill(0, 0, m + 1);
    cur[0] = 1;
    for (let j = s; j < n; j++) {
      next.fill(0, 0, m + 1);
      const a = sylStart[base + j] as number;
      const len = (j + 1 < n ? (sylStart[base + j + 1] as number) : py.length) - a;
      let any = false;
      for (let p = 0; p < m; p++) {
        if (!cur[p]) continue;
        for (let t = 0; t < len && p + t < m && q.charCodeAt(p + t) === py.charCodeAt(a + t); t++) {
          if (p + t + 1 === m)
            return pinyinHit(ix, id, s > 0 ? SUB.mixedInner : SUB.mixedPrefix, 'pinyin', s, j);
          next[p + t + 1] = 1;
          any = true;
        }
      }
      if (!any) break;
      [cur, next] = [next, cur];
    }
  }
  return false;
}

/** English: the query from the start of a word on ("bridge", "zhongshan bridge"). */
export function matchEnglish(ix: SearchIndex, id: number, q: string): boolean {
  const text = ix.en.text[id] as string;
  const off = ix.en.textOff[id] as number;
  const { srcStart, srcEnd, wordFlag } = ix.pools;
  for (let pos = text.indexOf(q); pos >= 0; pos = text.indexOf(q, pos + 1)) {
    if (!wordFlag[off + pos]) continue;
    const sub = pos > 0 ? SUB.englishWord : q.length === text.length ? SUB.englishExact : SUB.englishPrefix;
    return setHit(
      SCORES.english + sub,
      'english',
      1,
      srcStart[off + pos] as number,
      srcEnd[off + pos + q.length - 1] as number,
    );
  }
  return false;
}

const fuzzyOut: SubstringMatch = { d: 0, start: 0, end: 0 };

/**
 * Best OSA match of `q` in `t` starting where flags[flagOff + j] is 1 (anywhere when null), into
 * fuzzyOut; false when more than `k` edits. The first pass only measures; the rare row that matches is
 * run again, tracking where the match starts.
 */
function fuzzyDistance(
  q: string,
  t: string,
  flags: Uint8Array | null,
  flagOff: number,
  k: number,
  rows: Int32Array[],
): boolean {
  if (t.length === 0 || k < 0) return false;
  if (boundedDistance(q, t, flags, flagOff, k, rows) > k) return false;
  locateMatch(q, t, flags, flagOff, rows, fuzzyOut);
  return true;
}

export function fuzzyScore(d: number, alias: boolean, inner: boolean): number {
  const penalty = (alias ? SUB.fuzzyAlias : 0) + (inner ? SUB.fuzzyInner : 0);
  return SCORES.fuzzy + SUB.fuzzyBase - SUB.fuzzyPerEdit * d - penalty;
}

export function fuzzyZh(ix: SearchIndex, id: number, q: string, k: number, rows: Int32Array[]): boolean {
  if (!fuzzyDistance(q, ix.zh.text[id] as string, null, 0, k, rows)) return false;
  const { d, start, end } = fuzzyOut;
  const field = ix.zh.field[id] as number;
  const off = ix.zh.textOff[id] as number;
  const score = fuzzyScore(d, field !== 0, start > 0);
  return setHit(
    score,
    'fuzzy',
    field,
    ix.pools.srcStart[off + start] as number,
    ix.pools.srcEnd[off + end - 1] as number,
  );
}

export function fuzzyPinyin(ix: SearchIndex, id: number, q: string, k: number, rows: Int32Array[]): boolean {
  if (!fuzzyDistance(q, ix.zh.py[id] as string, ix.pools.pyFlag, ix.zh.pyOff[id] as number, k, rows))
    return false;
  const { d, start, end } = fuzzyOut;
  const field = ix.zh.field[id] as number;
  const base = ix.zh.sylOff[id] as number;
  const first = syllableAt(ix, id, start);
  const last = syllableAt(ix, id, end - 1);
  const score = fuzzyScore(d, field !== 0, start > 0);
  return setHit(
    score,
    'fuzzy',
    field,
    ix.pools.sylSrcStart[base + first] as number,
    ix.pools.sylSrcEnd[base + last] as number,
  );
}

export function fuzzyEnglish(ix: SearchIndex, id: number, q: string, k: number, rows: Int32Array[]): boolean {
  const off = ix.en.textOff[id] as number;
  if (!fuzzyDistance(q, ix.en.text[id] as string, ix.pools.wordFlag, off, k, rows)) return false;
  const { d, start, end } = fuzzyOut;
  const score = fuzzyScore(d, false, start > 0);
  return setHit(
    score,
    'fuzzy',
    1,
    ix.pools.srcStart[off + start] as number,
    ix.pools.srcEnd[off + end - 1] as number,
  );
}
