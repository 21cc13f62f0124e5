// The printable A4 planner report: a print-only sheet built from the report model and the map picture.

import type { CoverageReport, ReportTable } from '../lib/coverage/report';
import { h } from './dom';

function table(t: ReportTable, id: string): HTMLElement {
  const section = h('section', { class: 'cov-report-block', id });
  section.append(h('h2', {}, t.caption));
  if (t.rows.length === 0) {
    section.append(h('p', {}, t.empty ?? ''));
    return section;
  }
  const withBars = t.rows.some((r) => r.bar);
  const el = h(
    'table',
    { class: 'cov-report-table' },
    h(
      'thead',
      {},
      h(
        'tr',
        {},
        ...t.head.map((c) => h('th', { scope: 'col' }, c)),
        withBars ? h('th', { scope: 'col', 'aria-hidden': 'true' }) : null,
      ),
    ),
  );
  const body = h('tbody', {});
  for (const r of t.rows) {
    body.append(
      h(
        'tr',
        { class: r.total ? 'cov-report-total' : '' },
        ...r.cells.map((c, i) => (i === 0 ? h('th', { scope: 'row' }, c) : h('td', {}, c))),
        withBars
          ? h(
              'td',
              { class: 'cov-report-bar', 'aria-hidden': 'true' },
              r.bar
                ? h('span', {
                    style: `width:${Math.min(100, Math.max(0, r.bar.share * 100)).toFixed(1)}%;background:${r.bar.hex}`,
                  })
                : null,
            )
          : null,
      ),
    );
  }
  el.append(body);
  section.append(el);
  return section;
}

/**
 * The sheet's content: title, date and link, the map picture (if any), key figures, settings, the
 * district and category tables, the largest gaps, apartments, plan targets, notes and sources.
 * @param mapImage a PNG data or blob URL of the map picture, or null
 */
export function renderPlannerReport(r: CoverageReport, mapImage: string | null): HTMLElement[] {
  const head = h(
    'header',
    { class: 'cov-report-head' },
    h('h1', {}, r.title),
    h('p', {}, r.generated),
    r.link ? h('p', { class: 'cov-report-link' }, r.link) : null,
  );
  const picture = mapImage
    ? h('img', { class: 'cov-report-map', src: mapImage, alt: r.mapAlt })
    : h('p', { class: 'cov-report-nomap' }, r.mapTitle);
  const findings = h(
    'section',
    { class: 'cov-report-block', id: 'cov-report-findings' },
    h('h2', {}, r.headings.findings),
    h('ul', {}, ...r.findings.map((f) => h('li', {}, f))),
  );
  const settings = h(
    'section',
    { class: 'cov-report-block' },
    h('h2', {}, r.headings.settings),
    h(
      'dl',
      { class: 'cov-report-settings' },
      ...r.settings.flatMap(([k, v]) => [h('dt', {}, k), h('dd', {}, v)]),
    ),
  );
  const notes = h(
    'section',
    { class: 'cov-report-block cov-report-notes' },
    h('h2', {}, r.headings.notes),
    h('ul', {}, ...r.notes.map((n) => h('li', {}, n))),
  );
  return [
    head,
    picture,
    findings,
    settings,
    table(r.districts, 'cov-report-districts'),
    table(r.categories, 'cov-report-categories'),
    table(r.clusters, 'cov-report-clusters'),
    table(r.scores, 'cov-report-scores'),
    table(r.targets, 'cov-report-targets'),
    notes,
  ];
}
