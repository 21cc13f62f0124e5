// Duplicate keys in valid JSON text (JSON.parse silently keeps the last), located by line and feature.

/** One key that appears twice in the same object. */
export interface DuplicateKey {
  key: string;
  /** 1-based line and column of the second occurrence. */
  line: number;
  column: number;
  /** 1-based position in the top-level `features` array, or null outside it. */
  feature: number | null;
}

const QUOTE = 0x22;
/** 1 for the characters that structure JSON: " , : [ ] { } */
const STRUCTURAL = new Uint8Array(0x7e);
for (const ch of '",:[]{}') STRUCTURAL[ch.charCodeAt(0)] = 1;
const BACKSLASH = 0x5c;

/** The end (index of the closing quote) of the string whose opening quote is at `start`. */
function stringEnd(text: string, start: number): number {
  let j = text.indexOf('"', start + 1);
  while (j > 0) {
    let slashes = 0;
    for (let k = j - 1; text.charCodeAt(k) === BACKSLASH; k--) slashes++;
    if (slashes % 2 === 0) return j;
    j = text.indexOf('"', j + 1);
  }
  return text.length;
}

function lineColumn(text: string, at: number): { line: number; column: number } {
  let line = 1;
  let lineStart = 0;
  for (let i = text.indexOf('\n'); i !== -1 && i < at; i = text.indexOf('\n', i + 1)) {
    line++;
    lineStart = i + 1;
  }
  return { line, column: at - lineStart + 1 };
}

/**
 * Finds keys repeated within one object of JSON text that JSON.parse has accepted. One linear pass:
 * strings are skipped with indexOf, and only keys are collected.
 * @param text valid JSON
 * @param limit stop after this many duplicates
 */
export function findDuplicateKeys(text: string, limit = 20): DuplicateKey[] {
  const out: DuplicateKey[] = [];
  // The container stack, one slot per depth, reused: no allocation per object (100k features have 300k).
  const isObject: boolean[] = [];
  const expectKey: boolean[] = [];
  const count: number[] = [];
  const keys: string[][] = [];
  const keyCount: number[] = [];
  // Past this many keys an object's keys go into a Set instead of being compared one by one.
  const big: (Set<string> | null)[] = [];
  let depth = -1;
  let topKey = '';
  // Depth 1 is the top object's `features` array when this is true.
  let inFeatures = false;
  const n = text.length;
  for (let i = 0; i < n; i++) {
    const c = text.charCodeAt(i);
    // Only " { } [ ] , : matter; everything else (digits, letters, spaces) is skipped at once.
    if (c > 0x7d || STRUCTURAL[c] === 0) continue;
    if (c === QUOTE) {
      const end = stringEnd(text, i);
      if (depth >= 0 && isObject[depth] && expectKey[depth]) {
        const raw = text.slice(i + 1, end);
        const key = raw.includes('\\') ? (JSON.parse(`"${raw}"`) as string) : raw;
        const list = keys[depth] as string[];
        const k = keyCount[depth] as number;
        let seen = false;
        const set = big[depth];
        if (set) seen = set.has(key);
        else for (let j = 0; j < k && !seen; j++) seen = list[j] === key;
        if (seen) {
          const feature = inFeatures && depth >= 2 ? (count[1] as number) + 1 : null;
          out.push({ key, ...lineColumn(text, i), feature });
          if (out.length >= limit) return out;
        } else {
          list[k] = key;
          keyCount[depth] = k + 1;
          if (set) set.add(key);
          else if (k + 1 > 32) big[depth] = new Set(list.slice(0, k + 1));
        }
        if (depth === 0) topKey = key;
      }
      i = end;
    } else if (c === 0x7b || c === 0x5b) {
      // { or [
      depth++;
      isObject[depth] = c === 0x7b;
      expectKey[depth] = c === 0x7b;
      count[depth] = 0;
      keyCount[depth] = 0;
      big[depth] = null;
      if (keys[depth] === undefined) keys[depth] = [];
      if (depth === 1) inFeatures = c === 0x5b && topKey === 'features';
    } else if (c === 0x7d || c === 0x5d) {
      depth--;
    } else if (c === 0x3a) {
      if (depth >= 0) expectKey[depth] = false;
    } else if (depth >= 0) {
      // A comma.
      if (isObject[depth]) expectKey[depth] = true;
      else count[depth] = (count[depth] as number) + 1;
    }
  }
  return out;
}
