// Search text: normalisation with source ranges (for highlighting) and pinyin syllables of 汉字 names.

import { pinyin } from 'pinyin-pro';

/** Normalised query length cap (UTF-16 units): a search box needs no more, and hostile input stays cheap. */
export const MAX_QUERY_LENGTH = 64;

// ---------------------------------------------------------------- growable typed buffers

export class IntBuffer {
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

export class ByteBuffer {
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
export const HAN = /^\p{Script=Han}$/u;

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
export function normalizeInto(
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

export interface Tokens {
  tokens: string[];
  textStart: number[];
  textEnd: number[];
}

/** See toSyllables. */
export function tokenize(text: string): Tokens {
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
