// What the side panel shows for the open tab: each panel built from the app's current data and controllers.

import type { MapFeature } from '../lib/feature';
import { layerCounts } from '../lib/layer_counts';
import { type PlanTarget, planProgress } from '../lib/plan_targets';
import type { BasemapId, ViewState } from '../lib/url_state';
import type { BasemapController } from './basemap_controller';
import { renderBasemapPicker } from './basemap_picker';
import type { LazyEditor } from './editor_loader';
import type { ImportController } from './import_controller';
import { renderLayerPanel } from './layer_panel';
import { renderList } from './list_view';
import type { LiveOsmController } from './live_osm';
import type { NearbyController } from './nearby_controller';
import { renderPlanPanel } from './plan_panel';
import type { PlannerController } from './planner_controller';
import type { TourController } from './tour_controller';

export interface PanelSources {
  features(): MapFeature[];
  /** How many district outlines are loaded (the layer panel counts them). */
  districtCount(): number;
  targets(): PlanTarget[];
  liveOsm: LiveOsmController;
  basemaps: BasemapController;
  imports: ImportController;
  editor: LazyEditor;
  nearby(): NearbyController | null;
  tour(): TourController | null;
  planner(): PlannerController | null;
  set(patch: Partial<ViewState>): void;
  /** The custom basemap URL typed is not one the app can load. */
  badCustomUrl(): void;
  /** A loaded place by id. */
  place(id: string): MapFeature | undefined;
  /** A place chosen in the list: select it and fly to it. */
  selectFromList(id: string): void;
}

/** The panel for `s.panel`, or null when no panel is open (or its controller has not loaded). */
export function panelContent(s: ViewState, src: PanelSources): HTMLElement | null {
  switch (s.panel) {
    case 'layers': {
      const panel = renderLayerPanel({
        lang: s.lang,
        layers: s.layers,
        statuses: s.statuses,
        counts: {
          ...layerCounts(src.features(), s.statuses),
          district: { shown: src.districtCount(), hidden: 0 },
        },
        onLayers: (layers) => src.set({ layers }),
        onStatuses: (statuses) => src.set({ statuses }),
      });
      panel.firstElementChild?.after(src.liveOsm.panel(s.lang));
      panel.append(
        renderBasemapPicker({
          lang: s.lang,
          basemap: s.basemap,
          customUrl: s.customUrl,
          shown: src.basemaps.shown,
          unavailable: String(import.meta.env.VITE_TIANDITU_KEY ?? '').trim() ? [] : ['tianditu'],
          onChange: (basemap: BasemapId, customUrl: string | null) => src.set({ basemap, customUrl }),
          onInvalid: () => src.badCustomUrl(),
        }),
        src.imports.panel(s.lang),
      );
      return panel;
    }
    case 'list':
      return renderList({
        lang: s.lang,
        features: src.features(),
        layers: s.layers,
        statuses: s.statuses,
        selected: s.selected,
        onSelect: src.selectFromList,
      });
    case 'nearby':
      return src.nearby()?.panel(s) ?? null;
    case 'tour':
      return src.tour()?.panel(s) ?? null;
    case 'coverage':
      return src.planner()?.panel(s) ?? null;
    case 'plan':
      return renderPlanPanel({
        lang: s.lang,
        progress: planProgress(src.targets(), src.features()),
        onShowLayer: (category) => src.set({ layers: [...new Set([...s.layers, category])], panel: 'list' }),
        onOpenCoverage: () => src.set({ panel: 'coverage', covCat: 'fitness_site' }),
        focus: s.planTarget,
        place: src.place,
        onShowPlace: (id) => {
          const category = src.place(id)?.properties.category;
          if (category && !s.layers.includes(category)) src.set({ layers: [...s.layers, category] });
          src.selectFromList(id);
        },
      });
    case 'edit':
      return src.editor.panel(s);
    case null:
      return null;
  }
}
