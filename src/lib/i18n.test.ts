import { describe, expect, it } from 'vitest';
import { type Entry, MESSAGES, type MessageKey, parseLang, setTouchInput, translate } from './i18n';

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

describe('plural and spacing', () => {
  it('uses the English singular for a count of one, and Chinese has one form', () => {
    const p = { district: 'Xigu', area: 2, cells: 1, centre: '103.6, 36.1' };
    expect(translate('en', 'plan.cov.clusters.item', p)).toBe('Xigu: 2 km², 1 cell, centre 103.6, 36.1');
    expect(translate('en', 'plan.cov.clusters.item', { ...p, cells: 3 })).toBe(
      'Xigu: 2 km², 3 cells, centre 103.6, 36.1',
    );
    expect(translate('zh', 'plan.cov.clusters.item', { ...p, district: '西固区' })).toBe(
      '西固区：2 平方公里，1 个格网，中心 103.6, 36.1',
    );
    expect(
      translate('en', 'report.find.sites', { n: 1, min: 15, before: '1%', after: '2%', delta: '+1' }),
    ).toMatch(/^With the proposed site, /);
    expect(
      translate('en', 'report.find.sites', { n: 2, min: 15, before: '1%', after: '2%', delta: '+1' }),
    ).toMatch(/^With the 2 proposed sites, /);
  });

  it('says "tap" instead of "click" in English on a touch screen, with the same parameters', () => {
    try {
      expect(translate('en', 'nearby.pick')).toMatch(/^Click a place/);
      setTouchInput(true);
      expect(translate('en', 'nearby.pick')).toMatch(/^Tap a place/);
      expect(translate('zh', 'nearby.pick')).toBe(translate('zh', 'nearby.pick'));
      expect(translate('zh', 'nearby.pick')).toContain('点击');
    } finally {
      setTouchInput(false);
    }
    for (const [key, entry] of Object.entries(MESSAGES) as [string, Entry][]) {
      if (entry.en_touch === undefined) continue;
      expect(params(entry.en_touch), key).toEqual(params(entry.en));
      expect(entry.en_touch, key).not.toMatch(/\bclick/i);
    }
    // No English message meant for a pointer says "click" without a touch wording.
    for (const [key, entry] of Object.entries(MESSAGES) as [string, Entry][])
      if (/\bclick/i.test(entry.en)) expect(entry.en_touch, key).toBeDefined();
  });

  it('drops the template space between Chinese text and a value that starts with Chinese, nowhere else', () => {
    const p = { dist: '1.2 公里', walk: 15, dwell: 30, end: '次日 04:20' };
    expect(translate('zh', 'tour.summary', p)).toBe(
      '步行 1.2 公里，约 15 分钟；各站停留共 30 分钟；约次日 04:20 结束',
    );
    expect(translate('zh', 'tour.summary', { ...p, end: '20:15' })).toContain('约 20:15 结束');
    expect(translate('en', 'tour.summary', p)).toContain('ends about 次日 04:20');
  });
});
