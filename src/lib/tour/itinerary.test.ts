import { describe, expect, it } from 'vitest';
import { buildItinerary } from './itinerary';
import { fromLanzhouWallClock } from './lanzhou_time';
import { type LegRouter, straightLegRouter } from './legs';
import { featuresNear } from './nearby';
import { openingStatusAt } from './opening';
import { featuresById, resolveStops } from './routes';
import { scheduleTour } from './schedule';
import { fixtureFeatures, fixtureRoutes, inEachZone } from './test_support';

const all = fixtureFeatures();
const features = featuresById(all);
const [route, sourced] = fixtureRoutes() as [
  ReturnType<typeof fixtureRoutes>[0],
  ReturnType<typeof fixtureRoutes>[0],
];
const { stops } = resolveStops(route, features);
const nearby = stops.map((s) => featuresNear(s.coord, all, { exclude: new Set([s.feature_id]) }));

describe('buildItinerary', () => {
  it('lists the fixture route in English with times, legs, hours and labels (start 19:30, Friday 21 June 2024)', () => {
    const plan = scheduleTour(stops, straightLegRouter(), fromLanzhouWallClock(2024, 6, 21, 19, 30));
    const it = buildItinerary({ route, stops, plan, lang: 'en', openingStatus: openingStatusAt, nearby });
    expect(it.title).toBe('Fixture night walk (fictional)');
    expect(it.suggestedBy).toBe('Suggested by this map (not official)');
    expect(it.start).toBe('Start: 2024-06-21 19:30');
    expect(it.summary).toBe('Walking 3.8 km, about 49 min; 75 min at the stops; ends about 21:34');
    expect(it.rows.map((r) => [r.n, r.name, r.arrival, r.departure, r.stay])).toEqual([
      [1, 'Fixture stop A (fictional)', '19:30', '19:40', '10 min'],
      [2, 'Fixture stop B (fictional)', '19:57', '20:17', '20 min'],
      [3, 'Fixture night market C (fictional)', '20:34', '21:04', '30 min'],
      [4, 'Fixture viewpoint D (fictional)', '21:19', '21:34', '15 min'],
    ]);
    expect(it.rows.map((r) => r.open)).toEqual([
      { kind: 'no_hours', text: 'Opening hours unknown' },
      { kind: 'open', text: 'Open, closes at 22:00' },
      { kind: 'open', text: 'Open, closes tomorrow 02:00' },
      { kind: 'open', text: 'Open, closes at 23:00' },
    ]);
    // Friday: the night zone is open 18:00–03:00.
    expect(it.rows[2]!.nearby).toEqual([
      { name: 'Fixture night zone (fictional)', kind: 'open', text: 'Open, closes tomorrow 03:00' },
    ]);
    expect(it.rows[0]!.nearby).toEqual([]);
    expect(it.rows.map((r) => r.next?.text ?? null)).toEqual([
      'Walk 1.3 km, about 17 min · schematic line (estimate)',
      'Walk 1.3 km, about 17 min · schematic line (estimate)',
      'Walk 1.2 km, about 15 min · schematic line (estimate)',
      null,
    ]);
    expect(it.rows.every((r) => r.next === null || r.next.schematic)).toBe(true);
    expect(it.notes).toHaveLength(2);
    expect(it.notes[1]).toContain('straight line × 1.3 at 80 m/min');
    expect(it.rows.map((r) => r.warning)).toEqual([null, null, null, null]);
  });

  it('handles a tour past midnight in Chinese, in any process zone', () => {
    const plan = scheduleTour(stops, straightLegRouter(), fromLanzhouWallClock(2024, 6, 21, 23, 30));
    const runs = inEachZone(() =>
      buildItinerary({ route, stops, plan, lang: 'zh', openingStatus: openingStatusAt, nearby }),
    );
    for (const it of runs) {
      expect(it.rows.map((r) => r.arrival)).toEqual(['23:30', '23:57', '次日 00:34', '次日 01:19']);
      expect(it.rows.map((r) => r.open?.kind)).toEqual(['no_hours', 'closed', 'open', 'closed']);
      expect(it.rows[2]!.open!.text).toBe('开放中，02:00 关闭');
      expect(it.rows[3]!.open!.text).toMatch(/^已关闭，\d{2}:\d{2} 开放$/);
      expect(it.summary).toBe('步行 3.8 公里，约 49 分钟；各站停留共 75 分钟；约次日 01:34 结束');
    }
    expect(new Set(runs.map((r) => JSON.stringify(r))).size).toBe(1);
  });

  it('says closing soon and closed at the 18:00–02:00 venue late at night', () => {
    const at = (h: number, m: number) =>
      buildItinerary({
        route,
        stops,
        plan: scheduleTour(stops, straightLegRouter(), fromLanzhouWallClock(2024, 6, 22, h, m)),
        lang: 'en',
        openingStatus: openingStatusAt,
      }).rows[2]!.open!;
    // Arrival at C is start + 64 min.
    expect(at(0, 41)).toEqual({ kind: 'closes_soon', text: 'Closes soon (at 02:00)' });
    expect(at(1, 20)).toEqual({ kind: 'closed', text: 'Closed, opens at 18:00' });
  });

  it('labels network legs and official sources, and leaves hours out without an evaluator', () => {
    const network: LegRouter = (from, to) => ({
      coordinates: [from, to],
      metres: 1234,
      minutes: 15.2,
      method: 'network',
    });
    const { stops: s2 } = resolveStops(sourced, features);
    const plan = scheduleTour(s2, network, fromLanzhouWallClock(2024, 6, 21, 19, 30));
    const it = buildItinerary({ route: sourced, stops: s2, plan, lang: 'zh' });
    expect(it.suggestedBy).toBe('路线来源：Fictional test source');
    expect(it.rows[0]!.next).toEqual({
      text: '步行 1.2 公里，约 16 分钟 · 沿步行路网',
      distance: '1.2 公里',
      minutes: 16,
      method: 'network',
      schematic: false,
    });
    expect(it.rows.map((r) => r.open)).toEqual([null, null]);
    expect(it.notes.join('\n')).toContain('OpenStreetMap');
    expect(it.notes.join('\n')).not.toContain('示意直线');
  });

  it('flags stops that are not built and refuses mismatched input', () => {
    const planned = { ...route, stops: [route.stops[0]!, { feature_id: 'fixture-planned-e', dwell_min: 5 }] };
    const { stops: s3 } = resolveStops(planned, features);
    const plan = scheduleTour(s3, straightLegRouter(), fromLanzhouWallClock(2024, 6, 21, 19, 30));
    expect(buildItinerary({ route: planned, stops: s3, plan, lang: 'en' }).rows[1]!.warning).toBe(
      'not built yet',
    );
    expect(() => buildItinerary({ route, stops, plan, lang: 'en' })).toThrow(RangeError);
  });
});
