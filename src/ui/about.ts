// The About dialog: what the map shows, where every dataset comes from, and the walking assumptions.

import { type Lang, translate } from '../lib/i18n';
import { h } from './dom';

export interface AboutStats {
  places: number;
  districts: number;
  targets: number;
}

/**
 * Build the dialog's content; the caller owns the <dialog> element and opening/closing it.
 * @param extra sections appended at the end (the device storage part)
 */
export function renderAbout(
  lang: Lang,
  stats: AboutStats,
  onClose: () => void,
  ...extra: HTMLElement[]
): HTMLElement {
  const t = (k: Parameters<typeof translate>[1], p?: Record<string, number>) => translate(lang, k, p);
  const close = h('button', { type: 'button', class: 'card-close', 'aria-label': t('panel.close') }, '×');
  close.addEventListener('click', onClose);
  return h(
    'div',
    { class: 'about' },
    h('header', {}, h('h2', { id: 'about-title' }, t('about.title')), close),
    h('p', {}, t('about.body')),
    h('p', {}, t('about.stats', { n: stats.places, d: stats.districts, t: stats.targets })),
    h('h3', {}, t('about.sources')),
    h(
      'ul',
      {},
      h('li', {}, t('about.plan_source')),
      h('li', {}, t('about.places_source')),
      h('li', {}, t('about.metro_source')),
      h('li', {}, t('attribution.boundaries')),
    ),
    h('p', { class: 'about-walking' }, t('about.walking')),
    ...extra,
  );
}
