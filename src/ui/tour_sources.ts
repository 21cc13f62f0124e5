// What the tour view loads on first use: the published routes (data/night_routes.json) and the
// opening-hours evaluator (its parser is a lazy chunk).

import type { MapFeature } from '../lib/feature';
import { type Lang, translate } from '../lib/i18n';
import type { OpeningEvaluator } from '../lib/tour/itinerary';
import { parseTourRoutesText, type TourRoute } from '../lib/tour/routes';
import { formatIssue, type Issue } from '../lib/validate';
import { pick } from './tour_view';

/** Where the published routes are served (built from data/night_routes.json by `npm run data`). */
export const ROUTES_URL = 'data/night_routes.json';
const ROUTES_FILE = 'data/night_routes.json';

export interface TourSourceOptions {
  routesUrl?: string;
  fetchImpl?: typeof fetch;
}

export class TourSources {
  /** The published routes; null while loading. */
  routes: TourRoute[] | null = null;
  routeIssues: Issue[] = [];
  routesError: string | null = null;
  opening: OpeningEvaluator | null = null;
  /** The opening-hours chunk failed to load (offline after an update): the column stays empty, not "loading". */
  openingFailed = false;
  private routesLoad: Promise<void> | null = null;
  private openingLoad: Promise<void> | null = null;

  /** @param changed called when the routes or the evaluator arrive (or fail) */
  constructor(
    private readonly options: TourSourceOptions,
    private readonly changed: (what: 'routes' | 'opening') => void,
  ) {}

  /** Loads the routes once; stops are checked against `byId` (the places loaded at that moment). */
  loadRoutes(byId: ReadonlyMap<string, MapFeature>): void {
    this.routesLoad ??= (async () => {
      try {
        const res = await (this.options.fetchImpl ?? fetch)(this.options.routesUrl ?? ROUTES_URL);
        // A missing file (or a server's HTML fallback page) means that no route has been published.
        const html = (res.headers.get('content-type') ?? '').includes('text/html');
        if (res.status === 404 || (res.ok && html)) this.routes = [];
        else if (!res.ok) throw new Error(`HTTP ${res.status}`);
        else {
          const parsed = parseTourRoutesText(await res.text(), { file: ROUTES_FILE, features: byId });
          this.routes = parsed.routes;
          this.routeIssues = parsed.issues;
        }
      } catch (e) {
        this.routes = [];
        this.routesError = (e as Error).message.slice(0, 120);
      }
      this.changed('routes');
    })();
  }

  /** The route chooser's entries, published routes first; an official one (with its source) says so. */
  chooser(lang: Lang): { id: string; name: string }[] | null {
    return (
      this.routes?.map((r) => {
        const name = pick(lang, r.name_zh, r.name_en);
        return {
          id: r.id,
          name: r.suggested_by === 'this_map' ? name : translate(lang, 'tour.ui.route.official', { name }),
        };
      }) ?? null
    );
  }

  /** Why the chooser is empty (the file failed, or no route is published), and the file's problems. */
  messages(lang: Lang): { routes: string[]; issues: string[] } {
    const routes: string[] = [];
    if (this.routes && this.routesError)
      routes.push(translate(lang, 'tour.ui.routes.error', { detail: this.routesError }));
    else if (this.routes && this.routes.length === 0) routes.push(translate(lang, 'tour.ui.routes.none'));
    return { routes, issues: this.routeIssues.map((i) => formatIssue(i, lang)) };
  }

  /** Resolves once the evaluator has loaded or failed to (starts loading it). */
  openingReady(): Promise<void> {
    this.loadOpening();
    return this.openingLoad ?? Promise.resolve();
  }

  loadOpening(): void {
    this.openingLoad ??= import('../lib/tour/opening').then(
      (m) => {
        this.opening = (value, at) => m.openingStatusAt(value, at);
        this.changed('opening');
      },
      () => {
        this.openingFailed = true;
        this.changed('opening');
      },
    );
  }
}
