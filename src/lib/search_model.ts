// Search's public shapes: what is indexed, what a result is, the tiers and sub-scores of the ranking.

import type { CategoryId } from './feature';
import type { Lang } from './i18n';

/**
 * One searchable thing. `extra_zh` holds aliases (an address, a former name); they rank below the name.
 * A `target` is one of the plan's promises (data/plan_targets.json): it has no position of its own.
 */
export interface SearchEntry {
  id: string;
  kind: 'feature' | 'district' | 'type' | 'target';
  name_zh: string;
  name_en: string;
  category?: CategoryId;
  /** The feature's facility type (FACILITY_TYPES in osm_rules.ts), so that type words find it. */
  facility_type?: string;
  /** WGS-84 degrees of the point that stands for the feature (type matches rank by distance to it). */
  lon?: number;
  lat?: number;
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
  /**
   * Set when the entry was found by its type, not its name: the category or facility-type entry whose
   * name matched, and where (then `highlight` has no ranges).
   */
  via?: { entry: SearchEntry; highlight: Highlight };
}

export interface SearchOptions {
  /** Maximum number of results (default 10). */
  limit?: number;
  /** Display language: only breaks ties (shorter name in this language first). Default 'zh'. */
  lang?: Lang;
}

/** Indexed length of each name or alias after normalisation (UTF-16 units); feature properties are untrusted. */
export const MAX_FIELD_LENGTH = 200;
/** At most this many aliases per entry are indexed. */
export const MAX_ALIASES = 8;

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
