// Live OpenStreetMap facilities merged into the loaded places by OSM id: each object once, the newer copy kept.

import type { MapFeature } from '../feature.ts';
import { OSM_SOURCE_TITLE } from './centre.ts';

/**
 * The loaded places with the live ones merged in. A place whose id a live facility also has is the same
 * OSM object: when it came from OSM (the import, an earlier download) the live copy replaces it in place
 * (newer data); a place from another source keeps its id and the live copy is dropped. Places of an
 * earlier download that the new one no longer has (`previousLive`) are removed: OSM deleted them.
 * `replacedCopies` are the loaded (import) copies a live one replaced, so that removeLive can restore them.
 * @param previousLive ids of the live facilities merged last time
 */
export function mergeLive(
  loaded: readonly MapFeature[],
  live: readonly MapFeature[],
  previousLive: ReadonlySet<string> = new Set(),
): { features: MapFeature[]; added: number; replaced: number; replacedCopies: MapFeature[] } {
  const liveById = new Map(live.map((f) => [f.properties.id, f]));
  const used = new Set<string>();
  let replaced = 0;
  const replacedCopies: MapFeature[] = [];
  const features: MapFeature[] = [];
  for (const f of loaded) {
    const id = f.properties.id;
    const fresh = liveById.get(id);
    if (fresh && !used.has(id)) {
      used.add(id);
      if (f.properties.source.title === OSM_SOURCE_TITLE) {
        features.push(fresh);
        if (!previousLive.has(id)) {
          replaced++;
          replacedCopies.push(f);
        }
      } else features.push(f);
      continue;
    }
    if (previousLive.has(id)) continue;
    features.push(f);
  }
  let added = 0;
  for (const f of live) {
    if (used.has(f.properties.id)) continue;
    used.add(f.properties.id);
    features.push(f);
    added++;
  }
  return { features, added, replaced, replacedCopies };
}

/**
 * The loaded places without the live ones (their device copy was cleared): a live copy that replaced a
 * place of the import gives that place back (`replacedCopies` of the merges), every other one is removed.
 * @param live ids of the live facilities merged last time
 * @param originals the import's copies the live ones replaced, by id
 */
export function removeLive(
  loaded: readonly MapFeature[],
  live: ReadonlySet<string>,
  originals: ReadonlyMap<string, MapFeature>,
): MapFeature[] {
  const out: MapFeature[] = [];
  for (const f of loaded) {
    const id = f.properties.id;
    if (!live.has(id)) out.push(f);
    else {
      const original = originals.get(id);
      if (original) out.push(original);
    }
  }
  return out;
}
