// The printed itinerary of a night-tour walk: what the paper copy shows (filled just before printing).

import { type MessageKey, translate } from '../lib/i18n';
import type { Itinerary } from '../lib/tour/itinerary';
import { h } from './dom';

export interface TourPrintProps {
  itinerary: Itinerary;
  /** A PNG data URL of the map with the route, or null (no WebGL). */
  mapImage: string | null;
  /** The share link (http(s) only), printed so a paper copy leads back to the live view. */
  url: string | null;
}

/** The print-only itinerary: title, the route map, the stop table with arrival times and the notes. */
export function renderTourPrint(p: TourPrintProps): HTMLElement[] {
  const it = p.itinerary;
  const t = (k: MessageKey, params?: Record<string, string | number>) => translate(it.lang, k, params);
  const rows = it.rows.map((r) =>
    h(
      'tr',
      {},
      h('td', { class: 'tour-print-n' }, String(r.n)),
      h(
        'th',
        { scope: 'row' },
        r.name,
        r.warning ? h('div', { class: 'tour-warning' }, r.warning) : null,
        ...r.nearby.map((n) =>
          h('div', { class: 'tour-print-small' }, t('tour.nearby', { name: n.name, status: n.text })),
        ),
      ),
      h('td', {}, r.arrival),
      h('td', {}, r.stay),
      h('td', {}, r.open?.text ?? ''),
      h('td', {}, r.next?.text ?? ''),
    ),
  );
  const parts: (HTMLElement | null)[] = [
    h('h1', { lang: it.lang === 'zh' ? 'zh-CN' : 'en' }, it.title),
    h('p', {}, it.suggestedBy),
    it.description ? h('p', {}, it.description) : null,
    h('p', {}, it.start, ' · ', it.summary),
    p.mapImage
      ? h('img', { class: 'tour-print-map', src: p.mapImage, alt: t('tour.ui.print.map_alt') })
      : null,
    h(
      'table',
      { class: 'tour-print-table' },
      h(
        'thead',
        {},
        h(
          'tr',
          {},
          ...[
            it.headers.n,
            it.headers.stop,
            it.headers.arrive,
            it.headers.stay,
            it.headers.open,
            it.headers.next,
          ].map((x) => h('th', { scope: 'col' }, x)),
        ),
      ),
      h('tbody', {}, ...rows),
    ),
    ...it.notes.map((n) => h('p', { class: 'tour-print-small' }, n)),
    p.url
      ? h('p', { class: 'tour-print-small tour-print-url' }, t('tour.ui.print.link', { url: p.url }))
      : null,
  ];
  return parts.filter((x): x is HTMLElement => x !== null);
}
