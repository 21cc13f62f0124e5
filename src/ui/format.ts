// Display formatting shared by the card, list and panels (district names, accuracy, status).

import { layerName } from '../catalog';
import { districtName, type FeatureProps } from '../lib/feature';
import type { Lang } from '../lib/i18n';
import { translate } from '../lib/i18n';

/** Name in the chosen language, falling back to the other. */
export function featureName(p: FeatureProps, lang: Lang): string {
  return (lang === 'zh' ? p.name_zh || p.name_en : p.name_en || p.name_zh) ?? p.id;
}

/** One line: "Category · District · Status". */
export function featureSummary(p: FeatureProps, lang: Lang): string {
  return [
    layerName(p.category, lang),
    districtName(p.district, lang),
    translate(lang, `status.${p.status}`),
  ].join(' · ');
}
