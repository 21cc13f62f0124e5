// Draggable map markers for the what-if sites: one per site while the coverage panel is open.

import { Marker, type Map as MlMap } from 'maplibre-gl';
import { CATALOG, layerOf } from '../catalog';
import type { WhatIfSite } from '../lib/coverage/scenario_state';
import { type Lang, translate } from '../lib/i18n';
import { h } from './dom';

/** Keeps the markers in step with the sites; dragging one reports the moved list. */
export class SiteMarkers {
  private markers: Marker[] = [];
  private sites: readonly WhatIfSite[] = [];

  constructor(private readonly moved: (sites: WhatIfSite[]) => void) {}

  /** Shows `sites` on `map` (null: removes every marker). */
  sync(map: MlMap | null, lang: Lang, sites: readonly WhatIfSite[]): void {
    this.sites = map ? sites : [];
    const shown = this.sites;
    while (this.markers.length > shown.length) this.markers.pop()?.remove();
    shown.forEach((site, i) => {
      const label = translate(lang, 'plan.cov.whatif.marker', {
        n: i + 1,
        category:
          CATALOG.find((e) => e.id === site.category)?.[lang === 'zh' ? 'name_zh' : 'name_en'] ??
          site.category,
      });
      let m = this.markers[i];
      if (!m) {
        const el = h('div', { class: 'cov-marker', role: 'img' });
        m = new Marker({ element: el, draggable: true }).setLngLat([site.lon, site.lat]).addTo(map as MlMap);
        const marker = m;
        marker.on('dragend', () => {
          const cur = this.sites;
          const at = this.markers.indexOf(marker);
          if (at < 0 || !cur[at]) return;
          const { lng, lat } = marker.getLngLat();
          this.moved(cur.map((x, k) => (k === at ? { ...x, lon: lng, lat } : x)));
        });
        this.markers.push(m);
      }
      const el = m.getElement();
      el.textContent = String(i + 1);
      el.style.background = layerOf(site.category).color;
      el.setAttribute('aria-label', label);
      el.title = label;
      const ll = m.getLngLat();
      if (ll.lng !== site.lon || ll.lat !== site.lat) m.setLngLat([site.lon, site.lat]);
    });
  }
}
