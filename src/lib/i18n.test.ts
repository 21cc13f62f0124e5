import { describe, expect, it } from 'vitest';
import { MESSAGES, type MessageKey, parseLang, translate } from './i18n';

const params = (s: string) => [...s.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();

describe('i18n', () => {
  it('has every message in both languages with the same parameters', () => {
    for (const [key, entry] of Object.entries(MESSAGES)) {
      expect(entry.zh.trim(), key).not.toBe('');
      expect(entry.en.trim(), key).not.toBe('');
      expect(params(entry.zh), key).toEqual(params(entry.en));
    }
  });

  it('interpolates parameters and keeps unknown ones visible', () => {
    expect(translate('en', 'card.units.value', { n: 120 })).toBe('120 units');
    expect(translate('zh', 'card.units.value', { n: 120 })).toBe('120 套');
    expect(translate('en', 'card.units.value')).toBe('{n} units');
  });

  it('parses language tags', () => {
    expect(parseLang('zh-CN')).toBe('zh');
    expect(parseLang('en_GB')).toBe('en');
    expect(parseLang('fr')).toBeNull();
    expect(parseLang(null)).toBeNull();
  });

  it('uses distinct zh and en text for user-facing keys', () => {
    const same = (Object.keys(MESSAGES) as MessageKey[]).filter(
      (k) => MESSAGES[k].zh === MESSAGES[k].en && !/^\{/.test(MESSAGES[k].en),
    );
    expect(same).toEqual([]);
  });
});
