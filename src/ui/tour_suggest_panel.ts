// The "suggest a walk" section of the tour panel: start (metro station, place, where I am), length and the
// button, or the words for why there is no suggestion. DOM built with h() only.

import { type Lang, type MessageKey, type Params, translate } from '../lib/i18n';
import { SUGGEST_LENGTHS_MIN } from '../lib/tour/suggest';
import { h } from './dom';

/** What the section shows; built by TourSuggester.props. */
export interface SuggestSectionProps {
  lang: Lang;
  /** Null when there is no river: the offline explanation instead of the form. */
  starts: { metro: { id: string; name: string }[]; places: { id: string; name: string }[] } | null;
  startId: string | null;
  lengthMin: number;
  /** Where the river came from (and whether it is the Yellow River); null without a river. */
  riverNote: string | null;
  /** Messages: why no walk, the result. */
  messages: string[];
  busy: boolean;
  onStart(id: string): void;
  onLength(min: number): void;
  onHere(): void;
  onSuggest(): void;
}

/** Renders the section (DOM with h(): names are data, text only). */
export function renderSuggestSection(p: SuggestSectionProps): HTMLElement {
  const t = (k: MessageKey, params?: Params) => translate(p.lang, k, params);
  const box = h(
    'section',
    { class: 'tour-suggest', 'aria-labelledby': 'tour-suggest-title' },
    h('h3', { id: 'tour-suggest-title' }, t('tour.suggest.title')),
  );
  if (p.starts) {
    box.append(h('p', { class: 'tour-note' }, t('tour.suggest.intro')));
    if (p.riverNote) box.append(h('p', { class: 'tour-note tour-suggest-origin' }, p.riverNote));
    const select = h(
      'select',
      { id: 'tour-suggest-start' },
      ...(
        [
          ['tour.suggest.start.metro', p.starts.metro],
          ['tour.suggest.start.places', p.starts.places],
        ] as const
      )
        .filter(([, list]) => list.length > 0)
        .map(([label, list]) =>
          h(
            'optgroup',
            { label: t(label) },
            ...list.map((o) => h('option', { value: o.id, selected: o.id === p.startId }, o.name)),
          ),
        ),
    );
    select.addEventListener('change', () => p.onStart(select.value));
    const here = h('button', { type: 'button', id: 'tour-suggest-here' }, t('tour.suggest.here'));
    here.addEventListener('click', p.onHere);
    const length = h(
      'select',
      { id: 'tour-suggest-length' },
      ...SUGGEST_LENGTHS_MIN.map((m) =>
        h('option', { value: m, selected: m === p.lengthMin }, t('tour.suggest.length.value', { h: m / 60 })),
      ),
    );
    length.addEventListener('change', () => p.onLength(Number(length.value)));
    const go = h(
      'button',
      { type: 'button', id: 'tour-suggest-go', class: 'tour-play', disabled: p.busy || !p.startId },
      t('tour.suggest.button'),
    );
    go.addEventListener('click', p.onSuggest);
    box.append(
      h(
        'div',
        { class: 'tour-suggest-row' },
        h('label', { for: 'tour-suggest-start' }, t('tour.suggest.start')),
        select,
        here,
      ),
      h(
        'div',
        { class: 'tour-suggest-row' },
        h('label', { for: 'tour-suggest-length' }, t('tour.suggest.length')),
        length,
        go,
      ),
    );
  }
  for (const m of p.messages) box.append(h('p', { class: 'tour-message', role: 'status' }, m));
  return box;
}
