import { describe, expect, it } from 'vitest';
import { buildData } from '../../scripts/lib/build_data';
import { translate } from './i18n';
import { parsePlanTargets } from './plan_targets';
import { buildSearchIndex } from './search';
import { buildTypeIndex, searchWithTypes } from './search_by_type';
import { QUOTE_MAX, searchCounts, searchOutcome } from './search_outcome';
import { appSearchEntries } from './search_targets';

const kinds = (...k: ('feature' | 'district' | 'type' | 'target')[]) => k.map((kind) => ({ kind }));

describe('searchOutcome', () => {
  it('says nothing before anything is typed, or when places are in the list', () => {
    expect(searchOutcome('  ', [])).toBeNull();
    expect(searchOutcome('park', kinds('feature', 'target'))).toBeNull();
    expect(searchOutcome('basketball', kinds('type'))).toBeNull();
  });

  it('nothing found: names what was searched and the query, in both languages', () => {
    const m = searchOutcome('  qqqq   zzzz ', []);
    expect(m).toEqual({ key: 'search.none', params: { q: 'qqqq zzzz' } });
    if (!m) return;
    expect(translate('en', m.key, m.params)).toBe('No places, districts or plan targets match “qqqq zzzz”');
    expect(translate('zh', m.key, m.params)).toBe('没有与“qqqq zzzz”匹配的地点、区县或规划目标');
  });

  it('only plan targets or districts found: no place matched, but the list is what was found', () => {
    const targets = searchOutcome('中山桥', kinds('target'));
    expect(targets).toEqual({ key: 'search.no_places.targets', params: { q: '中山桥', n: 1 } });
    if (targets)
      expect(translate('en', targets.key, targets.params)).toBe(
        'No places match “中山桥”; found 1 plan target:',
      );
    const two = searchOutcome('x', kinds('target', 'target'));
    if (two) expect(translate('zh', two.key, two.params)).toBe('没有与“x”匹配的地点；找到 2 个规划目标：');
    expect(searchOutcome('x', kinds('district'))?.key).toBe('search.no_places.districts');
    expect(searchOutcome('x', kinds('target', 'district', 'target'))).toEqual({
      key: 'search.no_places.both',
      params: { q: 'x', districts: 1, targets: 2 },
    });
  });

  it('quotes a long query cut at QUOTE_MAX characters (not UTF-16 halves)', () => {
    const long = '兰'.repeat(QUOTE_MAX + 5);
    expect(searchOutcome(long, [])?.params.q).toBe(`${'兰'.repeat(QUOTE_MAX)}…`);
    expect(searchOutcome('😀'.repeat(QUOTE_MAX + 1), [])?.params.q).toBe(`${'😀'.repeat(QUOTE_MAX)}…`);
  });

  it('counts results by kind', () => {
    expect(searchCounts(kinds('feature', 'type', 'district', 'target', 'target'))).toEqual({
      places: 2,
      districts: 1,
      targets: 2,
    });
  });
});

describe('searchOutcome on the shipped places and plan targets', () => {
  const built = buildData('data');
  const { targets } = parsePlanTargets(built.planTargets);
  const index = buildSearchIndex(appSearchEntries(built.features.features, targets));
  const types = buildTypeIndex(index);
  const run = (q: string, lang: 'zh' | 'en') => {
    const results = searchWithTypes(index, types, q, { limit: 8, lang });
    const m = searchOutcome(q, results);
    return { results, text: m ? translate(lang, m.key, m.params) : null };
  };

  it('中山桥 finds only its plan target: the line says no place matched, not that nothing did', () => {
    const { results, text } = run('中山桥', 'zh');
    expect(results.length).toBeGreaterThan(0);
    expect(results.every((r) => r.kind === 'target')).toBe(true);
    expect(text).toBe(`没有与“中山桥”匹配的地点；找到 ${results.length} 个规划目标：`);
  });

  it('a place’s name says nothing extra; nonsense says what was searched', () => {
    expect(run('东方红广场', 'zh').text).toBeNull();
    expect(run('qqqqzzzz', 'en')).toEqual({
      results: [],
      text: 'No places, districts or plan targets match “qqqqzzzz”',
    });
  });
});
