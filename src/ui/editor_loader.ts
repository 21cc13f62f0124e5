// Loads the editor (paste parser, geocoders, IndexedDB store) only when edit mode is first opened.

import type { MapFeature, MapFeatureCollection } from '../lib/feature';
import { translate } from '../lib/i18n';
import type { PlanTarget } from '../lib/plan_targets';
import type { ViewState } from '../lib/url_state';
import { h } from './dom';
import type { EditorController, EditorHost } from './editor_controller';

type Data = [readonly MapFeature[], MapFeatureCollection, readonly PlanTarget[]];

/** Stands in for the EditorController until its chunk has loaded; main.ts talks to this. */
export class LazyEditor {
  private ctl: EditorController | null = null;
  private loading: Promise<void> | null = null;
  private data: Data | null = null;
  /** The last state seen, for the controller's first sync (it may load after the last store change). */
  private last: ViewState | null = null;

  constructor(private readonly host: EditorHost) {}

  /** The shipped places, the boundaries and the plan targets (passed on once loaded). */
  setData(...data: Data): void {
    this.data = data;
    void this.ctl?.setData(...data);
  }

  private load(): void {
    this.loading ??= import('./editor_controller')
      .then((m) => {
        this.ctl = new m.EditorController(this.host);
        if (this.data) void this.ctl.setData(...this.data);
        if (this.last) this.ctl.sync(this.last);
        this.host.refresh();
      })
      .catch(() => {
        this.loading = null;
      });
  }

  panel(s: ViewState): HTMLElement {
    this.last = s;
    if (!this.ctl) {
      this.load();
      return h('p', { class: 'editor-hint' }, translate(s.lang, 'editor.loading'));
    }
    return this.ctl.panel(s);
  }

  /** True when edit mode used the click (adding or placing a place). */
  mapClick(s: ViewState, lngLat: [number, number]): boolean {
    return this.ctl?.mapClick(s, lngLat) ?? false;
  }

  sync(s: ViewState): void {
    this.last = s;
    if (s.panel === 'edit') this.load();
    this.ctl?.sync(s);
  }
}
