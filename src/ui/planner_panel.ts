// The coverage panel: controls, status, honesty notes, legend and the selected cell; its sections come from coverage_*_panel.ts.

import { clusterDistricts } from '../lib/coverage/cluster_text';
import { formatGridSpec, GRID_CHOICES, H3_AVG_AREA_KM2 } from '../lib/coverage/grid_spec';
import { legendBasis, methodLine, methodSummary } from '../lib/coverage/method_label';
import { legendItems } from '../lib/coverage/ramp';
import { type CategoryId, LANZHOU_DISTRICTS } from '../lib/feature';
import type { MessageKey } from '../lib/i18n';
import { clustersSection } from './coverage_clusters_panel';
import { exportSection } from './coverage_export_panel';
import { marginalSection } from './coverage_marginal_panel';
import { type CoveragePanelProps, catName, panelText, placeName } from './coverage_panel_props';
import { populationSection } from './coverage_population_panel';
import { scoresSection } from './coverage_scores_panel';
import { categoryChart, districtTable } from './coverage_tables';
import { whatIfSection } from './coverage_whatif_panel';
import { h } from './dom';

export type { CoveragePanelProps, SelectedCell } from './coverage_panel_props';

/** Render the panel content. */
export function renderCoveragePanel(p: CoveragePanelProps): HTMLElement {
  const L = p.lang;
  const { t, nf, pct, km2 } = panelText(L);
  const r = p.result;
  const bands = r?.bands ?? [5, 10, 15];
  const last = bands[bands.length - 1] as number;
  const basis = t(r?.basis === 'population' ? 'plan.cov.basis.population' : 'plan.cov.basis.area');
  const root = h('div', { class: 'cov-panel', id: 'coverage-panel' });

  root.append(h('h2', {}, t('plan.cov.title')), h('p', { class: 'cov-help' }, t('plan.cov.help')));

  // ---- controls ----
  const catSelect = h('select', { id: 'cov-category' });
  for (const c of p.categories) {
    catSelect.append(h('option', { value: c, selected: c === p.state.covCat }, catName(c, L)));
  }
  catSelect.addEventListener('change', () => p.on.category(catSelect.value as CategoryId));
  const gridSelect = h('select', { id: 'cov-grid' });
  for (const g of GRID_CHOICES) {
    gridSelect.append(
      h(
        'option',
        { value: formatGridSpec(g), selected: formatGridSpec(g) === formatGridSpec(p.state.covGrid) },
        g.kind === 'h3'
          ? t('plan.cov.grid.h3', { res: g.resolution, area: nf(H3_AVG_AREA_KM2[g.resolution] ?? 0, 3) })
          : t('plan.cov.grid.square', { size: g.sizeM }),
      ),
    );
  }
  gridSelect.addEventListener('change', () => {
    const g = GRID_CHOICES.find((x) => formatGridSpec(x) === gridSelect.value);
    if (g) p.on.grid(g);
  });
  const districtBoxes = Object.keys(LANZHOU_DISTRICTS).map((adcode) => {
    const box = h('input', {
      type: 'checkbox',
      id: `cov-d-${adcode}`,
      value: adcode,
      checked: p.state.covDistricts.includes(adcode),
    });
    box.addEventListener('change', () =>
      p.on.districts(
        Object.keys(LANZHOU_DISTRICTS).filter((a) =>
          a === adcode ? box.checked : p.state.covDistricts.includes(a),
        ),
      ),
    );
    return h('li', {}, box, h('label', { for: `cov-d-${adcode}` }, placeName(adcode, L, t)));
  });
  const planned = h('input', { type: 'checkbox', id: 'cov-planned', checked: p.state.covPlanned });
  planned.addEventListener('change', () => p.on.planned(planned.checked));
  root.append(
    h(
      'div',
      { class: 'cov-controls' },
      h('label', { for: 'cov-category' }, t('plan.cov.category')),
      catSelect,
      h('label', { for: 'cov-grid' }, t('plan.cov.grid')),
      gridSelect,
    ),
    h(
      'details',
      { class: 'cov-districts' },
      h('summary', {}, `${t('plan.cov.districts')} (${p.state.covDistricts.length})`),
      h('ul', { class: 'chip-list' }, ...districtBoxes),
    ),
    h('div', { class: 'cov-check' }, planned, h('label', { for: 'cov-planned' }, t('plan.cov.planned'))),
  );
  if (p.largeGrid !== null)
    root.append(h('p', { class: 'cov-warn' }, t('plan.cov.large', { n: nf(p.largeGrid) })));

  // ---- status ----
  const status = h('div', { class: 'cov-status', role: 'status', 'aria-live': 'polite' });
  if (p.progress) {
    const pr = p.progress;
    const key: MessageKey =
      pr.phase === 'grid'
        ? 'plan.cov.progress.grid'
        : pr.phase === 'snap'
          ? 'plan.cov.progress.snap'
          : pr.phase === 'coverage'
            ? 'plan.cov.progress.coverage'
            : pr.phase === 'whatif'
              ? 'plan.cov.progress.whatif'
              : pr.phase === 'population'
                ? 'plan.cov.progress.population'
                : pr.phase === 'graph'
                  ? 'plan.cov.progress.graph'
                  : 'plan.cov.progress.work';
    const cancel = h('button', { type: 'button', id: 'cov-cancel' }, t('plan.cov.cancel'));
    cancel.addEventListener('click', p.on.cancel);
    status.append(
      h('span', {}, t(key, { done: pr.done, total: pr.total })),
      h('progress', {
        max: Math.max(1, pr.total),
        value: pr.done,
        'aria-label': t(key, { done: pr.done, total: pr.total }),
      }),
      cancel,
    );
  } else if (p.error || p.cancelled) {
    const retry = h('button', { type: 'button', id: 'cov-retry' }, t('plan.cov.retry'));
    retry.addEventListener('click', p.on.retry);
    status.append(
      h(
        'span',
        { class: p.error ? 'cov-error' : '' },
        p.error ? t('plan.cov.error', { detail: p.error }) : t('plan.cov.cancelled'),
      ),
      retry,
    );
  }
  if (p.picturing) status.append(h('span', {}, t('report.png.busy')));
  root.append(status);
  if (p.network) root.append(p.network);

  // ---- honesty notes: method, basis, what is mapped ----
  const method = r ? methodSummary(r) : null;
  if (r && method) {
    root.append(
      h(
        'p',
        { class: `cov-method method-${method.basis}` },
        methodLine(L, method, r.speedMPerMin, r.detourFactor),
      ),
    );
    if (r.basis === 'area') root.append(h('p', { class: 'cov-basis' }, t('plan.cov.basis.note')));
  }
  root.append(h('p', { class: 'cov-data-note' }, t('plan.cov.data_note', { n: p.mapped })));

  // ---- legend ----
  root.append(
    h(
      'div',
      { class: 'cov-legend', role: 'group', 'aria-label': t('plan.cov.legend') },
      h(
        'h3',
        {},
        `${t('plan.cov.legend')} · ${catName(p.state.covCat, L)}`,
        method ? h('span', { class: 'cov-legend-basis' }, ` · ${legendBasis(L, method)}`) : null,
      ),
      h(
        'ul',
        {},
        ...legendItems(L, bands).map(({ hex, label }) =>
          h(
            'li',
            {},
            h('span', { class: 'cov-swatch', style: `background:${hex}`, 'aria-hidden': 'true' }),
            label,
          ),
        ),
      ),
    ),
  );

  if (r) {
    const k = r.categories.indexOf(p.state.covCat);
    const count = r.facilityCounts[k];
    if (count) {
      const line = h('p', { class: 'cov-count' }, t('plan.cov.facilities', { n: count.counted }));
      if (count.unsnapped > 0) line.append(' ', t('plan.cov.unsnapped', { n: count.unsnapped }));
      root.append(line);
      if (count.counted === 0)
        root.append(h('p', { class: 'cov-warn', id: 'cov-none' }, t('plan.cov.no_facilities')));
    }
    // Where the covered cells are: with one site off-screen the view would show only "over 15 min".
    if (p.covered) {
      const show = h('button', { type: 'button', id: 'cov-show-covered' }, t('plan.cov.covered.show'));
      show.addEventListener('click', p.on.showCovered);
      root.append(
        h(
          'p',
          { class: 'cov-covered', id: 'cov-covered' },
          t('plan.cov.covered', {
            cells: nf(p.covered.cells),
            min: last,
            district: clusterDistricts(p.covered, L),
          }),
          ' ',
          show,
        ),
      );
    }
  }

  // ---- selected cell ----
  if (p.selectedCell) {
    const c = p.selectedCell;
    root.append(
      h(
        'div',
        { class: 'cov-cell', id: 'cov-cell' },
        h('h3', {}, t('plan.cov.cell.title', { id: c.id })),
        h('p', {}, `${placeName(c.district, L, t)}${c.estimate ? ` · ${t('plan.cov.estimate_tag')}` : ''}`),
        h(
          'ul',
          {},
          ...c.times.map((x) =>
            h(
              'li',
              {},
              `${catName(x.category, L)}: `,
              Number.isFinite(x.minutes)
                ? t('plan.cov.minutes', { n: nf(x.minutes, 1) })
                : x.reach === 1
                  ? t('plan.cov.over', { n: last })
                  : t('plan.cov.unreachable'),
            ),
          ),
        ),
      ),
    );
  }

  if (r) {
    root.append(districtTable(p, r, t, pct, basis));
    root.append(categoryChart(p, r, t, pct, basis));
  }

  root.append(whatIfSection(p));
  if (r) root.append(marginalSection(p, r, t, nf, km2), clustersSection(p, r));
  // ---- population ----
  root.append(populationSection(p, t, nf));

  if (r) root.append(scoresSection(p, r, t, nf), exportSection(p, r));
  return root;
}
