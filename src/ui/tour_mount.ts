// The tour view in the app: its chunk loaded beside the data, its controller acting through the store and map.

import type { MapFeature } from '../lib/feature';
import type { Store } from '../lib/store';
import type { OsmOrigin } from '../lib/tour/data_origin';
import type { ViewState } from '../lib/url_state';
import type { WalkEngine } from '../lib/walk/engine';
import type { MapView } from '../map/map_view';
import type { TourController } from './tour_controller';

/** Starts loading the tour view (~12 KiB gzip), which is not in the initial bundle; null when it cannot load. */
export function loadTourModule(): Promise<typeof import('./tour_controller') | null> {
  return import('./tour_controller').catch(() => null);
}

export interface TourMountDeps {
  store: Store<ViewState>;
  mapView(): MapView | null;
  notice(text: string): void;
  /** Re-render the panel and the map's analysis layers. */
  refresh(): void;
  /** Where an OSM place on the map came from (import, live download, cache), for the walk's sources. */
  placeOrigin(featureId: string): OsmOrigin | null;
  /** Playback crossed sunset or sunrise. */
  themeChanged(): void;
  /** Whether a map can be shown at all. */
  webgl: boolean;
}

/**
 * The tour controller once its chunk is in, walking with `engine()` among the places loaded by then; null
 * without the chunk (e.g. offline after an update), and the rest of the app still works.
 */
export async function createTour(
  module: ReturnType<typeof loadTourModule>,
  engine: () => WalkEngine,
  features: () => readonly MapFeature[],
  d: TourMountDeps,
): Promise<TourController | null> {
  const tourLib = await module;
  return tourLib
    ? new tourLib.TourController(
        engine(),
        features(),
        {
          set: (patch) => d.store.set(patch),
          notice: d.notice,
          refresh: d.refresh,
          map: () => d.mapView()?.map ?? null,
          placeOrigin: d.placeOrigin,
          setDeckLayers: (layers) => d.mapView()?.setDeckLayers('tour', layers),
          themeChanged: d.themeChanged,
        },
        { webgl: d.webgl },
      )
    : null;
}
