// What a re-rendered side panel keeps: which fold-out lists are open, and each tab's own scroll position.

/** A fold-out list's key: its id, else its class, numbered among those sharing it (stable across renders). */
function keys(root: Element): Map<string, HTMLDetailsElement> {
  const out = new Map<string, HTMLDetailsElement>();
  const seen = new Map<string, number>();
  for (const d of root.querySelectorAll('details')) {
    const base = d.id ? `#${d.id}` : `.${d.className}`;
    const n = seen.get(base) ?? 0;
    seen.set(base, n + 1);
    out.set(`${base}:${n}`, d);
  }
  return out;
}

/**
 * Remembers, per panel tab, the open fold-outs and the scroll position. Call `save` before the panel's
 * content is replaced and `restore` after: a re-render of the same tab then changes nothing a person
 * sees, and switching tabs shows each tab where it was left (a tab never opened starts at the top).
 */
export class PanelMemory {
  private readonly open = new Map<string, Set<string>>();
  private readonly scroll = new Map<string, number>();

  /** Record the state of tab `panel` as shown in `container` (null: no tab was shown). */
  save(panel: string | null, container: HTMLElement): void {
    if (panel === null) return;
    const open = new Set<string>();
    for (const [key, d] of keys(container)) if (d.open) open.add(key);
    this.open.set(panel, open);
    this.scroll.set(panel, container.scrollTop);
  }

  /** Apply what was recorded for tab `panel` to its freshly rendered content in `container`. */
  restore(panel: string | null, container: HTMLElement): void {
    if (panel === null) return;
    const open = this.open.get(panel);
    if (open) for (const [key, d] of keys(container)) if (open.has(key)) d.open = true;
    container.scrollTop = this.scroll.get(panel) ?? 0;
  }
}

/**
 * A selector that finds the same control after a re-render: its id, else its first class and the feature
 * it stands for (`data-feature-id`, e.g. a nearby result), else null.
 */
export function focusKey(el: Element | null): string | null {
  if (!el || el === document.body) return null;
  if (el.id) return `#${CSS.escape(el.id)}`;
  const feature = el.getAttribute('data-feature-id');
  const cls = el.classList[0];
  return feature && cls ? `.${CSS.escape(cls)}[data-feature-id="${CSS.escape(feature)}"]` : null;
}
