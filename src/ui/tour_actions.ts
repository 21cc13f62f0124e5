// The tour panel's export buttons at work: print (with the map fitted to the route), the GPX file and the share link.

import type { Map as MlMap } from 'maplibre-gl';
import { type Lang, translate } from '../lib/i18n';
import type { Itinerary } from '../lib/tour/itinerary';
import { tourBounds } from '../lib/tour/map_marks';
import type { TourRoute } from '../lib/tour/routes';
import { copyShareLink, downloadGpx, fillPrintSheet, routeSnapshot } from './tour_exports';
import type { TourView } from './tour_view';

/** What the exports read of the controller, at the moment a button is pressed. */
export interface TourActionDeps {
  /** The view shown (null before the panel first rendered). */
  view(): TourView | null;
  /** The language of the open tour panel, or null when it is closed. */
  lang(): Lang | null;
  /** The tour panel's root (it holds the print-only sheet). */
  root(): HTMLElement | null;
  itinerary(v: TourView, lang: Lang): Itinerary | null;
  /** The walk as a route (published, suggested or the user's own). */
  walkRoute(v: TourView, lang: Lang): TourRoute;
  /** The credit lines of the walk's places (with where the app got them), for the GPX file. */
  sources(v: TourView, lang: Lang): string[];
  map(): MlMap | null;
  notice(text: string): void;
  /** Pause playback (the printed map shows the whole route, not the minute being played). */
  pause(): void;
}

/** Print, GPX and share for the tour panel; the print language is chosen in the panel. */
export class TourActions {
  printLang: Lang | null = null;

  constructor(private readonly d: TourActionDeps) {
    if (typeof window === 'undefined') return;
    // Printing from the browser's menu still prints the itinerary (without the map snapshot).
    window.addEventListener('beforeprint', () => {
      const sheet = d.root()?.querySelector('#tour-print-sheet');
      if (d.lang() && sheet && sheet.childElementCount === 0) void this.fillSheet(null);
    });
    // A later print must not reuse this snapshot of the map.
    window.addEventListener('afterprint', () =>
      d.root()?.querySelector('#tour-print-sheet')?.replaceChildren(),
    );
  }

  /** Fills the print-only sheet in the chosen language; returns when its map image (if any) has loaded. */
  private fillSheet(mapImage: string | null): Promise<void> {
    const v = this.d.view();
    const lang = this.d.lang();
    const sheet = this.d.root()?.querySelector('#tour-print-sheet');
    const it = v && lang ? this.d.itinerary(v, this.printLang ?? lang) : null;
    return sheet && it ? fillPrintSheet(sheet, it, mapImage) : Promise.resolve();
  }

  async print(): Promise<void> {
    const v = this.d.view();
    if (!v?.plan) return;
    this.d.pause();
    const bounds = tourBounds(v.plan, v.coords);
    await this.fillSheet(await routeSnapshot(this.d.map(), bounds, v.marks));
    window.print();
  }

  gpx(lang: Lang): void {
    const v = this.d.view();
    if (!v?.plan) return;
    const file = downloadGpx({
      route: this.d.walkRoute(v, lang),
      stops: v.stops,
      plan: v.plan,
      sources: this.d.sources(v, lang),
      lang,
    });
    this.d.notice(translate(lang, 'tour.ui.gpx.done', { file }));
  }

  share(lang: Lang): void {
    copyShareLink((ok) =>
      this.d.notice(translate(lang, ok ? 'tour.ui.share.copied' : 'tour.ui.share.failed')),
    );
  }
}
