import { describe, expect, it } from 'vitest';
import {
  buildSearchIndex,
  fuzzyBudget,
  highlightedText,
  highlightSegments,
  MAX_QUERY_LENGTH,
  normalizeForSearch,
  normalizeQuery,
  SCORES,
  type SearchEntry,
  type SearchResult,
  SUB,
  search,
  searchEntriesFromFeatures,
  searchLinear,
  toSyllables,
} from './search';
import { osaDistance } from './text_test_support';

// Test fixtures only: names chosen to exercise the rules, not a claim about real places.
const e = (id: string, name_zh: string, name_en: string, extra_zh?: string[]): SearchEntry => ({
  id,
  kind: 'feature',
  name_zh,
  name_en,
  ...(extra_zh ? { extra_zh } : {}),
});

const FIXTURES: SearchEntry[] = [
  e('bridge', '中山桥', 'Zhongshan Bridge', ['黄河铁桥', '滨河路']),
  e('plaza', '中山桥南广场', 'Zhongshan Bridge South Plaza'),
  e('lz-bridge', '兰州中山桥', 'Lanzhou Zhongshan Bridge'),
  e('homophone', '钟山桥', 'Bell Hill Crossing'),
  e('english-only', '黄河之滨', 'Zhongshanqiao Walk'),
  e('typo-target', '中山秋', 'Autumn Garden'),
  e('bank', '兰州银行', 'Bank of Lanzhou'),
  e('walk', '行走步道', 'Walking Path'),
  e('k11', '绿地K11', 'Greenland K11'),
];

const ids = (rs: SearchResult[]) => rs.map((r) => r.id);

describe('normalizeForSearch', () => {
  it('folds width, case, accents and drops spaces, punctuation and controls', () => {
    expect(normalizeForSearch('ＺＨＯＮＧ　Shān').text).toBe('zhongshan');
    expect(normalizeForSearch('Zhōng-shān (Qiáo)!').text).toBe('zhongshanqiao');
    expect(normalizeForSearch('\u202e中山\u200b桥\u2066').text).toBe('中山桥');
    expect(normalizeForSearch('a.*b[c]+?^$|\\').text).toBe('abc');
    expect(normalizeForSearch('lǜ dì').text).toBe('lvdi');
  });

  it('maps every normalised unit back to its source range', () => {
    const n = normalizeForSearch('Ｚ ü中');
    expect(n.text).toBe('zv中');
    expect([...n.srcStart]).toEqual([0, 2, 3]);
    expect([...n.srcEnd]).toEqual([1, 3, 4]);
  });

  it('truncates huge queries before doing any work on them', () => {
    const q = normalizeQuery('a'.repeat(1_000_000));
    expect(q).toBe('a'.repeat(MAX_QUERY_LENGTH));
    // Padding that normalises to nothing does not hide the query in front of it.
    expect(normalizeQuery(`中山桥${' '.repeat(1_000_000)}`)).toBe('中山桥');
  });
});

describe('toSyllables', () => {
  it('reads polyphones in context', () => {
    const syl = (s: string) => {
      const r = toSyllables(s);
      return Array.from({ length: r.starts.length - 1 }, (_, i) => r.py.slice(r.starts[i], r.starts[i + 1]));
    };
    expect(syl('兰州银行')).toEqual(['lan', 'zhou', 'yin', 'hang']);
    expect(syl('行走')).toEqual(['xing', 'zou']);
    expect(syl('重庆')).toEqual(['chong', 'qing']);
    expect(syl('绿地k11中心')).toEqual(['lv', 'di', 'k11', 'zhong', 'xin']);
  });
});

describe('search ranking', () => {
  const index = buildSearchIndex(FIXTURES);

  it('ranks exact > prefix > substring > pinyin (homophone) for 汉字', () => {
    const r = search(index, '中山桥');
    expect(ids(r).slice(0, 4)).toEqual(['bridge', 'plaza', 'lz-bridge', 'homophone']);
    expect(r.map((x) => x.match).slice(0, 4)).toEqual(['exact', 'prefix', 'substring', 'pinyin']);
    expect(r[0]?.score).toBe(SCORES.exact + SUB.name);
    expect(r[3]?.score).toBe(SCORES.pinyin + SUB.pinyinExact);
  });

  it('ranks pinyin > English > fuzzy for a Latin query', () => {
    const r = search(index, 'zhongshanqiao');
    const order = ids(r);
    expect(order[0]).toBe('bridge');
    expect(r[0]?.match).toBe('pinyin');
    const tier = (id: string) => r.find((x) => x.id === id);
    expect(tier('english-only')?.match).toBe('english');
    expect(tier('typo-target')?.match).toBe('fuzzy');
    expect(order.indexOf('bridge')).toBeLessThan(order.indexOf('english-only'));
    expect(order.indexOf('english-only')).toBeLessThan(order.indexOf('typo-target'));
  });

  it('finds Zhongshan Bridge by 汉字, full pinyin and English', () => {
    for (const q of ['中山桥', 'zhongshanqiao', 'Zhongshan Bridge'])
      expect(search(index, q)[0]?.id).toBe('bridge');
    expect(search(index, 'Zhongshan Bridge')[0]?.match).toBe('english');
  });

  it('matches initials, mixed pinyin, later syllables and aliases', () => {
    const zsq = search(index, 'zsq');
    expect(zsq[0]).toMatchObject({
      id: 'bridge',
      match: 'initials',
      score: SCORES.pinyin + SUB.initialsExact,
    });
    expect(search(index, 'zhongsq')[0]).toMatchObject({ id: 'bridge', match: 'pinyin' });
    expect(search(index, 'zhongsq')[0]?.score).toBe(SCORES.pinyin + SUB.mixedPrefix);
    const inner = search(index, 'shanqiao').find((x) => x.id === 'bridge');
    expect(inner?.score).toBe(SCORES.pinyin + SUB.pinyinInner);
    expect(inner?.highlight).toEqual({ field: 'name_zh', index: 0, ranges: [[1, 3]] });
    const alias = search(index, '铁桥')[0];
    expect(alias).toMatchObject({ id: 'bridge', match: 'substring', score: SCORES.substring + SUB.alias });
    expect(alias?.highlight).toEqual({ field: 'extra_zh', index: 0, ranges: [[2, 4]] });
    expect(search(index, 'tieqiao')[0]?.highlight.field).toBe('extra_zh');
  });

  it('uses the context reading of polyphones', () => {
    expect(search(index, 'yinhang')[0]?.id).toBe('bank');
    expect(search(index, 'xingzou')[0]?.id).toBe('walk');
    expect(search(index, 'yinxing').map((x) => x.id)).not.toContain('bank');
  });

  it('matches English from word starts only', () => {
    const r = search(index, 'bridge');
    expect(r[0]).toMatchObject({ match: 'english', highlight: { field: 'name_en', ranges: [[10, 16]] } });
    // "ridge" starts inside a word: no English match (a typo match is allowed, ranked lower).
    expect(search(index, 'ridge').every((x) => x.match !== 'english')).toBe(true);
  });

  it('tolerates typos within a budget that grows with the query', () => {
    expect(fuzzyBudget(4)).toBe(0);
    expect(fuzzyBudget(5)).toBe(1);
    expect(fuzzyBudget(9)).toBe(2);
    const swapped = search(index, 'zhongshanqioa');
    expect(swapped[0]).toMatchObject({ id: 'bridge', match: 'fuzzy' });
    expect(swapped[0]?.score).toBe(SCORES.fuzzy + SUB.fuzzyBase - SUB.fuzzyPerEdit);
    expect(search(index, 'Zhongshan Brdige')[0]).toMatchObject({ id: 'bridge', match: 'fuzzy' });
    expect(search(index, 'zsqq')).toEqual([]); // 4 letters: no typo budget, nothing matches
  });

  it('normalises width and case in queries', () => {
    expect(search(index, 'ＺＨＯＮＧＳＨＡＮ　ＢＲＩＤＧＥ')[0]).toMatchObject({
      id: 'bridge',
      match: 'english',
    });
    expect(search(index, 'ZSQ')[0]?.id).toBe('bridge');
    expect(search(index, 'K11')[0]).toMatchObject({ id: 'k11', match: 'substring' });
  });

  it('breaks ties by shorter name in the display language, then id', () => {
    const tie = buildSearchIndex([
      e('b', '公园二', 'Park Two Long Name'),
      e('a', '公园一', 'Park One Long Name'),
      e('c', '公园', 'Park With The Longest English Name'),
      e('d', '公园三号', 'Park'),
    ]);
    expect(ids(search(tie, '公园', { lang: 'zh' }))).toEqual(['c', 'a', 'b', 'd']);
    // In English the exact 公园 still wins its tier; the three prefix matches order by English length, then id.
    expect(ids(search(tie, '公园', { lang: 'en' }))).toEqual(['c', 'd', 'a', 'b']);
    expect(ids(search(tie, '公园', { limit: 2 }))).toEqual(['c', 'a']);
  });

  it('returns nothing for empty, blank or punctuation-only queries', () => {
    for (const q of ['', '   ', '\u3000\t\n', '.*', '(((', '\u202e\u200b'])
      expect(search(index, q)).toEqual([]);
    expect(search(index, '中山桥', { limit: 0 })).toEqual([]);
  });

  it('survives hostile queries and entries', () => {
    expect(search(index, '\u202e中山桥')[0]?.id).toBe('bridge');
    expect(search(index, '中山.*桥')[0]).toMatchObject({ id: 'bridge', match: 'exact' });
    expect(search(index, `中山桥${' '.repeat(1_000_000)}`)[0]?.id).toBe('bridge');
    expect(search(index, 'x'.repeat(1_000_000))).toEqual([]);
    const hostile = buildSearchIndex([
      { id: 'huge', kind: 'feature', name_zh: '长'.repeat(1_000_000), name_en: 'a'.repeat(1_000_000) },
      {
        id: 'odd',
        kind: 'feature',
        name_zh: 42,
        name_en: null,
        extra_zh: 'not an array',
      } as unknown as SearchEntry,
      e('ok', '中山桥', 'Zhongshan Bridge'),
    ]);
    expect(search(hostile, '中山桥')[0]?.id).toBe('ok');
    expect(search(hostile, '长长长')[0]?.id).toBe('huge');
  });

  it('builds entries from features and the eight districts', () => {
    const entries = searchEntriesFromFeatures([
      {
        type: 'Feature',
        geometry: { type: 'Point', coordinates: [103.8, 36.06] },
        properties: {
          id: 'f1',
          category: 'checkin_spot',
          name_zh: '中山桥',
          name_en: 'Zhongshan Bridge',
          district: '620102',
          status: 'existing',
          source: { title: 'test' },
          accuracy_m: 50,
          address_zh: '滨河路',
        },
      },
    ]);
    expect(entries[0]).toMatchObject({
      id: 'f1',
      kind: 'feature',
      category: 'checkin_spot',
      extra_zh: ['滨河路'],
    });
    expect(entries.filter((x) => x.kind === 'district')).toHaveLength(8);
    const districts = buildSearchIndex(entries);
    expect(search(districts, 'qilihe')[0]?.id).toBe('district:620103');
    expect(search(districts, 'Anning')[0]?.id).toBe('district:620105');
  });
});

// ---------------------------------------------------------------- brute-force reference

/** Syllable strings of a normalised text. */
function syllables(text: string): string[] {
  const s = toSyllables(text);
  return Array.from({ length: s.starts.length - 1 }, (_, i) => s.py.slice(s.starts[i], s.starts[i + 1]));
}

/** Can q be consumed by non-empty prefixes of syl[j], syl[j+1], … in order? */
function consumes(q: string, syl: string[], j: number): boolean {
  if (q === '') return true;
  const s = syl[j];
  if (s === undefined) return false;
  for (let t = 1; t <= Math.min(s.length, q.length); t++) {
    if (q.slice(0, t) === s.slice(0, t) && consumes(q.slice(t), syl, j + 1)) return true;
  }
  return false;
}

/** Best fuzzy score of q against t with matches starting at the given offsets (every rule spelled out). */
function fuzzyRef(q: string, t: string, starts: number[], k: number, alias: boolean): number {
  let best = 0;
  for (const b of starts) {
    for (let len = Math.max(1, q.length - k); len <= q.length + k && b + len <= t.length; len++) {
      const d = osaDistance(q, t.slice(b, b + len));
      if (d > k) continue;
      const score =
        SCORES.fuzzy +
        SUB.fuzzyBase -
        SUB.fuzzyPerEdit * d -
        (alias ? SUB.fuzzyAlias : 0) -
        (b > 0 ? SUB.fuzzyInner : 0);
      best = Math.max(best, score);
    }
  }
  return best;
}

/** The spec, entry by entry, with no index: best score over every field and rule. */
function referenceScore(entry: SearchEntry, raw: string): number {
  const q = normalizeQuery(raw);
  if (!q) return 0;
  const k = fuzzyBudget(q.length);
  const han = [...q].filter((c) => /\p{Script=Han}/u.test(c)).length;
  const qpy = han >= 2 ? toSyllables(q).py : '';
  let best = 0;
  const zhFields: Array<[string, boolean]> = [
    [entry.name_zh, false],
    ...(entry.extra_zh ?? []).map((a): [string, boolean] => [a, true]),
  ];
  for (const [raw, alias] of zhFields) {
    const text = normalizeForSearch(raw).text;
    if (!text) continue;
    const bonus = alias ? SUB.alias : SUB.name;
    if (text === q) best = Math.max(best, SCORES.exact + bonus);
    else if (text.startsWith(q)) best = Math.max(best, SCORES.prefix + bonus);
    else if (text.includes(q)) best = Math.max(best, SCORES.substring + bonus);
    const syl = syllables(text);
    const py = syl.join('');
    const pinyinScore = (sub: number) => SCORES.pinyin + (alias ? sub - SUB.aliasPenalty : sub);
    syl.forEach((_, s) => {
      const from = syl.slice(s).join('');
      for (const query of qpy && qpy !== q ? [q, qpy] : [q]) {
        if (from.startsWith(query)) {
          const sub = s > 0 ? SUB.pinyinInner : query === py ? SUB.pinyinExact : SUB.pinyinPrefix;
          best = Math.max(best, pinyinScore(sub));
        }
      }
      const initials = syl
        .slice(s)
        .map((x) => x[0])
        .join('');
      if (initials.startsWith(q)) {
        const sub =
          s > 0 ? SUB.initialsInner : q.length === syl.length ? SUB.initialsExact : SUB.initialsPrefix;
        best = Math.max(best, pinyinScore(sub));
      }
      if (consumes(q, syl, s)) best = Math.max(best, pinyinScore(s > 0 ? SUB.mixedInner : SUB.mixedPrefix));
    });
    if (k > 0) {
      best = Math.max(
        best,
        fuzzyRef(
          q,
          text,
          [...text].map((_, i) => i),
          k,
          alias,
        ),
      );
      const sylStarts = syl.map((_, s) => syl.slice(0, s).join('').length);
      best = Math.max(best, fuzzyRef(q, py, sylStarts, k, alias));
    }
  }
  // English: words are the runs between characters that normalise to nothing.
  const words = entry.name_en
    .split(/[^\p{L}\p{N}]+/u)
    .map((w) => normalizeForSearch(w).text)
    .filter(Boolean);
  const en = words.join('');
  const wordStarts = words.map((_, i) => words.slice(0, i).join('').length);
  for (const at of wordStarts) {
    if (!en.startsWith(q, at)) continue;
    const sub = at > 0 ? SUB.englishWord : q === en ? SUB.englishExact : SUB.englishPrefix;
    best = Math.max(best, SCORES.english + sub);
  }
  if (k > 0 && en) best = Math.max(best, fuzzyRef(q, en, wordStarts, k, false));
  return best;
}

function referenceSearch(
  entries: SearchEntry[],
  q: string,
  limit: number,
  lang: 'zh' | 'en',
): Array<[string, number]> {
  const len = (x: SearchEntry) => (lang === 'en' ? x.name_en || x.name_zh : x.name_zh || x.name_en).length;
  return entries
    .map((x) => ({ x, score: referenceScore(x, q) }))
    .filter((r) => r.score > 0)
    .sort(
      (a, b) => b.score - a.score || len(a.x) - len(b.x) || (a.x.id < b.x.id ? -1 : a.x.id > b.x.id ? 1 : 0),
    )
    .slice(0, limit)
    .map((r) => [r.x.id, r.score]);
}

/** Deterministic PRNG (mulberry32). */
function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const HAN_POOL = [...'中山桥兰州黄河西关七里安宁城南北公园广场路行银长重乐'];
const EN_POOL = [
  'Zhongshan',
  'Bridge',
  'Park',
  'Yellow',
  'River',
  'Xiguan',
  'Anning',
  "Ping'an",
  'Square',
  'K11',
];

function randomCorpus(r: () => number, n: number): SearchEntry[] {
  const pick = <T>(list: readonly T[]) => list[Math.floor(r() * list.length)] as T;
  const word = (min: number, max: number) =>
    Array.from({ length: min + Math.floor(r() * (max - min + 1)) }, () => pick(HAN_POOL)).join('');
  return Array.from({ length: n }, (_, i) => {
    const digits = r() < 0.15 ? String(Math.floor(r() * 30)) : '';
    const entry = e(
      `e${String(i).padStart(3, '0')}`,
      word(1, 5) + digits,
      Array.from({ length: 1 + Math.floor(r() * 3) }, () => pick(EN_POOL)).join(r() < 0.5 ? ' ' : '-'),
    );
    if (r() < 0.3) entry.extra_zh = [word(2, 6)];
    return entry;
  });
}

/** Queries that hit every rule: slices of names, pinyin, initials and English, then random edits. */
function randomQueries(r: () => number, entries: SearchEntry[], n: number): string[] {
  const pick = <T>(list: readonly T[]) => list[Math.floor(r() * list.length)] as T;
  const slice = (s: string) => {
    const a = Math.floor(r() * s.length);
    return s.slice(a, a + 1 + Math.floor(r() * (s.length - a)));
  };
  const edit = (s: string) => {
    if (s.length < 2) return s;
    const i = Math.floor(r() * (s.length - 1));
    const op = Math.floor(r() * 4);
    if (op === 0) return s.slice(0, i) + s[i + 1] + s[i] + s.slice(i + 2);
    if (op === 1) return s.slice(0, i) + s.slice(i + 1);
    if (op === 2) return s.slice(0, i) + pick([...'aeiouzhngx']) + s.slice(i + 1);
    return s.slice(0, i) + pick([...'aeiouzhngx']) + s.slice(i);
  };
  return Array.from({ length: n }, () => {
    const x = pick(entries);
    const syl = syllables(normalizeForSearch(x.name_zh).text);
    const from = Math.floor(r() * syl.length);
    const kind = Math.floor(r() * 7);
    let q =
      kind === 0
        ? slice(x.name_zh)
        : kind === 1
          ? syl.slice(from, from + 1 + Math.floor(r() * 4)).join('')
          : kind === 2
            ? syl
                .slice(from)
                .map((s) => s[0])
                .join('')
            : kind === 3
              ? slice(x.name_en)
              : kind === 4
                ? syl
                    .slice(from)
                    .map((s, i) => (i % 2 ? s[0] : s))
                    .join('')
                : kind === 5
                  ? syl.join('') + pick(syl)
                  : // Long (> 32 units: no bit-parallel filter) and full of near misses.
                    [x, pick(entries), pick(entries), pick(entries)].map((y) => y.name_en).join(' ');
    const edits = Math.floor(r() * 3);
    for (let i = 0; i < edits; i++) q = edit(q);
    return q;
  });
}

describe('search against references', () => {
  it('matches a brute-force reference scorer on random queries', () => {
    const r = rng(7);
    const entries = randomCorpus(r, 120);
    const index = buildSearchIndex(entries);
    const queries = randomQueries(r, entries, 250);
    let nonEmpty = 0;
    const kinds = new Set<string>();
    for (const q of queries) {
      const lang = r() < 0.5 ? 'zh' : 'en';
      const got = search(index, q, { limit: 8, lang });
      for (const x of got) kinds.add(x.match);
      if (got.length > 0) nonEmpty++;
      expect(
        got.map((x): [string, number] => [x.id, x.score]),
        q,
      ).toEqual(referenceSearch(entries, q, 8, lang));
    }
    expect(nonEmpty).toBeGreaterThan(120);
    expect([...kinds].sort()).toEqual([
      'english',
      'exact',
      'fuzzy',
      'initials',
      'pinyin',
      'prefix',
      'substring',
    ]);
  });

  it('returns exactly what the linear scan returns, highlights included', () => {
    const r = rng(11);
    const entries = randomCorpus(r, 1500);
    const index = buildSearchIndex(entries);
    for (const q of randomQueries(r, entries, 600)) {
      for (const limit of [1, 10]) {
        const strip = (rs: SearchResult[]) => rs.map(({ entry, ...rest }) => rest);
        expect(strip(search(index, q, { limit })), q).toEqual(strip(searchLinear(index, q, { limit })));
      }
    }
  });
});

describe('highlightSegments', () => {
  it('splits text into plain and marked pieces, clamping and merging ranges', () => {
    expect(highlightSegments('兰州中山桥', [[2, 5]])).toEqual([
      { text: '兰州', mark: false },
      { text: '中山桥', mark: true },
    ]);
    expect(
      highlightSegments('abcdef', [
        [4, 9],
        [0, 1],
        [1, 2],
        [3, 5],
      ]),
    ).toEqual([
      { text: 'ab', mark: true },
      { text: 'c', mark: false },
      { text: 'def', mark: true },
    ]);
    expect(
      highlightSegments('abc', [
        [-5, 0],
        [2, 2],
      ]),
    ).toEqual([{ text: 'abc', mark: false }]);
    expect(highlightSegments('', [[0, 3]])).toEqual([]);
  });

  it('finds the highlighted field', () => {
    const entry = e('x', '中山桥', 'Zhongshan Bridge', ['铁桥']);
    expect(highlightedText(entry, { field: 'extra_zh', index: 0, ranges: [] })).toBe('铁桥');
    expect(highlightedText(entry, { field: 'name_en', index: 0, ranges: [] })).toBe('Zhongshan Bridge');
    expect(highlightedText(entry, { field: 'extra_zh', index: 3, ranges: [] })).toBe('');
  });
});
