// The import section of the layer panel: file chooser, CRS choice, progress and every message of the last import.

import { CRS_IDS, type Crs } from '../lib/crs';
import { type Lang, type MessageKey, translate } from '../lib/i18n';
import { ENCODING_CHOICES, type EncodingChoice } from '../lib/import/decode';
import type { ImportProgress, ImportResult } from '../lib/import/import_file';
import { formatIssue } from '../lib/validate';
import { h } from './dom';

export interface ImportPanelProps {
  lang: Lang;
  crs: Crs;
  encoding: EncodingChoice;
  progress: ImportProgress | null;
  result: ImportResult | null;
  onCrs(crs: Crs): void;
  onEncoding(encoding: EncodingChoice): void;
  onFile(file: File): void;
  /** Stops the running import (its worker is terminated); what is loaded stays. */
  onCancel(): void;
}

const ENCODING_NAME: Record<string, string> = {
  'utf-8': 'UTF-8',
  'utf-8-bom': 'UTF-8 (BOM)',
  'utf-16le': 'UTF-16LE',
  'utf-16be': 'UTF-16BE',
  gbk: 'GBK',
};

/** The progress line: inside validation it names the record and the share of all work done. */
function progressText(
  p: ImportProgress,
  t: (k: MessageKey, params?: Record<string, string | number>) => string,
) {
  if (p.phase === 'validate' && p.record !== undefined) {
    const pct = p.total > 0 ? Math.floor((100 * p.done) / p.total) : 0;
    return t('import.phase.validate', { record: p.record, records: p.records ?? p.record, pct });
  }
  return t(`import.phase.${p.phase}` as MessageKey);
}

/** Render the section. Messages are built with formatIssue (text only), never as HTML. */
export function renderImportPanel(p: ImportPanelProps): HTMLElement {
  const t = (k: MessageKey, params?: Record<string, string | number>) => translate(p.lang, k, params);
  const input = h('input', {
    type: 'file',
    id: 'import-file',
    accept: '.csv,.txt,.geojson,.json,text/csv,application/geo+json',
  });
  input.addEventListener('change', () => {
    const file = input.files?.[0];
    if (file) p.onFile(file);
  });
  const crs = h(
    'select',
    { id: 'import-crs' },
    ...CRS_IDS.map((id) =>
      h('option', { value: id, selected: id === p.crs }, t(`import.ui.crs.${id}` as MessageKey)),
    ),
  );
  crs.addEventListener('change', () => p.onCrs(crs.value as Crs));
  const encoding = h(
    'select',
    { id: 'import-encoding' },
    ...ENCODING_CHOICES.map((id) =>
      h('option', { value: id, selected: id === p.encoding }, t(`import.ui.encoding.${id}` as MessageKey)),
    ),
  );
  encoding.addEventListener('change', () => p.onEncoding(encoding.value as EncodingChoice));
  const status = h('div', { class: 'import-status', role: 'status', 'aria-live': 'polite' });
  if (p.progress && p.progress.phase !== 'done') {
    const cancel = h(
      'button',
      { type: 'button', id: 'import-cancel', class: 'import-cancel' },
      t('import.ui.cancel'),
    );
    cancel.addEventListener('click', () => p.onCancel());
    status.append(
      h('span', { class: 'import-phase' }, progressText(p.progress, t)),
      h('progress', { max: Math.max(1, p.progress.total), value: p.progress.done }),
      cancel,
    );
  } else if (p.result) {
    const s = p.result.stats;
    status.append(
      h(
        'p',
        {},
        t('import.ui.result', {
          file: s.file,
          records: s.records,
          accepted: s.accepted,
          rejected: s.rejected,
        }),
      ),
    );
    if (s.encoding) {
      status.append(
        h(
          'p',
          { class: 'import-encoding' },
          t('import.ui.encoding_used', { value: ENCODING_NAME[s.encoding] ?? s.encoding }),
        ),
      );
    }
    if (s.accepted === 0) status.append(h('p', { class: 'import-kept' }, t('import.ui.kept')));
    if (p.result.issues.length) {
      status.append(
        h(
          'ul',
          { class: 'import-issues' },
          ...p.result.issues.map((i) => h('li', { class: `issue-${i.severity}` }, formatIssue(i, p.lang))),
        ),
      );
    }
  }
  return h(
    'section',
    { class: 'import-panel', 'aria-labelledby': 'import-title' },
    h('h3', { id: 'import-title' }, t('import.ui.title')),
    h('p', { class: 'import-hint' }, t('import.ui.hint')),
    h('label', { for: 'import-crs' }, t('import.ui.crs')),
    crs,
    h('label', { for: 'import-encoding' }, t('import.ui.encoding')),
    encoding,
    h('label', { for: 'import-file', class: 'import-file-label' }, t('import.ui.file')),
    input,
    status,
  );
}
