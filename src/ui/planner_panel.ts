// The coverage panel: controls, legend, district figures with bars, what-if sites, gaps, apartment scores, exports.

import { CATALOG, layerOf } from '../catalog';
import { formatCoord } from '../lib/coord_format';
import { basisShare, type ShareRow, shareRows } from '../lib/coverage/aggregate';
import type { UncoveredCluster } from '../lib/coverage/clusters';
import { formatGridSpec, GRID_CHOICES, type GridSpec, H3_AVG_AREA_KM2 } from '../lib/coverage/grid_spec';
import { legendBasis, methodLine, methodSummary } from '../lib/coverage/method_label';
import type {
  AnalyseResult,
  CoverageProgress,
  MarginalResult,
  PopulationSummary,
} from '../lib/coverage/protocol';
import { legendItems, RAMP } from '../lib/coverage/ramp';
import { type CoverageViewState, MAX_SITES } from '../lib/coverage/scenario_state';
import type { ScoreSort } from '../lib/coverage/scores';
import { type CategoryId, districtName, LANZHOU_DISTRICTS } from '../lib/feature';
import { type Lang, type MessageKey, translate } from '../lib/i18n';
import { formatIssue } from '../lib/validate';
import { h } from './dom';

/** What the selected cell shows. */
export interface SelectedCell {
  id: string;
  district: string;
  estimate: boolean;
  times: { category: CategoryId; minutes: number; reach: number }[];
}

export interface CoveragePanelProps {
  lang: Lang;
  state: CoverageViewState;
  categories: readonly CategoryId[];
  /** Sourced facilities of the coverage categories on the map (all statuses). */
  mapped: number;
  /** The street-network lines (src/ui/coverage_network_panel.ts), or null when none is downloaded. */
  network: HTMLElement | null;
  progress: CoverageProgress | null;
  error: string | null;
  cancelled: boolean;
  result: AnalyseResult | null;
  /** Estimated cell count of the chosen grid when it is large (warn before waiting), else null. */
  largeGrid: number | null;
  adding: boolean;
  youthShare: number | null;
  /** Language of the printed report. */
  reportLang: Lang;
  /** A map picture is being made (PNG or report). */
  picturing: boolean;
  /** The result shown belongs to the current settings (exports would otherwise mix old and new). */
  exportReady: boolean;
  /** There is a map to draw a picture of (not without WebGL). */
  canPicture: boolean;
  population: { summary: PopulationSummary | null; busy: boolean };
  marginal: { result: MarginalResult | null; busy: boolean; error: string | null };
  sort: { sort: ScoreSort; dir: 'asc' | 'desc' };
  selectedCell: SelectedCell | null;
  on: {
    category(c: CategoryId): void;
    grid(spec: GridSpec): void;
    districts(adcodes: string[]): void;
    planned(on: boolean): void;
    addMode(on: boolean): void;
    addAtCentre(): void;
    removeSite(index: number): void;
    clearSites(): void;
    cancel(): void;
    retry(): void;
    populationFile(file: File): void;
    populationClear(): void;
    youthShare(share: number | null): void;
    marginal(): void;
    cluster(c: UncoveredCluster): void;
    sort(sort: ScoreSort, dir: 'asc' | 'desc'): void;
    export(what: 'cells' | 'districts' | 'scores'): void;
    reportLang(lang: Lang): void;
    png(): void;
    report(): void;
  };
}

const catName = (c: CategoryId, lang: Lang) => {
  const e = layerOf(c);
  return lang === 'zh' ? e.name_zh : e.name_en;
};
/** A district's name, or the city total's label for null. */
const placeName = (adcode: string | null, lang: Lang, t: (k: MessageKey) => string) =>
  adcode === null ? t('plan.cov.city') : districtName(adcode, lang);

/** Render the panel content. */
export function renderCoveragePanel(p: CoveragePanelProps): HTMLElement {
  const L = p.lang;
  const t = (k: MessageKey, params?: Record<string, string | number>) => translate(L, k, params);
  const nf = (v: number, digits = 0) =>
    v.toLocaleString(L === 'zh' ? 'zh-CN' : 'en', {
      maximumFractionDigits: digits,
      minimumFractionDigits: digits,
    });
  const pct = (v: number) => `${nf(v * 100, 1)}%`;
  const km2 = (m2: number) => nf(m2 / 1e6, m2 < 1e6 ? 3 : 2);
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

  // ---- what-if ----
  const whatif = h('section', { class: 'cov-whatif', 'aria-labelledby': 'cov-whatif-h' });
  whatif.append(h('h3', { id: 'cov-whatif-h' }, t('plan.cov.whatif.title')));
  const add = h(
    'button',
    {
      type: 'button',
      id: 'cov-add-site',
      'aria-pressed': String(p.adding),
      disabled: p.state.covSites.length >= MAX_SITES && !p.adding,
    },
    p.adding
      ? t('plan.cov.whatif.adding')
      : t('plan.cov.whatif.add', { category: catName(p.state.covCat, L) }),
  );
  add.addEventListener('click', () => p.on.addMode(!p.adding));
  // The keyboard way to place a site: pan the map with the arrow keys, then add at its centre.
  const atCentre = h(
    'button',
    { type: 'button', id: 'cov-add-centre', disabled: p.state.covSites.length >= MAX_SITES },
    t('plan.cov.whatif.add_centre'),
  );
  atCentre.addEventListener('click', p.on.addAtCentre);
  whatif.append(h('div', { class: 'cov-whatif-buttons' }, add, atCentre));
  if (p.state.covSites.length >= MAX_SITES)
    whatif.append(h('p', {}, t('plan.cov.whatif.max', { n: MAX_SITES })));
  if (p.state.covSites.length === 0) whatif.append(h('p', { class: 'cov-muted' }, t('plan.cov.whatif.none')));
  else {
    const list = h('ol', { class: 'cov-sites' });
    p.state.covSites.forEach((s, i) => {
      const remove = h(
        'button',
        { type: 'button', class: 'cov-remove', 'aria-label': t('plan.cov.whatif.remove', { n: i + 1 }) },
        '×',
      );
      remove.addEventListener('click', () => p.on.removeSite(i));
      list.append(
        h(
          'li',
          {},
          h(
            'span',
            { class: 'swatch', style: `background:${layerOf(s.category).color}`, 'aria-hidden': 'true' },
            String(i + 1),
          ),
          h(
            'span',
            {},
            t('plan.cov.whatif.site', { n: i + 1, category: catName(s.category, L) }),
            h('span', { class: 'cov-muted' }, ` ${formatCoord(s.lon)}, ${formatCoord(s.lat)}`),
          ),
          remove,
        ),
      );
    });
    const clearAll = h('button', { type: 'button', id: 'cov-clear-sites' }, t('plan.cov.whatif.clear'));
    clearAll.addEventListener('click', p.on.clearSites);
    whatif.append(list, h('p', { class: 'cov-muted' }, t('plan.cov.whatif.drag')), clearAll);
  }
  root.append(whatif);

  // ---- marginal contributions ----
  if (r) root.append(marginalSection(p, r, t, nf, km2));

  // ---- largest uncovered clusters ----
  if (r) {
    const sec = h('section', { class: 'cov-clusters', 'aria-labelledby': 'cov-clusters-h' });
    sec.append(
      h('h3', { id: 'cov-clusters-h' }, `${t('plan.cov.clusters.title', { min: last })} · ${basis}`),
    );
    if (r.clusters.length === 0) sec.append(h('p', {}, t('plan.cov.clusters.none')));
    else {
      const list = h('ol', { class: 'cov-cluster-list' });
      for (const c of r.clusters) {
        const where = { district: placeName(c.district, L, t), area: km2(c.areaM2), cells: c.cells };
        const label =
          c.pop === null
            ? t('plan.cov.clusters.item', where)
            : p.youthShare !== null
              ? t('plan.cov.clusters.item_youth', {
                  ...where,
                  pop: nf(c.pop * p.youthShare),
                  share: nf(p.youthShare * 100, 1),
                })
              : t('plan.cov.clusters.item_pop', { ...where, pop: nf(c.pop) });
        const b = h('button', { type: 'button', class: 'cov-cluster' }, label);
        b.addEventListener('click', () => p.on.cluster(c));
        list.append(h('li', {}, b));
      }
      sec.append(list);
    }
    root.append(sec);
  }

  // ---- population ----
  root.append(populationSection(p, t, nf));

  // ---- apartment scores ----
  if (r) root.append(scoresSection(p, r, t, nf));

  // ---- exports ----
  if (r) {
    const ex = h('section', { class: 'cov-export', 'aria-labelledby': 'cov-export-h' });
    ex.append(h('h3', { id: 'cov-export-h' }, t('plan.cov.export.title')));
    for (const [what, key] of [
      ['cells', 'plan.cov.export.cells'],
      ['districts', 'plan.cov.export.districts'],
      ['scores', 'plan.cov.export.scores'],
    ] as const) {
      const b = h(
        'button',
        { type: 'button', id: `cov-export-${what}`, 'aria-disabled': String(!p.exportReady) },
        t(key),
      );
      b.addEventListener('click', () => p.on.export(what));
      ex.append(b);
    }
    // aria-disabled rather than disabled: a disabled button drops the keyboard focus on re-render.
    const blocked = p.picturing || !p.exportReady;
    const png = h(
      'button',
      { type: 'button', id: 'cov-export-png', 'aria-disabled': String(blocked), hidden: !p.canPicture },
      t('report.png'),
    );
    png.addEventListener('click', p.on.png);
    const langSelect = h(
      'select',
      { id: 'cov-report-lang' },
      ...(['zh', 'en'] as const).map((l) =>
        h(
          'option',
          { value: l, selected: p.reportLang === l, lang: l === 'zh' ? 'zh-CN' : 'en' },
          t(`lang.name.${l}`),
        ),
      ),
    );
    langSelect.addEventListener('change', () => p.on.reportLang(langSelect.value === 'en' ? 'en' : 'zh'));
    const print = h(
      'button',
      { type: 'button', id: 'cov-report-print', 'aria-disabled': String(blocked) },
      t('report.print'),
    );
    print.addEventListener('click', p.on.report);
    ex.append(
      png,
      h(
        'div',
        { class: 'cov-report-choice' },
        h('label', { for: 'cov-report-lang' }, t('report.print.lang')),
        langSelect,
        print,
      ),
    );
    root.append(ex);
  }
  return root;
}

type T = (k: MessageKey, params?: Record<string, string | number>) => string;

/** Shares of the selected category per district, with bars and (with sites) the change from today. */
function districtTable(
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
function categoryChart(
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

function marginalSection(
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

function populationSection(p: CoveragePanelProps, t: T, nf: (v: number, d?: number) => string) {
  const sec = h('section', { class: 'cov-population', 'aria-labelledby': 'cov-pop-h' });
  sec.append(h('h3', { id: 'cov-pop-h' }, t('plan.cov.pop.title')));
  const file = h('input', { type: 'file', id: 'cov-pop-file', accept: '.csv,.tsv,.txt,.tif,.tiff' });
  file.addEventListener('change', () => {
    const f = file.files?.[0];
    if (f) p.on.populationFile(f);
  });
  sec.append(h('label', { for: 'cov-pop-file' }, t('plan.cov.pop.load')), file);
  const s = p.population.summary;
  if (s) {
    for (const issue of s.issues)
      sec.append(
        h('p', { class: issue.severity === 'error' ? 'cov-error' : 'cov-warn' }, formatIssue(issue, p.lang)),
      );
    if (s.accepted > 0) {
      sec.append(
        h(
          'p',
          { id: 'cov-pop-summary' },
          t('plan.cov.pop.loaded', {
            file: s.name,
            n: nf(s.accepted),
            total: nf(s.total),
            outside: s.outside === null ? '—' : nf(s.outside),
          }),
        ),
      );
      const clear = h('button', { type: 'button', id: 'cov-pop-clear' }, t('plan.cov.pop.clear'));
      clear.addEventListener('click', p.on.populationClear);
      sec.append(clear);
    }
  }
  const youth = h('input', {
    type: 'number',
    id: 'cov-youth',
    min: 0,
    max: 100,
    step: 0.1,
    value: p.youthShare === null ? '' : String(Math.round(p.youthShare * 1000) / 10),
  });
  youth.addEventListener('change', () => {
    const v = youth.value.trim() === '' ? null : Number(youth.value) / 100;
    p.on.youthShare(v !== null && v >= 0 && v <= 1 ? v : null);
  });
  sec.append(
    h('label', { for: 'cov-youth' }, t('plan.cov.pop.youth')),
    youth,
    h('p', { class: 'cov-muted' }, t('plan.cov.pop.youth_note')),
  );
  return sec;
}

function scoresSection(p: CoveragePanelProps, r: AnalyseResult, t: T, nf: (v: number, d?: number) => string) {
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
