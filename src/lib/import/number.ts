// Strict reading of numbers typed into spreadsheets: decimal only, finite, and a comma never guessed at.

/** Why a text is not a number; each has its own message. */
export type NumberProblem = 'text' | 'hex' | 'not_finite' | 'overflow' | 'comma' | 'too_long';

export type NumberRead = { value: number } | { problem: NumberProblem };

export interface NumberFormat {
  /** A single comma between digits is the decimal mark ("103,82": files separated by ; or Tab). */
  decimalComma?: boolean;
  /** Thousands grouped by commas or spaces ("1,234,567", "1 234") are read (population counts). */
  thousands?: boolean;
}

/** Longer cells are not numbers; the cap keeps every check below linear in a bounded length. */
export const MAX_NUMBER_LENGTH = 64;

// No nested or adjacent unbounded quantifiers over the same characters (see src/regex_safety.test.ts).
const DECIMAL = /^[+-]?(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][+-]?\d+)?$/;
const DECIMAL_COMMA = /^[+-]?\d+,\d+$/;
const GROUPED = /^[+-]?\d{1,3}(?:([, ])\d{3})(?:\1\d{3})*(?:\.\d+)?$/;
const RADIX = /^[+-]?0[xXbBoO]/;
const INFINITE = /^[+-]?(?:infinity|inf|nan|∞)$/i;

/** Full-width digits and signs (０-９, ．, －, ＋) as typed with a Chinese input method → ASCII. */
function halfWidth(s: string): string {
  return s.replace(/[\uFF10-\uFF19\uFF0E\uFF0D\uFF0B]/g, (c) =>
    String.fromCharCode(c.charCodeAt(0) - 0xfee0),
  );
}

/**
 * Reads a decimal number. Refused, each with its reason: hexadecimal/binary/octal (`0x67` is not 103),
 * Infinity/NaN, numbers too large for a double (`1e400`), a comma that could be either a decimal mark or
 * a thousands separator (`103,8236` where commas are not decimal marks), and anything else (`text`).
 * @param text the cell as written
 * @returns the value, or the problem
 */
export function parseDecimal(text: string, format: NumberFormat = {}): NumberRead {
  let s = text.trim();
  if (s.length > MAX_NUMBER_LENGTH) return { problem: 'too_long' };
  s = halfWidth(s);
  if (RADIX.test(s)) return { problem: 'hex' };
  if (INFINITE.test(s)) return { problem: 'not_finite' };
  const grouped = format.thousands === true && GROUPED.test(s);
  // "1,234" where a comma may also be a decimal mark could be either 1234 or 1.234: refuse it.
  if (grouped && format.decimalComma && s.includes(',')) return { problem: 'comma' };
  if (grouped) s = s.replace(/[, ]/g, '');
  else if (s.includes(',')) {
    if (!(format.decimalComma && DECIMAL_COMMA.test(s))) {
      return { problem: /\d,\d/.test(s) ? 'comma' : 'text' };
    }
    s = s.replace(',', '.');
  }
  if (!DECIMAL.test(s)) return { problem: 'text' };
  const value = Number(s);
  if (!Number.isFinite(value)) return { problem: 'overflow' };
  return { value };
}
