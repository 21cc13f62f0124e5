// Which walking times a coverage result rests on — street network, estimate, or a mix with its shares — in words.

import { type Lang, type MessageKey, translate } from '../i18n';
import type { WalkMethod } from '../walk/engine';

/** The basis of a whole result: every cell on the network, every cell estimated, or both. */
export type CoverageBasis = 'network' | 'estimate' | 'mixed';

export interface MethodSummary {
  basis: CoverageBasis;
  cells: number;
  /** Cells timed by the straight-line estimate. */
  estimated: number;
  /** Share (0–1) of cells timed on the street network. */
  networkShare: number;
}

/** What a summary is made from: the engine's method and the per-district cell counts of a result. */
export interface MethodSource {
  method: WalkMethod;
  table: { cells: ArrayLike<number>; estimated: ArrayLike<number> };
}

const sum = (a: ArrayLike<number>) => {
  let s = 0;
  for (let i = 0; i < a.length; i++) s += a[i] as number;
  return s;
};

/** Summarises how a result's cells were timed (an engine without a graph times every cell by estimate). */
export function methodSummary(r: MethodSource): MethodSummary {
  const cells = sum(r.table.cells);
  const estimated = r.method === 'estimate' ? cells : Math.min(cells, sum(r.table.estimated));
  const basis: CoverageBasis =
    r.method === 'estimate' || (cells > 0 && estimated === cells)
      ? 'estimate'
      : estimated > 0
        ? 'mixed'
        : 'network';
  return { basis, cells, estimated, networkShare: cells > 0 ? (cells - estimated) / cells : 0 };
}

function pct(lang: Lang, share: number): string {
  return `${(share * 100).toLocaleString(lang === 'zh' ? 'zh-CN' : 'en', {
    maximumFractionDigits: 1,
    minimumFractionDigits: share > 0 && share < 1 ? 1 : 0,
  })}%`;
}

/**
 * The sentence for the panel, the report and the map picture: the basis, the speed, and for a mix the
 * shares of cells on the network and on the estimate.
 * @param speedMPerMin walking speed, metres per minute
 * @param detourFactor the estimate's factor (straight line × factor)
 */
export function methodLine(lang: Lang, s: MethodSummary, speedMPerMin: number, detourFactor: number): string {
  const t = (k: MessageKey, p: Record<string, string | number>) => translate(lang, k, p);
  if (s.basis === 'estimate')
    return t('plan.cov.method.estimate', { factor: detourFactor, speed: speedMPerMin });
  if (s.basis === 'network') return t('plan.cov.method.network_all', { speed: speedMPerMin });
  return t('plan.cov.method.network', {
    speed: speedMPerMin,
    net: pct(lang, s.networkShare),
    est: pct(lang, 1 - s.networkShare),
    n: s.estimated.toLocaleString(lang === 'zh' ? 'zh-CN' : 'en'),
    factor: detourFactor,
  });
}

/** The legend's short basis label: "by network walking time", "estimated", or the mix with shares. */
export function legendBasis(lang: Lang, s: MethodSummary): string {
  if (s.basis === 'estimate') return translate(lang, 'plan.cov.legend.basis.estimate');
  if (s.basis === 'network') return translate(lang, 'plan.cov.legend.basis.network');
  return translate(lang, 'plan.cov.legend.basis.mixed', {
    net: pct(lang, s.networkShare),
    est: pct(lang, 1 - s.networkShare),
  });
}

/** The method column of CSV exports and the GeoJSON metadata: basis, shares, speed, factor. */
export function exportMethodNote(
  lang: Lang,
  s: MethodSummary,
  speedMPerMin: number,
  detourFactor: number,
): string {
  const t = (k: MessageKey, p: Record<string, string | number>) => translate(lang, k, p);
  if (s.basis === 'estimate')
    return t('plan.cov.csv.method_estimate', { factor: detourFactor, speed: speedMPerMin });
  if (s.basis === 'network') return t('plan.cov.csv.method_network', { speed: speedMPerMin });
  return t('plan.cov.csv.method_mixed', {
    speed: speedMPerMin,
    factor: detourFactor,
    net: pct(lang, s.networkShare),
    est: pct(lang, 1 - s.networkShare),
  });
}
