// The tour view's "suggest a walk" section: the river and the places it can use, the start and length
// chosen, the suggestion itself and the words for why there is none.

import type { MapFeature } from '../lib/feature';
import { type Lang, type MessageKey, type Params, translate } from '../lib/i18n';
import { buildRiverFrame, type LonLat, type RiverFrame } from '../lib/river/river_frame';
import { type OsmOrigin, originText } from '../lib/tour/data_origin';
import type { OpeningEvaluator } from '../lib/tour/itinerary';
import type { LegRouter } from '../lib/tour/legs';
import { legsAcrossWater } from '../lib/tour/river_stops';
import type { TourStopRef } from '../lib/tour/routes';
import {
  nearestStart,
  SUGGEST_LENGTHS_MIN,
  type SuggestedWalk,
  type SuggestResult,
  startPlaces,
  suggestWalkSteps,
} from '../lib/tour/suggest';
import { type WalkPlace, walkPlaces } from '../lib/tour/suggest_places';
import { swapOptions } from '../lib/tour/suggest_route';
import type { TourViewState } from '../lib/tour/tour_state';
import { haversineM } from '../lib/walk/geo';
import { renderSuggestSection, type SuggestSectionProps } from './tour_suggest_panel';
import type { TourView } from './tour_view';

const pick = (lang: Lang, f: MapFeature | undefined) =>
  f
    ? lang === 'zh'
      ? f.properties.name_zh || f.properties.name_en
      : f.properties.name_en || f.properties.name_zh
    : '';

/**
 * Resolves once the page has had the chance to draw: after the next frame, then a task (so the frame is
 * painted before the caller's work starts); a hidden tab gets no frames, so a timeout stands in.
 */
function afterPaint(): Promise<void> {
  return new Promise((resolve) => {
    const done = () => setTimeout(resolve, 0);
    if (typeof requestAnimationFrame !== 'function') return done();
    const timer = setTimeout(resolve, 100);
    requestAnimationFrame(() => {
      clearTimeout(timer);
      done();
    });
  });
}

/** What the suggester needs of the app (a part of TourHost). */
export interface SuggestHost {
  set(patch: Partial<TourViewState>): void;
  notice(text: string): void;
  refresh(): void;
}

/** What a suggestion is computed with, from the controller at render time. */
export interface SuggestContext {
  start: Date;
  router: LegRouter;
  /** The opening-hours evaluator once loaded (null when it cannot load). */
  opening(): Promise<OpeningEvaluator | null>;
  byId: ReadonlyMap<string, MapFeature>;
}

/** Holds the river and the places, the form's choices and the last answer; computes suggestions. */
export class TourSuggester {
  private river: RiverFrame | null = null;
  private riverNamed = true;
  private riverOrigin: OsmOrigin | null = null;
  private places: WalkPlace[] = [];
  private starts: WalkPlace[] = [];
  startId: string | null = null;
  lengthMin: number = SUGGEST_LENGTHS_MIN[1];
  /** The last answer's message (key and params, rendered in the current language). */
  message: { key: MessageKey; params: Params } | null = null;
  busy = false;
  private picked: string | null = null;

  constructor(
    private features: readonly MapFeature[],
    private readonly host: SuggestHost,
  ) {
    this.places = walkPlaces(features);
  }

  /** The section for the panel; `selected` is the place picked on the map (a start when it can be one). */
  section(lang: Lang, selected: string | null, ctx: SuggestContext): HTMLElement {
    this.pickStart(selected);
    return renderSuggestSection({
      ...this.props(lang, ctx.byId),
      onStart: (id) => {
        this.startId = id;
      },
      onLength: (min) => {
        this.lengthMin = min;
      },
      onHere: () => this.locate(lang, ctx.byId),
      onSuggest: () => void this.run(ctx),
    });
  }

  private async run(ctx: SuggestContext): Promise<void> {
    if (this.busy) return;
    this.busy = true;
    this.message = null;
    this.host.refresh();
    let walk: SuggestedWalk | null = null;
    try {
      const opening = await ctx.opening();
      // With a street network the search is many A* walks on this thread: the busy state is drawn first,
      // and the page gets a frame between the two directions tried.
      await afterPaint();
      const steps = this.suggestSteps(ctx.start, ctx.router, opening);
      let step = steps.next();
      while (!step.done) {
        await afterPaint();
        step = steps.next();
      }
      walk = step.value;
    } finally {
      // A failed search must not leave the button disabled for good.
      this.busy = false;
    }
    if (walk) {
      const from = this.startId as string;
      this.host.set({
        tourStops: walk.stops,
        tourRoute: null,
        tourSuggest: { lengthMin: walk.lengthMin, from },
      });
      document.getElementById('tour-suggest-go')?.focus();
    } else this.host.refresh();
  }

  private locate(lang: Lang, byId: ReadonlyMap<string, MapFeature>): void {
    const t = (k: MessageKey, p?: Params) => translate(lang, k, p);
    if (typeof navigator === 'undefined' || !navigator.geolocation) {
      this.host.notice(t('tour.suggest.here.failed', { detail: '—' }));
      return;
    }
    navigator.geolocation.getCurrentPosition(
      (pos) => {
        const at: LonLat = [pos.coords.longitude, pos.coords.latitude];
        const p = this.startNear(at);
        const f = p ? byId.get(p.id) : undefined;
        this.host.notice(
          p && f
            ? t('tour.suggest.here.found', {
                name: pick(lang, f),
                m: Math.round(haversineM(at[0], at[1], p.coord[0], p.coord[1])),
              })
            : t('tour.suggest.here.none'),
        );
        this.host.refresh();
      },
      (e) =>
        this.host.notice(t('tour.suggest.here.failed', { detail: e.message.slice(0, 80) || String(e.code) })),
      { enableHighAccuracy: true, timeout: 15_000, maximumAge: 60_000 },
    );
  }

  /**
   * The river centre lines to walk along; `named`: they carry the Yellow River's name; `origin`: where they
   * came from (the import, a live download, this device's cache), for the section's note.
   */
  setRiver(lines: readonly LonLat[][], named: boolean, origin: OsmOrigin | null = null): void {
    this.river = lines.length ? buildRiverFrame(lines) : null;
    this.riverNamed = named;
    this.riverOrigin = origin;
    this.refreshStarts();
  }

  /**
   * Warnings for legs of the walk shown that are drawn straight across the river off a bridge (after the
   * tourist's edits, or in a walk planned by hand): "walk over a bridge".
   */
  waterWarnings(v: TourView, lang: Lang): string[] {
    if (!this.river || !v.plan) return [];
    const known = new Map(this.places.map((p) => [p.id, p]));
    const stops: WalkPlace[] = v.stops.map(
      (x) =>
        known.get(x.feature_id) ?? {
          id: x.feature_id,
          kind: 'sight',
          coord: x.coord,
          accuracy_m: x.accuracy_m,
        },
    );
    return legsAcrossWater(
      stops.map((p) => p.id),
      v.plan.legs,
      stops,
      this.river,
    ).map((i) => translate(lang, 'tour.warn.across_water', { from: i + 1, to: i + 2 }));
  }

  /** The river centre lines, as chained for walking (empty without a river). */
  riverLines(): LonLat[][] {
    return this.river?.chains.map((c) => c.coords) ?? [];
  }

  setFeatures(features: readonly MapFeature[]): void {
    this.features = features;
    this.places = walkPlaces(features);
    this.refreshStarts();
  }

  private refreshStarts(): void {
    this.starts = this.river ? startPlaces(this.places, this.river) : [];
    if (this.startId && !this.starts.some((p) => p.id === this.startId)) this.startId = null;
    // A place picked on the map before the river arrived starts the walk once it can.
    if (!this.startId && this.picked && this.starts.some((p) => p.id === this.picked))
      this.startId = this.picked;
    this.startId ??= this.starts.find((p) => p.kind === 'metro')?.id ?? this.starts[0]?.id ?? null;
  }

  /**
   * A place newly picked on the map becomes the start when it can be one (only when the pick changes, so
   * the list's own choice stands between picks).
   */
  pickStart(id: string | null): void {
    if (id === this.picked) return;
    this.picked = id;
    if (id && this.starts.some((p) => p.id === id)) this.startId = id;
  }

  /** The start nearest to `at` (where I am), or null. Sets the start when found. */
  startNear(at: LonLat): WalkPlace | null {
    const p = nearestStart(this.starts, at);
    if (p) this.startId = p.id;
    return p;
  }

  /** Places that can take stop `index`'s position (a suggested walk's swap). */
  swapFor(stops: readonly TourStopRef[], index: number): string[] {
    return this.river ? swapOptions(this.places, this.river, stops, index).map((p) => p.id) : [];
  }

  /**
   * Computes a walk from the chosen start and length in steps (it pauses after each direction tried);
   * returns the walk, or null and sets `message` when there is none.
   */
  *suggestSteps(
    start: Date,
    router: LegRouter,
    opening: OpeningEvaluator | null,
  ): Generator<void, SuggestedWalk | null, void> {
    if (!this.river || !this.startId) {
      this.message = { key: 'tour.suggest.no_starts', params: {} };
      return null;
    }
    const r: SuggestResult = yield* suggestWalkSteps({
      places: this.places,
      river: this.river,
      startId: this.startId,
      lengthMin: this.lengthMin,
      start,
      router,
      opening,
    });
    if (r.ok) {
      this.message = {
        key: 'tour.suggest.done',
        params: { min: Math.round(r.walk.minutes), n: r.walk.stops.length },
      };
      return r.walk;
    }
    if (r.reason === 'too_short')
      this.message = { key: 'tour.suggest.too_short', params: { min: r.minutes } };
    else if (r.reason === 'start_far')
      this.message = { key: 'tour.suggest.start_far', params: { km: (r.metres / 1000).toFixed(1) } };
    else if (r.reason === 'start_unknown') this.message = { key: 'tour.suggest.start_unknown', params: {} };
    else this.message = { key: 'tour.suggest.no_starts', params: {} };
    return null;
  }

  /** The section's view for language `lang`. */
  props(lang: Lang, byId: ReadonlyMap<string, MapFeature>): Omit<SuggestSectionProps, `on${string}`> {
    const t = (k: MessageKey, params?: Params) => translate(lang, k, params);
    const messages: string[] = [];
    if (!this.river) {
      const metro = this.features.filter((f) => f.properties.category === 'metro').length;
      const places = this.features.filter(
        (f) => f.geometry.type === 'Point' && !['metro', 'district'].includes(f.properties.category),
      ).length;
      messages.push(t('tour.suggest.no_river', { metro, places }));
      return {
        lang,
        starts: null,
        startId: null,
        lengthMin: this.lengthMin,
        riverNote: null,
        messages,
        busy: this.busy,
      };
    }
    // Where the river came from, so a note about "the data" never claims a download that did not happen.
    const origin = this.riverOrigin ? originText(this.riverOrigin, lang) : t('tour.origin.unknown');
    const riverNote = t(this.riverNamed ? 'tour.suggest.river_from' : 'tour.suggest.river_any', { origin });
    if (this.starts.length === 0) messages.push(t('tour.suggest.no_starts'));
    if (this.busy) messages.push(t('tour.suggest.busy'));
    else if (this.message) messages.push(t(this.message.key, this.message.params));
    const option = (p: WalkPlace) => ({ id: p.id, name: pick(lang, byId.get(p.id)) || p.id });
    return {
      lang,
      starts: {
        metro: this.starts.filter((p) => p.kind === 'metro').map(option),
        places: this.starts.filter((p) => p.kind !== 'metro').map(option),
      },
      startId: this.startId,
      lengthMin: this.lengthMin,
      riverNote,
      messages,
      busy: this.busy,
    };
  }
}
