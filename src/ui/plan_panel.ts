// The plan-targets panel: each map-related promise of the 2024 work points against what is mapped.

import { layerOf } from '../catalog';
import type { CategoryId, MapFeature } from '../lib/feature';
import { type Lang, translate } from '../lib/i18n';
import type { TargetProgress } from '../lib/plan_targets';
import { h } from './dom';

export interface PlanPanelProps {
  lang: Lang;
  progress: readonly TargetProgress[];
  /** Show a target's layer on the map (and open the list of its features). */
  onShowLayer(category: CategoryId): void;
  /** Open the coverage tool (the 覆盖 tab) for a computed target such as the 15-minute fitness circle. */
  onOpenCoverage(): void;
  /** The target to mark (opened from search), or null. */
  focus?: string | null;
  /** The mapped place behind a named target (by feature id), to name it on its button. */
  place?(id: string): MapFeature | undefined;
  /** Select a mapped place of a named target and show it on the map. */
  onShowPlace?(id: string): void;
}

const pct = (share: number) => `${Math.round(Math.min(share, 9.99) * 100)}%`;

/** Render the panel. Quotes stay in Chinese (they are the source's words) in both languages. */
export function renderPlanPanel(p: PlanPanelProps): HTMLElement {
  const t = (k: Parameters<typeof translate>[1], params?: Record<string, string | number>) =>
    translate(p.lang, k, params);
  const items = p.progress.map((row) => {
    const target = row.target;
    const mapped = row.mapped.existing + row.mapped.under_construction + row.mapped.planned;
    const layer = target.category ? layerOf(target.category) : null;
    const figure =
      target.measure === 'coverage'
        ? t('plan.coverage')
        : target.target === null
          ? t('plan.no_number', { mapped })
          : t(target.measure === 'units' ? 'plan.units' : 'plan.count', { mapped, target: target.target });
    const bar =
      row.share !== null
        ? h(
            'div',
            {
              class: 'plan-bar',
              role: 'img',
              'aria-label': t('plan.bar', {
                existing: row.mapped.existing,
                building: row.mapped.under_construction,
                planned: row.mapped.planned,
                share: pct(row.share),
              }),
            },
            ...(['existing', 'under_construction', 'planned'] as const).map((st) =>
              h('span', {
                class: `plan-bar-${st}`,
                style: `width:${Math.min(100, (row.mapped[st] / (target.target ?? 1)) * 100)}%;background:${layer?.color ?? '#6b7280'}`,
              }),
            ),
          )
        : null;
    const show =
      layer && mapped > 0
        ? h('button', { type: 'button', class: 'plan-show', 'data-category': layer.id }, t('plan.show'))
        : null;
    show?.addEventListener('click', () => p.onShowLayer(layer!.id));
    const analyse =
      target.measure === 'coverage'
        ? h('button', { type: 'button', class: 'plan-show plan-analyse' }, t('plan.open_coverage'))
        : null;
    analyse?.addEventListener('click', () => p.onOpenCoverage());
    // A named target (中山桥) points at its own places: each mapped one can be opened on the map.
    const places =
      target.measure === 'named' && p.onShowPlace
        ? row.featureIds.map((id) => {
            const f = p.place?.(id);
            const name = f
              ? p.lang === 'zh'
                ? f.properties.name_zh
                : f.properties.name_en || f.properties.name_zh
              : id;
            const b = h(
              'button',
              { type: 'button', class: 'plan-place', 'data-feature-id': id },
              t('plan.show_place', { name }),
            );
            b.addEventListener('click', () => p.onShowPlace?.(id));
            return b;
          })
        : [];
    const focused = p.focus === target.id;
    const ownNote = p.lang === 'zh' ? target.note_zh : target.note_en;
    return h(
      'li',
      {
        class: focused ? 'plan-target plan-target-focus' : 'plan-target',
        'data-target-id': target.id,
        // Focusable only from script: search moves focus here so a screen reader reads the target.
        tabindex: focused ? -1 : null,
        'aria-current': focused ? 'true' : null,
      },
      h(
        'div',
        { class: 'plan-head' },
        layer
          ? h(
              'span',
              { class: 'swatch', style: `background:${layer.color}`, 'aria-hidden': 'true' },
              layer.glyph,
            )
          : null,
        h('h3', {}, p.lang === 'zh' ? target.summary_zh : target.summary_en),
      ),
      h('p', { class: 'plan-figure' }, figure, row.share !== null ? ` · ${pct(row.share)}` : ''),
      bar,
      h('blockquote', { lang: 'zh-CN' }, `“${target.quote_zh}”`),
      ownNote ? h('p', { class: 'plan-note' }, ownNote) : null,
      // A target's own note already says what is missing; the generic line would repeat it.
      layer || ownNote ? null : h('p', { class: 'plan-note' }, t('plan.no_layer')),
      show,
      analyse,
      ...places,
    );
  });
  return h(
    'div',
    { class: 'plan-panel' },
    h('h2', {}, t('plan.title')),
    h('p', { class: 'plan-source' }, t('plan.source')),
    h('ul', {}, ...items),
  );
}
