// The coverage panel's youth apartment scores: a sortable table of what each apartment lacks nearby.

import type { AnalyseResult } from '../lib/coverage/protocol';
import type { ScoreSort } from '../lib/coverage/scores';
import { type CoveragePanelProps, catName, placeName, type T } from './coverage_panel_props';
import { h } from './dom';

/** The apartment scores section (a note when no apartment is mapped). */
export function scoresSection(
  p: CoveragePanelProps,
  r: AnalyseResult,
  t: T,
  nf: (v: number, d?: number) => string,
) {
  const L = p.lang;
  const sec = h('section', { class: 'cov-scores', 'aria-labelledby': 'cov-scores-h' });
  sec.append(h('h3', { id: 'cov-scores-h' }, t('plan.cov.scores.title')));
  if (r.scores.length === 0) {
    sec.append(h('p', { id: 'cov-scores-none' }, t('plan.cov.scores.none')));
    return sec;
  }
  const last = r.bands[r.bands.length - 1] as number;
  const cur = p.sort;
  const header = (label: string, sort: ScoreSort) => {
    const same = JSON.stringify(sort) === JSON.stringify(cur.sort);
    const b = h(
      'button',
      { type: 'button', class: 'cov-sort', title: t('plan.cov.scores.sort') },
      label,
      same ? (cur.dir === 'asc' ? ' ▲' : ' ▼') : '',
    );
    b.addEventListener('click', () => p.on.sort(sort, same && cur.dir === 'asc' ? 'desc' : 'asc'));
    return h(
      'th',
      { scope: 'col', 'aria-sort': same ? (cur.dir === 'asc' ? 'ascending' : 'descending') : 'none' },
      b,
    );
  };
  const table = h(
    'table',
    { class: 'cov-table cov-score-table', id: 'cov-scores-table' },
    h(
      'thead',
      {},
      h(
        'tr',
        {},
        header(t('plan.cov.scores.name'), { by: 'name' }),
        header(t('plan.cov.table.district'), { by: 'district' }),
        header(t('plan.cov.scores.missing', { min: last }), { by: 'missing' }),
        ...r.categories.map((c) => header(catName(c, L), { by: 'category', category: c })),
      ),
    ),
  );
  const body = h('tbody', {});
  for (const s of r.scores) {
    body.append(
      h(
        'tr',
        {},
        h(
          'th',
          { scope: 'row' },
          L === 'zh' ? s.apartment.name_zh : s.apartment.name_en,
          s.method === 'estimate' ? ` (${t('plan.cov.estimate_tag')})` : '',
        ),
        h('td', {}, placeName(s.apartment.district, L, t)),
        h(
          'td',
          { class: 'cov-missing' },
          s.missing.length
            ? s.missing.map((c) => catName(c, L)).join(L === 'zh' ? '、' : ', ')
            : t('plan.cov.scores.all_present'),
        ),
        ...s.categories.map((c) =>
          h(
            'td',
            {
              title: t('plan.cov.scores.counts', {
                a: c.within[0] ?? 0,
                b: c.within[1] ?? 0,
                c: c.within[2] ?? 0,
              }),
            },
            c.nearest ? t('plan.cov.minutes', { n: nf(c.nearest.minutes, 0) }) : '—',
          ),
        ),
      ),
    );
  }
  table.append(body);
  sec.append(h('div', { class: 'cov-table-wrap' }, table));
  return sec;
}
