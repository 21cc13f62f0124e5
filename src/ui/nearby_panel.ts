// The nearby panel: choose a place, filter categories, the ranked list, the 15-minute summary and the walk.

import { layerOf } from '../catalog';
import { DETOUR_FACTOR, TIME_BANDS_MIN, WALK_SPEED_M_PER_MIN } from '../config';
import { sourceText } from '../lib/attribution';
import { formatCoord } from '../lib/coord_format';
import type { CategoryId } from '../lib/feature';
import { type Lang, type MessageKey, translate } from '../lib/i18n';
import { type CategorySummary, NEARBY_CATEGORIES, type NearbyRow } from '../lib/nearby';
import { formatDistance } from '../lib/tour/format';
import type { RouteResult, WalkMethod } from '../lib/walk/engine';
import { h } from './dom';
import { featureName, featureSummary } from './format';

export interface NearbyPanelProps {
  lang: Lang;
  origin: [number, number] | null;
  categories: readonly CategoryId[];
  method: WalkMethod;
  maxMinutes: number;
  /** Ranked rows (null when no place is chosen). */
  rows: NearbyRow[] | null;
  /** Rows hidden by "open now" because their hours are unknown. */
  hiddenUnknown: number;
  openNow: boolean;
  /** Opening phrase per feature id (absent until the hours module has loaded). */
  opening: ReadonlyMap<string, string>;
  summary: CategorySummary[];
  circle: { inside: boolean; nearest: NearbyRow | null };
  selected: string | null;
  route: RouteResult | null;
  locating: boolean;
  /** Status of the street network download (empty when not used). */
  net: string[];
  onRetryNet: (() => void) | null;
  onCategories(c: CategoryId[]): void;
  onOpenNow(on: boolean): void;
  onPick(id: string): void;
  onLocate(): void;
  onClear(): void;
  /** Choose the map's centre as the place (the keyboard's way to pick any point). */
  onCentre(): void;
  onCopy(): void;
  onPrint(): void;
}

/** Render the panel content. */
export function renderNearbyPanel(p: NearbyPanelProps): HTMLElement {
  const t = (k: MessageKey, params?: Record<string, string | number>) => translate(p.lang, k, params);
  const mins = (m: number) => Math.max(1, Math.round(m));
  const locate = h(
    'button',
    { type: 'button', id: 'nearby-locate', disabled: p.locating },
    t(p.locating ? 'nearby.locating' : 'nearby.locate'),
  );
  locate.addEventListener('click', p.onLocate);
  const centre = h('button', { type: 'button', id: 'nearby-centre' }, t('nearby.centre'));
  centre.addEventListener('click', p.onCentre);
  const head = h('div', { class: 'nearby-head' }, locate, centre);
  if (p.origin) {
    const clear = h('button', { type: 'button', id: 'nearby-clear' }, t('nearby.clear'));
    clear.addEventListener('click', p.onClear);
    head.append(clear);
  }
  const chips = NEARBY_CATEGORIES.map((c) => {
    const e = layerOf(c);
    const box = h('input', { type: 'checkbox', id: `nearby-cat-${c}`, checked: p.categories.includes(c) });
    box.addEventListener('change', () =>
      p.onCategories(NEARBY_CATEGORIES.filter((x) => (x === c ? box.checked : p.categories.includes(x)))),
    );
    return h(
      'li',
      {},
      box,
      h(
        'label',
        { for: `nearby-cat-${c}` },
        h('span', { class: 'swatch', style: `background:${e.color}`, 'aria-hidden': 'true' }, e.glyph),
        p.lang === 'zh' ? e.name_zh : e.name_en,
      ),
    );
  });
  const openBox = h('input', { type: 'checkbox', id: 'nearby-open-now', checked: p.openNow });
  openBox.addEventListener('change', () => p.onOpenNow(openBox.checked));
  const filters = h(
    'details',
    { class: 'nearby-filters' },
    h('summary', {}, t('nearby.categories')),
    h('ul', { class: 'chip-list' }, ...chips),
  );
  const method = h(
    'p',
    { class: `nearby-method method-${p.method}` },
    p.method === 'network'
      ? t('nearby.method.network', { speed: WALK_SPEED_M_PER_MIN })
      : t('nearby.method.estimate', { factor: DETOUR_FACTOR, speed: WALK_SPEED_M_PER_MIN }),
  );
  const root = h(
    'div',
    { class: 'nearby-panel' },
    h('h2', {}, t('nearby.title')),
    head,
    p.origin
      ? h(
          'p',
          { class: 'nearby-origin' },
          t('nearby.origin', { lon: formatCoord(p.origin[0]), lat: formatCoord(p.origin[1]) }),
        )
      : h('p', {}, t('nearby.pick')),
    method,
    ...(p.net.length ? [netStatus(p)] : []),
    filters,
    h('p', { class: 'nearby-open' }, openBox, h('label', { for: 'nearby-open-now' }, t('nearby.open_now'))),
  );
  if (!p.rows) return root;

  // The one-line answer first: is this place inside the 15-minute fitness circle?
  const c = p.circle;
  root.append(
    h(
      'p',
      { class: `nearby-circle ${c.inside ? 'inside' : 'outside'}`, role: 'status' },
      c.nearest
        ? t(c.inside ? 'nearby.circle.inside' : 'nearby.circle.outside', {
            min: mins(c.nearest.minutes),
            name: featureName(c.nearest.feature.properties, p.lang),
          })
        : t('nearby.circle.none', { max: p.maxMinutes }),
    ),
  );
  const summaryRows = p.summary
    .filter((s) => s.within[s.within.length - 1] || s.nearest)
    .map((s) =>
      h(
        'tr',
        {},
        h(
          'th',
          { scope: 'row' },
          p.lang === 'zh' ? layerOf(s.category).name_zh : layerOf(s.category).name_en,
        ),
        ...s.within.map((n) => h('td', {}, String(n))),
      ),
    );
  if (summaryRows.length) {
    root.append(
      h(
        'table',
        { class: 'nearby-summary' },
        h('caption', {}, t('nearby.summary')),
        h(
          'thead',
          {},
          h(
            'tr',
            {},
            h('td', {}),
            ...TIME_BANDS_MIN.map((b) => h('th', { scope: 'col' }, t('nearby.minutes', { min: b }))),
          ),
        ),
        h('tbody', {}, ...summaryRows),
      ),
    );
  }
  root.append(
    h(
      'p',
      { class: 'nearby-count', 'aria-live': 'polite' },
      p.rows.length
        ? t('nearby.results', { n: p.rows.length, max: p.maxMinutes })
        : t('nearby.none', { max: p.maxMinutes }),
    ),
  );
  if (p.hiddenUnknown)
    root.append(h('p', { class: 'nearby-hidden' }, t('nearby.open_hidden', { n: p.hiddenUnknown })));
  const list = h('ol', { class: 'nearby-list' });
  for (const r of p.rows) {
    const f = r.feature.properties;
    const e = layerOf(f.category);
    const button = h(
      'button',
      {
        type: 'button',
        class: 'nearby-item',
        'data-feature-id': f.id,
        'aria-current': f.id === p.selected ? 'true' : null,
      },
      h('span', { class: 'swatch', style: `background:${e.color}`, 'aria-hidden': 'true' }, e.glyph),
      h('span', { class: 'nearby-name' }, featureName(f, p.lang)),
      h(
        'span',
        { class: 'nearby-time' },
        t('nearby.minutes', { min: mins(r.minutes) }),
        r.method === 'estimate' ? h('small', {}, ` ${t('nearby.estimate_mark')}`) : null,
      ),
      h(
        'span',
        { class: 'list-meta' },
        `${formatDistance(p.lang, r.metres)} · ${featureSummary(f, p.lang)}`,
        p.opening.get(f.id) ? ` · ${p.opening.get(f.id)}` : '',
      ),
      h('span', { class: 'list-source' }, sourceText(f.source, p.lang)),
    );
    button.addEventListener('click', () => p.onPick(f.id));
    list.append(h('li', {}, button));
  }
  root.append(list);
  if (p.route) {
    const notes: string[] = [];
    const steps = p.route.parts.filter((x) => x.kind === 'steps').reduce((a, x) => a + x.metres, 0);
    if (steps > 0) notes.push(t('nearby.route.steps', { dist: formatDistance(p.lang, steps) }));
    for (const b of p.route.parts.filter((x) => x.kind === 'bridge')) {
      notes.push(b.name ? t('nearby.route.bridge', { name: b.name }) : t('nearby.route.bridge_unnamed'));
    }
    if (p.route.method === 'estimate') notes.push(t('nearby.route.straight'));
    root.append(
      h(
        'div',
        { class: 'nearby-route', role: 'status' },
        h(
          'strong',
          {},
          t('nearby.route', { min: mins(p.route.minutes), dist: formatDistance(p.lang, p.route.metres) }),
        ),
        ...notes.map((n) => h('p', {}, n)),
      ),
    );
  }
  const copy = h('button', { type: 'button', id: 'nearby-copy' }, t('nearby.copy'));
  copy.addEventListener('click', p.onCopy);
  const print = h('button', { type: 'button', id: 'nearby-print' }, t('nearby.print'));
  print.addEventListener('click', p.onPrint);
  root.append(h('div', { class: 'nearby-actions' }, copy, print));
  return root;
}

function netStatus(p: NearbyPanelProps): HTMLElement {
  const box = h(
    'div',
    { class: 'nearby-net', role: 'status', 'aria-live': 'polite' },
    ...p.net.map((line) => h('p', {}, line)),
  );
  if (p.onRetryNet) {
    const retry = h(
      'button',
      { type: 'button', id: 'nearby-net-retry' },
      translate(p.lang, 'nearby.net.retry'),
    );
    retry.addEventListener('click', p.onRetryNet);
    box.append(retry);
  }
  return box;
}
