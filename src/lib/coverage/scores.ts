// Youth-apartment scores: per category, how many facilities lie within each band and the nearest one.

import type { CategoryId } from '../feature';
import type { FacilityGroup, WalkEngine, WalkMethod } from '../walk/engine';

/** A named place that can be scored or walked to. */
export interface NamedPoint {
  id: string;
  name_zh: string;
  name_en: string;
  lon: number;
  lat: number;
  /** A what-if site rather than a mapped facility. */
  proposed?: boolean;
}

/** A youth apartment to score. */
export interface ApartmentInput extends NamedPoint {
  district: string;
  status: string;
  units?: number;
}

/** One category's facilities, prepared once for the engine. */
export interface ScoreCategory {
  category: CategoryId;
  facilities: readonly NamedPoint[];
  group: FacilityGroup;
}

/** Prepares facility lists for scoring. */
export function prepareScoreCategories(
  engine: WalkEngine,
  lists: readonly { category: CategoryId; facilities: readonly NamedPoint[] }[],
): ScoreCategory[] {
  return lists.map((l) => ({ ...l, group: engine.prepare(l.facilities) }));
}

export interface CategoryScore {
  category: CategoryId;
  /** Facilities within each band (cumulative). */
  within: number[];
  /** The nearest within the horizon, or null. */
  nearest: { id: string; name_zh: string; name_en: string; minutes: number; proposed: boolean } | null;
}

export interface ApartmentScore {
  apartment: ApartmentInput;
  categories: CategoryScore[];
  /** Categories with nothing within the last band: what the apartment lacks. */
  missing: CategoryId[];
  /** 'estimate' when the apartment is off the street network or there is no graph. */
  method: WalkMethod;
}

/**
 * Scores every apartment against every category by walking time (the engine's own nearest()).
 * @param bands cumulative bands, minutes (e.g. [5, 10, 15])
 * @param horizonMin how far to look for "the nearest" (default 60 min); farther counts as none
 */
export function scoreApartments(
  engine: WalkEngine,
  apartments: readonly ApartmentInput[],
  categories: readonly ScoreCategory[],
  bands: readonly number[],
  horizonMin = 60,
): ApartmentScore[] {
  const last = bands[bands.length - 1] ?? 15;
  return apartments.map((apartment) => {
    let method: WalkMethod = engine.method;
    const scores = categories.map((cat): CategoryScore => {
      const hits = engine.nearest(apartment.lon, apartment.lat, cat.group, cat.facilities.length, horizonMin);
      if (hits.some((h) => h.method === 'estimate')) method = 'estimate';
      const first = hits[0];
      const f = first ? cat.facilities[first.index] : undefined;
      return {
        category: cat.category,
        within: bands.map((b) => hits.filter((h) => h.minutes <= b).length),
        nearest:
          first && f
            ? {
                id: f.id,
                name_zh: f.name_zh,
                name_en: f.name_en,
                minutes: first.minutes,
                proposed: f.proposed === true,
              }
            : null,
      };
    });
    return {
      apartment,
      categories: scores,
      missing: scores.filter((s) => !s.nearest || s.nearest.minutes > last).map((s) => s.category),
      method,
    };
  });
}

/** What a score table can be sorted by. */
export type ScoreSort =
  | { by: 'name' }
  | { by: 'district' }
  | { by: 'missing' }
  | { by: 'category'; category: CategoryId };

/**
 * Sorts scores (a new array): by name (pinyin-free: the Chinese collation of the name), district,
 * number of missing categories, or minutes to the nearest of a category (none last either way).
 */
export function sortScores(
  scores: readonly ApartmentScore[],
  sort: ScoreSort,
  dir: 'asc' | 'desc',
  lang: 'zh' | 'en',
): ApartmentScore[] {
  const sign = dir === 'asc' ? 1 : -1;
  const name = (s: ApartmentScore) => (lang === 'zh' ? s.apartment.name_zh : s.apartment.name_en);
  const collator = new Intl.Collator(lang === 'zh' ? 'zh-Hans-CN' : 'en');
  const key = (s: ApartmentScore): number => {
    if (sort.by === 'missing') return s.missing.length;
    if (sort.by === 'category')
      return s.categories.find((c) => c.category === sort.category)?.nearest?.minutes ?? Infinity;
    return 0;
  };
  return [...scores].sort((a, b) => {
    if (sort.by === 'name')
      return sign * collator.compare(name(a), name(b)) || a.apartment.id.localeCompare(b.apartment.id);
    if (sort.by === 'district')
      return (
        sign * a.apartment.district.localeCompare(b.apartment.district) || collator.compare(name(a), name(b))
      );
    const ka = key(a);
    const kb = key(b);
    // "None" stays at the bottom in both directions: it is not a very large number of minutes.
    if (ka === Infinity || kb === Infinity) return ka === kb ? 0 : ka === Infinity ? 1 : -1;
    return sign * (ka - kb) || collator.compare(name(a), name(b));
  });
}
