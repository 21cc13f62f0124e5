// The coverage panel's exports: cells, district table and apartment scores as files, the map picture and the printed report.

import { type CoveragePanelProps, panelText } from './coverage_panel_props';
import { h } from './dom';

/** The export section (shown once there is a result). */
export function exportSection(p: CoveragePanelProps): HTMLElement {
  const { t } = panelText(p.lang);
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
  return ex;
}
