// The page's frame: header (title, search slot, about, language), the panel tabs, side panel, card and map.

import type { Lang, MessageKey } from '../lib/i18n';
import { PANEL_IDS, type PanelId } from '../lib/url_state';
import { h } from './dom';
import { Notice } from './notice';

/** The tab label (and side panel name) of each panel. */
export const PANEL_LABEL: Record<PanelId, MessageKey> = {
  layers: 'panel.layers',
  list: 'list.toggle',
  nearby: 'nearby.tab',
  tour: 'tour.ui.tab',
  coverage: 'plan.cov.tab',
  plan: 'plan.tab',
  edit: 'editor.tab',
};

export interface Layout {
  header: HTMLElement;
  langButton: HTMLButtonElement;
  aboutButton: HTMLButtonElement;
  aboutDialog: HTMLDialogElement;
  /** Filled with the search box once its code (pinyin tables, ~140 KiB gzip) has loaded after the map. */
  searchSlot: HTMLElement;
  tabBar: HTMLElement;
  tabs: HTMLButtonElement[];
  sidePanel: HTMLElement;
  mapEl: HTMLElement;
  cardSlot: HTMLElement;
  main: HTMLElement;
  notice: Notice;
  /** Without WebGL: the map area says so (the list stands in for the map). */
  showNoWebgl(title: string, body: string): void;
  /** Set the frame's words in `lang` and mark the open panel's tab. */
  render(lang: Lang, panel: PanelId | null, t: (key: MessageKey) => string): void;
}

/**
 * Build the frame and append it to `root`. `overMap` are elements drawn over the map (e.g. the live
 * download bar); `onTab` is called with the panel whose tab was pressed.
 */
export function createLayout(
  root: HTMLElement,
  overMap: HTMLElement[],
  onTab: (id: PanelId) => void,
): Layout {
  const titleFull = h('span', { class: 'title-full' });
  const titleShort = h('span', { class: 'title-short', 'aria-hidden': 'true' });
  const langButton = h('button', { type: 'button', class: 'lang-switch', id: 'lang-switch' });
  const aboutButton = h('button', { type: 'button', id: 'about-button', 'aria-haspopup': 'dialog' });
  const aboutDialog = h('dialog', { id: 'about-dialog', 'aria-labelledby': 'about-title' });
  const tabs = PANEL_IDS.map((id) => {
    const b = h('button', {
      type: 'button',
      class: 'tab',
      id: `toggle-${id}`,
      'aria-controls': 'side-panel',
    });
    b.addEventListener('click', () => onTab(id));
    return b;
  });
  const searchSlot = h('div', { class: 'search-slot' });
  const header = h(
    'header',
    { class: 'app-header' },
    h('h1', { class: 'app-title' }, titleFull, titleShort),
    searchSlot,
    h('div', { class: 'header-controls' }, aboutButton, langButton),
  );
  const tabBar = h('nav', { class: 'tab-bar' }, ...tabs);
  const sidePanel = h('aside', { id: 'side-panel', class: 'panel' });
  const mapEl = h('div', { id: 'map', class: 'map', role: 'region' });
  const cardSlot = h('div', { class: 'card-slot' });
  const notice = new Notice();
  // The panel and the card come before the map in the document, so Tab reaches the panel's controls right
  // after the tabs, not after every map button (they are positioned over the map, so the order is not seen).
  const main = h('main', { class: 'app-main' }, sidePanel, cardSlot, mapEl, ...overMap, notice.element);
  root.append(header, tabBar, main, aboutDialog);

  return {
    header,
    langButton,
    aboutButton,
    aboutDialog,
    searchSlot,
    tabBar,
    tabs,
    sidePanel,
    mapEl,
    cardSlot,
    main,
    notice,
    showNoWebgl(title, body) {
      root.classList.add('no-webgl');
      mapEl.replaceChildren(h('div', { class: 'nowebgl' }, h('h2', {}, title), h('p', {}, body)));
    },
    render(lang, panel, t) {
      titleFull.textContent = t('app.title');
      titleShort.textContent = t('app.title.short');
      notice.setCloseLabel(t('notice.close'));
      langButton.textContent = t('lang.switch');
      // The visible text is the accessible name (WCAG 2.5.3); `lang` lets screen readers pronounce it right.
      langButton.setAttribute('lang', lang === 'zh' ? 'en' : 'zh-CN');
      langButton.title = t('lang.switch.label');
      aboutButton.textContent = t('about.button');
      tabBar.setAttribute('aria-label', t('panel.tabs'));
      PANEL_IDS.forEach((id, i) => {
        const tab = tabs[i] as HTMLButtonElement;
        tab.textContent = t(PANEL_LABEL[id]);
        tab.setAttribute('aria-expanded', String(panel === id));
      });
      mapEl.setAttribute('aria-label', t('app.title'));
    },
  };
}
