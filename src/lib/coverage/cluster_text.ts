// An uncovered area in words: every district it spans with its share, and its centre.

import { districtName } from '../feature';
import type { Lang } from '../i18n';
import type { UncoveredCluster } from './clusters';

/**
 * The districts an area spans, largest share first: "七里河区（58%）、西固区（30%）、安宁区（12%）",
 * "Qilihe (58%), Xigu (30%), Anning (12%)"; one district alone by its name.
 */
export function clusterDistricts(c: Pick<UncoveredCluster, 'districts'>, lang: Lang): string {
  if (c.districts.length === 1) return districtName(c.districts[0]?.adcode ?? '', lang);
  const pct = (share: number) => (share < 0.005 ? '<1%' : `${Math.round(share * 100)}%`);
  return c.districts
    .map((d) =>
      lang === 'zh'
        ? `${districtName(d.adcode, lang)}（${pct(d.share)}）`
        : `${districtName(d.adcode, lang)} (${pct(d.share)})`,
    )
    .join(lang === 'zh' ? '、' : ', ');
}

/** The area's centre as "lon, lat" with 4 decimals (≈10 m): tells apart areas of the same size. */
export function clusterCentre(c: Pick<UncoveredCluster, 'centre'>): string {
  return `${c.centre[0].toFixed(4)}, ${c.centre[1].toFixed(4)}`;
}
