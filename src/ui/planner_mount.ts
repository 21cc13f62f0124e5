// The planner in the app: its controller acting through the store and the map, and its drawing in turn.

import { ATTRIBUTION } from '../config';
import type { TargetProgress } from '../lib/plan_targets';
import type { Store } from '../lib/store';
import type { ViewState } from '../lib/url_state';
import type { MapView } from '../map/map_view';
import { PlannerController } from './planner_controller';

export interface PlannerMountDeps {
  store: Store<ViewState>;
  mapView(): MapView | null;
  render(): void;
  /** Draw the planner again (see plannerRedraw). */
  redraw(): void;
  notice(text: string): void;
  inLanzhou(lon: number, lat: number): boolean;
  targets(): TargetProgress[];
}

/** The planner's controller on the app's store and map (boundaries credited when there is no map). */
export function createPlanner(d: PlannerMountDeps): PlannerController {
  return new PlannerController({
    set: (patch) => d.store.set(patch),
    refresh: () => d.render(),
    redraw: () => d.redraw(),
    notice: (text) => d.notice(text),
    flyTo: (center, zoom) => d.mapView()?.flyTo(center, zoom),
    fitBox: (box) => d.mapView()?.fitBox(box),
    freeBounds: () => d.mapView()?.freeBounds() ?? null,
    inLanzhou: d.inLanzhou,
    map: () => d.mapView()?.map ?? null,
    targets: d.targets,
    attribution: () => d.mapView()?.attribution() ?? [ATTRIBUTION.boundaries],
  });
}

/**
 * Makes the planner's redraw: what-if markers at once, coverage cells as deck layers chained so that
 * layers built for an older state never land last.
 */
export function plannerRedraw(
  planner: () => PlannerController | null,
  mapView: () => MapView | null,
  store: Store<ViewState>,
): () => void {
  let turn: Promise<void> = Promise.resolve();
  return () => {
    const p = planner();
    if (!p) return;
    p.syncMarkers(mapView()?.map ?? null, store.get());
    const view = mapView();
    if (!view) return;
    turn = turn
      .then(async () => view.setDeckLayers('coverage', await p.deckLayers(store.get())))
      .catch(() => undefined);
  };
}
