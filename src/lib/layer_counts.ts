// Feature counts per layer as the layer panel shows them: what the status filter lets through, and what it hides.

import type { CategoryId, MapFeature, Status } from './feature';

export interface LayerCount {
  /** Features shown with the current status filter. */
  shown: number;
  /** Features of the layer that the status filter hides. */
  hidden: number;
}

/** Counts per category of `features`, split by whether `statuses` shows them. */
export function layerCounts(
  features: readonly MapFeature[],
  statuses: readonly Status[],
): Partial<Record<CategoryId, LayerCount>> {
  const out: Partial<Record<CategoryId, LayerCount>> = {};
  const shown = new Set(statuses);
  for (const f of features) {
    const c = out[f.properties.category] ?? { shown: 0, hidden: 0 };
    out[f.properties.category] = c;
    if (shown.has(f.properties.status)) c.shown++;
    else c.hidden++;
  }
  return out;
}
