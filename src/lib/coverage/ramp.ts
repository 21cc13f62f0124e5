// The coverage colour ramp, band classes and legend labels (tiny: the main bundle uses it for legends).

import { type Lang, type MessageKey, translate } from '../i18n';

/** Classes in ramp order: the bands (e.g. 0–5, 5–10, 10–15 min), slower than the last band, unreachable. */
export const RAMP = [
  { hex: '#0868ac', rgb: [8, 104, 172] },
  { hex: '#43a2ca', rgb: [67, 162, 202] },
  { hex: '#a8ddb5', rgb: [168, 221, 181] },
  { hex: '#fdae61', rgb: [253, 174, 97] },
  { hex: '#78716c', rgb: [120, 113, 108] },
] as const;

/** Fill opacity of coverage cells (0–255): the basemap's streets stay readable underneath. */
export const RAMP_ALPHA = 150;

/**
 * Class of a cell for cumulative bands (e.g. [5, 10, 15]): the index of the first band the time fits
 * in; bands.length when a facility is reachable but slower than the last band; bands.length + 1 when
 * none can be walked to (or none exists).
 */
export function bandClass(minutes: number, reach: number, bands: readonly number[]): number {
  for (let b = 0; b < bands.length; b++) if (minutes <= (bands[b] as number)) return b;
  return reach === 1 ? bands.length : bands.length + 1;
}

/**
 * Legend labels for the ramp classes in `lang`: each band, slower than the last, unreachable.
 * @param bands cumulative bands, minutes
 */
export function legendItems(lang: Lang, bands: readonly number[]): { hex: string; label: string }[] {
  const t = (k: MessageKey, p?: Record<string, string | number>) => translate(lang, k, p);
  const last = bands[bands.length - 1] as number;
  const labels = [
    ...bands.map((b, i) =>
      t('plan.cov.legend.band', { from: i === 0 ? 0 : (bands[i - 1] as number), to: b }),
    ),
    t('plan.cov.legend.beyond', { min: last }),
    t('plan.cov.legend.unreachable'),
  ];
  return labels.map((label, i) => ({ hex: RAMP[i]?.hex ?? '#999999', label }));
}
