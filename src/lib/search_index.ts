// The search index: normalised names, their pinyin, and n-gram postings in typed arrays (built once).

import { createRows } from './edit_distance';
import type { DistrictCode, MapFeature } from './feature';
import { LANZHOU_DISTRICTS } from './feature';
import { walkTarget } from './nearby';
import { MAX_ALIASES, MAX_FIELD_LENGTH, type SearchEntry } from './search_model';
import { ByteBuffer, IntBuffer, MAX_QUERY_LENGTH, normalizeInto, type Tokens, tokenize } from './search_text';

/**
 * Pinyin of the normalised names of the last build, reused by the next: pinyin is most of a build's time,
 * and when live features arrive most names are unchanged. Holds only the texts of the last build.
 */
export class PinyinCache {
  /** @internal */ tokens = new Map<string, Tokens>();
  /** Texts whose pinyin the last build took from the cache / computed. */
  reused = 0;
  computed = 0;
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

export const MAX_SCORE = 1000;

/** Per-entry best match of the running query, in typed arrays so that scoring allocates nothing. */
export interface Scratch {
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

/** z 汉字, p pinyin, i initials, e English; f and g: the first 汉字 and the first initial of a row. */
export const GRAM_FAMILY = { z: 0, p: 1, i: 2, e: 3, f: 4, g: 5 } as const;
export type GramFamily = keyof typeof GRAM_FAMILY;

/** Numeric key of a unigram (`b` = −1) or bigram of UTF-16 units in a family: unique, below 2^36. */
export function gramKey(family: GramFamily, a: number, b: number): number {
  return (a * 65537 + b + 1) * 8 + GRAM_FAMILY[family];
}

/** Slot of a unit in letter sets and counts: a–z one each, digits folded onto 5, anything else one. */
export function letterSlot(c: number): number {
  return c >= 97 && c <= 122 ? c - 97 : c >= 48 && c <= 57 ? 26 + ((c - 48) % 5) : 31;
}

/** Bit set of the letter slots in `s`. */
export function letterMask(s: string): number {
  let m = 0;
  for (let i = 0; i < s.length; i++) m |= 1 << letterSlot(s.charCodeAt(i));
  return m;
}

/** Per-slot counts of `s` (capped at 255) into `out` at `off`. */
export function letterCounts(s: string, out: Uint8Array, off: number): void {
  for (let i = 0; i < s.length; i++) {
    const slot = off + letterSlot(s.charCodeAt(i));
    if ((out[slot] as number) < 255) out[slot] = (out[slot] as number) + 1;
  }
}

export function popcount(x: number): number {
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
 * @param cache pinyin of an earlier build to reuse (rebuilding after features change); updated in place
 */
export function buildSearchIndex(entries: readonly SearchEntry[], cache?: PinyinCache): SearchIndex {
  const next = new Map<string, Tokens>();
  let reused = 0;
  const tokensOf = (text: string): Tokens => {
    let t = next.get(text);
    if (t) return t;
    t = cache?.tokens.get(text);
    if (t) reused++;
    else t = tokenize(text);
    next.set(text, t);
    return t;
  };
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
      const t = tokensOf(text);
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

  if (cache) {
    cache.tokens = next;
    cache.reused = reused;
    cache.computed = next.size - reused;
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
    if (p.facility_type) entry.facility_type = p.facility_type;
    const [lon, lat] = walkTarget(f);
    if (Number.isFinite(lon) && Number.isFinite(lat)) {
      entry.lon = lon;
      entry.lat = lat;
    }
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
