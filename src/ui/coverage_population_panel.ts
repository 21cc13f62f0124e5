// The coverage panel's population section: load a population grid, its summary, and the youth share.

import { formatIssue } from '../lib/validate';
import type { CoveragePanelProps, T } from './coverage_panel_props';
import { h } from './dom';

/** The population section: file input, what was read, and the share of young people to count. */
export function populationSection(p: CoveragePanelProps, t: T, nf: (v: number, d?: number) => string) {
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
