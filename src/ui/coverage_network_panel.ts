// The coverage panel's street-network lines: tiles loaded, the cap and what it leaves out, failures with a retry.

import type { CoverageNetState } from '../lib/coverage/network_loader';
import { districtName } from '../lib/feature';
import { type Lang, type MessageKey, translate } from '../lib/i18n';
import { endpointHost } from '../lib/walk/online/endpoint';
import { netStatusLines } from '../lib/walk/online/status';
import { h } from './dom';

/**
 * The lines for a network state (null: no online network in use). A failure names its cause with the
 * nearby view's own messages and says the estimate is used where tiles are missing.
 * @param detourFactor the estimate's factor, shown with the fallback line
 */
export function renderNetworkStatus(
  lang: Lang,
  state: CoverageNetState | null,
  detourFactor: number,
  onRetry: () => void,
): HTMLElement | null {
  if (!state) return null;
  const t = (k: MessageKey, p?: Record<string, string | number>) => translate(lang, k, p);
  const nf = (v: number) => v.toLocaleString(lang === 'zh' ? 'zh-CN' : 'en');
  const pct = (v: number) => `${nf(Math.round(v * 100))}%`;
  const { plan } = state;
  const total = plan.tiles.length;
  const box = h('div', { class: 'cov-net', id: 'cov-net', role: 'status', 'aria-live': 'polite' });
  const line = (text: string, cls = '') => box.append(h('p', cls ? { class: cls } : {}, text));
  if (state.phase === 'loading') {
    const text = t('plan.cov.net.loading', {
      done: state.done,
      total,
      host: endpointHost(state.endpoint),
    });
    box.append(
      h('span', {}, text),
      h('progress', { max: Math.max(1, total), value: state.done, 'aria-label': text }),
    );
  } else if (state.phase === 'building') line(t('plan.cov.net.building', { n: state.done }));
  else if (state.network && state.done > 0)
    line(
      t('plan.cov.net.ready', {
        n: state.done,
        cached: state.cached,
        date: state.oldestAt === null ? '—' : new Date(state.oldestAt).toISOString().slice(0, 10),
      }),
    );
  if (plan.leftOut.length > 0 && plan.needed > total) {
    const sep = lang === 'zh' ? '；' : '; ';
    const list = plan.leftOut
      .map((d) =>
        t('plan.cov.net.left', {
          district: districtName(d.adcode, lang),
          share: pct(d.areaShare),
          tiles: d.tilesLeft,
          all: d.tiles,
        }),
      )
      .join(sep);
    line(t('plan.cov.net.cap', { needed: plan.needed, cap: total, list }), 'cov-net-cap');
  }
  if (state.cleared) {
    line(t('plan.cov.net.cleared'), 'cov-net-failed');
    const retry = h('button', { type: 'button', id: 'cov-net-retry' }, t('nearby.net.retry'));
    retry.addEventListener('click', onRetry);
    box.append(retry);
  } else if (state.failure && state.failure.kind !== 'aborted') {
    for (const l of netStatusLines(
      { phase: 'failed', endpoint: state.endpoint, error: state.failure },
      detourFactor,
    ))
      line(t(l.key, l.params), 'cov-net-failed');
    if (state.done > 0 && state.done < total) line(t('plan.cov.net.partial', { got: state.done, total }));
    const retry = h('button', { type: 'button', id: 'cov-net-retry' }, t('nearby.net.retry'));
    retry.addEventListener('click', onRetry);
    box.append(retry);
  }
  return box;
}
