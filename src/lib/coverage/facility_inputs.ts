// The map's features as the coverage worker takes them: the coverage categories and the youth apartments, as points.

import type { MapFeature } from '../feature';
import { walkTarget } from '../nearby';
import type { FacilityInput } from './protocol';
import { COVERAGE_CATEGORIES } from './scenario_state';

/**
 * The features the analysis counts (coverage categories) or scores (youth apartments), each at the point a
 * walk goes to (a line's or area's first vertex), with what the report and the scores print.
 */
export function facilityInputs(features: readonly MapFeature[]): FacilityInput[] {
  const wanted = new Set<string>([...COVERAGE_CATEGORIES, 'youth_housing']);
  return features
    .filter((f) => wanted.has(f.properties.category))
    .map((f) => {
      const [lon, lat] = walkTarget(f) as [number, number];
      const p = f.properties;
      return {
        id: p.id,
        category: p.category,
        status: p.status,
        lon,
        lat,
        name_zh: p.name_zh,
        name_en: p.name_en,
        district: p.district,
        ...(p.units !== undefined ? { units: p.units } : {}),
      };
    });
}
