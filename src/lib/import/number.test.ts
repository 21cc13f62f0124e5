import { describe, expect, it } from 'vitest';
import { MAX_NUMBER_LENGTH, parseDecimal } from './number';

describe('parseDecimal', () => {
  it('reads decimal numbers as written, full-width digits included', () => {
    expect(parseDecimal('103.8236')).toEqual({ value: 103.8236 });
    expect(parseDecimal(' -36.5 ')).toEqual({ value: -36.5 });
    expect(parseDecimal('+.5')).toEqual({ value: 0.5 });
    expect(parseDecimal('1e3')).toEqual({ value: 1000 });
    expect(parseDecimal('１０３．８')).toEqual({ value: 103.8 });
  });

  it('refuses hexadecimal, octal and binary instead of reading 0x67 as 103', () => {
    for (const s of ['0x67', '0X1E', '-0x10', '0b101', '0o17'])
      expect(parseDecimal(s)).toEqual({ problem: 'hex' });
    expect(Number('0x67')).toBe(103);
  });

  it('names Infinity, NaN and numbers too large for a double', () => {
    for (const s of ['Infinity', '-Infinity', 'inf', 'NaN', '∞'])
      expect(parseDecimal(s)).toEqual({ problem: 'not_finite' });
    expect(parseDecimal('1e400')).toEqual({ problem: 'overflow' });
    expect(parseDecimal('-1e309')).toEqual({ problem: 'overflow' });
    expect(parseDecimal('1e308')).toEqual({ value: 1e308 });
  });

  it('reads a decimal comma only where it can be nothing else, and never guesses', () => {
    expect(parseDecimal('103,8236')).toEqual({ problem: 'comma' });
    expect(parseDecimal('103,8236', { decimalComma: true })).toEqual({ value: 103.8236 });
    expect(parseDecimal('1,234,567', { thousands: true })).toEqual({ value: 1234567 });
    expect(parseDecimal('1 234', { thousands: true })).toEqual({ value: 1234 });
    expect(parseDecimal('1,234', { thousands: true, decimalComma: true })).toEqual({ problem: 'comma' });
    expect(parseDecimal('103,8236', { thousands: true })).toEqual({ problem: 'comma' });
    expect(parseDecimal('1,2,3', { decimalComma: true })).toEqual({ problem: 'comma' });
  });

  it('calls everything else text, and refuses long cells before any regex runs', () => {
    for (const s of ['abc', '', '1.2.3', '12abc', '--1', '1e', '.'])
      expect(parseDecimal(s)).toEqual({ problem: 'text' });
    expect(parseDecimal('1'.repeat(MAX_NUMBER_LENGTH + 1))).toEqual({ problem: 'too_long' });
    // A megabyte of digits followed by a letter is refused at once (no backtracking).
    const t0 = performance.now();
    expect(parseDecimal(`${'1'.repeat(2 ** 20)}x`)).toEqual({ problem: 'too_long' });
    expect(performance.now() - t0).toBeLessThan(1000);
  });
});
