// Approximate substring matching: optimal-string-alignment distance with matches restricted to given starts.

/** A match of d edits over t[start, end) (UTF-16 units). */
export interface SubstringMatch {
  d: number;
  start: number;
  end: number;
}

/** Workspace for boundedDistance and locateMatch, for texts up to `maxTextLength` units. */
export function createRows(maxTextLength: number): Int32Array[] {
  return Array.from({ length: 6 }, () => new Int32Array(maxTextLength + 1));
}

/** Row 0 of the programme: start at the nearest allowed b ≤ j and skip t[b..j) at cost j − b. */
function firstRow(
  t: string,
  flags: Uint8Array | null,
  flagOff: number,
  dist: Int32Array,
  from: Int32Array,
): void {
  let lastB = 0;
  for (let j = 0; j <= t.length; j++) {
    if (j < t.length && (flags === null || flags[flagOff + j] === 1)) lastB = j;
    dist[j] = j - lastB;
    from[j] = lastB;
  }
}

/**
 * Smallest optimal-string-alignment distance (Damerau–Levenshtein with adjacent transpositions) between
 * `q` and any substring of `t` that starts where flags[flagOff + j] is 1 (anywhere when `flags` is
 * null; position 0 always may). O(|q|·|t|), stopping as soon as a whole row exceeds `k`, in which
 * case it returns k + 1.
 * @param rows workspace from createRows, at least |t| + 1 long
 */
export function boundedDistance(
  q: string,
  t: string,
  flags: Uint8Array | null,
  flagOff: number,
  k: number,
  rows: Int32Array[],
): number {
  const m = q.length;
  const n = t.length;
  let prev2 = rows[0] as Int32Array;
  let prev = rows[1] as Int32Array;
  let cur = rows[2] as Int32Array;
  let tmp: Int32Array;
  firstRow(t, flags, flagOff, prev, rows[3] as Int32Array);
  for (let i = 1; i <= m; i++) {
    const qc = q.charCodeAt(i - 1);
    const qp = i > 1 ? q.charCodeAt(i - 2) : -1;
    cur[0] = i;
    let rowMin = i;
    let diag = prev[0] as number;
    let left = i;
    for (let j = 1; j <= n; j++) {
      const tc = t.charCodeAt(j - 1);
      const up = prev[j] as number;
      let v = diag + (qc === tc ? 0 : 1);
      if (up + 1 < v) v = up + 1;
      if (left + 1 < v) v = left + 1;
      if (j > 1 && qp === tc && qc === t.charCodeAt(j - 2)) {
        const tr = (prev2[j - 2] as number) + 1;
        if (tr < v) v = tr;
      }
      cur[j] = v;
      if (v < rowMin) rowMin = v;
      diag = up;
      left = v;
    }
    if (rowMin > k) return k + 1;
    tmp = prev2;
    prev2 = prev;
    prev = cur;
    cur = tmp;
  }
  let d = k + 1;
  for (let j = 1; j <= n; j++) if ((prev[j] as number) < d) d = prev[j] as number;
  return d;
}

/**
 * The same programme, tracking where each alignment starts: fills `out` with the smallest distance and,
 * among matches that good, the earliest start (then the earliest end). Half-open range in `t`.
 */
export function locateMatch(
  q: string,
  t: string,
  flags: Uint8Array | null,
  flagOff: number,
  rows: Int32Array[],
  out: SubstringMatch,
): void {
  const m = q.length;
  const n = t.length;
  let prev2 = rows[0] as Int32Array;
  let prev = rows[1] as Int32Array;
  let cur = rows[2] as Int32Array;
  let sp2 = rows[3] as Int32Array;
  let sp = rows[4] as Int32Array;
  let sc = rows[5] as Int32Array;
  let tmp: Int32Array;
  firstRow(t, flags, flagOff, prev, sp);
  for (let i = 1; i <= m; i++) {
    const qc = q.charCodeAt(i - 1);
    const qp = i > 1 ? q.charCodeAt(i - 2) : -1;
    cur[0] = i;
    sc[0] = 0;
    for (let j = 1; j <= n; j++) {
      const tc = t.charCodeAt(j - 1);
      // Lexicographic (distance, start) minimum over the four moves.
      let v = (prev[j - 1] as number) + (qc === tc ? 0 : 1);
      let s = sp[j - 1] as number;
      let cv = (prev[j] as number) + 1;
      let cs = sp[j] as number;
      if (cv < v || (cv === v && cs < s)) {
        v = cv;
        s = cs;
      }
      cv = (cur[j - 1] as number) + 1;
      cs = sc[j - 1] as number;
      if (cv < v || (cv === v && cs < s)) {
        v = cv;
        s = cs;
      }
      if (j > 1 && qp === tc && qc === t.charCodeAt(j - 2)) {
        cv = (prev2[j - 2] as number) + 1;
        cs = sp2[j - 2] as number;
        if (cv < v || (cv === v && cs < s)) {
          v = cv;
          s = cs;
        }
      }
      cur[j] = v;
      sc[j] = s;
    }
    tmp = prev2;
    prev2 = prev;
    prev = cur;
    cur = tmp;
    tmp = sp2;
    sp2 = sp;
    sp = sc;
    sc = tmp;
  }
  let d = Number.POSITIVE_INFINITY;
  let start = 0;
  let end = 1;
  for (let j = 1; j <= n; j++) {
    const v = prev[j] as number;
    const s = sp[j] as number;
    if (v < d || (v === d && s < start)) {
      d = v;
      start = s;
      end = j;
    }
  }
  out.d = d;
  out.start = start;
  out.end = Math.max(end, start + 1);
}

/** Bit masks of the query's positions per character, for bitParallelDistance (query ≤ 32 units). */
export interface Peq {
  ascii: Int32Array;
  other: Map<number, number>;
}

/** The query's position masks (first 32 units). */
export function buildPeq(q: string): Peq {
  const peq: Peq = { ascii: new Int32Array(128), other: new Map() };
  for (let i = 0; i < q.length && i < 32; i++) {
    const c = q.charCodeAt(i);
    if (c < 128) peq.ascii[c] = (peq.ascii[c] as number) | (1 << i);
    else peq.other.set(c, (peq.other.get(c) ?? 0) | (1 << i));
  }
  return peq;
}

/**
 * Smallest OSA distance between the query (m ≤ 32 units, as `peq`) and any substring of `t`, by
 * Myers' bit-vector algorithm with Hyyrö's transposition term: O(|t|) word operations. Starting
 * anywhere is a superset of restricted starts, so this is a cheap lower bound for boundedDistance.
 */
export function bitParallelDistance(peq: Peq, m: number, t: string): number {
  const last = 1 << (m - 1);
  let vp = -1;
  let vn = 0;
  let d0 = 0;
  let pmPrev = 0;
  let score = m;
  let best = m;
  for (let j = 0; j < t.length; j++) {
    const c = t.charCodeAt(j);
    const pm = c < 128 ? (peq.ascii[c] as number) : (peq.other.get(c) ?? 0);
    const tr = ((~d0 & pm) << 1) & pmPrev;
    d0 = (((pm & vp) + vp) ^ vp) | pm | vn | tr;
    let hp = vn | ~(d0 | vp);
    let hn = vp & d0;
    if (hp & last) score++;
    else if (hn & last) score--;
    if (score < best) best = score;
    hp <<= 1; // no carry in: a match may start at any position
    hn <<= 1;
    vp = hn | ~(d0 | hp);
    vn = hp & d0;
    pmPrev = pm;
  }
  return best;
}
