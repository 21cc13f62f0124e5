// The tour on the map while it plays: the playback clock and its frames, the deck.gl layers, the following
// camera and the playback controls updated in place.

import type { Map as MlMap } from 'maplibre-gl';
import { type Lang, translate } from '../lib/i18n';
import { tourBounds } from '../lib/tour/map_marks';
import { positionAt } from '../lib/tour/playback';
import {
  adjacentStopMinute,
  advance,
  clockDate,
  initialClock,
  type PlaybackClock,
  planDurationMin,
  seek,
  stopMinutes,
  togglePlay,
  withSpeed,
} from '../lib/tour/playback_clock';
import { centreIn, freePadding, nearMiddle, type Padding } from '../map/free_area';
import { pick, positionText, type TourView } from './tour_view';

/** What the player needs of the app (a part of TourHost). */
export interface TourPlayerHost {
  map(): MlMap | null;
  setDeckLayers(layers: unknown[]): unknown;
  themeChanged?(): void;
}

/** What the player reads of the controller each time it draws. */
export interface TourPlayerSource {
  /** The view shown, or null before the first one. */
  view(): TourView | null;
  /** The reading language, or null when the tour is closed. */
  lang(): Lang | null;
  /** The panel's root element (the controls are updated inside it). */
  root(): HTMLElement | null;
  /** Whether the map is in the night style now (TourController.wantsNight). */
  night(): boolean;
}

const reducedMotion = () =>
  typeof matchMedia === 'function' && matchMedia('(prefers-reduced-motion: reduce)').matches;

export class TourPlayer {
  clock: PlaybackClock = initialClock();
  follow = true;
  private clockKey = '';
  private frame = 0;
  private lastFrameAt = 0;
  private announcedStop = -1;
  private fittedShape = '';
  private hookedMap: MlMap | null = null;
  private deck: typeof import('./playback') | null = null;
  private deckLoad: Promise<void> | null = null;
  private deckBusy = false;
  private deckPending: unknown[] | null = null;
  /** The theme the playback layers were last drawn in (a change during playback restyles the basemap). */
  private drawnNight: boolean | null = null;

  constructor(
    private readonly host: TourPlayerHost,
    private readonly source: TourPlayerSource,
    private readonly webgl: boolean,
  ) {}

  /** A new route or start resets the clock to its beginning (the speed stays). */
  resetFor(v: TourView): void {
    if (v.key === this.clockKey) return;
    this.clockKey = v.key;
    this.stopFrames();
    this.clock = initialClock(this.clock.speed);
    this.announcedStop = -1;
  }

  /** The tour panel closed: stop playing and clear the layers. */
  close(): void {
    this.stopFrames();
    this.clock = { ...this.clock, playing: false };
    this.pushDeck([]);
  }

  /** Hooks the map once, fits the camera to a newly drawn route and draws the layers. */
  show(v: TourView): void {
    const map = this.host.map();
    if (map && map !== this.hookedMap) {
      this.hookedMap = map;
      // Dragging the map during playback means "let me look around": stop following.
      map.on('dragstart', () => {
        if (!this.follow) return;
        this.follow = false;
        const box = this.source.root()?.querySelector<HTMLInputElement>('#tour-follow');
        if (box) box.checked = false;
      });
    }
    if (map && v.stops.length > 0 && v.shape !== this.fittedShape) {
      this.fittedShape = v.shape;
      this.fit(map, v);
    }
    this.drawDeck();
  }

  /** The part of the map the side panel leaves free (left on wide screens, bottom on phones). */
  private freePadding(map: MlMap): Padding {
    return freePadding(map, [this.source.root()?.parentElement]);
  }

  private fit(map: MlMap, v: TourView): void {
    const duration = reducedMotion() ? 0 : 600;
    const b = v.plan ? tourBounds(v.plan, v.coords) : null;
    if (b) map.fitBounds(b, { padding: this.freePadding(map), maxZoom: 16, duration });
    else if (v.coords[0] && !v.plan) centreIn(map, v.coords[0], this.freePadding(map), duration);
  }

  /** Pans when the walker nears the edge of the free area (or always with `force`), not every frame. */
  followCamera(force = false): void {
    const map = this.host.map();
    const v = this.source.view();
    if (!map || !v?.plan || (!this.follow && !force) || (!force && map.isMoving())) return;
    const pos = positionAt(v.plan, v.coords, clockDate(v.plan, this.clock.minute));
    if (!pos) return;
    const pad = this.freePadding(map);
    if (force || !nearMiddle(map, pos.coord, pad)) centreIn(map, pos.coord, pad, reducedMotion() ? 0 : 500);
  }

  private loadDeck(): void {
    this.deckLoad ??= import('./playback').then(
      (m) => {
        this.deck = m;
        this.drawDeck();
      },
      // Without deck.gl the route, stops and timetable still show (drawn by maplibre); only playback is lost.
      () => undefined,
    );
  }

  drawDeck(): void {
    const v = this.source.view();
    if (this.source.lang() === null || !v || !this.webgl) return;
    if (v.stops.length === 0) {
      this.pushDeck([]);
      return;
    }
    if (!this.deck) {
      this.loadDeck();
      return;
    }
    const night = this.source.night();
    const walker = v.plan
      ? (positionAt(v.plan, v.coords, clockDate(v.plan, this.clock.minute))?.coord ?? null)
      : null;
    this.pushDeck(
      this.deck.playbackLayers({
        paths: v.paths,
        marks: v.marks,
        minute: this.clock.minute,
        walker,
        theme: night ? 'night' : 'day',
      }),
    );
    if (this.drawnNight !== null && this.drawnNight !== night) this.host.themeChanged?.();
    this.drawnNight = night;
  }

  /**
   * Hands layers to the map one call at a time: the first call loads deck.gl's overlay asynchronously,
   * and a second call made meanwhile would add a second overlay. Frames arriving during a call collapse
   * into the latest one.
   */
  private pushDeck(layers: unknown[]): void {
    if (this.deckBusy) {
      this.deckPending = layers;
      return;
    }
    const done = this.host.setDeckLayers(layers);
    if (!(done instanceof Promise)) return;
    this.deckBusy = true;
    const next = () => {
      this.deckBusy = false;
      const pending = this.deckPending;
      this.deckPending = null;
      if (pending) this.pushDeck(pending);
    };
    done.then(next, next);
  }

  togglePlay(): void {
    const v = this.source.view();
    if (!v?.plan) return;
    this.clock = togglePlay(this.clock, planDurationMin(v.plan));
    if (this.clock.playing) {
      if (this.follow) this.followCamera();
      this.startFrames();
    } else this.stopFrames();
    this.updateControls();
  }

  step(dir: -1 | 1): void {
    const v = this.source.view();
    if (!v?.plan) return;
    const minute = adjacentStopMinute(v.plan, this.clock.minute, dir);
    if (minute === null) return;
    this.seekTo(minute);
    this.followCamera(true);
  }

  seekTo(minute: number): void {
    const v = this.source.view();
    if (!v?.plan) return;
    this.clock = seek(this.clock, minute, planDurationMin(v.plan));
    this.drawDeck();
    this.updateControls();
    if (this.clock.playing) this.followCamera();
  }

  /** Jumps to the arrival at stop `i` and centres the camera on it. */
  jump(i: number): void {
    const v = this.source.view();
    if (!v?.plan) return;
    this.seekTo(stopMinutes(v.plan)[i] ?? 0);
    this.followCamera(true);
  }

  setSpeed(speed: number): void {
    this.clock = withSpeed(this.clock, speed);
  }

  setFollow(on: boolean): void {
    this.follow = on;
    if (on) this.followCamera(true);
  }

  private startFrames(): void {
    if (this.frame) return;
    this.lastFrameAt = 0;
    this.frame = requestAnimationFrame(this.onFrame);
  }

  private stopFrames(): void {
    if (this.frame) cancelAnimationFrame(this.frame);
    this.frame = 0;
    this.lastFrameAt = 0;
  }

  private readonly onFrame = (at: number): void => {
    this.frame = 0;
    const v = this.source.view();
    if (!v?.plan || !this.clock.playing) return;
    // A hidden tab pauses frames: count at most a quarter second per frame, so nothing jumps on return.
    const elapsed = this.lastFrameAt ? Math.min(250, at - this.lastFrameAt) : 0;
    this.lastFrameAt = at;
    this.clock = advance(this.clock, elapsed, planDurationMin(v.plan));
    this.drawDeck();
    this.followCamera();
    this.updateControls();
    if (this.clock.playing) this.frame = requestAnimationFrame(this.onFrame);
  };

  /** Updates the playback controls in place (re-rendering the panel every frame would steal focus). */
  private updateControls(): void {
    const v = this.source.view();
    const lang = this.source.lang();
    const root = this.source.root();
    if (!v?.plan || !lang || !root) return;
    const text = positionText(v, lang, this.clock.minute);
    const position = root.querySelector('#tour-position');
    if (position) position.textContent = text;
    const scrub = root.querySelector<HTMLInputElement>('#tour-scrub');
    if (scrub) {
      scrub.value = String(Math.round(this.clock.minute));
      scrub.setAttribute('aria-valuetext', text);
    }
    const play = root.querySelector('#tour-play');
    if (play) play.textContent = translate(lang, this.clock.playing ? 'tour.ui.pause' : 'tour.ui.play');
    const pos = positionAt(v.plan, v.coords, clockDate(v.plan, this.clock.minute));
    if (pos?.phase === 'at_stop' && pos.stop !== this.announcedStop) {
      this.announcedStop = pos.stop;
      const live = root.querySelector('#tour-live');
      const name = pick(lang, v.stops[pos.stop]?.name_zh, v.stops[pos.stop]?.name_en);
      if (live && this.clock.playing)
        live.textContent = translate(lang, 'tour.ui.arrived', { n: pos.stop + 1, name });
    }
  }
}
