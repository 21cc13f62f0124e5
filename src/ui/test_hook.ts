// The page's read-only handle for end-to-end tests and debugging: `window.__lym`.

import type { Map as MlMap } from 'maplibre-gl';
import { CATALOG } from '../catalog';
import type { MapFeature } from '../lib/feature';
import type { Store } from '../lib/store';
import type { ViewState } from '../lib/url_state';
import { shownFeatures } from './list_view';

/** Exposes the map, the store, the places the list shows and each layer's colour as `window.__lym`. */
export function exposeForTests(map: MlMap, store: Store<ViewState>, features: () => MapFeature[]): void {
  (window as unknown as { __lym: unknown }).__lym = {
    map,
    store,
    shown: () => shownFeatures({ ...store.get(), features: features() }),
    colors: Object.fromEntries(CATALOG.map((e) => [e.id, e.color])),
  };
}
