// The accessible list of shown features: mirrors the map, and replaces it when WebGL is missing.

import { CATALOG } from '../catalog';
import type { CategoryId, MapFeature, Status } from '../lib/feature';
import { type Lang, translate } from '../lib/i18n';
import { h } from './dom';
import { featureName, featureSummary } from './format';

export interface ListProps {
  lang: Lang;
  features: readonly MapFeature[];
  layers: readonly CategoryId[];
  statuses: readonly Status[];
  selected: string | null;
  onSelect(id: string): void;
}

/** Features that the current layer and status filters show. */
export function shownFeatures(p: Pick<ListProps, 'features' | 'layers' | 'statuses'>): MapFeature[] {
  return p.features.filter(
    (f) => p.layers.includes(f.properties.category) && p.statuses.includes(f.properties.status),
  );
}

/** Render the list grouped by layer, in catalog order. */
export function renderList(p: ListProps): HTMLElement {
  const shown = shownFeatures(p);
  const root = h('div', { class: 'feature-list' });
  if (shown.length === 0) {
    root.append(h('p', { class: 'empty' }, translate(p.lang, 'list.empty')));
    return root;
  }
  for (const e of CATALOG) {
    const group = shown.filter((f) => f.properties.category === e.id);
    if (group.length === 0) continue;
    group.sort((a, b) =>
      featureName(a.properties, p.lang).localeCompare(featureName(b.properties, p.lang), p.lang),
    );
    const items = group.map((f) => {
      const button = h(
        'button',
        {
          type: 'button',
          class: 'list-item',
          'data-feature-id': f.properties.id,
          'aria-current': f.properties.id === p.selected ? 'true' : null,
        },
        h('span', { class: 'swatch', style: `background:${e.color}`, 'aria-hidden': 'true' }, e.glyph),
        h('span', { class: 'list-name' }, featureName(f.properties, p.lang)),
        h('span', { class: 'list-meta' }, featureSummary(f.properties, p.lang)),
      );
      button.addEventListener('click', () => p.onSelect(f.properties.id));
      return h('li', {}, button);
    });
    root.append(h('h3', {}, p.lang === 'zh' ? e.name_zh : e.name_en), h('ul', {}, ...items));
  }
  return root;
}
