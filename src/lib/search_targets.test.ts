import { describe, expect, it } from 'vitest';
import { buildData } from '../../scripts/lib/build_data';
import { parsePlanTargets } from './plan_targets';
import { buildSearchIndex, search } from './search';
import { buildTypeIndex, searchWithTypes } from './search_by_type';
import { targetEntryId, targetIdOf } from './search_target_id';
import { appSearchEntries, searchEntriesFromTargets } from './search_targets';

// The real places and plan targets the app ships (data/), built as `npm run data` builds them.
const built = buildData('data');
const { targets, problems } = parsePlanTargets(built.planTargets);
const BRIDGE = targetEntryId('zhongshan-bridge-checkin');

describe('plan targets in search', () => {
  it('reads the shipped targets', () => {
    expect(problems).toEqual([]);
    expect(targets.some((t) => t.id === 'zhongshan-bridge-checkin')).toBe(true);
  });

  it('makes one entry per target, labelled as a target, with no invented position', () => {
    const entries = searchEntriesFromTargets(targets);
    expect(entries).toHaveLength(targets.length);
    for (const e of entries) {
      expect(e.kind).toBe('target');
      expect(e.lon).toBeUndefined();
      expect(e.lat).toBeUndefined();
      expect(targetIdOf(e.id)).not.toBeNull();
    }
    const bridge = entries.find((e) => e.id === BRIDGE);
    expect(bridge?.name_zh).toBe('升级中山桥青年“网红”打卡点');
    expect(bridge?.extra_zh).toEqual(['中山桥', '升级打造中山桥青年“网红”打卡点']);
    expect(bridge?.category).toBe('checkin_spot');
    // A target the map has no layer for still gets an entry, without a category.
    expect(entries.find((e) => e.id === 'target:maternal-child-hospital')?.category).toBeUndefined();
  });

  it('round-trips ids and leaves feature and district ids alone', () => {
    expect(targetIdOf(targetEntryId('youth-study-room'))).toBe('youth-study-room');
    expect(targetIdOf('district:620102')).toBeNull();
    expect(targetIdOf('osm-node-1')).toBeNull();
  });

  it("finds 中山桥 in the app's index (shipped places, districts, targets) by 汉字, pinyin and English", () => {
    const index = buildSearchIndex(appSearchEntries(built.features.features, targets));
    for (const [q, lang] of [
      ['中山桥', 'zh'],
      ['zhongshanqiao', 'zh'],
      ['Zhongshan Bridge', 'en'],
    ] as const) {
      const hits = search(index, q, { lang });
      expect(hits.length, q).toBeGreaterThan(0);
      const hit = hits.find((r) => r.id === BRIDGE);
      expect(hit?.kind, q).toBe('target');
    }
    // 中山桥 is the place the target names: an exact alias match, shown as such.
    const zh = search(index, '中山桥').find((r) => r.id === BRIDGE);
    expect(zh?.match).toBe('exact');
    expect(zh?.highlight).toEqual({ field: 'extra_zh', index: 0, ranges: [[0, 3]] });
    // The shipped places still come first for their own names.
    const metro = search(index, '奥体中心')[0];
    expect(metro?.kind).toBe('feature');
  });

  it('finds a target by words of its quote or its number', () => {
    const index = buildSearchIndex(searchEntriesFromTargets(targets));
    expect(search(index, '网红打卡')[0]?.id).toBe(BRIDGE);
    expect(search(index, '3043').map((r) => r.id)).toContain('target:youth-rental-apartments');
  });

  it('ranks a target that only mentions a type word after the places of that type', () => {
    const index = buildSearchIndex(appSearchEntries(built.features.features, targets));
    const types = buildTypeIndex(index);
    const metroTargets = targets.filter((t) => t.summary_zh.includes('地铁')).map((t) => targetEntryId(t.id));
    expect(metroTargets.length).toBeGreaterThan(0);
    const rs = searchWithTypes(index, types, '地铁', { limit: 40, lang: 'zh' });
    const firstTarget = rs.findIndex((r) => r.kind === 'target');
    const lastStation = rs.findLastIndex((r) => r.entry.category === 'metro');
    expect(lastStation).toBeGreaterThan(0);
    expect(firstTarget).toBeGreaterThan(lastStation);
    expect(rs.slice(firstTarget).map((r) => r.id)).toEqual(expect.arrayContaining(metroTargets));
    // A target named by the query (the place it names) keeps its rank: 中山桥 still finds the bridge first.
    expect(searchWithTypes(index, types, '中山桥', { limit: 8, lang: 'zh' })[0]?.id).toBe(BRIDGE);
  });
});
