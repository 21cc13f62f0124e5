// The side card (bottom sheet on phones) describing one feature, built from DOM nodes and textContent only.

import { layerOf } from '../catalog';
import { sourceText } from '../lib/attribution';
import type { MapFeature } from '../lib/feature';
import { districtName } from '../lib/feature';
import { type Lang, translate } from '../lib/i18n';
import { facilityTypeName } from '../lib/osm_rules';
import { isSafeUrl } from '../lib/validate';
import { h } from './dom';
import { featureName } from './format';

/** Build the card for `feature`. `onClose` is called by the close button and Escape. */
export function renderFeatureCard(feature: MapFeature, lang: Lang, onClose: () => void): HTMLElement {
  const p = feature.properties;
  const t = (k: Parameters<typeof translate>[1], params?: Record<string, string | number>) =>
    translate(lang, k, params);
  const entry = layerOf(p.category);
  const rows: [string, string | Node][] = [
    [t('card.family'), t(`card.family.${entry.family}`)],
    [t('card.category'), lang === 'zh' ? entry.name_zh : entry.name_en],
  ];
  const type = facilityTypeName(p.facility_type, lang);
  if (type) rows.push([t('card.facility_type'), type]);
  rows.push([t('card.status'), t(`status.${p.status}`)]);
  if (p.district) rows.push([t('card.district'), districtName(p.district, lang)]);
  if (p.address_zh) rows.push([t('card.address'), h('span', { lang: 'zh-CN' }, p.address_zh)]);
  rows.push([t('card.hours'), p.opening_hours ?? t('card.hours.unknown')]);
  if (p.units !== undefined)
    rows.push([
      t('card.units'),
      t('card.units.value', { n: p.units.toLocaleString(lang === 'zh' ? 'zh-CN' : 'en') }),
    ]);
  if (p.length_m !== undefined)
    rows.push([t('card.length'), t('card.length.value', { km: (p.length_m / 1000).toFixed(1) })]);
  // Imported places may not say how precise they are (NaN): say "unknown", never "about NaN m".
  rows.push([
    t('card.accuracy'),
    Number.isFinite(p.accuracy_m)
      ? t('card.accuracy.value', { m: Math.round(p.accuracy_m) })
      : t('card.hours.unknown'),
  ]);

  const source = h('span', {}, sourceText(p.source, lang));
  if (p.source.url && isSafeUrl(p.source.url)) {
    source.append(
      ' ',
      h(
        'a',
        { href: p.source.url, target: '_blank', rel: 'noopener noreferrer nofollow' },
        t('card.open_link'),
      ),
    );
  }
  rows.push([t('card.source'), source]);

  const description =
    lang === 'zh' ? (p.description_zh ?? p.description_en) : (p.description_en ?? p.description_zh);
  const close = h('button', { type: 'button', class: 'card-close', 'aria-label': t('panel.close') }, '×');
  close.addEventListener('click', onClose);
  const card = h(
    'section',
    { class: 'feature-card', 'aria-labelledby': 'card-title', tabindex: -1, 'data-feature-id': p.id },
    h(
      'header',
      {},
      h('span', { class: 'swatch', style: `background:${entry.color}`, 'aria-hidden': 'true' }, entry.glyph),
      h('h2', { id: 'card-title' }, featureName(p, lang)),
      close,
    ),
    description ? h('p', { class: 'card-description' }, description) : null,
    h('dl', {}, ...rows.flatMap(([k, v]) => [h('dt', {}, k), h('dd', {}, v)])),
  );
  card.addEventListener('keydown', (e) => {
    if (e.key === 'Escape') onClose();
  });
  return card;
}
