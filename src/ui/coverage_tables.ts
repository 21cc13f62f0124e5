// The coverage panel's figures: the district table with bars and the city-wide share of every category.

import { CATALOG } from '../catalog';
import { basisShare, type ShareRow, shareRows } from '../lib/coverage/aggregate';
import type { AnalyseResult } from '../lib/coverage/protocol';
import { RAMP } from '../lib/coverage/ramp';
import { type CoveragePanelProps, catName, placeName, type T } from './coverage_panel_props';
import { h } from './dom';

/** Shares of the selected category per district, with bars and (with sites) the change from today. */
export function districtTable(
  p: CoveragePanelProps,
  r: AnalyseResult,
  t: T,
  pct: (v: number) => string,
  basis: string,
) {
  const L = p.lang;
  const rows = shareRows(r.table, p.state.covCat);
  const before = r.baseTable ? shareRows(r.baseTable, p.state.covCat) : null;
  const share = (row: ShareRow) => basisShare(row, r.basis);
  const table = h('table', { class: 'cov-table', id: 'cov-table' });
  table.append(
    h('caption', {}, t('plan.cov.table.title', { basis })),
    h(
      'thead',
      {},
      h(
        'tr',
        {},
        h('th', { scope: 'col' }, t('plan.cov.table.district')),
        ...r.bands.map((b) => h('th', { scope: 'col' }, t('plan.cov.table.within', { min: b }))),
        r.method === 'network' ? h('th', { scope: 'col' }, t('plan.cov.table.estimated')) : null,
      ),
    ),
  );
  const body = h('tbody', {});
  rows.forEach((row, i) => {
    const s = share(row);
    const prev = before?.[i] ? share(before[i] as ShareRow) : null;
    body.append(
      h(
        'tr',
        { class: row.adcode === null ? 'cov-city' : '', 'data-adcode': row.adcode ?? 'city' },
        h('th', { scope: 'row' }, placeName(row.adcode, L, t)),
        ...s.map((v, k) => {
          const delta = prev ? v - (prev[k] as number) : null;
          return h(
            'td',
            {},
            h('span', { class: 'cov-share' }, pct(v)),
            h(
              'span',
              { class: 'cov-bar', 'aria-hidden': 'true' },
              h('span', {
                style: `width:${Math.min(100, v * 100).toFixed(1)}%;background:${RAMP[k]?.hex ?? '#999'}`,
              }),
            ),
            delta !== null && Math.abs(delta) > 0
              ? h('span', { class: 'cov-delta' }, `${delta > 0 ? '+' : ''}${(delta * 100).toFixed(1)}`)
              : null,
          );
        }),
        r.method === 'network' ? h('td', {}, String(row.estimated)) : null,
      ),
    );
  });
  table.append(body);
  const wrap = h('div', { class: 'cov-table-wrap' }, table);
  if (before) wrap.append(h('p', { class: 'cov-muted' }, t('plan.cov.whatif.delta')));
  const city = rows.at(-1);
  if (city && city.pop !== null && city.coveredPop && p.youthShare !== null) {
    const whole = (v: number) => Math.round(v).toLocaleString(L === 'zh' ? 'zh-CN' : 'en');
    wrap.append(
      h(
        'p',
        { id: 'cov-youth-line' },
        t('plan.cov.table.youth', {
          share: (p.youthShare * 100).toFixed(1),
          youth: whole(city.pop * p.youthShare),
          covered: whole((city.coveredPop[city.coveredPop.length - 1] as number) * p.youthShare),
          min: r.bands[r.bands.length - 1] as number,
        }),
      ),
    );
  }
  return wrap;
}

/** The last band's city-wide share for every category, as small horizontal bars. */
export function categoryChart(
  p: CoveragePanelProps,
  r: AnalyseResult,
  t: T,
  pct: (v: number) => string,
  basis: string,
) {
  const L = p.lang;
  const lastIndex = r.bands.length - 1;
  const last = r.bands[lastIndex] as number;
  const list = h('ul', { class: 'cov-chart', id: 'cov-chart' });
  for (const category of r.categories) {
    const city = shareRows(r.table, category).at(-1) as ShareRow;
    const v = basisShare(city, r.basis)[lastIndex] as number;
    const color = CATALOG.find((e) => e.id === category)?.color ?? '#6b7280';
    list.append(
      h(
        'li',
        { class: category === p.state.covCat ? 'current' : '' },
        h('span', { class: 'cov-chart-label' }, catName(category, L)),
        h(
          'span',
          {
            class: 'cov-bar',
            role: 'img',
            'aria-label': t('plan.cov.chart.bar', { category: catName(category, L), pct: pct(v) }),
          },
          h('span', { style: `width:${Math.min(100, v * 100).toFixed(1)}%;background:${color}` }),
        ),
        h('span', { class: 'cov-share' }, pct(v)),
      ),
    );
  }
  return h(
    'section',
    { class: 'cov-chart-section', 'aria-labelledby': 'cov-chart-h' },
    h('h3', { id: 'cov-chart-h' }, t('plan.cov.chart.title', { min: last, basis })),
    list,
  );
}
