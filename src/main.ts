// Entry point: wires state, URL, data, map and panels together. The only module that touches the page root.

import 'maplibre-gl/dist/maplibre-gl.css';
import './style.css';
import './ui/tour.css';
import { createDistrictLookup } from './lib/districts';
import { editableFeatures } from './lib/editor/base';
import type { MapFeature, MapFeatureCollection } from './lib/feature';
import { type Lang, type MessageKey, setTouchInput, translate } from './lib/i18n';
import { walkTarget } from './lib/nearby';
import { type PlanTarget, planProgress } from './lib/plan_targets';
import { createStore } from './lib/store';
import { defaultState, parseHash, type ViewState } from './lib/url_state';
import { prepareBoundOffThread } from './lib/walk/bound_worker';
import { createWalkEngine, NetworkWalkEngine } from './lib/walk/engine';
import type { ResolvedBasemap } from './map/basemaps';
import { EMPTY_ANALYSIS } from './map/layers';
import { hasWebGL, MapView, prewarmMap } from './map/map_view';
import { AboutDialog } from './ui/about_dialog';
import { BasemapController } from './ui/basemap_controller';
import { loadOsmManifest, loadOsmParts, loadShipped, NO_OSM, type OsmParts } from './ui/boot_data';
import { createDevice } from './ui/device';
import { LazyEditor } from './ui/editor_loader';
import { ImportController } from './ui/import_controller';
import { storedLang, storeLang } from './ui/lang_choice';
import { createLayout } from './ui/layout';
import { LiveOsmController } from './ui/live_osm';
import { handleMapClick } from './ui/map_click';
import { NearbyController } from './ui/nearby_controller';
import { pageOverpass } from './ui/overpass_endpoints';
import { createPageRender } from './ui/page_render';
import type { PlannerController } from './ui/planner_controller';
import { createPlanner, plannerRedraw } from './ui/planner_mount';
import './ui/planner.css';
import { type MountedSearch, mountSearch } from './ui/search_mount';
import { exposeForTests } from './ui/test_hook';
import type { TourController } from './ui/tour_controller';
import { createTour, loadTourModule } from './ui/tour_mount';
import { syncUrl } from './ui/url_sync';

const root = document.getElementById('app') as HTMLElement;
const params = new URLSearchParams(location.search);
// English says "tap" rather than "click" where the person points by touch.
setTouchInput(typeof matchMedia === 'function' && matchMedia('(pointer: coarse)').matches);
const wide = window.matchMedia('(min-width: 768px)').matches;
const overpass = pageOverpass(params);
/** Where street networks come from when no city graph is loaded. */
const overpassEndpoint = overpass.walk;

// On a phone the map comes first: no panel open unless the link says so.
const initial = { ...defaultState(storedLang()), panel: wide ? ('layers' as const) : null };
const store = createStore<ViewState>(parseHash(location.hash, initial));
const t = (key: MessageKey, p?: Record<string, string | number>) => translate(store.get().lang, key, p);

// ---- layout ---------------------------------------------------------------------------------------
/** Everyday facilities live from OpenStreetMap (first visit, cached 14 days), merged into `features`. */
const liveOsm = new LiveOsmController({
  endpoints: overpass.live,
  features: () => features,
  apply: (next) => {
    setFeatures(next);
    tour?.setRiver(liveOsm.river());
    updateAnalysis();
    render();
  },
  refresh: () => store.get().panel === 'layers' && render(),
  timeoutMs: Number(params.get('overpass_timeout')) || undefined,
});
const layout = createLayout(root, [liveOsm.bar], (id) =>
  store.set({ panel: store.get().panel === id ? null : id }),
);
const { sidePanel, cardSlot, mapEl, notice } = layout;
const showNotice = (text: string, aboutBasemap = false) => notice.show(text, aboutBasemap);
const device = createDevice({
  slot: layout.header.querySelector('.header-controls') as HTMLElement,
  lang: store.get().lang,
  ignoreUrl: (url) => url.startsWith(overpassEndpoint),
  map: () => mapView?.map ?? null,
  onExtractError: (detail) => showNotice(t('offline.extract_error', { detail })),
  clearLive: () => liveOsm.clear(),
  stopDownloads: () => {
    nearby?.clearDevice();
    planner?.clearDevice();
  },
});

let features: MapFeature[] = [];
let byId = new Map<string, MapFeature>();
let targets: PlanTarget[] = [];
let mapView: MapView | null = null;
let nearby: NearbyController | null = null;
let tour: TourController | null = null;
let searchBox: MountedSearch | null = null;
let planner: PlannerController | null = null;
const updatePlanner = plannerRedraw(
  () => planner,
  () => mapView,
  store,
);
/** The data owner's editor (edit mode, p=edit); its code loads on first use. */
const editor = new LazyEditor({
  refresh: () => render(),
  map: () => mapView?.map ?? null,
  lang: () => store.get().lang,
});
let districtData: MapFeatureCollection = { type: 'FeatureCollection', features: [] };
const basemaps = new BasemapController({
  store,
  device,
  mapView: () => mapView,
  tourInstant: (s) => tour?.themeInstant(s) ?? null,
  notice: (key, aboutBasemap) => showNotice(t(key), aboutBasemap),
  clearNotice: () => notice.clearBasemap(),
  shownChanged: () => store.get().panel === 'layers' && render(),
});
/** The user's files: accepted places are added, nothing loaded is ever replaced or lost. */
const imports = new ImportController({
  lang: () => store.get().lang,
  features: () => features,
  districts: () => districtData,
  add: (added) => {
    setFeatures([...features, ...added]);
    updateAnalysis();
  },
  refresh: () => render(),
  progressed: () => store.get().panel === 'layers' && render(),
  finished: () => (store.get().panel !== 'layers' ? store.set({ panel: 'layers' }) : render()),
});

const about = new AboutDialog(layout.aboutDialog, {
  lang: () => store.get().lang,
  stats: () => ({
    places: features.length,
    districts: districtData.features.length,
    targets: targets.length,
  }),
  deviceSection: (lang) => device.aboutSection(lang),
});

const render = createPageRender({
  store,
  layout,
  device,
  about,
  search: () => searchBox,
  panels: {
    features: () => features,
    districtCount: () => districtData.features.length,
    targets: () => targets,
    liveOsm,
    basemaps,
    imports,
    editor,
    nearby: () => nearby,
    tour: () => tour,
    planner: () => planner,
    set: (patch) => store.set(patch),
    badCustomUrl: () => showNotice(t('basemap.custom.bad')),
    place: (id) => byId.get(id),
    selectFromList,
  },
});

function selectFromList(id: string): void {
  store.set({ selected: id });
  const f = byId.get(id);
  if (f && mapView) mapView.flyTo(walkTarget(f));
  (cardSlot.querySelector('.feature-card') as HTMLElement | null)?.focus();
}

// ---- events ---------------------------------------------------------------------------------------
layout.langButton.addEventListener('click', () => {
  const lang: Lang = store.get().lang === 'zh' ? 'en' : 'zh';
  storeLang(lang);
  store.set({ lang });
});
layout.aboutButton.addEventListener('click', () => about.open());
imports.acceptDrops(layout.main);
syncUrl(store);

store.subscribe((s, prev, source) => {
  if (s.theme !== prev.theme || s.panel !== prev.panel) basemaps.scheduleThemeCheck();
  if (
    s.basemap !== prev.basemap ||
    s.customUrl !== prev.customUrl ||
    s.lang !== prev.lang ||
    (mapView !== null && basemaps.themeStale())
  )
    void basemaps.apply();
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

/** Draw the isochrones and the walk for the chosen place (or clear them). */
function updateAnalysis(): void {
  if (!mapView || !nearby) return;
  const s = store.get();
  if (tour?.active(s)) mapView.setAnalysis(tour.analysis(s));
  else mapView.setAnalysis(s.origin ? nearby.analysis(s) : EMPTY_ANALYSIS);
}

/** Load the search box after the map (it carries the pinyin tables) and mount it in the header. */
async function startSearch(): Promise<void> {
  searchBox = await mountSearch({
    store,
    slot: layout.searchSlot,
    features: () => features,
    byId: (id) => byId.get(id),
    districts: () => districtData.features,
    targets: () => targets,
    mapView: () => mapView,
    select: selectFromList,
  });
}

// ---- data and map -----------------------------------------------------------------------------------
/** The map with the resolved basemap and whatever places and districts have arrived so far. */
function createMap(resolved: ResolvedBasemap): MapView {
  basemaps.created(resolved);
  return new MapView({
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
    onClick: (hit, lngLat) => handleMapClick(store, [planner, editor], hit, lngLat),
    onMove: (center, zoom) => store.set({ center, zoom }, 'map'),
    onBaseError: () => basemaps.baseError(),
  });
}

async function start(): Promise<void> {
  const webgl = hasWebGL() && !params.has('nowebgl');
  const tourModule = loadTourModule();
  if (webgl) prewarmMap();
  const osmError = (detail: string) => showNotice(t('data.osm_error', { detail }));
  const manifest = Promise.all([loadOsmManifest(osmError), device.ready]).then(([m]) => {
    basemaps.setOsmBasemap(m?.basemap ?? null);
    return m;
  });
  const osmParts = manifest.then((urls) => loadOsmParts(urls, osmError));
  // The map starts as soon as its basemap is known (the manifest may name a detailed one): its style,
  // tiles and first frames overlap the data, the tour chunk and the panels. Places come with setFeatures.
  const basemapKey = () =>
    JSON.stringify([store.get().basemap, store.get().customUrl, store.get().lang, basemaps.currentTheme()]);
  const mapStarted = webgl
    ? manifest.then(async () => {
        const asked = basemapKey();
        mapView = createMap(await basemaps.resolve());
        // A basemap or language picked while the first one was resolving (nothing to restyle then).
        if (basemapKey() !== asked) void basemaps.apply();
      })
    : null;
  let districts: MapFeatureCollection = { type: 'FeatureCollection', features: [] };
  let osm: OsmParts = NO_OSM;
  try {
    const [shipped, o] = await Promise.all([loadShipped(), osmParts]);
    osm = o;
    features = [...shipped.features.features, ...osm.candidates];
    districts = shipped.districts;
    targets = shipped.targets;
    editor.setData(editableFeatures(shipped.features), shipped.districts, shipped.targets);
  } catch (e) {
    showNotice(t('data.error', { detail: (e as Error).message }));
  }
  districtData = districts;
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
  const tourEngine = () => (osm.graph ? createWalkEngine(osm.graph) : createWalkEngine(null));
  tour = await createTour(tourModule, tourEngine, () => features, {
    store,
    mapView: () => mapView,
    notice: showNotice,
    refresh: () => {
      render();
      updateAnalysis();
    },
    placeOrigin: (id) => liveOsm.placeOrigin(id),
    themeChanged: () => {
      if (basemaps.themeStale()) void basemaps.apply();
    },
    webgl,
  });
  if (osm.graph) {
    const city = createWalkEngine(osm.graph);
    nearby.setCityEngine(city);
    // Landmarks for routes (shared with the tour's engine: same costs) are prepared off the main thread.
    if (city instanceof NetworkWalkEngine) void prepareBoundOffThread(city.graph, city.costs);
  } else nearby.useAreaNetwork(store.get().origin, overpassEndpoint);
  planner = createPlanner({
    store,
    mapView: () => mapView,
    render,
    redraw: updatePlanner,
    notice: (text) => showNotice(text),
    inLanzhou: (lon, lat) => lookup.districtAt(lon, lat) !== null,
    targets: () => planProgress(targets, features),
  });
  if (osm.graphUrl) planner.setGraphUrl(osm.graphUrl);
  else planner.useOnlineNetwork(overpassEndpoint);
  planner.setData(features, districts);
  const importPresent = osm.graph !== null || osm.candidates.length > 0;
  liveOsm.start(districts, { importPresent, importRiver: osm.river, importPlaces: osm.candidates });
  tour?.setRiver(liveOsm.river());

  if (!mapStarted) {
    layout.showNoWebgl(t('nowebgl.title'), t('nowebgl.body'));
    // The list stands in for the map; views that work without it (tour timetable, plan) stay as linked.
    const panel = store.get().panel;
    if (panel === null || panel === 'layers' || panel === 'nearby') store.set({ panel: 'list' }, 'url');
    render();
    tour?.sync(store.get());
    void startSearch();
    return;
  }
  render();
  await mapStarted;
  if (!mapView) return;
  // The search box (pinyin tables) loads once the map with its data is drawn, not while it is.
  mapView.map.once('idle', () => void startSearch());
  mapView.map.triggerRepaint();
  updateAnalysis();
  tour?.sync(store.get());
  editor.sync(store.get());
  updatePlanner();
  exposeForTests(mapView.map, store, () => features);
}

void start();
