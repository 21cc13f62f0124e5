// The working set on the map: one draggable DOM marker per row with a point, coloured by its layer, bad rows ringed.

import { Marker, type Map as MlMap } from 'maplibre-gl';
import { CATALOG } from '../catalog';
import type { PlaceRow } from '../lib/editor/place_row';
import { h } from './dom';

/** True when the row's lon/lat cells are numbers (it can be drawn and dragged). */
export const hasPoint = (row: PlaceRow) =>
  row.lon.trim() !== '' &&
  row.lat.trim() !== '' &&
  Number.isFinite(Number(row.lon)) &&
  Number.isFinite(Number(row.lat));

export interface MarkerRow {
  key: string;
  row: PlaceRow;
  /** Fails the build's checks: drawn with a red ring. */
  bad: boolean;
}

/**
 * DOM markers rather than a map layer: maplibre gives them dragging, focus and a label for free, and a data
 * owner's list is tens to a few thousand rows. Markers are kept by row key and only moved or restyled.
 */
export class EditorMarkers {
  private readonly markers = new Map<string, Marker>();

  constructor(
    private readonly on: { select(key: string): void; move(key: string, lon: number, lat: number): void },
  ) {}

  /** Shows exactly `rows` (those with a point) on `map`; an empty list or no map removes every marker. */
  sync(map: MlMap | null, rows: readonly MarkerRow[], selected: string | null): void {
    const wanted = new Map(map ? rows.filter((r) => hasPoint(r.row)).map((r) => [r.key, r]) : []);
    for (const [key, m] of this.markers)
      if (!wanted.has(key)) {
        m.remove();
        this.markers.delete(key);
      }
    for (const [key, { row, bad }] of wanted) {
      const at: [number, number] = [Number(row.lon), Number(row.lat)];
      let m = this.markers.get(key);
      if (!m) {
        const el = h('div', { class: 'editor-marker', role: 'button', tabindex: 0, 'data-key': key });
        el.addEventListener('click', (e) => {
          // Not a map click: that would add or place a row.
          e.stopPropagation();
          this.on.select(key);
        });
        m = new Marker({ element: el, draggable: true }).setLngLat(at).addTo(map as MlMap);
        const marker = m;
        marker.on('dragend', () => {
          const { lng, lat } = marker.getLngLat();
          this.on.move(key, lng, lat);
        });
        this.markers.set(key, m);
      }
      const el = m.getElement();
      el.style.background = CATALOG.find((e) => e.id === row.category)?.color ?? '#6b7280';
      el.classList.toggle('editor-marker-bad', bad);
      el.classList.toggle('editor-marker-selected', key === selected);
      el.setAttribute('data-id', row.id);
      el.setAttribute('aria-label', row.name_zh || row.id);
      el.title = row.name_zh || row.id;
      const ll = m.getLngLat();
      if (ll.lng !== at[0] || ll.lat !== at[1]) m.setLngLat(at);
    }
  }
}
