// The plan's targets as search entries: found by their summary, quote and named places, never given a position.

import type { MapFeature } from './feature';
import type { PlanTarget } from './plan_targets';
import { searchEntriesFromFeatures } from './search_index';
import { MAX_ALIASES, type SearchEntry } from './search_model';
import { targetEntryId } from './search_target_id';

/**
 * One entry per target: named by its summary (zh, en); its named places (中山桥) and the source's quote are
 * aliases, so a place the plan names finds the promise. The category (when the map has a layer for it) only
 * labels the result; a target has no lon/lat, so it never ranks by distance and is never drawn as a place.
 */
export function searchEntriesFromTargets(targets: readonly PlanTarget[]): SearchEntry[] {
  return targets.map((t) => {
    const entry: SearchEntry = {
      id: targetEntryId(t.id),
      kind: 'target',
      name_zh: t.summary_zh,
      name_en: t.summary_en,
    };
    if (t.category) entry.category = t.category;
    const aliases = [...(t.named_places_zh ?? []), t.quote_zh].slice(0, MAX_ALIASES);
    if (aliases.length) entry.extra_zh = aliases;
    return entry;
  });
}

/** Everything the app's search box finds: the places, the districts and the plan targets. */
export function appSearchEntries(
  features: readonly MapFeature[],
  targets: readonly PlanTarget[],
): SearchEntry[] {
  return [...searchEntriesFromFeatures(features), ...searchEntriesFromTargets(targets)];
}
