// Entry point: wires state, URL, data, map and panels together. The only module that touches the page root.

import 'maplibre-gl/dist/maplibre-gl.css';
import './style.css';
import './ui/tour.css';
import { CATALOG } from './catalog';
import { ATTRIBUTION } from './config';
import { cachedFetch } from './lib/cached_fetch';
import type { Crs } from './lib/crs';
import { createDistrictLookup } from './lib/districts';
import { editableFeatures } from './lib/editor/base';
import type { MapFeature, MapFeatureCollection } from './lib/feature';
import { DEFAULT_LANG, type Lang, type MessageKey, parseLang, setTouchInput, translate } from './lib/i18n';
import { importInWorker } from './lib/import/client';
import type { EncodingChoice } from './lib/import/decode';
import type { ImportProgress, ImportResult } from './lib/import/import_file';
import { layerCounts } from './lib/layer_counts';
import { resolveOverpassEndpoints } from './lib/live_osm/endpoints';
import { walkTarget } from './lib/nearby';
import { OSM_MANIFEST_PATH, osmAssetUrls, parseOsmManifest } from './lib/osm_manifest';
import { type PlanTarget, planProgress } from './lib/plan_targets';
import { createStore } from './lib/store';
import { effectiveTheme, type Theme } from './lib/theme';
import {
  type BasemapId,
  defaultState,
  PANEL_IDS,
  type PanelId,
  parseHash,
  toHash,
  type ViewState,
} from './lib/url_state';
import { validateGeoJson } from './lib/validate';
import { prepareBoundOffThread } from './lib/walk/bound_worker';
import { createWalkEngine, NetworkWalkEngine } from './lib/walk/engine';
import type { WalkGraph } from './lib/walk/graph';
import { deserializeWalkGraph } from './lib/walk/graph_binary';
import { resolveOverpassEndpoint } from './lib/walk/online/endpoint';
import { resolveBasemap } from './map/basemaps';
import { EMPTY_ANALYSIS } from './map/layers';
import { hasWebGL, MapView, prewarmMap } from './map/map_view';
import { renderAbout } from './ui/about';
import { renderBasemapPicker } from './ui/basemap_picker';
import { createDevice } from './ui/device';
import { h } from './ui/dom';
import { LazyEditor } from './ui/editor_loader';
import { renderFeatureCard } from './ui/feature_card';
import { renderImportPanel } from './ui/import_panel';
import { renderLayerPanel } from './ui/layer_panel';
import { renderList, shownFeatures } from './ui/list_view';
import { LiveOsmController } from './ui/live_osm';
import { NearbyController } from './ui/nearby_controller';
import { focusKey, PanelMemory } from './ui/panel_memory';
import { renderPlanPanel } from './ui/plan_panel';
import { PlannerController } from './ui/planner_controller';
import './ui/planner.css';
import type { TourController } from './ui/tour_controller';

const LANG_KEY = 'lym.lang';
const root = document.getElementById('app') as HTMLElement;
const params = new URLSearchParams(location.search);
// English says "tap" rather than "click" where the person points by touch.
setTouchInput(typeof matchMedia === 'function' && matchMedia('(pointer: coarse)').matches);
const wide = window.matchMedia('(min-width: 768px)').matches;
/** Where street networks come from when no city graph is loaded (null: never fetch). */
const overpassEndpoint = resolveOverpassEndpoint({
  env: import.meta.env.VITE_OVERPASS_ENDPOINT,
  param: params.get('overpass'),
  pageOrigin: location.origin,
});

function storedLang(): Lang {
  try {
    return parseLang(localStorage.getItem(LANG_KEY)) ?? DEFAULT_LANG;
  } catch {
    return DEFAULT_LANG;
  }
}

// On a phone the map comes first: no panel open unless the link says so.
const initial = { ...defaultState(storedLang()), panel: wide ? ('layers' as const) : null };
const store = createStore<ViewState>(parseHash(location.hash, initial));
const t = (key: MessageKey, p?: Record<string, string | number>) => translate(store.get().lang, key, p);

// ---- layout ---------------------------------------------------------------------------------------
const titleFull = h('span', { class: 'title-full' });
const titleShort = h('span', { class: 'title-short', 'aria-hidden': 'true' });
const langButton = h('button', { type: 'button', class: 'lang-switch', id: 'lang-switch' });
const aboutButton = h('button', { type: 'button', id: 'about-button', 'aria-haspopup': 'dialog' });
const aboutDialog = h('dialog', { id: 'about-dialog', 'aria-labelledby': 'about-title' });
const PANEL_LABEL: Record<PanelId, MessageKey> = {
  layers: 'panel.layers',
  list: 'list.toggle',
  nearby: 'nearby.tab',
  tour: 'tour.ui.tab',
  coverage: 'plan.cov.tab',
  plan: 'plan.tab',
  edit: 'editor.tab',
};
const tabs = PANEL_IDS.map((id) => {
  const b = h('button', { type: 'button', class: 'tab', id: `toggle-${id}`, 'aria-controls': 'side-panel' });
  b.addEventListener('click', () => store.set({ panel: store.get().panel === id ? null : id }));
  return b;
});
/** Filled with the search box once its code (pinyin tables, ~140 KiB gzip) has loaded after the map. */
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
/** Open fold-outs and scroll position per tab survive re-renders (src/ui/panel_memory.ts). */
const panelMemory = new PanelMemory();
let shownPanel: string | null = null;

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
/** Everyday facilities live from OpenStreetMap (first visit, cached 14 days), merged into `features`. */
const liveOsm = new LiveOsmController({
  endpoints: resolveOverpassEndpoints({
    envList: import.meta.env.VITE_OVERPASS_ENDPOINTS,
    env: import.meta.env.VITE_OVERPASS_ENDPOINT,
    param: params.get('overpass'),
    pageOrigin: location.origin,
  }),
  features: () => features,
  apply: (next) => {
    setFeatures(next);
    updateAnalysis();
    render();
  },
  refresh: () => store.get().panel === 'layers' && render(),
  timeoutMs: Number(params.get('overpass_timeout')) || undefined,
});
// The panel and the card come before the map in the document, so Tab reaches the panel's controls right
// after the tabs, not after every map button (they are positioned over the map, so the order is not seen).
const main = h('main', { class: 'app-main' }, sidePanel, cardSlot, mapEl, liveOsm.bar, notice);
root.append(header, tabBar, main, aboutDialog);
const device = createDevice({
  slot: header.querySelector('.header-controls') as HTMLElement,
  lang: store.get().lang,
  ignoreUrl: (url) => url.startsWith(overpassEndpoint),
  map: () => mapView?.map ?? null,
  onExtractError: (detail) => showNotice(t('offline.extract_error', { detail })),
});

let features: MapFeature[] = [];
let byId = new Map<string, MapFeature>();
let targets: PlanTarget[] = [];
let mapView: MapView | null = null;
let nearby: NearbyController | null = null;
let tour: TourController | null = null;
let searchBox: { setLang(l: Lang): void; setFeatures(f: MapFeature[]): void } | null = null;
let planner: PlannerController | null = null;
let plannerTurn: Promise<void> = Promise.resolve();
/** Coverage cells and what-if markers; chained so that layers built for an older state never land last. */
function updatePlanner(): void {
  if (!planner) return;
  planner.syncMarkers(mapView?.map ?? null, store.get());
  const view = mapView;
  const p = planner;
  if (!view) return;
  plannerTurn = plannerTurn
    .then(async () => view.setDeckLayers('coverage', await p.deckLayers(store.get())))
    .catch(() => undefined);
}
/** The data owner's editor (edit mode, p=edit); its code loads on first use. */
const editor = new LazyEditor({
  refresh: () => render(),
  map: () => mapView?.map ?? null,
  lang: () => store.get().lang,
});
let districtData: MapFeatureCollection = { type: 'FeatureCollection', features: [] };
let districtFeatures: MapFeature[] = [];
const importState: {
  crs: Crs;
  encoding: EncodingChoice;
  progress: ImportProgress | null;
  result: ImportResult | null;
  abort: AbortController | null;
} = { crs: 'WGS84', encoding: 'auto', progress: null, result: null, abort: null };

let noticeTimer: ReturnType<typeof setTimeout> | undefined;
/** Show a transient message; it stays 12 s (long enough to read twice) or until dismissed. */
/** Whether the notice on screen is about the basemap (a later good basemap clears it). */
let basemapNotice = false;
function showNotice(text: string, aboutBasemap = false): void {
  basemapNotice = aboutBasemap;
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

function panelContent(s: ViewState): HTMLElement | null {
  switch (s.panel) {
    case 'layers': {
      const panel = renderLayerPanel({
        lang: s.lang,
        layers: s.layers,
        statuses: s.statuses,
        counts: {
          ...layerCounts(features, s.statuses),
          district: { shown: districtData.features.length, hidden: 0 },
        },
        onLayers: (layers) => store.set({ layers }),
        onStatuses: (statuses) => store.set({ statuses }),
      });
      panel.firstElementChild?.after(liveOsm.panel(s.lang));
      panel.append(
        renderBasemapPicker({
          lang: s.lang,
          basemap: s.basemap,
          customUrl: s.customUrl,
          shown: shownBasemap,
          unavailable: String(import.meta.env.VITE_TIANDITU_KEY ?? '').trim() ? [] : ['tianditu'],
          onChange: (basemap: BasemapId, customUrl: string | null) => store.set({ basemap, customUrl }),
          onInvalid: () => showNotice(t('basemap.custom.bad')),
        }),
        renderImportPanel({
          lang: s.lang,
          crs: importState.crs,
          progress: importState.progress,
          result: importState.result,
          encoding: importState.encoding,
          onCrs: (crs) => {
            importState.crs = crs;
          },
          onEncoding: (encoding) => {
            importState.encoding = encoding;
          },
          onFile: (file) => void importUserFile(file),
          onCancel: () => importState.abort?.abort(),
        }),
      );
      return panel;
    }
    case 'list':
      return renderList({
        lang: s.lang,
        features,
        layers: s.layers,
        statuses: s.statuses,
        selected: s.selected,
        onSelect: selectFromList,
      });
    case 'nearby':
      return nearby?.panel(s) ?? null;
    case 'tour':
      return tour?.panel(s) ?? null;
    case 'coverage':
      return planner?.panel(s) ?? null;
    case 'plan':
      return renderPlanPanel({
        lang: s.lang,
        progress: planProgress(targets, features),
        onShowLayer: (category) =>
          store.set({ layers: [...new Set([...s.layers, category])], panel: 'list' }),
        onOpenCoverage: () => store.set({ panel: 'coverage', covCat: 'fitness_site' }),
      });
    case 'edit':
      return editor.panel(s);
    case null:
      return null;
  }
}

let shownTitleLang: Lang | null = null;
function render(): void {
  const s = store.get();
  document.documentElement.lang = s.lang === 'zh' ? 'zh-CN' : 'en';
  // Only on a language change: a printed report names the page (for "Save as PDF") meanwhile.
  if (shownTitleLang !== s.lang) {
    document.title = t('app.title');
    shownTitleLang = s.lang;
  }
  titleFull.textContent = t('app.title');
  titleShort.textContent = t('app.title.short');
  noticeClose.setAttribute('aria-label', t('notice.close'));
  langButton.textContent = t('lang.switch');
  // The visible text is the accessible name (WCAG 2.5.3); `lang` lets screen readers pronounce it right.
  langButton.setAttribute('lang', s.lang === 'zh' ? 'en' : 'zh-CN');
  langButton.title = t('lang.switch.label');
  aboutButton.textContent = t('about.button');
  device.setLang(s.lang);
  searchBox?.setLang(s.lang);
  if (aboutDialog.open) renderAboutDialog();
  tabBar.setAttribute('aria-label', t('panel.tabs'));
  PANEL_IDS.forEach((id, i) => {
    const tab = tabs[i] as HTMLButtonElement;
    tab.textContent = t(PANEL_LABEL[id]);
    tab.setAttribute('aria-expanded', String(s.panel === id));
  });
  mapEl.setAttribute('aria-label', t('app.title'));
  // Re-render the panel, keeping keyboard focus on the control that had it.
  const focused = focusKey(document.activeElement);
  panelMemory.save(shownPanel, sidePanel);
  const content = panelContent(s);
  sidePanel.hidden = content === null;
  sidePanel.replaceChildren(...(content ? [content] : []));
  shownPanel = content ? s.panel : null;
  panelMemory.restore(shownPanel, sidePanel);
  sidePanel.setAttribute('aria-label', s.panel ? t(PANEL_LABEL[s.panel]) : '');
  if (focused) document.querySelector<HTMLElement>(focused)?.focus();
  renderCard();
}

function renderCard(): void {
  const s = store.get();
  const f = s.selected ? byId.get(s.selected) : undefined;
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
}

function selectFromList(id: string): void {
  store.set({ selected: id });
  const f = byId.get(id);
  if (f && mapView) mapView.flyTo(walkTarget(f));
  (cardSlot.querySelector('.feature-card') as HTMLElement | null)?.focus();
}

function renderAboutDialog(): void {
  const stats = { places: features.length, districts: districtData.features.length, targets: targets.length };
  const lang = store.get().lang;
  aboutDialog.replaceChildren(renderAbout(lang, stats, () => aboutDialog.close(), device.aboutSection(lang)));
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
// Drop a file anywhere on the map to import it.
main.addEventListener('dragover', (e) => {
  if (e.dataTransfer?.types.includes('Files')) e.preventDefault();
});
main.addEventListener('drop', (e) => {
  const file = e.dataTransfer?.files[0];
  if (!file) return;
  e.preventDefault();
  void importUserFile(file);
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
  if (s.theme !== prev.theme || s.panel !== prev.panel) scheduleThemeCheck();
  if (
    s.basemap !== prev.basemap ||
    s.customUrl !== prev.customUrl ||
    s.lang !== prev.lang ||
    (mapView !== null && currentTheme() !== shownTheme)
  )
    void applyBasemap();
  else mapView?.update(s);
  if (s.origin !== prev.origin) nearby?.useAreaNetwork(s.origin, overpassEndpoint);
  if (
    s.origin !== prev.origin ||
    s.selected !== prev.selected ||
    s.nearbyCats !== prev.nearbyCats ||
    tour?.changed(prev, s)
  )
    updateAnalysis();
  if (source !== 'map') updatePlanner();
  if (source !== 'map' || s.selected !== prev.selected) render();
  tour?.sync(s);
  editor.sync(s);
});

/** Set the loaded features (shipped + imported): lookups, the map and the nearby index follow. */
function setFeatures(next: MapFeature[]): void {
  features = next;
  byId = new Map(features.map((f) => [f.properties.id, f]));
  mapView?.setFeatures({ type: 'FeatureCollection', features });
  searchBox?.setFeatures(features);
  nearby?.setFeatures(features);
  tour?.setFeatures(features);
  planner?.setData(features, districtData);
}

/** Import a user file in a worker; accepted places are added, nothing loaded is ever replaced or lost. */
async function importUserFile(file: File): Promise<void> {
  // One import at a time: a new file cancels the running one.
  importState.abort?.abort();
  const abort = new AbortController();
  importState.abort = abort;
  importState.progress = { phase: 'read', done: 0, total: file.size };
  importState.result = null;
  render();
  const result = await importInWorker(
    file,
    {
      name: file.name,
      crs: importState.crs,
      encoding: importState.encoding,
      lang: store.get().lang,
      districts: districtData,
      existingIds: features.map((f) => f.properties.id),
    },
    (progress) => {
      if (abort.signal.aborted) return;
      importState.progress = progress;
      if (store.get().panel === 'layers') render();
    },
    { signal: abort.signal },
  );
  if (importState.abort !== abort && importState.abort !== null) return;
  importState.abort = null;
  importState.progress = null;
  importState.result = result;
  if (result.features.length) {
    setFeatures([...features, ...result.features]);
    updateAnalysis();
  }
  if (store.get().panel !== 'layers') store.set({ panel: 'layers' });
  else render();
}

/** Load the search box after the map (it carries the pinyin tables) and mount it in the header. */
async function mountSearch(): Promise<void> {
  const ui = await import('./ui/search_box');
  const box = ui.createSearchBox({
    lang: store.get().lang,
    features,
    centre: () => store.get().center,
    onPick: (result) => {
      if (result.kind === 'district') {
        const d = districtFeatures.find((f) => f.properties.district === result.id.replace(/^district:/, ''));
        // The previous card would cover the district (on a phone, most of it).
        if (store.get().selected) store.set({ selected: null });
        if (d && mapView) mapView.fitTo(d.geometry);
        return;
      }
      const f = byId.get(result.id);
      if (!f) return;
      // With the nearby panel open, a search chooses the place to ask from.
      if (store.get().panel === 'nearby') store.set({ origin: walkTarget(f), selected: null });
      selectFromList(result.id);
    },
  });
  searchBox = box;
  searchSlot.replaceChildren(box.element);
}

/** Draw the isochrones and the walk for the chosen place (or clear them). */
function updateAnalysis(): void {
  if (!mapView || !nearby) return;
  const s = store.get();
  if (tour?.active(s)) mapView.setAnalysis(tour.analysis(s));
  else mapView.setAnalysis(s.origin ? nearby.analysis(s) : EMPTY_ANALYSIS);
}

// ---- data and map -----------------------------------------------------------------------------------
async function fetchJson<T>(path: string): Promise<T> {
  const res = await fetch(path);
  if (!res.ok) throw new Error(`${path}: HTTP ${res.status}`);
  return (await res.json()) as T;
}

/** The theme to draw now (automatic night applies while touring, after sunset at the tour's own time). */
function currentTheme(): Theme {
  const s = store.get();
  return effectiveTheme(s.theme, s.panel === 'tour', tour?.themeInstant(s) ?? new Date()).theme;
}
let themeTimer: ReturnType<typeof setTimeout> | undefined;
/** Re-check the automatic theme when the sun next rises or sets (one timer, no polling). */
function scheduleThemeCheck(): void {
  clearTimeout(themeTimer);
  const next = effectiveTheme(store.get().theme, store.get().panel === 'tour', new Date()).nextChange;
  if (!next) return;
  // Browsers clamp long timeouts; re-arm at most daily.
  const wait = Math.min(next.getTime() - Date.now() + 1000, 86_400_000);
  themeTimer = setTimeout(
    () => {
      if (currentTheme() !== shownTheme) void applyBasemap();
      scheduleThemeCheck();
    },
    Math.max(1000, wait),
  );
}
let shownTheme: Theme = 'day';

/** The OSM import's offline basemap, when the deployer built one (see docs/DATA.md). */
let osmBasemapUrl: string | null = null;
const resolveOptions = () => ({
  lang: store.get().lang,
  customUrl: store.get().customUrl,
  env: import.meta.env,
  theme: currentTheme(),
  fetchImpl: styleFetch,
  ...(osmBasemapUrl ? { offlineUrl: osmBasemapUrl, hasOsmLayers: true } : {}),
  ...device.basemapOptions(),
});

/**
 * The OSM import's manifest, if the deployer built one (see docs/DATA.md): absent (404) is the normal case.
 * Sets the detailed offline basemap at once; the graph and candidates load in parallel with the rest.
 */
async function loadOsmManifest(): Promise<ReturnType<typeof osmAssetUrls> | null> {
  const manifestUrl = new URL(OSM_MANIFEST_PATH, document.baseURI).href;
  try {
    const res = await fetch(manifestUrl);
    // Static hosts with an SPA fallback (vite preview among them) answer a missing file with index.html.
    if (!res.ok || !/json/i.test(res.headers.get('content-type') ?? '')) return null;
    const parsed = parseOsmManifest(await res.json());
    if ('error' in parsed) throw new Error(parsed.error);
    const urls = osmAssetUrls(parsed.manifest, manifestUrl);
    osmBasemapUrl = urls.basemap;
    return urls;
  } catch (e) {
    showNotice(t('data.osm_error', { detail: (e as Error).message }));
    return null;
  }
}

/** The whole-city walking graph and the OSM candidate facilities (labelled by their OSM source). */
async function loadOsmParts(
  urls: ReturnType<typeof osmAssetUrls> | null,
): Promise<{ graph: WalkGraph | null; graphUrl: string | null; candidates: MapFeature[] }> {
  if (!urls) return { graph: null, graphUrl: null, candidates: [] };
  try {
    const [graphBytes, candidates] = await Promise.all([
      fetch(urls.graph).then((r) =>
        r.ok ? r.arrayBuffer() : Promise.reject(new Error(`${urls.graph}: HTTP ${r.status}`)),
      ),
      fetchJson<unknown>(urls.candidates),
    ]);
    const valid = validateGeoJson(candidates, { file: 'osm/candidates.geojson' });
    return {
      graph: deserializeWalkGraph(new Uint8Array(graphBytes)),
      graphUrl: urls.graph,
      candidates: valid.features,
    };
  } catch (e) {
    showNotice(t('data.osm_error', { detail: (e as Error).message }));
    return { graph: null, graphUrl: null, candidates: [] };
  }
}
/** The basemap drawn (the offline one after a fallback), which the picker names when it differs from the choice. */
let shownBasemap: BasemapId | undefined;
function showBasemap(id: BasemapId): void {
  if (id === shownBasemap) return;
  shownBasemap = id;
  // After the current call stack: this can run while the map itself is being created.
  queueMicrotask(() => {
    if (store.get().panel === 'layers') render();
  });
}
/** Online styles are fetched once a session, not again on every language or theme switch. */
const styleFetch = cachedFetch((input, init) => fetch(input, init));
let basemapRequest = 0;
/** Set once the online basemap failed and the offline one replaced it (until the user picks again). */
let fellBack = false;
async function applyBasemap(): Promise<void> {
  const request = ++basemapRequest;
  fellBack = false;
  const resolved = await resolveBasemap(store.get().basemap, resolveOptions());
  if (request !== basemapRequest || !mapView) return;
  if (resolved.notice) showNotice(t(resolved.notice), true);
  // The basemap asked for now draws: an old "could not be loaded" no longer applies.
  else if (basemapNotice) notice.hidden = true;
  shownTheme = resolved.theme;
  showBasemap(resolved.id);
  mapView.setBase(resolved.style, resolved.theme);
  mapView.update(store.get());
}

/** The map with the resolved basemap and whatever places and districts have arrived so far. */
function createMap(resolved: Awaited<ReturnType<typeof resolveBasemap>>): MapView {
  shownTheme = resolved.theme;
  showBasemap(resolved.id);
  if (resolved.notice) showNotice(t(resolved.notice), true);
  const view = new MapView({
    container: mapEl,
    state: store.get(),
    base: resolved.style,
    theme: resolved.theme,
    features: { type: 'FeatureCollection', features },
    districts: districtData,
    // `live` lets a test read the map the way the app does without a preserved buffer (the PNG export).
    preserveDrawingBuffer: params.has('e2e') && !params.has('live'),
    onRequest: device.noteRequest,
    covers: () => [sidePanel, cardSlot],
    onClick: (hit, lngLat) => {
      if (planner?.mapClick(store.get(), lngLat) || editor.mapClick(store.get(), lngLat)) return;
      // With the nearby panel open, a click that hits no facility (only a district) chooses the place.
      if (store.get().panel === 'nearby' && (hit === null || hit.category === 'district')) {
        store.set({ origin: lngLat, selected: null });
      } else store.set({ selected: hit?.id ?? null });
    },
    onMove: (center, zoom) => store.set({ center, zoom }, 'map'),
    onBaseError: () => {
      if (fellBack || store.get().basemap === 'offline') return;
      fellBack = true;
      void resolveBasemap('offline', resolveOptions()).then((off) => {
        if (!mapView) return;
        showNotice(t('basemap.fallback'), true);
        shownTheme = off.theme;
        showBasemap(off.id);
        mapView.setBase(off.style, off.theme);
        mapView.update(store.get());
      });
    },
  });
  return view;
}

async function start(): Promise<void> {
  const webgl = hasWebGL() && !params.has('nowebgl');
  // The tour view (~12 KiB gzip) loads beside the data, not in the initial bundle.
  const tourModule = import('./ui/tour_controller').catch(() => null);
  if (webgl) prewarmMap();
  const manifest = Promise.all([loadOsmManifest(), device.ready]).then(([m]) => m);
  const osmParts = manifest.then(loadOsmParts);
  // The map starts as soon as its basemap is known (the manifest may name a detailed one): its style,
  // tiles and first frames overlap the data, the tour chunk and the panels. Places come with setFeatures.
  const basemapKey = () =>
    JSON.stringify([store.get().basemap, store.get().customUrl, store.get().lang, currentTheme()]);
  const mapStarted = webgl
    ? manifest.then(async () => {
        const asked = basemapKey();
        mapView = createMap(await resolveBasemap(store.get().basemap, resolveOptions()));
        // A basemap or language picked while the first one was resolving (nothing to restyle then).
        if (basemapKey() !== asked) void applyBasemap();
      })
    : null;
  let districts: MapFeatureCollection = { type: 'FeatureCollection', features: [] };
  let osm: Awaited<typeof osmParts> = { graph: null, graphUrl: null, candidates: [] };
  try {
    const [fc, d, plan, o] = await Promise.all([
      fetchJson<MapFeatureCollection>('data/features.geojson'),
      fetchJson<MapFeatureCollection>('data/districts.geojson'),
      fetchJson<{ targets: PlanTarget[] }>('data/plan_targets.json'),
      osmParts,
    ]);
    osm = o;
    features = [...fc.features, ...osm.candidates];
    districts = d;
    targets = plan.targets;
    editor.setData(editableFeatures(fc), d, plan.targets);
  } catch (e) {
    showNotice(t('data.error', { detail: (e as Error).message }));
  }
  districtData = districts;
  districtFeatures = districts.features;
  mapView?.setDistricts(districts);
  setFeatures(features);
  if (store.get().selected && !byId.has(store.get().selected as string)) store.set({ selected: null }, 'url');
  const lookup = createDistrictLookup(districts);
  nearby = new NearbyController(createWalkEngine(null), features, {
    set: (patch) => store.set(patch),
    notice: (key) => showNotice(t(key)),
    inLanzhou: (lon, lat) => lookup.districtAt(lon, lat) !== null,
    refresh: () => render(),
    engineChanged: () => {
      updateAnalysis();
      render();
    },
    retryNetwork: () => nearby?.useAreaNetwork(store.get().origin, overpassEndpoint),
  });
  // Without the tour chunk (e.g. offline after an update) the rest of the app still works.
  const tourLib = await tourModule;
  tour = tourLib
    ? new tourLib.TourController(
        osm.graph ? createWalkEngine(osm.graph) : createWalkEngine(null),
        features,
        {
          set: (patch) => store.set(patch),
          notice: showNotice,
          refresh: () => {
            render();
            updateAnalysis();
          },
          map: () => mapView?.map ?? null,
          setDeckLayers: (layers) => mapView?.setDeckLayers('tour', layers),
          themeChanged: () => {
            if (currentTheme() !== shownTheme) void applyBasemap();
          },
        },
        { webgl },
      )
    : null;
  if (osm.graph) {
    const city = createWalkEngine(osm.graph);
    nearby.setCityEngine(city);
    // Landmarks for routes (shared with the tour's engine: same costs) are prepared off the main thread.
    if (city instanceof NetworkWalkEngine) void prepareBoundOffThread(city.graph, city.costs);
  } else nearby.useAreaNetwork(store.get().origin, overpassEndpoint);
  planner = new PlannerController({
    set: (patch) => store.set(patch),
    refresh: () => render(),
    redraw: () => updatePlanner(),
    notice: (text) => showNotice(text),
    flyTo: (center, zoom) => mapView?.flyTo(center, zoom),
    inLanzhou: (lon, lat) => lookup.districtAt(lon, lat) !== null,
    map: () => mapView?.map ?? null,
    targets: () => planProgress(targets, features),
    attribution: () => mapView?.attribution() ?? [ATTRIBUTION.boundaries],
  });
  if (osm.graphUrl) planner.setGraphUrl(osm.graphUrl);
  else planner.useOnlineNetwork(overpassEndpoint);
  planner.setData(features, districts);
  liveOsm.start(districts, { importPresent: osm.graph !== null || osm.candidates.length > 0 });

  if (!mapStarted) {
    root.classList.add('no-webgl');
    mapEl.replaceChildren(
      h('div', { class: 'nowebgl' }, h('h2', {}, t('nowebgl.title')), h('p', {}, t('nowebgl.body'))),
    );
    // The list stands in for the map; views that work without it (tour timetable, plan) stay as linked.
    const panel = store.get().panel;
    if (panel === null || panel === 'layers' || panel === 'nearby') store.set({ panel: 'list' }, 'url');
    render();
    tour?.sync(store.get());
    void mountSearch();
    return;
  }
  render();
  await mapStarted;
  if (!mapView) return;
  // The search box (pinyin tables) loads once the map with its data is drawn, not while it is.
  mapView.map.once('idle', () => void mountSearch());
  mapView.map.triggerRepaint();
  updateAnalysis();
  tour?.sync(store.get());
  editor.sync(store.get());
  updatePlanner();
  // Exposed for end-to-end tests and debugging; read-only use.
  (window as unknown as { __lym: unknown }).__lym = {
    map: mapView.map,
    store,
    shown: () => shownFeatures({ ...store.get(), features }),
    colors: Object.fromEntries(CATALOG.map((e) => [e.id, e.color])),
  };
}

void start();
