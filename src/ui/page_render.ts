// One render of the page for the current state: language and title, the frame, the open panel (keeping
// focus, fold-outs and scroll) and the selected place's card.

import type { MapFeature } from '../lib/feature';
import { type Lang, type MessageKey, translate } from '../lib/i18n';
import type { Store } from '../lib/store';
import type { ViewState } from '../lib/url_state';
import type { AboutDialog } from './about_dialog';
import type { Device } from './device';
import { renderFeatureCard } from './feature_card';
import { type Layout, PANEL_LABEL } from './layout';
import { type PanelSources, panelContent } from './panel_content';
import { focusKey, PanelMemory } from './panel_memory';
import type { MountedSearch } from './search_mount';

export interface PageRenderDeps {
  store: Store<ViewState>;
  layout: Layout;
  device: Device;
  about: AboutDialog;
  /** The search box, once loaded. */
  search(): MountedSearch | null;
  /** What the panels are built from. */
  panels: PanelSources;
}

/** Makes the page's render function: call it after any change that the panels or card show. */
export function createPageRender(d: PageRenderDeps): () => void {
  const { store, layout } = d;
  const { sidePanel, cardSlot } = layout;
  /** Open fold-outs and scroll position per tab survive re-renders (src/ui/panel_memory.ts). */
  const panelMemory = new PanelMemory();
  let shownPanel: string | null = null;
  let shownTitleLang: Lang | null = null;
  const t = (key: MessageKey) => translate(store.get().lang, key);

  const renderCard = (): void => {
    const s = store.get();
    const f: MapFeature | undefined = s.selected ? d.panels.place(s.selected) : undefined;
    cardSlot.replaceChildren();
    if (!f) return;
    const card = renderFeatureCard(f, s.lang, () => {
      store.set({ selected: null });
      // Return focus to the list entry of the closed feature, so keyboard users keep their place.
      (
        sidePanel.querySelector(`[data-feature-id="${CSS.escape(f.properties.id)}"]`) as HTMLElement | null
      )?.focus();
    });
    cardSlot.append(card);
  };

  return () => {
    const s = store.get();
    document.documentElement.lang = s.lang === 'zh' ? 'zh-CN' : 'en';
    // Only on a language change: a printed report names the page (for "Save as PDF") meanwhile.
    if (shownTitleLang !== s.lang) {
      document.title = t('app.title');
      shownTitleLang = s.lang;
    }
    layout.render(s.lang, s.panel, t);
    d.device.setLang(s.lang);
    d.search()?.setLang(s.lang);
    d.about.refresh();
    // Re-render the panel, keeping keyboard focus on the control that had it.
    const focused = focusKey(document.activeElement);
    panelMemory.save(shownPanel, sidePanel);
    const content = panelContent(s, d.panels);
    sidePanel.hidden = content === null;
    sidePanel.replaceChildren(...(content ? [content] : []));
    shownPanel = content ? s.panel : null;
    panelMemory.restore(shownPanel, sidePanel);
    sidePanel.setAttribute('aria-label', s.panel ? t(PANEL_LABEL[s.panel]) : '');
    if (focused) document.querySelector<HTMLElement>(focused)?.focus();
    renderCard();
  };
}
