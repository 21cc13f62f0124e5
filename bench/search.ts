// Benchmark: indexed search vs a linear scan of the same keys, on 50k synthetic entries built from real
// Lanzhou place-name elements (the combinations are invented; they are not places).

import { availableParallelism, loadavg } from 'node:os';
import { pathToFileURL } from 'node:url';
import { CATALOG } from '../src/catalog.ts';
import { FACILITY_TYPES } from '../src/lib/osm_rules.ts';
import {
  buildSearchIndex,
  type SearchEntry,
  type SearchIndex,
  search,
  searchLinear,
  toSyllables,
} from '../src/lib/search.ts';
import { buildTypeIndex, searchWithTypes } from '../src/lib/search_by_type.ts';
import { PinyinCache } from '../src/lib/search_index.ts';

/** Real place-name elements of 兰州 (districts, streets, hills, quarters) with their usual spelling. */
const PLACES: ReadonlyArray<[string, string]> = [
  ['城关', 'Chengguan'],
  ['七里河', 'Qilihe'],
  ['西固', 'Xigu'],
  ['安宁', 'Anning'],
  ['红古', 'Honggu'],
  ['永登', 'Yongdeng'],
  ['皋兰', 'Gaolan'],
  ['榆中', 'Yuzhong'],
  ['雁滩', 'Yantan'],
  ['五泉', 'Wuquan'],
  ['白塔山', 'Baitashan'],
  ['中山', 'Zhongshan'],
  ['黄河', 'Huanghe'],
  ['滨河', 'Binhe'],
  ['西关', 'Xiguan'],
  ['东岗', 'Donggang'],
  ['盐场', 'Yanchang'],
  ['南关', 'Nanguan'],
  ['庆阳', 'Qingyang'],
  ['张掖', 'Zhangye'],
  ['酒泉', 'Jiuquan'],
  ['武都', 'Wudu'],
  ['小西湖', 'Xiaoxihu'],
  ['龚家湾', 'Gongjiawan'],
  ['华林', 'Hualin'],
  ['晏家坪', 'Yanjiaping'],
  ['焦家湾', 'Jiaojiawan'],
  ['拱星墩', 'Gongxingdun'],
  ['伏龙坪', 'Fulongping'],
  ['皋兰山', 'Gaolanshan'],
  ['兴隆山', 'Xinglongshan'],
  ['徐家山', 'Xujiashan'],
  ['九州', 'Jiuzhou'],
  ['彭家坪', 'Pengjiaping'],
  ['崔家崖', 'Cuijiaya'],
  ['马滩', 'Matan'],
  ['银滩', 'Yintan'],
  ['刘家堡', 'Liujiabu'],
  ['十里店', 'Shilidian'],
  ['沙井驿', 'Shajingyi'],
  ['孔家崖', 'Kongjiaya'],
  ['陈官营', 'Chenguanying'],
  ['柳泉', 'Liuquan'],
  ['达川', 'Dachuan'],
  ['河口', 'Hekou'],
  ['新城', 'Xincheng'],
  ['中川', 'Zhongchuan'],
  ['西岔', 'Xicha'],
  ['连城', 'Liancheng'],
  ['海石湾', 'Haishiwan'],
  ['窑街', 'Yaojie'],
  ['平安', "Ping'an"],
  ['花庄', 'Huazhuang'],
  ['和平', 'Heping'],
  ['定远', 'Dingyuan'],
  ['夏官营', 'Xiaguanying'],
  ['金崖', 'Jinya'],
  ['青城', 'Qingcheng'],
  ['来紫堡', 'Laizibao'],
  ['东方红', 'Dongfanghong'],
  ['秀川', 'Xiuchuan'],
  ['段家滩', 'Duanjiatan'],
  ['雁园', 'Yanyuan'],
  ['草场街', 'Caochangjie'],
  ['靖远路', 'Jingyuanlu'],
  ['火车站', 'Huochezhan'],
  ['铁路局', 'Tieluju'],
  ['阿干', 'Agan'],
  ['八里窑', 'Baliyao'],
  ['土门墩', 'Tumendun'],
];

/** Generic place words, each with an English equivalent. */
const GENERICS: ReadonlyArray<[string, string]> = [
  ['公园', 'Park'],
  ['广场', 'Square'],
  ['体育公园', 'Sports Park'],
  ['健身步道', 'Fitness Trail'],
  ['社区', 'Community'],
  ['青年驿站', 'Youth Station'],
  ['城市书房', 'City Study Room'],
  ['夜市', 'Night Market'],
  ['青年公寓', 'Youth Apartments'],
  ['健身广场', 'Fitness Square'],
  ['游园', 'Pocket Park'],
  ['大桥', 'Bridge'],
  ['文化馆', 'Cultural Centre'],
  ['青年之家', 'Youth Home'],
  ['体育场', 'Stadium'],
  ['街区', 'Block'],
  ['小学', 'Primary School'],
  ['服务站', 'Service Station'],
  ['运动场', 'Sports Ground'],
  ['步行街', 'Pedestrian Street'],
];

/** Deterministic PRNG (mulberry32) so runs are comparable. */
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

function pick<T>(r: () => number, list: readonly T[]): T {
  return list[Math.floor(r() * list.length)] as T;
}

/** `n` synthetic entries: one or two place elements, a generic word, sometimes a number; an address alias. */
export function syntheticEntries(n: number, seed = 1): SearchEntry[] {
  const r = rng(seed);
  const out: SearchEntry[] = [];
  for (let i = 0; i < n; i++) {
    const a = pick(r, PLACES);
    const b = r() < 0.5 ? pick(r, PLACES) : null;
    const g = pick(r, GENERICS);
    const num = r() < 0.3 ? `${1 + Math.floor(r() * 20)}号` : '';
    const name_zh = `${a[0]}${b ? b[0] : ''}${g[0]}${num}`;
    const name_en = `${a[1]}${b ? ` ${b[1]}` : ''} ${g[1]}${num ? ` No. ${num.slice(0, -1)}` : ''}`;
    const street = pick(r, PLACES);
    out.push({
      id: `s${i}`,
      kind: 'feature',
      name_zh,
      name_en,
      extra_zh: r() < 0.5 ? [`${street[0]}路${1 + Math.floor(r() * 300)}号`] : [],
    });
  }
  return out;
}

type QueryClass = 'han' | 'pinyin' | 'initials' | 'english' | 'typo' | 'short';

function typo(s: string, r: () => number): string {
  const i = 1 + Math.floor(r() * (s.length - 2));
  return s.slice(0, i) + (s[i + 1] ?? '') + (s[i] ?? '') + s.slice(i + 2);
}

/** Queries a resident might type, derived from random entries. */
export function makeQueries(
  entries: readonly SearchEntry[],
  count: number,
  seed = 2,
): Array<[QueryClass, string]> {
  const r = rng(seed);
  const out: Array<[QueryClass, string]> = [];
  for (let i = 0; out.length < count; i++) {
    const e = pick(r, entries);
    const s = toSyllables(e.name_zh);
    const syl = Array.from({ length: s.starts.length - 1 }, (_, k) =>
      s.py.slice(s.starts[k], s.starts[k + 1]),
    );
    const cls = (['han', 'pinyin', 'initials', 'english', 'typo', 'short'] as const)[i % 6] as QueryClass;
    const take = 2 + Math.floor(r() * 3);
    if (cls === 'han') out.push([cls, e.name_zh.slice(Math.floor(r() * 2), 2 + Math.floor(r() * 3))]);
    else if (cls === 'pinyin') out.push([cls, syl.slice(0, take).join('')]);
    else if (cls === 'initials')
      out.push([
        cls,
        syl
          .slice(0, take)
          .map((x) => x[0])
          .join(''),
      ]);
    else if (cls === 'english')
      out.push([
        cls,
        e.name_en
          .split(' ')
          .slice(0, 1 + Math.floor(r() * 2))
          .join(' '),
      ]);
    else if (cls === 'typo') out.push([cls, typo(syl.slice(0, 3).join(''), r)]);
    else out.push([cls, pick(r, ['z', 'x', '兰', 'g', '园', 'y'])]);
  }
  return out;
}

/** CPU milliseconds of `fn` (user + system): steadier than wall time on a shared machine. */
function cpuMs(fn: () => void): number {
  const c = process.cpuUsage();
  fn();
  const d = process.cpuUsage(c);
  return (d.user + d.system) / 1000;
}

function fmt(x: number, digits = 0): string {
  return x.toLocaleString('en-US', { maximumFractionDigits: digits, minimumFractionDigits: digits });
}

function quantile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor(p * sorted.length))] as number;
}

/** Per-query CPU times (ms) of `fn` over `queries`, each run `reps` times (so sub-ms queries are measurable). */
function perQuery(index: SearchIndex, queries: string[], fn: typeof search, reps: number): number[] {
  return queries.map(
    (q) =>
      cpuMs(() => {
        for (let i = 0; i < reps; i++) fn(index, q, { limit: 10 });
      }) / reps,
  );
}

/** Invented categories, facility types and positions (Lanzhou's bbox) for the type-word benchmark. */
function withTypes(entries: readonly SearchEntry[], seed = 3): SearchEntry[] {
  const r = rng(seed);
  const cats = CATALOG.filter((e) => e.facility && !e.derived).map((e) => e.id);
  const kinds = Object.keys(FACILITY_TYPES);
  return entries.map((e) => ({
    ...e,
    category: pick(r, cats),
    facility_type: pick(r, kinds),
    lon: 103.6 + r() * 0.4,
    lat: 35.95 + r() * 0.2,
  }));
}

/**
 * Index (re)builds: a full build (the baseline), then a rebuild with the pinyin cache after live features
 * replace a tenth of the entries (new names) — what `setFeatures` on the search box does — and a rebuild
 * with nothing changed; plus the type grouping and type-word queries vs a plain search.
 */
export function runIndexBuildBench(n = 50000): Record<string, number> {
  const base = withTypes(syntheticEntries(n));
  const fresh = withTypes(syntheticEntries(n / 10, 99), 4).map((e, i) => ({ ...e, id: `live${i}` }));
  const changed = [...base.slice(0, n - fresh.length), ...fresh];
  buildSearchIndex(base.slice(0, 1000)); // warm pinyin-pro's dictionaries
  const best = (fn: () => void, reps = 3) => Math.min(...Array.from({ length: reps }, () => cpuMs(fn)));
  const fullMs = best(() => buildSearchIndex(base));
  const cache = new PinyinCache();
  let index = buildSearchIndex(base, cache);
  const rebuildMs = cpuMs(() => {
    index = buildSearchIndex(changed, cache);
  });
  const computed = cache.computed;
  const unchangedMs = best(() => {
    index = buildSearchIndex(changed, cache);
  });
  let types = buildTypeIndex(index);
  const typesMs = best(() => {
    types = buildTypeIndex(index);
  });
  const words = ['篮球', 'basketball', 'library', '图书馆', '地铁', 'metro', 'ditie', 'lqc'];
  const centre = [103.83, 36.06] as const;
  const reps = 5;
  const typedMs =
    cpuMs(() => {
      for (let i = 0; i < reps; i++)
        for (const q of words) searchWithTypes(index, types, q, { limit: 8, centre });
    }) /
    (reps * words.length);
  const plainMs =
    cpuMs(() => {
      for (let i = 0; i < reps; i++) for (const q of words) search(index, q, { limit: 8 });
    }) /
    (reps * words.length);
  console.log(
    `index build, ${fmt(n)} entries (CPU ms, best of 3): full ${fmt(fullMs)} | rebuild after ${fmt(fresh.length)} ` +
      `new names ${fmt(rebuildMs)} (${fmt(computed)} texts needed pinyin; ${fmt(rebuildMs / fullMs, 2)}× the full build) | ` +
      `rebuild, nothing changed ${fmt(unchangedMs)} (${fmt(unchangedMs / fullMs, 2)}×) | type grouping ${fmt(typesMs, 1)}`,
  );
  console.log(
    `  type words (${words.join(' ')}), limit 8: ${fmt(typedMs, 2)} ms per query vs plain name search ` +
      `${fmt(plainMs, 2)} ms (${fmt(typedMs / plainMs, 2)}×)`,
  );
  return { fullMs, rebuildMs, unchangedMs, typesMs, typedMs, plainMs, computed };
}

/** Runs the search benchmark and prints a report; returns the key numbers. */
export function runSearchBench(n = 50000): Record<string, number> {
  const entries = syntheticEntries(n);
  let index = buildSearchIndex(entries.slice(0, 1000)); // warm pinyin-pro's dictionaries
  const buildMs = cpuMs(() => {
    index = buildSearchIndex(entries);
  });
  const queries = makeQueries(entries, 1200);
  // Same answers first: ids, scores, kinds and highlights of the indexed search equal the linear scan's.
  for (const [, q] of queries.slice(0, 300)) {
    const a = JSON.stringify(search(index, q).map(({ entry, ...r }) => r));
    const b = JSON.stringify(searchLinear(index, q).map(({ entry, ...r }) => r));
    if (a !== b) throw new Error(`search mismatch for ${q}: ${a} vs ${b}`);
  }
  perQuery(
    index,
    queries.slice(0, 200).map(([, q]) => q),
    search,
    1,
  ); // warm up
  console.log(
    `search: ${fmt(n)} synthetic entries; index built in ${fmt(buildMs)} ms CPU; times are CPU ms per query ` +
      `(load average ${loadavg()[0]?.toFixed(1)} on ${availableParallelism()} cores)`,
  );
  const out: Record<string, number> = { buildMs };
  const classes: Array<QueryClass | 'all'> = ['han', 'pinyin', 'initials', 'english', 'typo', 'short', 'all'];
  for (const cls of classes) {
    const qs = queries.filter(([c]) => cls === 'all' || c === cls).map(([, q]) => q);
    const indexed = perQuery(index, qs, search, 3);
    const sample = qs.filter((_, i) => i % 10 === 0);
    const linear = perQuery(index, sample, searchLinear, 1);
    const sum = (a: number[]) => a.reduce((s, x) => s + x, 0);
    const qps = (qs.length / sum(indexed)) * 1000;
    const linearQps = (sample.length / sum(linear)) * 1000;
    // The ratio compares the same queries (every tenth) both ways.
    const ratio = sum(linear) / sum(indexed.filter((_, i) => i % 10 === 0));
    const sorted = [...indexed].sort((a, b) => a - b);
    out[`${cls}Qps`] = qps;
    out[`${cls}LinearQps`] = linearQps;
    out[`${cls}Ratio`] = ratio;
    out[`${cls}P50Ms`] = quantile(sorted, 0.5);
    out[`${cls}P95Ms`] = quantile(sorted, 0.95);
    console.log(
      `  ${cls.padEnd(8)} indexed ${fmt(qps).padStart(6)} q/s  p50 ${fmt(quantile(sorted, 0.5), 2)}  ` +
        `p95 ${fmt(quantile(sorted, 0.95), 2)}  max ${fmt(sorted[sorted.length - 1] as number, 1)} ms | ` +
        `linear ${fmt(linearQps).padStart(3)} q/s (${fmt(1000 / linearQps, 0)} ms) → ${fmt(ratio, 0)}×`,
    );
  }
  Object.assign(out, runIndexBuildBench(n));
  return out;
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) runSearchBench();
