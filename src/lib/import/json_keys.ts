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

interface Frame {
  object: boolean;
  keys: Set<string> | null;
  expectKey: boolean;
  /** Elements seen so far (arrays). */
  count: number;
  /** This array is the top object's `features`. */
  features: boolean;
}

const QUOTE = 0x22;
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
  const stack: Frame[] = [];
  let top: Frame | undefined;
  // The key whose value comes next, at the top level only (to spot `features`).
  let topKey = '';
  // Only these characters matter; the regex engine skips numbers and whitespace between them natively.
  const structural = /["{}[\],:]/g;
  for (let m = structural.exec(text); m !== null; m = structural.exec(text)) {
    const i = m.index;
    const c = text.charCodeAt(i);
    if (c === QUOTE) {
      const end = stringEnd(text, i);
      if (top?.object && top.expectKey) {
        const raw = text.slice(i + 1, end);
        const key = raw.includes('\\') ? (JSON.parse(`"${raw}"`) as string) : raw;
        top.keys ??= new Set();
        if (top.keys.has(key)) {
          const featuresFrame = stack[1]?.features ? stack[1] : undefined;
          const feature = featuresFrame && stack.length > 2 ? featuresFrame.count + 1 : null;
          out.push({ key, ...lineColumn(text, i), feature });
          if (out.length >= limit) return out;
        } else top.keys.add(key);
        if (stack.length === 1) topKey = key;
      }
      structural.lastIndex = end + 1;
    } else if (c === 0x7b || c === 0x5b) {
      // { or [
      const frame: Frame = {
        object: c === 0x7b,
        keys: null,
        expectKey: c === 0x7b,
        count: 0,
        features: c === 0x5b && stack.length === 1 && topKey === 'features',
      };
      stack.push(frame);
      top = frame;
    } else if (c === 0x7d || c === 0x5d) {
      stack.pop();
      top = stack[stack.length - 1];
    } else if (c === 0x3a) {
      if (top) top.expectKey = false;
    } else if (top) {
      // A comma.
      if (top.object) top.expectKey = true;
      else top.count++;
    }
  }
  return out;
}
