// The coverage panel's marginal contributions: what closing each facility would lose.

import type { AnalyseResult } from '../lib/coverage/protocol';
import type { CoveragePanelProps, T } from './coverage_panel_props';
import { h } from './dom';

/** The marginal-contribution section: a button to compute it, then one row per facility. */
export function marginalSection(
  p: CoveragePanelProps,
  r: AnalyseResult,
  t: T,
  nf: (v: number, d?: number) => string,
  km2: (m2: number) => string,
) {
  const L = p.lang;
  const sec = h('section', { class: 'cov-marginal', 'aria-labelledby': 'cov-marginal-h' });
  sec.append(h('h3', { id: 'cov-marginal-h' }, t('plan.cov.marginal.title')));
  const run = h(
    'button',
    { type: 'button', id: 'cov-marginal-run', disabled: p.marginal.busy },
    t('plan.cov.marginal.run'),
  );
  run.addEventListener('click', p.on.marginal);
  sec.append(run);
  if (p.marginal.error)
    sec.append(h('p', { class: 'cov-error' }, t('plan.cov.error', { detail: p.marginal.error })));
  const m = p.marginal.result;
  if (m && m.category === p.state.covCat) {
    if (m.rows.length === 0) sec.append(h('p', {}, t('plan.cov.marginal.none')));
    else {
      const last = m.bands.length - 1;
      const byPop = r.basis === 'population';
      const value = (area: number[], pop: number[] | null) =>
        byPop && pop ? nf(pop[last] as number) : `${km2(area[last] as number)} km²`;
      sec.append(
        h(
          'table',
          { class: 'cov-table', id: 'cov-marginal-table' },
          h(
            'thead',
            {},
            h(
              'tr',
              {},
              h('th', { scope: 'col' }, t('plan.cov.marginal.facility')),
              h('th', { scope: 'col' }, t('plan.cov.marginal.served')),
              h('th', { scope: 'col' }, t('plan.cov.marginal.lost', { min: m.bands[last] as number })),
            ),
          ),
          h(
            'tbody',
            {},
            ...m.rows.map((row) =>
              h(
                'tr',
                {},
                h(
                  'th',
                  { scope: 'row' },
                  L === 'zh' ? row.name_zh : row.name_en,
                  row.proposed ? ` (${t('plan.cov.proposed')})` : '',
                ),
                h('td', {}, `${km2(row.servedAreaM2[last] as number)} km²`),
                h('td', {}, value(row.lostAreaM2, row.lostPop)),
              ),
            ),
          ),
        ),
      );
    }
  }
  return sec;
}
