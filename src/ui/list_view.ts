// The accessible list of shown features: mirrors the map, and replaces it when WebGL is missing.

import type { LayerEntry } from '../catalog';
import { LAYER_FAMILIES, layersOfFamily } from '../catalog';
import { sourceText } from '../lib/attribution';
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

/**
 * Rows listed per layer at most: a city's OSM data has thousands of pitches, and a list of thousands of
 * buttons is neither readable nor fast; the rest is counted and reachable through search and the map.
 */
export const LIST_CAP_PER_LAYER = 200;

/** Render the list grouped by kind of layer (everyday, plan designations), then by layer in catalog order. */
export function renderList(p: ListProps): HTMLElement {
  const shown = shownFeatures(p);
  const root = h('div', { class: 'feature-list' });
  if (shown.length === 0) {
    root.append(h('p', { class: 'empty' }, translate(p.lang, 'list.empty')));
    return root;
  }
  const byCategory = new Map<CategoryId, MapFeature[]>();
  for (const f of shown) {
    const list = byCategory.get(f.properties.category);
    if (list) list.push(f);
    else byCategory.set(f.properties.category, [f]);
  }
  for (const family of LAYER_FAMILIES) {
    const entries = layersOfFamily(family).filter((e) => byCategory.has(e.id));
    if (entries.length === 0) continue;
    root.append(h('h3', { class: 'list-family' }, translate(p.lang, `layers.group.${family}`)));
    for (const e of entries) appendLayer(root, e, byCategory.get(e.id) ?? [], p);
  }
  return root;
}

function appendLayer(root: HTMLElement, e: LayerEntry, group: MapFeature[], p: ListProps): void {
  group.sort((a, b) =>
    featureName(a.properties, p.lang).localeCompare(featureName(b.properties, p.lang), p.lang),
  );
  // The selected place is always listed, even past the cap.
  const listed = group.slice(0, LIST_CAP_PER_LAYER);
  const selected = group.find((f) => f.properties.id === p.selected);
  if (selected && !listed.includes(selected)) listed.push(selected);
  const items = listed.map((f) => {
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
      h('span', { class: 'list-source' }, sourceText(f.properties.source, p.lang)),
    );
    button.addEventListener('click', () => p.onSelect(f.properties.id));
    return h('li', {}, button);
  });
  root.append(h('h4', {}, p.lang === 'zh' ? e.name_zh : e.name_en), h('ul', {}, ...items));
  const more = group.length - listed.length;
  if (more > 0) root.append(h('p', { class: 'list-more' }, translate(p.lang, 'list.more', { n: more })));
}
