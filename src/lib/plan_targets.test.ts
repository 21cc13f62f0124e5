import { existsSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { FeatureProps, MapFeature } from './feature';
import { parsePlanTargets, planProgress, unknownTargetRefs } from './plan_targets';

const shipped = JSON.parse(readFileSync(new URL('../../data/plan_targets.json', import.meta.url), 'utf8'));
// The plan text lives in the workspace's shared/ folder beside the checkout (not committed); CI has it.
const sourceUrl = new URL('../../../shared/source/lanzhou-2024-work-points.txt', import.meta.url);
const source = existsSync(sourceUrl) ? readFileSync(sourceUrl, 'utf8') : null;

const f = (over: Partial<FeatureProps>): MapFeature => ({
  type: 'Feature',
  geometry: { type: 'Point', coordinates: [103.8, 36.05] },
  properties: {
    id: Math.random().toString(36),
    category: 'youth_housing',
    name_zh: '某公寓',
    name_en: 'Some apartment',
    district: '620102',
    status: 'existing',
    source: { title: 't' },
    accuracy_m: 10,
    ...over,
  },
});

describe('plan targets', () => {
  it('ships valid targets', () => {
    const { targets, problems } = parsePlanTargets(shipped);
    expect(problems).toEqual([]);
    expect(targets.length).toBeGreaterThanOrEqual(15);
    expect(targets.find((t) => t.id === 'youth-rental-apartments')?.target).toBe(3043);
  });

  it.skipIf(source === null)('quotes every target verbatim from the source text', () => {
    for (const t of parsePlanTargets(shipped).targets) expect(source, t.id).toContain(t.quote_zh);
  });

  it('finds plan_target references to unknown targets', () => {
    const { targets } = parsePlanTargets(shipped);
    expect(
      unknownTargetRefs(targets, [
        f({ id: 'x', plan_target: 'nope' }),
        f({ plan_target: 'youth-theme-parks' }),
      ]),
    ).toEqual(['x: plan_target "nope" is not an id in plan_targets.json']);
  });

  it('reports shape problems', () => {
    const bad = parsePlanTargets({
      targets: [{ id: 'a', category: 'nope', measure: 'x', target: -1 }, { id: 'a' }],
    });
    expect(bad.targets).toEqual([]);
    expect(bad.problems.join('\n')).toMatch(/unknown category nope[\s\S]*duplicate id a/);
  });

  it('sums units, counts named places and limits district targets to one per district', () => {
    const { targets } = parsePlanTargets(shipped);
    const features = [
      f({ units: 300, plan_target: 'youth-rental-apartments' }),
      f({ units: 200, status: 'planned', plan_target: 'youth-rental-apartments' }),
      f({ units: 999, name_zh: '某共有产权住房' }),
      f({ category: 'youth_park', name_zh: '某滨河公园' }),
      f({ category: 'youth_community' }),
      f({ category: 'youth_block', name_zh: '兰州老街' }),
      f({ category: 'youth_block', name_zh: '兰州奥体中心', status: 'under_construction' }),
      f({
        category: 'fitness_site',
        district: '620104',
        status: 'planned',
        plan_target: 'sports-parks-gaolan-xigu',
      }),
      f({ category: 'fitness_site', district: '620104', plan_target: 'sports-parks-gaolan-xigu' }),
      f({ category: 'fitness_site', district: '620122' }),
      f({ category: 'fitness_site', district: '620102', plan_target: 'sports-parks-gaolan-xigu' }),
    ];
    const byId = new Map(planProgress(targets, features).map((p) => [p.target.id, p]));
    expect(byId.get('youth-rental-apartments')?.mapped).toEqual({
      existing: 300,
      planned: 200,
      under_construction: 0,
    });
    expect(byId.get('youth-rental-apartments')?.share).toBeCloseTo(500 / 3043);
    expect(byId.get('youth-development-blocks')?.mapped).toEqual({
      existing: 1,
      planned: 0,
      under_construction: 1,
    });
    expect(byId.get('sports-parks-gaolan-xigu')?.mapped).toEqual({
      existing: 1,
      planned: 0,
      under_construction: 0,
    });
    expect(byId.get('sports-parks-gaolan-xigu')?.share).toBe(0.5);
    // A park that no source ties to the plan is not a youth theme park; every youth-friendly community counts.
    expect(byId.get('youth-theme-parks')?.share).toBe(0);
    expect(byId.get('youth-friendly-communities')?.mapped.existing).toBe(1);
    expect(byId.get('maternal-child-hospital')?.share).toBeNull();
    expect(byId.get('youth-talent-stations')?.share).toBeNull();
  });
});
