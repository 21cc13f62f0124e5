// The layer panel: a toggle, legend swatch and feature count per layer, and the status filter.

import { CATALOG, LAYER_FAMILIES, type LayerEntry, layersOfFamily } from '../catalog';
import { type CategoryId, STATUSES, type Status } from '../lib/feature';
import { type Lang, translate } from '../lib/i18n';
import type { LayerCount } from '../lib/layer_counts';
import { h } from './dom';

export interface LayerPanelProps {
  lang: Lang;
  layers: readonly CategoryId[];
  statuses: readonly Status[];
  /** Per layer: features the status filter shows and hides. */
  counts: Partial<Record<CategoryId, LayerCount>>;
  onLayers(layers: CategoryId[]): void;
  onStatuses(statuses: Status[]): void;
}

/** Render the panel's content (the caller places it in the drawer). */
export function renderLayerPanel(props: LayerPanelProps): HTMLElement {
  const { lang } = props;
  const item = (e: LayerEntry): HTMLElement => {
    const { shown: count, hidden } = props.counts[e.id] ?? { shown: 0, hidden: 0 };
    const id = `layer-${e.id}`;
    const box = h('input', {
      type: 'checkbox',
      id,
      checked: props.layers.includes(e.id),
      'data-layer': e.id,
    });
    box.addEventListener('change', () => {
      const next = CATALOG.map((x) => x.id).filter((x) =>
        x === e.id ? box.checked : props.layers.includes(x),
      );
      props.onLayers(next);
    });
    const swatchStyle =
      e.geometry === 'line' || e.geometry === 'route'
        ? `background:${e.color};height:4px;border-radius:2px`
        : e.id === 'district'
          ? `border:2px dashed ${e.color};background:transparent`
          : `background:${e.color}`;
    const note = e.derived
      ? translate(lang, 'layers.derived')
      : e.id === 'district' || count > 0
        ? translate(lang, 'layers.count', { n: count })
        : hidden > 0
          ? translate(lang, 'layers.count.filtered', { n: hidden })
          : translate(lang, 'layers.none');
    return h(
      'li',
      {},
      box,
      h(
        'label',
        { for: id, title: lang === 'zh' ? e.blurb_zh : e.blurb_en },
        h('span', { class: 'swatch', style: swatchStyle, 'aria-hidden': 'true' }, e.glyph),
        h('span', { class: 'layer-name' }, lang === 'zh' ? e.name_zh : e.name_en),
        h('span', { class: 'layer-count' }, note),
      ),
    );
  };
  // Everyday facilities and the plan's designations are told apart here, as in the list and on the card.
  const groups = LAYER_FAMILIES.map((family) => {
    const headingId = `layer-group-${family}`;
    const note = family === 'reference' ? null : translate(lang, `layers.group.${family}.note`);
    return h(
      'section',
      { class: 'layer-group', 'data-family': family, 'aria-labelledby': headingId },
      h('h3', { id: headingId }, translate(lang, `layers.group.${family}`)),
      note ? h('p', { class: 'layer-group-note' }, note) : null,
      h('ul', { class: 'layer-list' }, ...layersOfFamily(family).map(item)),
    );
  });
  const statusBoxes = STATUSES.map((s) => {
    const box = h('input', {
      type: 'checkbox',
      id: `status-${s}`,
      checked: props.statuses.includes(s),
      'data-status': s,
    });
    box.addEventListener('change', () => {
      props.onStatuses(STATUSES.filter((x) => (x === s ? box.checked : props.statuses.includes(x))));
    });
    return h('li', {}, box, h('label', { for: `status-${s}` }, translate(lang, `status.${s}`)));
  });
  return h(
    'div',
    { class: 'layer-panel' },
    h('h2', {}, translate(lang, 'panel.layers')),
    ...groups,
    h(
      'fieldset',
      { class: 'status-filter' },
      h('legend', {}, translate(lang, 'filter.status')),
      h('ul', {}, ...statusBoxes),
    ),
  );
}
