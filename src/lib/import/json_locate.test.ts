import { describe, expect, it } from 'vitest';
import { locateJsonError } from './json_locate';

/** Small seeded PRNG so a failure can be replayed. */
function mulberry32(seed: number) {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function randomValue(rand: () => number, depth = 0): unknown {
  const r = rand();
  if (depth > 3 || r < 0.3) {
    const leaf = [null, true, false, 0, -1.5e-3, 103.8236, 'a"b\\c', '兰州\n', '', 12345678901234];
    return leaf[Math.floor(rand() * leaf.length)];
  }
  if (r < 0.65) return Array.from({ length: Math.floor(rand() * 4) }, () => randomValue(rand, depth + 1));
  const o: Record<string, unknown> = {};
  for (let i = Math.floor(rand() * 4); i > 0; i--)
    o[`k${Math.floor(rand() * 9)}`] = randomValue(rand, depth + 1);
  return o;
}

const parses = (t: string) => {
  try {
    JSON.parse(t);
    return true;
  } catch {
    return false;
  }
};

describe('locateJsonError', () => {
  it('agrees with JSON.parse on valid and mutated documents (JSON.parse is the oracle)', () => {
    const rand = mulberry32(42);
    const alphabet = [
      '{',
      '}',
      '[',
      ']',
      ',',
      ':',
      '"',
      '\\',
      '-',
      '.',
      'e',
      '0',
      '7',
      ' ',
      '\n',
      'n',
      't',
      'N',
      '/',
    ];
    let mutatedInvalid = 0;
    for (let round = 0; round < 3000; round++) {
      const text = JSON.stringify(randomValue(rand), null, rand() < 0.5 ? 1 : undefined);
      expect(locateJsonError(text), text).toBeNull();
      const pos = Math.floor(rand() * (text.length + 1));
      const op = rand();
      const mutated =
        op < 0.33
          ? text.slice(0, pos) + text.slice(pos + 1)
          : op < 0.66
            ? text.slice(0, pos) + alphabet[Math.floor(rand() * alphabet.length)] + text.slice(pos)
            : text.slice(0, pos);
      const found = locateJsonError(mutated);
      expect(found === null, JSON.stringify(mutated)).toBe(parses(mutated));
      if (found) {
        mutatedInvalid++;
        expect(found.offset).toBeGreaterThanOrEqual(0);
        expect(found.offset).toBeLessThanOrEqual(mutated.length);
      }
    }
    // The mutations really produced broken documents to check against.
    expect(mutatedInvalid).toBeGreaterThan(1500);
  });

  it('names the kind of error and where it is (1-based line and column)', () => {
    expect(locateJsonError('{\n  "a": }')).toMatchObject({ kind: 'token', line: 2, column: 8, found: '}' });
    expect(locateJsonError('{"a": [1, 2')).toMatchObject({ kind: 'eof', line: 1, column: 12 });
    expect(locateJsonError('[1, NaN]')).toMatchObject({ kind: 'nan', found: 'NaN', column: 5 });
    expect(locateJsonError('[-Infinity]')).toMatchObject({ kind: 'nan', column: 2 });
    expect(locateJsonError('[1, 2,]')).toMatchObject({ kind: 'trailing_comma', column: 7 });
    expect(locateJsonError('{"a": 1,}')).toMatchObject({ kind: 'trailing_comma', column: 9 });
    expect(locateJsonError('{"a": 1 // x\n}')).toMatchObject({ kind: 'comment', column: 9 });
    expect(locateJsonError('{} {}')).toMatchObject({ kind: 'trailing_content', column: 4 });
    expect(locateJsonError("{'a': 1}")).toMatchObject({ kind: 'token', found: "'" });
    expect(locateJsonError('{"a": None}')).toMatchObject({ kind: 'token', found: 'None', column: 7 });
    expect(locateJsonError('"line\nbreak"')).toMatchObject({ kind: 'token', found: 'U+000A' });
    expect(locateJsonError('')).toMatchObject({ kind: 'eof', line: 1, column: 1 });
  });

  it('handles nesting far deeper than the call stack allows', () => {
    const deep = `${'['.repeat(500_000)}${']'.repeat(500_000)}`;
    expect(locateJsonError(deep)).toBeNull();
    expect(locateJsonError(deep.slice(0, -1))).toMatchObject({ kind: 'eof' });
  });
});
