import { describe, expect, it } from 'vitest';
import {
  bitParallelDistance,
  boundedDistance,
  buildPeq,
  createRows,
  locateMatch,
  type SubstringMatch,
} from './edit_distance';
import { osaDistance } from './text_test_support';

/** Every (start, end) with an allowed start: the best distance, then the earliest start, then end. */
function bruteForce(q: string, t: string, starts: number[]): SubstringMatch {
  let best: SubstringMatch = { d: Number.POSITIVE_INFINITY, start: 0, end: 0 };
  for (const s of starts) {
    for (let e = s; e <= t.length; e++) {
      const d = osaDistance(q, t.slice(s, e));
      if (d < best.d || (d === best.d && s < best.start)) best = { d, start: s, end: e };
    }
  }
  return best;
}

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

describe('approximate substring distance', () => {
  it('finds typos inside a longer text, from allowed starts only', () => {
    const rows = createRows(64);
    const flags = Uint8Array.from([1, 0, 0, 0, 0, 1, 0, 0, 0, 1, 0, 0, 0]); // zhong|shan|qiao
    expect(boundedDistance('shanqioa', 'zhongshanqiao', flags, 0, 3, rows)).toBe(1);
    expect(boundedDistance('hongshan', 'zhongshanqiao', flags, 0, 3, rows)).toBe(1); // skip the z
    expect(boundedDistance('hongshan', 'zhongshanqiao', null, 0, 3, rows)).toBe(0); // any start
    expect(boundedDistance('xyzxyz', 'zhongshanqiao', null, 0, 2, rows)).toBe(3); // over k: k + 1
    const out: SubstringMatch = { d: 0, start: 0, end: 0 };
    locateMatch('shanqioa', 'zhongshanqiao', flags, 0, rows, out);
    expect(out).toEqual({ d: 1, start: 5, end: 12 }); // "shanqia": the earliest end that good
  });

  it('agrees with brute force on random strings, with and without restricted starts', () => {
    const r = rng(3);
    const rows = createRows(64);
    const alphabet = 'abcab';
    const word = (n: number) =>
      Array.from({ length: n }, () => alphabet[Math.floor(r() * alphabet.length)]).join('');
    for (let trial = 0; trial < 400; trial++) {
      const q = word(1 + Math.floor(r() * 7));
      const t = word(1 + Math.floor(r() * 12));
      const flags = Uint8Array.from({ length: t.length }, (_, j) => (j === 0 || r() < 0.3 ? 1 : 0));
      const starts = [...flags.keys()].filter((j) => flags[j] === 1);
      const any = [...t].map((_, j) => j);
      for (const [f, allowed] of [
        [flags, starts],
        [null, any],
      ] as const) {
        const want = bruteForce(q, t, allowed);
        expect(boundedDistance(q, t, f, 0, 99, rows), `${q} in ${t}`).toBe(want.d);
        const k = Math.floor(r() * 3);
        expect(boundedDistance(q, t, f, 0, k, rows)).toBe(Math.min(want.d, k + 1));
        const out: SubstringMatch = { d: 0, start: 0, end: 0 };
        locateMatch(q, t, f, 0, rows, out);
        expect(out.d).toBe(want.d);
        expect(out.start).toBe(want.start);
      }
      // The bit-parallel version computes the unrestricted distance exactly.
      expect(bitParallelDistance(buildPeq(q), q.length, t), `${q} in ${t}`).toBe(bruteForce(q, t, any).d);
    }
  });

  it('handles 32-unit queries and non-ASCII text in the bit-parallel version', () => {
    const q = 'zhongshanqiaozhongshanqiaozhongs'; // 32 units: the top bit of the word
    const t = `xx${q.slice(0, 10)}${q.slice(11)}yy`; // one deletion
    expect(bitParallelDistance(buildPeq(q), 32, t)).toBe(1);
    expect(bitParallelDistance(buildPeq('中山桥'), 3, '兰州中山铁桥')).toBe(1);
    expect(bitParallelDistance(buildPeq('山中'), 2, '中山')).toBe(1); // a transposition is one edit
  });
});
