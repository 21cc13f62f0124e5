import { describe, expect, it } from 'vitest';
import { CATALOG, layerOf } from './catalog';
import { CATEGORY_IDS } from './lib/feature';

describe('catalog', () => {
  it('has exactly one entry per category id', () => {
    expect(CATALOG.map((e) => e.id).sort()).toEqual([...CATEGORY_IDS].sort());
  });

  it('has unique draw orders and valid colours', () => {
    expect(new Set(CATALOG.map((e) => e.order)).size).toBe(CATALOG.length);
    for (const e of CATALOG) expect(e.color).toMatch(/^#[0-9a-f]{6}$/);
  });

  it('gives every point facility a glyph so colour is not the only cue', () => {
    for (const e of CATALOG.filter((x) => x.facility && x.geometry !== 'line')) {
      expect([...e.glyph], e.id).toHaveLength(1);
    }
  });

  it('marks only fitness_circle as derived', () => {
    expect(CATALOG.filter((e) => e.derived).map((e) => e.id)).toEqual(['fitness_circle']);
    expect(() => layerOf('nope' as never)).toThrow();
  });
});
