// The coverage session's answers per facility: each category's facilities (with the scenario's proposed
// sites, named), the youth-apartment scores and the marginal-contribution table.

import type { CategoryId } from '../feature';
import type { WalkEngine } from '../walk/engine';
import type { FacilityPoint } from '../walk/facilities';
import type { CoverageContext } from './context';
import { marginalContributions } from './marginal';
import type { AnalyseSettings, FacilityInput, MarginalResult } from './protocol';
import { COVERAGE_CATEGORIES } from './scenario_state';
import { type ApartmentScore, type NamedPoint, prepareScoreCategories, scoreApartments } from './scores';
import { sitesOf, type WhatIfSite } from './whatif';

/** A category's facilities: existing ones, and planned ones too when `planned`. */
export function facilitiesOf(
  facilities: readonly FacilityInput[],
  category: CategoryId,
  planned: boolean,
): FacilityInput[] {
  return facilities.filter((f) => f.category === category && (planned || f.status === 'existing'));
}

/** A category's facilities followed by the scenario's sites of that category, named 设想选址 n / Proposed site n. */
export function namedPoints(
  facilities: readonly FacilityInput[],
  category: CategoryId,
  planned: boolean,
  sites: readonly WhatIfSite[],
): NamedPoint[] {
  const own = facilitiesOf(facilities, category, planned).map((f) => ({
    id: f.id,
    name_zh: f.name_zh,
    name_en: f.name_en,
    lon: f.lon,
    lat: f.lat,
  }));
  const proposed = sitesOf(sites, category).map((s, k) => ({
    id: `ws:${k + 1}`,
    name_zh: `设想选址 ${k + 1}`,
    name_en: `Proposed site ${k + 1}`,
    lon: s.lon,
    lat: s.lat,
    proposed: true,
  }));
  return [...own, ...proposed];
}

/** Every youth apartment scored against every coverage category (with the scenario's sites) by walking time. */
export function apartmentScores(
  engine: WalkEngine,
  facilities: readonly FacilityInput[],
  s: AnalyseSettings,
): ApartmentScore[] {
  const apartments = facilities
    .filter((f) => f.category === 'youth_housing')
    .map((f) => ({ ...f, status: f.status as string }));
  const cats = prepareScoreCategories(
    engine,
    COVERAGE_CATEGORIES.map((category) => ({
      category,
      facilities: namedPoints(facilities, category, s.planned, s.sites),
    })),
  );
  return scoreApartments(engine, apartments, cats, s.bands);
}

/**
 * What each facility of a category (and each proposed site) alone provides, most lost first: people
 * within the last band, then area (m²), then id.
 * @param pop people per cell, or null (area only)
 */
export function marginalTable(
  ctx: CoverageContext,
  facilities: readonly FacilityInput[],
  category: CategoryId,
  s: AnalyseSettings,
  pop: Float64Array | null,
): MarginalResult {
  const points = namedPoints(facilities, category, s.planned, s.sites);
  const rows = marginalContributions(
    ctx,
    points.map((p): FacilityPoint => ({ id: p.id, lon: p.lon, lat: p.lat })),
    s.bands,
    pop,
  );
  const last = s.bands.length - 1;
  return {
    category,
    bands: [...s.bands],
    rows: rows
      .map((r) => {
        const p = points[r.index] as NamedPoint;
        return {
          id: p.id,
          name_zh: p.name_zh,
          name_en: p.name_en,
          proposed: p.proposed === true,
          lostAreaM2: r.lostAreaM2,
          lostPop: r.lostPop,
          servedAreaM2: r.servedAreaM2,
        };
      })
      .sort(
        (a, b) =>
          (b.lostPop?.[last] ?? 0) - (a.lostPop?.[last] ?? 0) ||
          (b.lostAreaM2[last] as number) - (a.lostAreaM2[last] as number) ||
          a.id.localeCompare(b.id),
      ),
  };
}
