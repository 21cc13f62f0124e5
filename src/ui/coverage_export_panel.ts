// The coverage panel's exports: cells, district table and apartment scores as files, the map picture and the printed report.

import type { AnalyseResult, ExportWhat } from '../lib/coverage/protocol';
import type { MessageKey } from '../lib/i18n';
import { type CoveragePanelProps, panelText } from './coverage_panel_props';
import { h } from './dom';

/**
 * The export section of result `r`: only the files that hold something (no apartment scores without
 * apartments; the H3 indexes only for an H3 grid).
 */
export function exportSection(p: CoveragePanelProps, r: AnalyseResult): HTMLElement {
  const { t } = panelText(p.lang);
  const ex = h('section', { class: 'cov-export', 'aria-labelledby': 'cov-export-h' });
  ex.append(h('h3', { id: 'cov-export-h' }, t('plan.cov.export.title')));
  const files: [ExportWhat, MessageKey][] = [
    ['cells', 'plan.cov.export.cells'],
    ...(p.state.covGrid.kind === 'h3'
      ? [['cell_ids', 'plan.cov.export.cell_ids'] as [ExportWhat, MessageKey]]
      : []),
    ['districts', 'plan.cov.export.districts'],
    ...(r.scores.length > 0 ? [['scores', 'plan.cov.export.scores'] as [ExportWhat, MessageKey]] : []),
  ];
  for (const [what, key] of files) {
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
  return ex;
}
