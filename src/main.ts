// Entry point: wires state, URL, data, map and panels together. The only module that touches the page root.

import 'maplibre-gl/dist/maplibre-gl.css';
import './style.css';
import { CATALOG } from './catalog';
import type { CategoryId, MapFeature, MapFeatureCollection } from './lib/feature';
import { DEFAULT_LANG, type Lang, type MessageKey, parseLang, translate } from './lib/i18n';
import { createStore } from './lib/store';
import {
  BASEMAP_IDS,
  type BasemapId,
  defaultState,
  parseHash,
  toHash,
  type ViewState,
} from './lib/url_state';
import { resolveBasemap } from './map/basemaps';
import { hasWebGL, MapView, prewarmMap } from './map/map_view';
import { renderAbout } from './ui/about';
import { clear, h } from './ui/dom';
import { renderFeatureCard } from './ui/feature_card';
import { renderLayerPanel } from './ui/layer_panel';
import { renderList, shownFeatures } from './ui/list_view';

const LANG_KEY = 'lym.lang';
const root = document.getElementById('app') as HTMLElement;
const params = new URLSearchParams(location.search);

function storedLang(): Lang {
  try {
    return parseLang(localStorage.getItem(LANG_KEY)) ?? DEFAULT_LANG;
  } catch {
    return DEFAULT_LANG;
  }
}

const store = createStore<ViewState>(parseHash(location.hash, defaultState(storedLang())));
const t = (key: MessageKey, p?: Record<string, string | number>) => translate(store.get().lang, key, p);

// ---- layout ---------------------------------------------------------------------------------------
const titleFull = h('span', { class: 'title-full' });
const titleShort = h('span', { class: 'title-short', 'aria-hidden': 'true' });
const title = h('h1', { class: 'app-title' }, titleFull, titleShort);
const langButton = h('button', { type: 'button', class: 'lang-switch', id: 'lang-switch' });
const aboutButton = h('button', {
  type: 'button',
  class: 'toggle',
  id: 'about-button',
  'aria-haspopup': 'dialog',
});
const aboutDialog = h('dialog', { id: 'about-dialog', 'aria-labelledby': 'about-title' });
const layersButton = h('button', {
  type: 'button',
  class: 'toggle',
  id: 'toggle-layers',
  'aria-controls': 'layers-panel',
});
const listButton = h('button', {
  type: 'button',
  class: 'toggle',
  id: 'toggle-list',
  'aria-controls': 'list-panel',
});
const basemapSelect = h('select', { id: 'basemap-select' });
const basemapLabel = h('label', { for: 'basemap-select', class: 'basemap-label' });
const header = h(
  'header',
  { class: 'app-header' },
  title,
  h(
    'div',
    { class: 'header-controls' },
    layersButton,
    listButton,
    basemapLabel,
    basemapSelect,
    aboutButton,
    langButton,
  ),
);
const layersPanel = h('aside', {
  id: 'layers-panel',
  class: 'panel layers',
  'aria-labelledby': 'layers-heading',
});
const listPanel = h('aside', { id: 'list-panel', class: 'panel list', 'aria-label': '' });
const mapEl = h('div', { id: 'map', class: 'map', role: 'region' });
const cardSlot = h('div', { class: 'card-slot' });
const noticeText = h('span', { class: 'notice-text' });
const noticeClose = h('button', { type: 'button', class: 'notice-close' }, '×');
const notice = h(
  'div',
  { class: 'notice', role: 'status', 'aria-live': 'polite', hidden: true },
  noticeText,
  noticeClose,
);
const main = h('main', { class: 'app-main' }, mapEl, layersPanel, listPanel, cardSlot, notice);
root.append(header, main, aboutDialog);

let panelsOpen = { layers: window.matchMedia('(min-width: 768px)').matches, list: false };
let features: MapFeature[] = [];
let byId = new Map<string, MapFeature>();
let counts: Partial<Record<CategoryId, number>> = {};
let targetCount = 0;
let mapView: MapView | null = null;

let noticeTimer: ReturnType<typeof setTimeout> | undefined;
/** Show a transient message; it stays 12 s (long enough to read twice) or until dismissed. */
function showNotice(text: string): void {
  noticeText.textContent = text;
  notice.hidden = false;
  clearTimeout(noticeTimer);
  noticeTimer = setTimeout(() => {
    notice.hidden = true;
  }, 12_000);
}
noticeClose.addEventListener('click', () => {
  notice.hidden = true;
});

/** Re-render a panel, keeping keyboard focus on the control that had it. */
function rerender(container: HTMLElement, content: HTMLElement): void {
  const focusedId = document.activeElement?.id;
  clear(container);
  container.append(content);
  if (focusedId) document.getElementById(focusedId)?.focus();
}

function render(): void {
  const s = store.get();
  document.documentElement.lang = s.lang === 'zh' ? 'zh-CN' : 'en';
  document.title = t('app.title');
  titleFull.textContent = t('app.title');
  titleShort.textContent = t('app.title.short');
  noticeClose.setAttribute('aria-label', t('notice.close'));
  langButton.textContent = t('lang.switch');
  // The visible text is the accessible name (WCAG 2.5.3); `lang` lets screen readers pronounce it right.
  langButton.setAttribute('lang', s.lang === 'zh' ? 'en' : 'zh-CN');
  langButton.title = t('lang.switch.label');
  layersButton.textContent = t('panel.layers');
  layersButton.setAttribute('aria-expanded', String(panelsOpen.layers));
  listButton.textContent = t('list.toggle');
  aboutButton.textContent = t('about.button');
  if (aboutDialog.open) renderAboutDialog();
  listButton.setAttribute('aria-expanded', String(panelsOpen.list));
  mapEl.setAttribute('aria-label', t('app.title'));
  basemapLabel.textContent = t('basemap.label');
  clear(basemapSelect);
  for (const id of BASEMAP_IDS) {
    basemapSelect.append(
      h('option', { value: id, selected: id === s.basemap }, t(`basemap.${id}` as MessageKey)),
    );
  }
  layersPanel.hidden = !panelsOpen.layers;
  listPanel.hidden = !panelsOpen.list;
  listPanel.setAttribute('aria-label', t('list.title'));
  rerender(
    layersPanel,
    renderLayerPanel({
      lang: s.lang,
      layers: s.layers,
      statuses: s.statuses,
      counts,
      onLayers: (layers) => store.set({ layers }),
      onStatuses: (statuses) => store.set({ statuses }),
    }),
  );
  layersPanel.querySelector('h2')?.setAttribute('id', 'layers-heading');
  rerender(
    listPanel,
    renderList({
      lang: s.lang,
      features,
      layers: s.layers,
      statuses: s.statuses,
      selected: s.selected,
      onSelect: selectFromList,
    }),
  );
  renderCard();
}

function renderCard(): void {
  const s = store.get();
  const f = s.selected ? byId.get(s.selected) : undefined;
  clear(cardSlot);
  if (!f) return;
  const card = renderFeatureCard(f, s.lang, () => {
    store.set({ selected: null });
    // Return focus to the list entry of the closed feature, so keyboard users keep their place.
    (
      listPanel.querySelector(`[data-feature-id="${CSS.escape(f.properties.id)}"]`) as HTMLElement | null
    )?.focus();
  });
  cardSlot.append(card);
}

function selectFromList(id: string): void {
  store.set({ selected: id });
  const f = byId.get(id);
  if (f && mapView) {
    const [lon, lat] = anchorOf(f);
    mapView.flyTo([lon, lat]);
  }
  (cardSlot.querySelector('.feature-card') as HTMLElement | null)?.focus();
}

function anchorOf(f: MapFeature): [number, number] {
  const g = f.geometry;
  if (g.type === 'Point') return g.coordinates;
  const flat =
    JSON.stringify(g.coordinates)
      .match(/-?\d+(\.\d+)?/g)
      ?.map(Number) ?? [];
  return [flat[0] ?? 0, flat[1] ?? 0];
}

function renderAboutDialog(): void {
  const stats = { places: features.length, districts: counts.district ?? 0, targets: targetCount };
  aboutDialog.replaceChildren(renderAbout(store.get().lang, stats, () => aboutDialog.close()));
}

// ---- events ---------------------------------------------------------------------------------------
langButton.addEventListener('click', () => {
  const lang: Lang = store.get().lang === 'zh' ? 'en' : 'zh';
  try {
    localStorage.setItem(LANG_KEY, lang);
  } catch {
    // Private mode: the choice still lives in the URL.
  }
  store.set({ lang });
});
aboutButton.addEventListener('click', () => {
  renderAboutDialog();
  aboutDialog.showModal();
});
layersButton.addEventListener('click', () => {
  panelsOpen = { ...panelsOpen, layers: !panelsOpen.layers };
  render();
});
listButton.addEventListener('click', () => {
  panelsOpen = { ...panelsOpen, list: !panelsOpen.list };
  render();
});
basemapSelect.addEventListener('change', () => {
  const basemap = basemapSelect.value as BasemapId;
  if (basemap === 'custom') {
    const url = window.prompt(t('basemap.custom.prompt'), store.get().customUrl ?? 'https://');
    if (!url || !/^https?:\/\//i.test(url)) {
      showNotice(t('basemap.custom.bad'));
      render();
      return;
    }
    store.set({ basemap, customUrl: url });
    return;
  }
  store.set({ basemap, customUrl: null });
});
window.addEventListener('popstate', () => store.set(parseHash(location.hash, store.get()), 'url'));

store.subscribe((s, prev, source) => {
  if (source !== 'url') {
    const hash = toHash(s);
    if (hash !== location.hash) {
      // Camera moves replace the entry; everything else is a step the back button can undo.
      if (source === 'map') history.replaceState(null, '', hash);
      else history.pushState(null, '', hash);
    }
  }
  if (s.basemap !== prev.basemap || s.customUrl !== prev.customUrl || s.lang !== prev.lang)
    void applyBasemap();
  else mapView?.update(s);
  if (source !== 'map' || s.selected !== prev.selected) render();
});

// ---- data and map -----------------------------------------------------------------------------------
async function fetchJson<T>(path: string): Promise<T> {
  const res = await fetch(path);
  if (!res.ok) throw new Error(`${path}: HTTP ${res.status}`);
  return (await res.json()) as T;
}

let basemapRequest = 0;
/** Set once the online basemap failed and the offline one replaced it (until the user picks again). */
let fellBack = false;
async function applyBasemap(): Promise<void> {
  const request = ++basemapRequest;
  fellBack = false;
  const s = store.get();
  const resolved = await resolveBasemap(s.basemap, {
    lang: s.lang,
    customUrl: s.customUrl,
    env: import.meta.env,
  });
  if (request !== basemapRequest || !mapView) return;
  if (resolved.notice) showNotice(t(resolved.notice));
  mapView.setBase(resolved.style, resolved.theme);
  mapView.update(store.get());
}

async function start(): Promise<void> {
  const webgl = hasWebGL() && !params.has('nowebgl');
  if (webgl) prewarmMap();
  const s0 = store.get();
  // The basemap style and the data load in parallel: the first map frame waits for the slower one only.
  const basemap = webgl
    ? resolveBasemap(s0.basemap, { lang: s0.lang, customUrl: s0.customUrl, env: import.meta.env })
    : null;
  let districts: MapFeatureCollection = { type: 'FeatureCollection', features: [] };
  try {
    const [fc, d, plan] = await Promise.all([
      fetchJson<MapFeatureCollection>('data/features.geojson'),
      fetchJson<MapFeatureCollection>('data/districts.geojson'),
      fetchJson<{ targets: unknown[] }>('data/plan_targets.json'),
    ]);
    districts = d;
    targetCount = plan.targets.length;
    features = fc.features;
  } catch (e) {
    showNotice(t('data.error', { detail: (e as Error).message }));
  }
  byId = new Map(features.map((f) => [f.properties.id, f]));
  counts = {};
  for (const f of features) counts[f.properties.category] = (counts[f.properties.category] ?? 0) + 1;
  counts.district = districts.features.length;
  if (store.get().selected && !byId.has(store.get().selected as string)) store.set({ selected: null }, 'url');

  if (!basemap) {
    root.classList.add('no-webgl');
    panelsOpen = { layers: false, list: true };
    mapEl.replaceChildren(
      h('div', { class: 'nowebgl' }, h('h2', {}, t('nowebgl.title')), h('p', {}, t('nowebgl.body'))),
    );
    render();
    return;
  }
  render();
  const s = store.get();
  const resolved = await resolveBasemap(s.basemap, {
    lang: s.lang,
    customUrl: s.customUrl,
    env: import.meta.env,
  });
  if (resolved.notice) showNotice(t(resolved.notice));
  mapView = new MapView({
    container: mapEl,
    state: store.get(),
    base: resolved.style,
    theme: resolved.theme,
    features: { type: 'FeatureCollection', features },
    districts,
    preserveDrawingBuffer: params.has('e2e'),
    onSelect: (id) => store.set({ selected: id }),
    onMove: (center, zoom) => store.set({ center, zoom }, 'map'),
    onBaseError: () => {
      if (fellBack || store.get().basemap === 'offline') return;
      fellBack = true;
      void resolveBasemap('offline', { lang: store.get().lang, customUrl: null, env: import.meta.env }).then(
        (off) => {
          if (!mapView) return;
          showNotice(t('basemap.fallback'));
          mapView.setBase(off.style, off.theme);
          mapView.update(store.get());
        },
      );
    },
  });
  // Exposed for end-to-end tests and debugging; read-only use.
  (window as unknown as { __lym: unknown }).__lym = {
    map: mapView.map,
    store,
    shown: () => shownFeatures({ ...store.get(), features }),
    colors: Object.fromEntries(CATALOG.map((e) => [e.id, e.color])),
  };
}

void start();
