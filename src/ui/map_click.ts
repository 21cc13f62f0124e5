// What a click on the map means, in order: a tool's own click (what-if site, edit), the nearby origin, a selection.

import type { Store } from '../lib/store';
import type { ViewState } from '../lib/url_state';

/** The topmost feature under a click; `point`: drawn as a marker (not an area or a line). */
export interface MapHit {
  id: string;
  category: string;
  point: boolean;
}

/** A panel that may take a map click for itself (true: handled, nothing else happens). */
export interface ClickTool {
  mapClick(s: ViewState, lngLat: [number, number], hit: MapHit | null): boolean;
}

/**
 * Handle a map click. `hit` is the topmost feature under the pointer (null: none); `lngLat` WGS-84 degrees.
 * Tools are asked first, in order; with the nearby panel open, a click on no facility (only a district)
 * chooses the place to ask from; otherwise the hit is selected (or the selection cleared).
 */
export function handleMapClick(
  store: Store<ViewState>,
  tools: readonly (ClickTool | null)[],
  hit: MapHit | null,
  lngLat: [number, number],
): void {
  if (tools.some((tool) => tool?.mapClick(store.get(), lngLat, hit))) return;
  if (store.get().panel === 'nearby' && (hit === null || hit.category === 'district')) {
    store.set({ origin: lngLat, selected: null });
  } else store.set({ selected: hit?.id ?? null });
}
