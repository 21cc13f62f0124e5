// What the planner's controller needs of the app: the state it reads, the host it acts through, its options.

import type { Map as MlMap } from 'maplibre-gl';
import type { CoverageWorkerLike } from '../lib/coverage/client';
import type { CoverageViewState } from '../lib/coverage/scenario_state';
import type { CategoryId } from '../lib/feature';
import type { Lang } from '../lib/i18n';
import type { TargetProgress } from '../lib/plan_targets';

/** What the controller reads of the app state (ViewState with the coverage fields satisfies it). */
export type PlannerState = CoverageViewState & {
  lang: Lang;
  /** Map centre, [lon, lat] (sites can be added there from the keyboard). */
  center: [number, number];
  panel: string | null;
  layers: readonly CategoryId[];
};

export interface PlannerHost {
  /** Patch the app state (the coverage fields). */
  set(patch: Partial<CoverageViewState>): void;
  /** Re-render the panel (progress or results arrived). */
  refresh(): void;
  /** Draw again: call deckLayers(state) and syncMarkers(map, state) (results arrived). */
  redraw(): void;
  notice(text: string): void;
  flyTo(center: [number, number], zoom?: number): void;
  /** Fit the camera to [west, south, east, north] (degrees) in the part of the map the panels leave free. */
  fitBox(box: [number, number, number, number]): void;
  /** [west, south, east, north] (degrees) of the map the panels leave free, or null without a map. */
  freeBounds(): [number, number, number, number] | null;
  /** Whether [lon, lat] lies in Lanzhou. */
  inLanzhou(lon: number, lat: number): boolean;
  /** The live map, for the map picture (null without WebGL). */
  map(): MlMap | null;
  /** The plan targets against what is mapped, for the report. */
  targets(): TargetProgress[];
  /** Basemap and boundary attributions, plain text. */
  attribution(): string[];
}

export interface PlannerOptions {
  /** A walking graph to load in the worker (none ships yet: estimates only). */
  graphUrl?: string | null;
  createWorker?: () => CoverageWorkerLike;
  speedMPerMin?: number;
  detourFactor?: number;
}
