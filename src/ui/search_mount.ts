// The header's search box in the app: loaded after the map, and what choosing each kind of result does.

import type { MapFeature } from '../lib/feature';
import type { Lang } from '../lib/i18n';
import { walkTarget } from '../lib/nearby';
import type { PlanTarget } from '../lib/plan_targets';
import type { SearchResult } from '../lib/search';
import { targetIdOf } from '../lib/search_target_id';
import type { Store } from '../lib/store';
import type { ViewState } from '../lib/url_state';
import type { MapView } from '../map/map_view';

export interface SearchMountDeps {
  store: Store<ViewState>;
  slot: HTMLElement;
  features(): MapFeature[];
  byId(id: string): MapFeature | undefined;
  districts(): readonly MapFeature[];
  targets(): readonly PlanTarget[];
  mapView(): MapView | null;
  /** Select a place and fly to it (as a list entry does). */
  select(id: string): void;
}

/** The part of the search box the app keeps talking to. */
export interface MountedSearch {
  setLang(lang: Lang): void;
  setFeatures(features: MapFeature[]): void;
}

/** Open a plan target in the plan panel, marked, scrolled to and focused (it has no place of its own). */
function openTarget(id: string, d: SearchMountDeps): void {
  // The card of an earlier place would cover the panel on a phone.
  d.store.set({ panel: 'plan', planTarget: id, selected: null });
  // The panel re-rendered synchronously above; its remembered scroll position gives way to the target.
  const li = document.querySelector<HTMLElement>(`#side-panel [data-target-id="${CSS.escape(id)}"]`);
  li?.scrollIntoView({ block: 'start' });
  li?.focus({ preventScroll: true });
}

/**
 * What choosing a search result does: open a plan target, fit a district, or select a place (with the
 * nearby panel open, the place to ask from).
 */
function pick(result: SearchResult, d: SearchMountDeps): void {
  const { store } = d;
  const target = targetIdOf(result.id);
  if (result.kind === 'target' && target !== null) {
    openTarget(target, d);
    return;
  }
  if (result.kind === 'district') {
    const district = d.districts().find((f) => f.properties.district === result.id.replace(/^district:/, ''));
    // The previous card would cover the district (on a phone, most of it).
    if (store.get().selected) store.set({ selected: null });
    const view = d.mapView();
    if (district && view) view.fitTo(district.geometry);
    return;
  }
  const f = d.byId(result.id);
  if (!f) return;
  // With the nearby panel open, a search chooses the place to ask from.
  if (store.get().panel === 'nearby') store.set({ origin: walkTarget(f), selected: null });
  d.select(result.id);
}

/** Load the search box (it carries the pinyin tables) and mount it in `slot`. */
export async function mountSearch(d: SearchMountDeps): Promise<MountedSearch> {
  const ui = await import('./search_box');
  const box = ui.createSearchBox({
    lang: d.store.get().lang,
    features: d.features(),
    targets: d.targets(),
    centre: () => d.store.get().center,
    onPick: (result) => pick(result, d),
  });
  d.slot.replaceChildren(box.element);
  return box;
}
