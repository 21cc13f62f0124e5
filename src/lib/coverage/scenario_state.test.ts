import { describe, expect, it } from 'vitest';
import {
  COVERAGE_CATEGORIES,
  COVERAGE_PARAMS,
  defaultCoverageState,
  formatSites,
  parseCoverageParams,
  parseSites,
  writeCoverageParams,
} from './scenario_state';
import { MAX_SITES } from './whatif';

describe('coverage URL state', () => {
  it('round-trips every field through hash parameters', () => {
    const s = {
      covCat: 'youth_park' as const,
      covGrid: { kind: 'square' as const, sizeM: 500 },
      covDistricts: ['620104', '620102'],
      covPlanned: true,
      covSites: [
        { category: 'fitness_site' as const, lon: 103.81, lat: 36.05 },
        { category: 'study_room' as const, lon: 103.712345, lat: 36.104321 },
      ],
    };
    const q = new URLSearchParams();
    writeCoverageParams(q, s);
    expect(q.get('ws')).toBe('fitness_site:103.810000,36.050000;study_room:103.712345,36.104321');
    const back = parseCoverageParams(new URLSearchParams(q.toString()), defaultCoverageState());
    expect(back).toEqual(s);
  });

  it('keeps defaults for missing or hostile values', () => {
    const base = defaultCoverageState();
    expect(parseCoverageParams(new URLSearchParams(''), base)).toEqual(base);
    const hostile = new URLSearchParams({
      cov: 'district',
      res: 'h99',
      cd: '620102,999999,620102,__proto__',
      cpl: 'yes',
      ws: 'fitness_site:200,36;nope:103.8,36.0;fitness_site:103.8,36.0;<script>:1,2;fitness_site:NaN,1',
    });
    const s = parseCoverageParams(hostile, base);
    expect(s.covCat).toBe(base.covCat);
    expect(s.covGrid).toEqual(base.covGrid);
    expect(s.covDistricts).toEqual(['620102']);
    expect(s.covPlanned).toBe(false);
    expect(s.covSites).toEqual([{ category: 'fitness_site', lon: 103.8, lat: 36 }]);
    // The base is not shared with the result.
    s.covDistricts.push('x');
    expect(base.covDistricts).not.toContain('x');
  });

  it('limits the number of sites and writes none when empty', () => {
    const many = Array.from({ length: MAX_SITES + 5 }, () => 'youth_park:103.8,36.05').join(';');
    expect(parseSites(many)).toHaveLength(MAX_SITES);
    const q = new URLSearchParams();
    writeCoverageParams(q, defaultCoverageState());
    expect(q.has(COVERAGE_PARAMS.sites)).toBe(false);
    expect(q.get('res')).toBe('h9');
    expect(q.get('cd')).toBe('620102,620103,620104,620105');
    expect(formatSites([])).toBe('');
  });

  it('covers walkable facility categories, not the apartments it scores', () => {
    expect(COVERAGE_CATEGORIES).toContain('fitness_site');
    expect(COVERAGE_CATEGORIES).not.toContain('youth_housing');
    expect(COVERAGE_CATEGORIES).not.toContain('fitness_circle');
    expect(COVERAGE_CATEGORIES).not.toContain('district');
  });
});
