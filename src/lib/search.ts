// Instant bilingual search over features and districts: 汉字, pinyin (full, initials, mixed), English, typos.

import { pinyin } from 'pinyin-pro';
import {
  bitParallelDistance,
  boundedDistance,
  buildPeq,
  createRows,
  locateMatch,
  type SubstringMatch,
} from './edit_distance';
import type { CategoryId, DistrictCode, MapFeature } from './feature';
import { LANZHOU_DISTRICTS } from './feature';
import type { Lang } from './i18n';

/** One searchable thing. `extra_zh` holds aliases (an address, a former name); they rank below the name. */
export interface SearchEntry {
  id: string;
  kind: 'feature' | 'district';
  name_zh: string;
  name_en: string;
  category?: CategoryId;
  /** County-level adcode, shown on the result's second line. */
  district?: string;
  extra_zh?: string[];
}

/** Which rule matched. The order of the tiers is the order of this list (`substring` sits between). */
export type MatchKind = 'exact' | 'prefix' | 'substring' | 'pinyin' | 'initials' | 'english' | 'fuzzy';

/** The matched text: half-open UTF-16 ranges into `name_zh`, `name_en` or `extra_zh[index]`. */
export interface Highlight {
  field: 'name_zh' | 'name_en' | 'extra_zh';
  /** Index into `extra_zh`; 0 for the names. */
  index: number;
  ranges: Array<[number, number]>;
}

export interface SearchResult {
  id: string;
  kind: SearchEntry['kind'];
  entry: SearchEntry;
  /** Higher is better; the hundreds digit is the tier (see SCORES). */
  score: number;
  match: MatchKind;
  highlight: Highlight;
}

export interface SearchOptions {
  /** Maximum number of results (default 10). */
  limit?: number;
  /** Display language: only breaks ties (shorter name in this language first). Default 'zh'. */
  lang?: Lang;
}

/** Normalised query length cap (UTF-16 units): a search box needs no more, and hostile input stays cheap. */
export const MAX_QUERY_LENGTH = 64;
/** Indexed length of each name or alias after normalisation (UTF-16 units); feature properties are untrusted. */
export const MAX_FIELD_LENGTH = 200;
/** At most this many aliases per entry are indexed. */
export const MAX_ALIASES = 8;
const DEFAULT_LIMIT = 10;

/**
 * Tier bases. A result's score is its tier base plus a sub-score in 0..99, so a better tier always wins:
 * exact name > prefix > substring > pinyin/initials > English > fuzzy.
 */
export const SCORES = {
  exact: 900,
  prefix: 800,
  substring: 700,
  pinyin: 600,
  english: 500,
  fuzzy: 400,
} as const;

/** Sub-scores inside the tiers (documented here so the tests and the reference scorer share them). */
export const SUB = {
  /** 汉字 tiers: the name itself vs one of its aliases. */
  name: 90,
  alias: 40,
  /** Pinyin from the first syllable. */
  pinyinExact: 95,
  initialsExact: 90,
  pinyinPrefix: 80,
  initialsPrefix: 75,
  mixedPrefix: 70,
  /** Pinyin starting at a later syllable. */
  pinyinInner: 50,
  initialsInner: 45,
  mixedInner: 40,
  /** Subtracted from a pinyin sub-score when the match is in an alias. */
  aliasPenalty: 30,
  englishExact: 90,
  englishPrefix: 80,
  englishWord: 60,
  /** Fuzzy: fuzzyBase − fuzzyPerEdit × edits − penalties. */
  fuzzyBase: 95,
  fuzzyPerEdit: 25,
  fuzzyAlias: 10,
  fuzzyInner: 5,
} as const;

/**
 * Typo budget (edits, Damerau–Levenshtein with adjacent transpositions) for a normalised query of
 * `length` UTF-16 units: none up to 4, one up to 8, then two — short queries with typos match almost anything.
 */
export function fuzzyBudget(length: number): number {
  return length <= 4 ? 0 : length <= 8 ? 1 : 2;
}

// ---------------------------------------------------------------- growable typed buffers

class IntBuffer {
  a = new Int32Array(1024);
  n = 0;
  push(v: number): void {
    if (this.n === this.a.length) {
      const b = new Int32Array(this.a.length * 2);
      b.set(this.a);
      this.a = b;
    }
    this.a[this.n++] = v;
  }
  done(): Int32Array {
    return this.a.slice(0, this.n);
  }
}

class ByteBuffer {
  a = new Uint8Array(4096);
  n = 0;
  /** Append `count` zero bytes; returns the offset of the first. */
  grow(count: number): number {
    while (this.n + count > this.a.length) {
      const b = new Uint8Array(this.a.length * 2);
      b.set(this.a);
      this.a = b;
    }
    this.n += count;
    return this.n - count;
  }
  done(): Uint8Array {
    return this.a.slice(0, this.n);
  }
}

// ---------------------------------------------------------------- normalisation

/** Normalised text with, for each UTF-16 unit, the source range [srcStart, srcEnd) it came from. */
export interface Normalized {
  text: string;
  srcStart: Int32Array;
  srcEnd: Int32Array;
}

const LETTER_OR_DIGIT = /^[\p{L}\p{N}]$/u;
const HAN = /^\p{Script=Han}$/u;

/** What one source code point becomes after normalisation ('' when dropped). */
function normalizeCodePoint(cp: number): string {
  if (cp < 0x80) {
    // ASCII fast path: the common case when indexing tens of thousands of names.
    if (cp >= 0x41 && cp <= 0x5a) return String.fromCharCode(cp + 32);
    if ((cp >= 0x61 && cp <= 0x7a) || (cp >= 0x30 && cp <= 0x39)) return String.fromCharCode(cp);
    return '';
  }
  // CJK unified ideographs (+ extension A): NFKD is the identity.
  if ((cp >= 0x4e00 && cp <= 0x9fff) || (cp >= 0x3400 && cp <= 0x4dbf)) return String.fromCharCode(cp);
  if (cp === 0xfc || cp === 0xdc) return 'v';
  const ch = String.fromCodePoint(cp);
  if (/^[uU]\u0308/.test(ch.normalize('NFD'))) return 'v'; // ǖ ǘ ǚ ǜ: ü with a tone mark
  let piece = '';
  for (const c of ch.normalize('NFKD').toLowerCase()) {
    if (LETTER_OR_DIGIT.test(c)) piece += c;
  }
  return piece;
}

/** Core of normalizeForSearch: appends the source range of each output unit to the buffers (if given). */
function normalizeInto(
  s: string,
  maxLength: number,
  starts: IntBuffer | null,
  ends: IntBuffer | null,
): string {
  let text = '';
  for (let i = 0; i < s.length; ) {
    const cp = s.codePointAt(i) as number;
    const size = cp > 0xffff ? 2 : 1;
    const piece = normalizeCodePoint(cp);
    if (piece) {
      if (text.length + piece.length > maxLength) break;
      for (let k = 0; k < piece.length; k++) {
        starts?.push(i);
        ends?.push(i + size);
      }
      text += piece;
    }
    i += size;
  }
  return text;
}

/**
 * Normalise for matching: compatibility forms folded (full-width ASCII → ASCII), accents stripped, lower
 * case, ü → v (the pinyin IME spelling), and everything that is not a letter or digit dropped (spaces,
 * punctuation, regex metacharacters, bidi and zero-width controls). Done per code point, so every output
 * unit maps back to its source range for highlighting. Traditional → simplified is NOT folded (out of scope).
 * @param s source text
 * @param maxLength stop before the output would exceed this many UTF-16 units
 */
export function normalizeForSearch(s: string, maxLength = Number.POSITIVE_INFINITY): Normalized {
  const starts = new IntBuffer();
  const ends = new IntBuffer();
  const text = normalizeInto(s, maxLength, starts, ends);
  return { text, srcStart: starts.done(), srcEnd: ends.done() };
}

/** The normalised, truncated query string (see normalizeForSearch). A 1 MB paste costs microseconds. */
export function normalizeQuery(raw: string): string {
  // Cut before normalising: no query worth answering needs more than a few source units per output unit.
  const head = raw.length > MAX_QUERY_LENGTH * 8 ? raw.slice(0, MAX_QUERY_LENGTH * 8) : raw;
  return normalizeInto(head, MAX_QUERY_LENGTH, null, null);
}

// ---------------------------------------------------------------- pinyin

/** Syllables of a normalised text: `py` is their concatenation; `starts` has one extra end offset. */
export interface Syllables {
  py: string;
  /** Offsets of each syllable in `py`, plus py.length at the end. */
  starts: Uint16Array;
  /** Range of each syllable in the normalised text (UTF-16 units). */
  textStart: Int32Array;
  textEnd: Int32Array;
}

interface Tokens {
  tokens: string[];
  textStart: number[];
  textEnd: number[];
}

/** See toSyllables. */
function tokenize(text: string): Tokens {
  const cps = Array.from(text);
  let readings: string[] = text ? pinyin(text, { toneType: 'none', type: 'array', v: true }) : [];
  if (readings.length !== cps.length) {
    // Not seen in practice, but highlighting relies on alignment: fall back to one character at a time.
    readings = cps.map((c) => pinyin(c, { toneType: 'none', type: 'array', v: true })[0] ?? c);
  }
  const out: Tokens = { tokens: [], textStart: [], textEnd: [] };
  let lastWasRun = false;
  let u = 0;
  for (let i = 0; i < cps.length; i++) {
    const c = cps[i] as string;
    const r = readings[i] ?? '';
    const han = HAN.test(c);
    if (han && /^[a-z]+$/.test(r)) {
      out.tokens.push(r);
      out.textStart.push(u);
      out.textEnd.push(u + c.length);
      lastWasRun = false;
    } else if (!han && lastWasRun) {
      out.tokens[out.tokens.length - 1] += c;
      out.textEnd[out.textEnd.length - 1] = u + c.length;
    } else {
      out.tokens.push(c);
      out.textStart.push(u);
      out.textEnd.push(u + c.length);
      lastWasRun = !han;
    }
    u += c.length;
  }
  return out;
}

/**
 * Split a normalised text into pinyin syllables. Each 汉字 with a reading becomes one toneless syllable
 * (ü written v); each run of other letters/digits becomes one token ("k11"). Polyphones get the reading
 * pinyin-pro picks from its word dictionary in context (银行 → yin hang, 行走 → xing zou, 重庆 → chong qing),
 * else the character's most common reading; other readings are not indexed (they would mostly add noise).
 */
export function toSyllables(text: string): Syllables {
  const t = tokenize(text);
  const starts = new Uint16Array(t.tokens.length + 1);
  let off = 0;
  t.tokens.forEach((tok, i) => {
    starts[i] = off;
    off += tok.length;
  });
  starts[t.tokens.length] = off;
  return {
    py: t.tokens.join(''),
    starts,
    textStart: Int32Array.from(t.textStart),
    textEnd: Int32Array.from(t.textEnd),
  };
}

// ---------------------------------------------------------------- index

/**
 * The 汉字 fields (names and aliases) as parallel arrays, one row per field. Per-unit data lives in
 * shared pools at the row's offsets, so 50k entries cost a handful of typed arrays, not a million.
 */
interface ZhKeys {
  entry: Int32Array;
  /** 0 = name_zh, 2 + i = extra_zh[i]. */
  field: Int32Array;
  text: string[];
  py: string[];
  /** First letter of each syllable. */
  ini: string[];
  textMask: Int32Array;
  pyMask: Int32Array;
  /** 32 letter-slot counts per row of the pinyin (a lower bound on edits, see missingLetters). */
  pyCounts: Uint8Array;
  /** Row's first text unit in pools.srcStart/srcEnd. */
  textOff: Int32Array;
  /** Row's first pinyin unit in pools.pyFlag. */
  pyOff: Int32Array;
  /** Row's first syllable in pools.sylStart/sylSrcStart/sylSrcEnd. */
  sylOff: Int32Array;
}

/** English names, one row per entry that has one. */
interface EnKeys {
  entry: Int32Array;
  text: string[];
  mask: Int32Array;
  /** 32 letter-slot counts per row. */
  counts: Uint8Array;
  /** Row's first text unit in pools.srcStart/srcEnd/wordFlag. */
  textOff: Int32Array;
}

interface Pools {
  /** Source range of each normalised unit. */
  srcStart: Int32Array;
  srcEnd: Int32Array;
  /** 1 where an English word starts (aligned with srcStart). */
  wordFlag: Uint8Array;
  /** 1 where a syllable starts in the pinyin. */
  pyFlag: Uint8Array;
  /** Offset of each syllable in its row's pinyin, and its source range. */
  sylStart: Int32Array;
  sylSrcStart: Int32Array;
  sylSrcEnd: Int32Array;
}

/** Built once by buildSearchIndex; treat as opaque. */
export interface SearchIndex {
  readonly entries: readonly SearchEntry[];
  /** @internal */ readonly zh: ZhKeys;
  /** @internal */ readonly en: EnKeys;
  /** @internal */ readonly pools: Pools;
  /** @internal n-gram postings (see gramKey) → ascending row ids. */
  readonly grams: ReadonlyMap<number, Int32Array>;
  /** @internal name length per entry (UTF-16 units) in zh and en, for the tie-break. */
  readonly nameLen: { zh: Uint16Array; en: Uint16Array };
  /** @internal reusable per-query buffers (search is synchronous, so one set suffices). */
  readonly scratch: Scratch;
}

const KINDS: readonly MatchKind[] = [
  'exact',
  'prefix',
  'substring',
  'pinyin',
  'initials',
  'english',
  'fuzzy',
];
const KIND_INDEX = Object.fromEntries(KINDS.map((kind, i) => [kind, i])) as Record<MatchKind, number>;
const MAX_SCORE = 1000;

/** Per-entry best match of the running query, in typed arrays so that scoring allocates nothing. */
interface Scratch {
  best: Int32Array;
  tie: Int32Array;
  kind: Uint8Array;
  field: Int32Array;
  start: Int32Array;
  end: Int32Array;
  touched: number[];
  /** How many touched entries have each best score (finds the limit-th best score in O(scores)). */
  hist: Int32Array;
  stamp: Int32Array;
  stampValue: number;
  counts: Uint8Array;
  /** Rows touched by the fuzzy count pass. */
  hits: Int32Array;
  rows: Int32Array[];
  reach: [Uint8Array, Uint8Array];
}

/** The match being offered: matchers fill this one object instead of allocating. */
const hit = { score: 0, kind: 0, field: 0, start: 0, end: 0 };

function setHit(score: number, kind: MatchKind, field: number, start: number, end: number): true {
  hit.score = score;
  hit.kind = KIND_INDEX[kind];
  hit.field = field;
  hit.start = start;
  hit.end = end;
  return true;
}

/** Families of matches; with the field, they order equal-score matches of one entry deterministically. */
const FAMILY = {
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
const FAMILY_COUNT = 9;

/** z 汉字, p pinyin, i initials, e English; f and g: the first 汉字 and the first initial of a row. */
const GRAM_FAMILY = { z: 0, p: 1, i: 2, e: 3, f: 4, g: 5 } as const;
type GramFamily = keyof typeof GRAM_FAMILY;

/** Numeric key of a unigram (`b` = −1) or bigram of UTF-16 units in a family: unique, below 2^36. */
function gramKey(family: GramFamily, a: number, b: number): number {
  return (a * 65537 + b + 1) * 8 + GRAM_FAMILY[family];
}

/** Slot of a unit in letter sets and counts: a–z one each, digits folded onto 5, anything else one. */
function letterSlot(c: number): number {
  return c >= 97 && c <= 122 ? c - 97 : c >= 48 && c <= 57 ? 26 + ((c - 48) % 5) : 31;
}

/** Bit set of the letter slots in `s`. */
function letterMask(s: string): number {
  let m = 0;
  for (let i = 0; i < s.length; i++) m |= 1 << letterSlot(s.charCodeAt(i));
  return m;
}

/** Per-slot counts of `s` (capped at 255) into `out` at `off`. */
function letterCounts(s: string, out: Uint8Array, off: number): void {
  for (let i = 0; i < s.length; i++) {
    const slot = off + letterSlot(s.charCodeAt(i));
    if ((out[slot] as number) < 255) out[slot] = (out[slot] as number) + 1;
  }
}

function popcount(x: number): number {
  let v = x - ((x >>> 1) & 0x55555555);
  v = (v & 0x33333333) + ((v >>> 2) & 0x33333333);
  return (((v + (v >>> 4)) & 0x0f0f0f0f) * 0x01010101) >>> 24;
}

/**
 * Collects (gram, row) postings while rows are added in order, then lays them out as one Int32Array with a
 * view per gram (compressed sparse rows): no per-gram JS arrays to grow, little garbage.
 */
class GramCollector {
  private readonly index = new Map<number, number>();
  private readonly keys: number[] = [];
  private readonly lastRow: number[] = [];
  private readonly count: number[] = [];
  private readonly gram = new IntBuffer();
  private readonly row = new IntBuffer();

  add(g: number, id: number): void {
    let gi = this.index.get(g);
    if (gi === undefined) {
      gi = this.keys.length;
      this.index.set(g, gi);
      this.keys.push(g);
      this.lastRow.push(-1);
      this.count.push(0);
    }
    if (this.lastRow[gi] === id) return; // once per row
    this.lastRow[gi] = id;
    this.count[gi] = (this.count[gi] as number) + 1;
    this.gram.push(gi);
    this.row.push(id);
  }

  addString(family: GramFamily, s: string, id: number, unigrams: boolean): void {
    for (let i = 0; i < s.length; i++) {
      const a = s.charCodeAt(i);
      if (unigrams) this.add(gramKey(family, a, -1), id);
      if (i + 1 < s.length) this.add(gramKey(family, a, s.charCodeAt(i + 1)), id);
    }
  }

  done(): Map<number, Int32Array> {
    const start = new Int32Array(this.keys.length + 1);
    for (let gi = 0; gi < this.keys.length; gi++)
      start[gi + 1] = (start[gi] as number) + (this.count[gi] as number);
    const all = new Int32Array(this.gram.n);
    const fill = start.slice(0, this.keys.length);
    for (let i = 0; i < this.gram.n; i++) {
      const gi = this.gram.a[i] as number;
      all[fill[gi] as number] = this.row.a[i] as number;
      fill[gi] = (fill[gi] as number) + 1;
    }
    const out = new Map<number, Int32Array>();
    this.keys.forEach((g, gi) => {
      out.set(g, all.subarray(start[gi] as number, start[gi + 1] as number));
    });
    return out;
  }
}

/**
 * Build the search index once: normalised names and aliases, their pinyin (computed here, never per
 * query), and unigram/bigram postings over 汉字, pinyin, initials and English.
 * @param entries features and districts; ids should be unique (they are the final tie-break)
 */
export function buildSearchIndex(entries: readonly SearchEntry[]): SearchIndex {
  const str = (v: unknown) => (typeof v === 'string' ? v : '');
  const grams = new GramCollector();
  const srcStart = new IntBuffer();
  const srcEnd = new IntBuffer();
  const wordFlag: number[] = [];
  const pyFlag: number[] = [];
  const sylStart = new IntBuffer();
  const sylSrcStart = new IntBuffer();
  const sylSrcEnd = new IntBuffer();
  const z = {
    entry: [] as number[],
    field: [] as number[],
    text: [] as string[],
    py: [] as string[],
    ini: [] as string[],
  };
  const zMask: number[] = [];
  const zPyMask: number[] = [];
  const zTextOff: number[] = [];
  const zPyOff: number[] = [];
  const zSylOff: number[] = [];
  const zCounts = new ByteBuffer();
  const eCounts = new ByteBuffer();
  const e = { entry: [] as number[], text: [] as string[], mask: [] as number[], textOff: [] as number[] };
  const nameLenZh = new Uint16Array(entries.length);
  const nameLenEn = new Uint16Array(entries.length);
  let maxLen = 1;

  for (let i = 0; i < entries.length; i++) {
    const entry = entries[i] as SearchEntry;
    nameLenZh[i] = Math.min(65535, (str(entry.name_zh) || str(entry.name_en)).length);
    nameLenEn[i] = Math.min(65535, (str(entry.name_en) || str(entry.name_zh)).length);
    const fields: Array<[number, string]> = [[0, str(entry.name_zh)]];
    const extra = Array.isArray(entry.extra_zh) ? entry.extra_zh.slice(0, MAX_ALIASES) : [];
    for (let k = 0; k < extra.length; k++) fields.push([2 + k, str(extra[k])]);
    for (const [field, raw] of fields) {
      const off = srcStart.n;
      const text = normalizeInto(raw.slice(0, MAX_FIELD_LENGTH * 8), MAX_FIELD_LENGTH, srcStart, srcEnd);
      if (!text) continue;
      for (let k = 0; k < text.length; k++) wordFlag.push(0);
      const t = tokenize(text);
      const py = t.tokens.join('');
      const id = z.entry.length;
      z.entry.push(i);
      z.field.push(field);
      z.text.push(text);
      z.py.push(py);
      zMask.push(letterMask(text));
      zPyMask.push(letterMask(py));
      const at = zCounts.grow(32); // before reading .a: growing replaces the array
      letterCounts(py, zCounts.a, at);
      zTextOff.push(off);
      zPyOff.push(pyFlag.length);
      zSylOff.push(sylStart.n);
      let ini = '';
      let p = 0;
      for (let k = 0; k < t.tokens.length; k++) {
        const tok = t.tokens[k] as string;
        sylStart.push(p);
        sylSrcStart.push(srcStart.a[off + (t.textStart[k] as number)] as number);
        sylSrcEnd.push(srcEnd.a[off + (t.textEnd[k] as number) - 1] as number);
        pyFlag.push(1);
        for (let u = 1; u < tok.length; u++) pyFlag.push(0);
        ini += tok[0];
        p += tok.length;
      }
      z.ini.push(ini);
      grams.addString('z', text, id, true);
      grams.addString('p', py, id, false);
      grams.addString('i', ini, id, true);
      grams.add(gramKey('f', text.charCodeAt(0), -1), id);
      grams.add(gramKey('g', ini.charCodeAt(0), -1), id);
      maxLen = Math.max(maxLen, text.length, py.length);
    }
    const off = srcStart.n;
    const text = normalizeInto(
      str(entry.name_en).slice(0, MAX_FIELD_LENGTH * 8),
      MAX_FIELD_LENGTH,
      srcStart,
      srcEnd,
    );
    if (text) {
      for (let k = 0; k < text.length; k++) {
        // A word starts where the source has a gap (space, hyphen, …) before it, or at the very start.
        wordFlag.push(k === 0 || (srcEnd.a[off + k - 1] as number) < (srcStart.a[off + k] as number) ? 1 : 0);
      }
      grams.addString('e', text, e.entry.length, true);
      e.entry.push(i);
      e.text.push(text);
      e.mask.push(letterMask(text));
      const at = eCounts.grow(32);
      letterCounts(text, eCounts.a, at);
      e.textOff.push(off);
      maxLen = Math.max(maxLen, text.length);
    }
  }

  const rowsMax = Math.max(z.entry.length, e.entry.length);
  return {
    entries,
    zh: {
      entry: Int32Array.from(z.entry),
      field: Int32Array.from(z.field),
      text: z.text,
      py: z.py,
      ini: z.ini,
      textMask: Int32Array.from(zMask),
      pyMask: Int32Array.from(zPyMask),
      pyCounts: zCounts.done(),
      textOff: Int32Array.from(zTextOff),
      pyOff: Int32Array.from(zPyOff),
      sylOff: Int32Array.from(zSylOff),
    },
    en: {
      entry: Int32Array.from(e.entry),
      text: e.text,
      mask: Int32Array.from(e.mask),
      counts: eCounts.done(),
      textOff: Int32Array.from(e.textOff),
    },
    pools: {
      srcStart: srcStart.done(),
      srcEnd: srcEnd.done(),
      wordFlag: Uint8Array.from(wordFlag),
      pyFlag: Uint8Array.from(pyFlag),
      sylStart: sylStart.done(),
      sylSrcStart: sylSrcStart.done(),
      sylSrcEnd: sylSrcEnd.done(),
    },
    grams: grams.done(),
    nameLen: { zh: nameLenZh, en: nameLenEn },
    scratch: {
      best: new Int32Array(entries.length),
      tie: new Int32Array(entries.length),
      kind: new Uint8Array(entries.length),
      field: new Int32Array(entries.length),
      start: new Int32Array(entries.length),
      end: new Int32Array(entries.length),
      touched: [],
      hist: new Int32Array(MAX_SCORE + 1),
      stamp: new Int32Array(rowsMax),
      stampValue: 0,
      counts: new Uint8Array(rowsMax),
      hits: new Int32Array(rowsMax),
      rows: createRows(maxLen),
      reach: [new Uint8Array(MAX_QUERY_LENGTH + 1), new Uint8Array(MAX_QUERY_LENGTH + 1)],
    },
  };
}

/** Search entries for the features (name, English name, address as an alias) plus the eight districts. */
export function searchEntriesFromFeatures(features: readonly MapFeature[]): SearchEntry[] {
  const out: SearchEntry[] = features.map((f) => {
    const p = f.properties;
    const entry: SearchEntry = {
      id: p.id,
      kind: 'feature',
      name_zh: p.name_zh,
      name_en: p.name_en,
      category: p.category,
      district: p.district,
    };
    if (p.address_zh) entry.extra_zh = [p.address_zh];
    return entry;
  });
  for (const [code, d] of Object.entries(LANZHOU_DISTRICTS) as Array<
    [DistrictCode, { zh: string; en: string }]
  >) {
    out.push({ id: `district:${code}`, kind: 'district', name_zh: d.zh, name_en: d.en, district: code });
  }
  return out;
}

// ---------------------------------------------------------------- matchers (shared by indexed and linear search)
// Each matcher decides one family for one row, deterministically (earliest start wins), and fills `hit`.

function matchZh(ix: SearchIndex, id: number, q: string): boolean {
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
function matchFullPinyin(ix: SearchIndex, id: number, q: string): boolean {
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
function matchInitials(ix: SearchIndex, id: number, q: string): boolean {
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
function matchMixed(ix: SearchIndex, id: number, q: string, reach: [Uint8Array, Uint8Array]): boolean {
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
function matchEnglish(ix: SearchIndex, id: number, q: string): boolean {
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

function fuzzyScore(d: number, alias: boolean, inner: boolean): number {
  const penalty = (alias ? SUB.fuzzyAlias : 0) + (inner ? SUB.fuzzyInner : 0);
  return SCORES.fuzzy + SUB.fuzzyBase - SUB.fuzzyPerEdit * d - penalty;
}

function fuzzyZh(ix: SearchIndex, id: number, q: string, k: number, rows: Int32Array[]): boolean {
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

function fuzzyPinyin(ix: SearchIndex, id: number, q: string, k: number, rows: Int32Array[]): boolean {
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

function fuzzyEnglish(ix: SearchIndex, id: number, q: string, k: number, rows: Int32Array[]): boolean {
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

/** The `limit`-th best score so far (0 while fewer entries matched): a match below it cannot place. */
function kthScore(sc: Scratch, limit: number): number {
  if (limit === 0) return MAX_SCORE + 1;
  if (sc.touched.length < limit) return 0;
  let seen = 0;
  for (let s = MAX_SCORE; s > 0; s--) {
    seen += sc.hist[s] as number;
    if (seen >= limit) return s;
  }
  return 0;
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

/**
 * Where the running top `limit` ends: its last score and, among the entries holding exactly that score,
 * the name length and id of the last one that still places. Recomputed only after a fuzzy match is kept.
 */
interface Cutoff {
  dirty: boolean;
  score: number;
  len: number;
  id: string;
}

function refreshCutoff(ix: SearchIndex, limit: number, lens: Uint16Array, cut: Cutoff): void {
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
function fuzzyAllowance(ix: SearchIndex, entry: number, k: number, lens: Uint16Array, cut: Cutoff): number {
  if (cut.score === 0) return k;
  const room = SCORES.fuzzy + SUB.fuzzyBase - cut.score;
  const wins = winsTie(ix, entry, lens, cut);
  return Math.min(k, wins ? Math.floor(room / SUB.fuzzyPerEdit) : Math.ceil(room / SUB.fuzzyPerEdit) - 1);
}

/** Would `entry` rank before the last placed entry at the cut-off score (shorter name, then id)? */
function winsTie(ix: SearchIndex, entry: number, lens: Uint16Array, cut: Cutoff): boolean {
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
function fuzzyFamily(
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

/** Result count: `limit` floored into 0..1000; the default when absent or not a number. */
function clampLimit(limit: number | undefined): number {
  return typeof limit === 'number' && Number.isFinite(limit)
    ? Math.max(0, Math.min(1000, Math.floor(limit)))
    : DEFAULT_LIMIT;
}

function compareIds(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
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

/** A piece of text to show, emphasised or not. */
export interface Segment {
  text: string;
  mark: boolean;
}

/**
 * Split `text` into plain and emphasised segments for half-open UTF-16 `ranges` (clamped to the text,
 * sorted and merged), for building <mark> elements without HTML.
 */
export function highlightSegments(text: string, ranges: ReadonlyArray<readonly [number, number]>): Segment[] {
  const clean = ranges
    .map(([a, b]): [number, number] => [
      Math.max(0, Math.min(a, text.length)),
      Math.max(0, Math.min(b, text.length)),
    ])
    .filter(([a, b]) => b > a)
    .sort((x, y) => x[0] - y[0]);
  const out: Segment[] = [];
  let at = 0;
  for (const [a, b] of clean) {
    if (b <= at) continue;
    const from = Math.max(a, at);
    if (from > at) out.push({ text: text.slice(at, from), mark: false });
    const last = out[out.length - 1];
    if (last?.mark && from === at) last.text += text.slice(from, b);
    else out.push({ text: text.slice(from, b), mark: true });
    at = b;
  }
  if (at < text.length) out.push({ text: text.slice(at), mark: false });
  return out;
}

/** The text a highlight refers to ('' when the field is missing). */
export function highlightedText(entry: SearchEntry, h: Highlight): string {
  const v = h.field === 'extra_zh' ? entry.extra_zh?.[h.index] : entry[h.field];
  return typeof v === 'string' ? v : '';
}
