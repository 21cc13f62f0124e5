// The night-tour panel: route choice, the "my walk" builder, the timetable with opening states, playback
// controls and the exports; plus the print-only itinerary. DOM built with h() only.

import { type Lang, type MessageKey, translate } from '../lib/i18n';
import { THEME_SETTINGS } from '../lib/theme';
import type { Itinerary, ItineraryLeg, ItineraryOpening } from '../lib/tour/itinerary';
import type { NightStyleSetting } from '../lib/tour/night';
import { PLAYBACK_SPEEDS } from '../lib/tour/playback_clock';
import { MAX_DWELL_MIN } from '../lib/tour/routes';
import { h } from './dom';

/** One stop of the list: from the itinerary when the walk is scheduled, else just the place. */
export interface TourRowView {
  name: string;
  /** The feature is not on the map (a stale link or a removed place). */
  missing: boolean;
  /** "19:42" or null when not scheduled. */
  arrival: string | null;
  dwell: number;
  open: ItineraryOpening | null;
  nearby: (ItineraryOpening & { name: string })[];
  warning: string | null;
  next: ItineraryLeg | null;
  /** A suggested walk's stop: whether another place nearby can take its position (null: no swap button). */
  swap: boolean | null;
}

export interface TourPlaybackView {
  durationMin: number;
  minute: number;
  playing: boolean;
  speed: number;
  follow: boolean;
  /** "20:14 · walking to stop 2, …" */
  position: string;
}

export interface TourPanelProps {
  lang: Lang;
  /** Routes of data/night_routes.json; null while loading. */
  routes: { id: string; name: string }[] | null;
  /** The route shown; null for the user's own walk. */
  routeId: string | null;
  /** Messages about the routes (none published, file unreadable, route not found). */
  routeMessages: string[];
  /** Problems found in the routes file, already formatted. */
  routeIssues: string[];
  /** The user's own walk is shown: stops can be edited. */
  editable: boolean;
  /** The "suggest a walk" section (src/ui/tour_suggest.ts), shown with the own walk; null otherwise. */
  suggest: HTMLElement | null;
  rows: TourRowView[];
  /** Why there is no timetable (too few stops, missing places), or null. */
  status: string | null;
  /** Why the walk looks wrong (long legs, a very long walk, a past start), already worded; [] when fine. */
  warnings: string[];
  /** Places that can be added, grouped by layer name. */
  candidates: { group: string; options: { id: string; name: string }[] }[];
  itinerary: Itinerary | null;
  openingLoading: boolean;
  start: { date: string; time: string; custom: boolean };
  night: { setting: NightStyleSetting; text: string };
  playback: TourPlaybackView | null;
  hasMap: boolean;
  printLang: Lang;
  onRoute(id: string | null): void;
  onAdd(featureId: string): void;
  onMove(index: number, by: -1 | 1): void;
  onRemove(index: number): void;
  onSwap(index: number): void;
  onDwell(index: number, minutes: number): void;
  onStart(date: string, time: string): void;
  onStartDefault(): void;
  onNight(setting: NightStyleSetting): void;
  onPlay(): void;
  onStep(dir: -1 | 1): void;
  onScrub(minute: number): void;
  onSpeed(speed: number): void;
  onFollow(on: boolean): void;
  onJump(index: number): void;
  onPrintLang(lang: Lang): void;
  onPrint(): void;
  onGpx(): void;
  onShare(): void;
}

const OWN = '';

const openingClass = (o: ItineraryOpening) => `tour-open tour-open-${o.kind.replace('_', '-')}`;

function rowView(p: TourPanelProps, row: TourRowView, i: number): HTMLElement {
  const t = (k: MessageKey, params?: Record<string, string | number>) => translate(p.lang, k, params);
  const n = i + 1;
  const name = row.missing ? t('tour.ui.stop.missing', { id: row.name }) : row.name;
  const head = h(
    'div',
    { class: 'tour-row-head' },
    h('span', { class: 'tour-n', 'aria-hidden': 'true' }, String(n)),
    h('span', { class: 'tour-name' }, name),
    row.arrival ? h('span', { class: 'tour-arrive' }, t('tour.ui.stop.arrive', { time: row.arrival })) : null,
  );
  const li = h('li', { class: `tour-row${row.missing ? ' tour-row-missing' : ''}`, 'data-stop': i }, head);
  const meta = h('div', { class: 'tour-row-meta' });
  if (p.editable) {
    const dwell = h('input', {
      type: 'number',
      id: `tour-dwell-${i}`,
      class: 'tour-dwell',
      min: 0,
      max: MAX_DWELL_MIN,
      step: 5,
      value: row.dwell,
      inputmode: 'numeric',
      'aria-label': t('tour.ui.stop.dwell_label', { n, name }),
    });
    dwell.addEventListener('change', () => p.onDwell(i, dwell.valueAsNumber));
    meta.append(h('label', { class: 'tour-dwell-label' }, t('tour.ui.stop.dwell'), ' ', dwell));
  } else {
    meta.append(h('span', {}, t('tour.ui.stop.stay', { min: row.dwell })));
  }
  if (row.open) meta.append(h('span', { class: openingClass(row.open) }, row.open.text));
  li.append(meta);
  for (const near of row.nearby) {
    li.append(
      h(
        'div',
        { class: `tour-nearby ${openingClass(near)}` },
        t('tour.nearby', { name: near.name, status: near.text }),
      ),
    );
  }
  if (row.warning) li.append(h('div', { class: 'tour-warning' }, row.warning));
  const actions = h('div', { class: 'tour-row-actions' });
  if (p.editable) {
    const button = (id: string, text: MessageKey, label: MessageKey, disabled: boolean, on: () => void) => {
      const b = h('button', { type: 'button', id, disabled, 'aria-label': t(label, { n, name }) }, t(text));
      b.addEventListener('click', on);
      return b;
    };
    actions.append(
      button(`tour-up-${i}`, 'tour.ui.stop.up', 'tour.ui.stop.up_label', i === 0, () => p.onMove(i, -1)),
      button(`tour-down-${i}`, 'tour.ui.stop.down', 'tour.ui.stop.down_label', i === p.rows.length - 1, () =>
        p.onMove(i, 1),
      ),
      button(`tour-remove-${i}`, 'tour.ui.stop.remove', 'tour.ui.stop.remove_label', false, () =>
        p.onRemove(i),
      ),
    );
    if (row.swap !== null)
      actions.append(
        button(`tour-swap-${i}`, 'tour.ui.stop.swap', 'tour.ui.stop.swap_label', !row.swap, () =>
          p.onSwap(i),
        ),
      );
  }
  if (p.playback) {
    const jump = h(
      'button',
      { type: 'button', id: `tour-jump-${i}`, 'aria-label': t('tour.ui.stop.jump_label', { n, name }) },
      t('tour.ui.stop.jump'),
    );
    jump.addEventListener('click', () => p.onJump(i));
    actions.append(jump);
  }
  if (actions.childElementCount) li.append(actions);
  if (row.next) {
    li.append(
      h(
        'div',
        { class: `tour-leg${row.next.schematic ? ' tour-leg-schematic' : ''}` },
        h('span', { 'aria-hidden': 'true' }, '↓ '),
        row.next.text,
      ),
    );
  }
  return li;
}

function routeChooser(p: TourPanelProps): HTMLElement {
  const t = (k: MessageKey, params?: Record<string, string | number>) => translate(p.lang, k, params);
  const select = h(
    'select',
    { id: 'tour-route' },
    // Published routes first (an official one says so), then the walk the tourist plans or is suggested.
    ...(p.routes ?? []).map((r) => h('option', { value: r.id, selected: r.id === p.routeId }, r.name)),
    h('option', { value: OWN, selected: p.routeId === null }, t('tour.ui.route.own')),
  );
  select.addEventListener('change', () => p.onRoute(select.value === OWN ? null : select.value));
  const box = h(
    'div',
    { class: 'tour-route-choice' },
    h('label', { for: 'tour-route' }, t('tour.ui.route')),
    select,
  );
  const wrap = h('div', {}, box);
  if (p.routes === null) wrap.append(h('p', { class: 'tour-note' }, t('tour.ui.routes.loading')));
  for (const m of p.routeMessages) wrap.append(h('p', { class: 'tour-message', role: 'status' }, m));
  if (p.routeIssues.length) {
    wrap.append(
      h(
        'details',
        { class: 'tour-issues' },
        h('summary', {}, t('tour.ui.routes.issues', { n: p.routeIssues.length })),
        h('ul', {}, ...p.routeIssues.map((i) => h('li', {}, i))),
      ),
    );
  }
  return wrap;
}

function adder(p: TourPanelProps): HTMLElement {
  const t = (k: MessageKey) => translate(p.lang, k);
  if (p.candidates.length === 0) return h('p', { class: 'tour-note' }, t('tour.ui.add.none'));
  const select = h(
    'select',
    { id: 'tour-add-select' },
    ...p.candidates.map((g) =>
      h('optgroup', { label: g.group }, ...g.options.map((o) => h('option', { value: o.id }, o.name))),
    ),
  );
  const add = h('button', { type: 'button', id: 'tour-add' }, t('tour.ui.add.button'));
  add.addEventListener('click', () => {
    if (select.value) p.onAdd(select.value);
  });
  return h(
    'div',
    { class: 'tour-add' },
    h('label', { for: 'tour-add-select' }, t('tour.ui.add.label')),
    h('div', { class: 'tour-add-row' }, select, add),
  );
}

function startAndNight(p: TourPanelProps): HTMLElement {
  const t = (k: MessageKey) => translate(p.lang, k);
  const date = h('input', { type: 'date', id: 'tour-start-date', value: p.start.date, required: true });
  const time = h('input', { type: 'time', id: 'tour-start-time', value: p.start.time, required: true });
  const changed = () => {
    if (date.value && time.value) p.onStart(date.value, time.value);
  };
  date.addEventListener('change', changed);
  time.addEventListener('change', changed);
  const fieldset = h(
    'fieldset',
    { class: 'tour-start' },
    h('legend', {}, t('tour.ui.start')),
    h('label', { for: 'tour-start-date' }, t('tour.ui.start.date')),
    date,
    h('label', { for: 'tour-start-time' }, t('tour.ui.start.time')),
    time,
  );
  if (p.start.custom) {
    const reset = h('button', { type: 'button', id: 'tour-start-default' }, t('tour.ui.start.default'));
    reset.addEventListener('click', p.onStartDefault);
    fieldset.append(reset);
  }
  const night = h(
    'select',
    { id: 'tour-night' },
    ...THEME_SETTINGS.map((s) =>
      h('option', { value: s, selected: s === p.night.setting }, t(`tour.ui.night.${s}`)),
    ),
  );
  night.addEventListener('change', () => p.onNight(night.value as NightStyleSetting));
  return h(
    'div',
    { class: 'tour-settings' },
    fieldset,
    h(
      'div',
      { class: 'tour-night' },
      h('label', { for: 'tour-night' }, t('tour.ui.night')),
      night,
      h('span', { class: 'tour-night-state' }, p.night.text),
    ),
  );
}

function playbackControls(p: TourPanelProps, pb: TourPlaybackView): HTMLElement {
  const t = (k: MessageKey, params?: Record<string, string | number>) => translate(p.lang, k, params);
  const play = h(
    'button',
    { type: 'button', id: 'tour-play', class: 'tour-play' },
    t(pb.playing ? 'tour.ui.pause' : 'tour.ui.play'),
  );
  play.addEventListener('click', p.onPlay);
  const prev = h('button', { type: 'button', id: 'tour-prev' }, t('tour.ui.prev'));
  prev.addEventListener('click', () => p.onStep(-1));
  const next = h('button', { type: 'button', id: 'tour-next' }, t('tour.ui.next'));
  next.addEventListener('click', () => p.onStep(1));
  const scrub = h('input', {
    type: 'range',
    id: 'tour-scrub',
    min: 0,
    max: Math.max(1, Math.ceil(pb.durationMin)),
    step: 1,
    value: Math.round(pb.minute),
    'aria-label': t('tour.ui.scrub'),
    'aria-valuetext': pb.position,
  });
  scrub.addEventListener('input', () => p.onScrub(scrub.valueAsNumber));
  const speed = h(
    'select',
    { id: 'tour-speed' },
    ...PLAYBACK_SPEEDS.map((n) =>
      h('option', { value: n, selected: n === pb.speed }, t('tour.ui.speed.value', { n })),
    ),
  );
  speed.addEventListener('change', () => p.onSpeed(Number(speed.value)));
  const follow = h('input', { type: 'checkbox', id: 'tour-follow', checked: pb.follow });
  follow.addEventListener('change', () => p.onFollow(follow.checked));
  return h(
    'section',
    { class: 'tour-playback', 'aria-labelledby': 'tour-playback-title' },
    h('h3', { id: 'tour-playback-title' }, t('tour.ui.playback')),
    h('p', { class: 'tour-position', id: 'tour-position' }, pb.position),
    scrub,
    h('div', { class: 'tour-playback-buttons' }, prev, play, next),
    h(
      'div',
      { class: 'tour-playback-options' },
      h('label', { for: 'tour-speed' }, t('tour.ui.speed')),
      speed,
      h('span', { class: 'tour-follow' }, follow, h('label', { for: 'tour-follow' }, t('tour.ui.follow'))),
    ),
    // Announces arrivals while playing (the position line above changes every frame and is not live).
    h('p', { class: 'tour-live tour-sr-only', id: 'tour-live', 'aria-live': 'polite' }),
  );
}

function exportsBar(p: TourPanelProps): HTMLElement {
  const t = (k: MessageKey) => translate(p.lang, k);
  const langs: Lang[] = ['zh', 'en'];
  const printLang = h(
    'select',
    { id: 'tour-print-lang' },
    ...langs.map((l) => h('option', { value: l, selected: l === p.printLang }, t(`lang.name.${l}`))),
  );
  printLang.addEventListener('change', () => p.onPrintLang(printLang.value as Lang));
  const print = h('button', { type: 'button', id: 'tour-print' }, t('tour.ui.print'));
  print.addEventListener('click', p.onPrint);
  const gpx = h('button', { type: 'button', id: 'tour-gpx' }, t('tour.ui.gpx'));
  gpx.addEventListener('click', p.onGpx);
  const share = h('button', { type: 'button', id: 'tour-share' }, t('tour.ui.share'));
  share.addEventListener('click', p.onShare);
  return h(
    'div',
    { class: 'tour-actions' },
    h(
      'div',
      { class: 'tour-print-choice' },
      h('label', { for: 'tour-print-lang' }, t('tour.ui.print.lang')),
      printLang,
      print,
    ),
    h('div', { class: 'tour-action-row' }, gpx, share),
  );
}

/** Render the panel content. */
export function renderTourPanel(p: TourPanelProps): HTMLElement {
  const t = (k: MessageKey) => translate(p.lang, k);
  const root = h('div', { class: 'tour-panel' }, h('h2', {}, t('tour.ui.title')), routeChooser(p));
  if (p.suggest) root.append(p.suggest);
  if (!p.hasMap) root.append(h('p', { class: 'tour-note' }, t('tour.ui.nowebgl')));
  const it = p.itinerary;
  if (it) {
    root.append(
      h(
        'div',
        { class: 'tour-summary' },
        h('p', { class: 'tour-suggested' }, it.suggestedBy),
        it.description ? h('p', {}, it.description) : null,
        h('p', { class: 'tour-total', role: 'status' }, it.summary),
        ...p.warnings.map((w) => h('p', { class: 'tour-message tour-check', role: 'status' }, w)),
      ),
    );
  }
  // Playback comes first: on a phone the panel is the lower half of the screen and scrolls.
  if (p.playback) root.append(playbackControls(p, p.playback));
  root.append(startAndNight(p));
  root.append(h('h3', {}, t('tour.ui.stops')));
  if (p.openingLoading && it) root.append(h('p', { class: 'tour-note' }, t('tour.ui.opening.loading')));
  if (p.status) root.append(h('p', { class: 'tour-message', role: 'status' }, p.status));
  if (p.rows.length) root.append(h('ol', { class: 'tour-stops' }, ...p.rows.map((r, i) => rowView(p, r, i))));
  if (p.editable) root.append(adder(p));
  if (it) {
    root.append(exportsBar(p));
    root.append(h('div', { class: 'tour-notes' }, ...it.notes.map((n) => h('p', {}, n))));
  }
  // Filled just before printing (in the chosen language, with a snapshot of the map); print-only.
  root.append(h('section', { class: 'tour-print', id: 'tour-print-sheet' }));
  return root;
}
