// Display formatting shared by the card, list and panels (district names, accuracy, status).

import { layerName } from '../catalog';
import { districtName, type FeatureProps } from '../lib/feature';
import type { Lang } from '../lib/i18n';
import { translate } from '../lib/i18n';
import { facilityTypeName } from '../lib/osm_rules';

/** Name in the chosen language, falling back to the other. */
export function featureName(p: FeatureProps, lang: Lang): string {
  return (lang === 'zh' ? p.name_zh || p.name_en : p.name_en || p.name_zh) ?? p.id;
}

/** The facility type when known ("篮球场"), else the layer's name ("运动健身"). */
export function featureKind(p: FeatureProps, lang: Lang): string {
  return facilityTypeName(p.facility_type, lang) ?? layerName(p.category, lang);
}

/** One line: "Type or category · District · Status" (no district for a facility outside every district). */
export function featureSummary(p: FeatureProps, lang: Lang): string {
  return [
    featureKind(p, lang),
    p.district ? districtName(p.district, lang) : null,
    translate(lang, `status.${p.status}`),
  ]
    .filter((x) => x !== null)
    .join(' · ');
}
