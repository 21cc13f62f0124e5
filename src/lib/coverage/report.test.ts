import { describe, expect, it } from 'vitest';
import type { Lang } from '../i18n';
import { type PlanTarget, planProgress } from '../plan_targets';
import { shareRows } from './aggregate';
import type { AnalyseResult, AnalyseSettings, CoverageReply } from './protocol';
import { legendItems, RAMP } from './ramp';
import { buildReport, lanzhouStamp, lanzhouTime, type ReportInput } from './report';
import { CoverageSession } from './session';
import { SESSION_FACILITIES, SMALL_DISTRICTS } from './test_support';

/** One analysis through a real session (estimate engine, the invented two-district fixture). */
async function analyse(over: Partial<AnalyseSettings> = {}, populationCsv?: string): Promise<AnalyseResult> {
  const session = new CoverageSession({ yieldNow: () => Promise.resolve() });
  let last: CoverageReply | undefined;
  const ask = (body: object, id: number) =>
    session.handle(structuredClone({ ...body, id }), (r) => {
      if (r.type !== 'progress') last = r;
    });
  await ask(
    {
      type: 'init',
      facilities: SESSION_FACILITIES,
      districts: SMALL_DISTRICTS,
      graphUrl: null,
      speedMPerMin: 80,
      detourFactor: 1.3,
    },
    1,
  );
  if (populationCsv) await ask({ type: 'population', bytes: new Blob([populationCsv]), name: 'pop.csv' }, 3);
  await ask(
    {
      type: 'analyse',
      settings: {
        grid: { kind: 'square', sizeM: 80 },
        districts: ['620102', '620103'],
        planned: false,
        sites: [],
        category: 'fitness_site',
        bands: [5, 10, 15],
        youthShare: null,
        ...over,
      },
    },
    2,
  );
  if (last?.type !== 'result') throw new Error(`no result: ${JSON.stringify(last)}`);
  return last.result as AnalyseResult;
}

const target: PlanTarget = {
  id: 'fitness-test',
  category: 'fitness_site',
  measure: 'features',
  target: 4,
  comparator: 'at_least',
  quote_zh: '新建运动健身4处',
  summary_zh: '运动健身 4 处',
  summary_en: '4 fitness sites',
  source: { title: 'test' },
  match: 'category',
};

const input = (result: AnalyseResult, lang: Lang, over: Partial<ReportInput> = {}): ReportInput => ({
  lang,
  result,
  category: 'fitness_site',
  districts: ['620102', '620103'],
  grid: { kind: 'square', sizeM: 80 },
  planned: false,
  sites: [],
  youthShare: null,
  mapped: 3,
  targets: [],
  sources: ['B source', 'A source', 'B source'],
  attribution: ['© 高德地图 AMap'],
  now: new Date('2026-11-27T11:05:00Z'),
  url: 'http://localhost/#p=coverage',
  ...over,
});

/** Every string of a report, for placeholder and language checks. */
const allText = (r: ReturnType<typeof buildReport>): string[] => [
  r.title,
  r.mapTitle,
  r.mapAlt,
  r.generated,
  r.link ?? '',
  ...r.legend.map((x) => x.label),
  ...r.settings.flat(),
  ...r.findings,
  ...[r.districts, r.categories, r.clusters, r.scores, r.targets].flatMap((t) => [
    t.caption,
    ...t.head,
    ...t.rows.flatMap((x) => x.cells),
    t.empty ?? '',
  ]),
  ...r.notes,
];

describe('lanzhouTime', () => {
  it('gives the wall-clock time in Lanzhou (UTC+8), across midnight', () => {
    expect(lanzhouTime(new Date('2026-11-27T11:05:00Z'))).toBe('2026-11-27 19:05');
    expect(lanzhouTime(new Date('2026-11-27T17:30:00Z'))).toBe('2026-11-28 01:30');
    expect(lanzhouStamp(new Date('2026-11-27T17:30:00Z'))).toBe('20261128-0130');
  });
});

describe('legendItems', () => {
  it('labels every ramp class in both languages', () => {
    expect(legendItems('zh', [5, 10, 15]).map((x) => x.label)).toEqual([
      '0–5 分钟',
      '5–10 分钟',
      '10–15 分钟',
      '超过 15 分钟',
      '不可达（没有可步行到达的设施）',
    ]);
    const en = legendItems('en', [5, 10, 15]);
    expect(en.map((x) => x.hex)).toEqual(RAMP.map((x) => x.hex));
    expect(en[3]?.label).toBe('over 15 min');
  });
});

describe('buildReport', () => {
  it('reports the same shares as the analysis, per district and for every category, in zh and en', async () => {
    const r = await analyse();
    const zh = buildReport(input(r, 'zh'));
    const en = buildReport(input(r, 'en'));
    const rows = shareRows(r.table, 'fitness_site');
    expect(zh.districts.rows).toHaveLength(rows.length);
    rows.forEach((row, i) => {
      const shown = en.districts.rows[i]?.cells.slice(1).map((c) => Number(c.replace('%', '')) / 100);
      row.areaShare.forEach((v, b) => {
        expect(shown?.[b]).toBeCloseTo(v, 3);
      });
      expect(en.districts.rows[i]?.bar?.share).toBe(row.areaShare[2]);
    });
    expect(en.districts.rows.at(-1)?.total).toBe(true);
    expect(en.districts.rows.at(-1)?.cells[0]).toBe('All selected districts');
    expect(zh.districts.rows.at(-1)?.cells[0]).toBe('所选区县合计');
    // No sites: no change column.
    expect(en.districts.head).toHaveLength(4);
    expect(en.categories.rows.map((x) => x.cells[0])).toContain('Fitness and sports');
    const fit = en.categories.rows[r.categories.indexOf('fitness_site')];
    // Three fitness sites, the third planned: planned ones are not counted unless asked for.
    expect(fit?.cells[1]).toBe('2');
    const city15 = rows.at(-1)?.areaShare[2] as number;
    expect(en.findings[0]).toBe(
      `${(city15 * 100).toFixed(1)}% of the selected districts (by area) can walk to fitness and sports within 15 min.`,
    );
    expect(en.clusters.rows).toHaveLength(r.clusters.length);
    expect(en.scores.rows).toHaveLength(2);
    expect(en.scores.rows[0]?.cells[2]).toContain('Youth parks');
    // Honesty notes: estimate, by area, the data note; sources deduplicated and sorted.
    expect(en.notes[0]).toContain('estimate');
    expect(en.notes.some((n) => n.includes('by area'))).toBe(true);
    expect(en.notes).toContain('Facility sources: A source; B source');
    expect(zh.generated).toBe('生成于 2026-11-27 19:05（北京时间）');
    expect(en.link).toBe('This analysis online: http://localhost/#p=coverage');
    for (const text of [...allText(zh), ...allText(en)]) expect(text).not.toMatch(/\{\w+\}/);
    expect(zh.notes).toContain('设施来源：A source；B source');
  });

  it('shows the change a proposed site makes, equal to the two tables it compares', async () => {
    // In the western part of the second invented district, away from the random facilities.
    const sites = [{ category: 'fitness_site' as const, lon: 103.787, lat: 36.061 }];
    const r = await analyse({ sites });
    expect(r.baseTable).not.toBeNull();
    const en = buildReport(input(r, 'en', { sites }));
    expect(en.districts.head.at(-1)).toBe('Change at 15 min');
    const after = shareRows(r.table, 'fitness_site').at(-1)?.areaShare[2] as number;
    const before = shareRows(r.baseTable as never, 'fitness_site').at(-1)?.areaShare[2] as number;
    expect(after).toBeGreaterThan(before);
    expect(Number(en.districts.rows.at(-1)?.cells.at(-1))).toBeCloseTo((after - before) * 100, 1);
    expect(en.findings.some((f) => f.startsWith('With the proposed site, '))).toBe(true);
    expect(en.settings.find(([k]) => k === 'Proposed sites')?.[1]).toContain('Site 1: Fitness and sports');
  });

  it('lists plan targets with what is mapped per status and the share of the number', async () => {
    const r = await analyse();
    const progress = planProgress(
      [target, { ...target, id: 'no-layer', category: null, target: null, summary_en: 'Night schools' }],
      [],
    );
    const en = buildReport(input(r, 'en', { targets: progress }));
    expect(en.targets.rows[0]?.cells).toEqual(['4 fitness sites', '4', '0/0/0', '0.0%']);
    expect(en.targets.rows[1]?.cells).toEqual(['Night schools', 'not given', 'no layer', '—']);
  });

  it('reads figures by population when people are loaded, and by area where a district has none', async () => {
    // Invented people, all in the first district (620102); the second district has nobody.
    const r = await analyse({}, 'lon,lat,pop\n103.80,36.05,1000\n103.81,36.06,3000\n103.799,36.0475,500\n');
    expect(r.basis).toBe('population');
    const en = buildReport(input(r, 'en', { youthShare: 0.3 }));
    expect(en.districts.caption).toBe('Coverage by district (by population)');
    const rows = shareRows(r.table, 'fitness_site');
    rows.forEach((row, i) => {
      const want = row.popShare ?? row.areaShare;
      const shown = en.districts.rows[i]?.cells.slice(1, 4).map((c) => Number(c.replace('%', '')) / 100);
      want.forEach((v, b) => {
        expect(shown?.[b]).toBeCloseTo(v, 3);
      });
    });
    const empty = rows.find((row) => row.adcode === '620103');
    expect(empty?.popShare).toBeNull();
    expect(en.settings.find(([k]) => k === 'Youth share')?.[1]).toBe('30.0%');
    const city = rows.at(-1);
    expect(en.findings).toContain(
      `At the 30.0% you entered: about ${Math.round((city?.pop ?? 0) * 0.3).toLocaleString('en')} young people in the selected districts, about ${Math.round((city?.coveredPop?.[2] ?? 0) * 0.3).toLocaleString('en')} of them within 15 min.`,
    );
    expect(en.notes.some((n) => n.includes('by area'))).toBe(false);
  });

  it('says so when the category has nothing mapped', async () => {
    const r = await analyse({ category: 'study_room' });
    const zh = buildReport(input(r, 'zh', { category: 'study_room' }));
    expect(zh.findings).toContain('本类别尚无已标注设施，因此覆盖率为 0，这不代表实际情况。');
    expect(zh.findings[0]).toContain('0.0%');
  });
});
