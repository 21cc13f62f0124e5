import { describe, expect, it } from 'vitest';
import { formatBytes } from './format_bytes';

describe('formatBytes', () => {
  it.each([
    [0, '0 B'],
    [999, '999 B'],
    [1000, '1.0 kB'],
    [1_234_567, '1.2 MB'],
    [312_000_000_000, '312.0 GB'],
    [-1, '?'],
  ])('%d → %s', (n, s) => expect(formatBytes(n)).toBe(s));
});
