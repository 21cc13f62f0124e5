// Owns the maplibre Map: applies view state and the composed style, reports clicks, moves and basemap failures.

import bbox from '@turf/bbox';
import {
  addProtocol,
  type GeoJSONSource,
  type IControl,
  Map as MlMap,
  NavigationControl,
  prewarm,
  ScaleControl,
  type StyleSpecification,
  setWorkerUrl,
} from 'maplibre-gl';
import workerUrl from 'maplibre-gl/dist/maplibre-gl-worker.mjs?url';
import { Protocol } from 'pmtiles';
import { ATTRIBUTION, IDEOGRAPH_FONTS, MAX_BOUNDS } from '../config';
import type { Geometry, MapFeatureCollection } from '../lib/feature';
import type { ViewState } from '../lib/url_state';
import { ATTRIBUTION_KEY } from './basemap_style';
import { composeStyle, overlayFont } from './compose';
import { centreFor, freePadding, type Padding } from './free_area';
import {
  ANALYSIS_SOURCE,
  type AnalysisCollection,
  analysisLayers,
  clickableLayerIds,
  DISTRICT_SOURCE,
  EMPTY_ANALYSIS,
  FEATURE_SOURCE,
  OVERLAY_PREFIX,
  overlayLayers,
  overlaySources,
} from './layers';
import { withStackRings } from './stack_rings';

setWorkerUrl(workerUrl);
let protocolAdded = false;
/** Below this map width, px, the attribution takes the whole bottom edge (style.css's phone breakpoint). */
const NARROW_MAP_PX = 520;

export interface MapViewOptions {
  container: HTMLElement;
  state: ViewState;
  base: StyleSpecification;
  theme: 'day' | 'night';
  features: MapFeatureCollection;
  districts: MapFeatureCollection;
  /** A click: the feature hit (null on empty map) and where, [lon, lat]. */
  /** `hit.point`: the feature is drawn as a marker (not an area or a line). */
  onClick(hit: { id: string; category: string; point: boolean } | null, lngLat: [number, number]): void;
  onMove(center: [number, number], zoom: number): void;
  /** The base style's own sources failed (tiles unreachable): the caller falls back. */
  onBaseError(detail: string): void;
  /** Keep the drawing buffer so tests can read pixels. */
  preserveDrawingBuffer?: boolean;
  /** Every URL the map is about to request (tiles, glyphs, sprites), before it asks. */
  onRequest?(url: string): void;
  /** Panels and cards that may lie over the map: camera moves put their target in the part left free. */
  covers?: () => readonly (Element | null)[];
}

/** Whether this browser can create a WebGL context (maplibre needs WebGL 2 or 1). */
export function hasWebGL(): boolean {
  try {
    const canvas = document.createElement('canvas');
    return Boolean(canvas.getContext('webgl2') ?? canvas.getContext('webgl'));
  } catch {
    return false;
  }
}

/** Start maplibre's workers now, so they load while the page fetches its data (not after). */
export function prewarmMap(): void {
  prewarm();
}

export class MapView {
  readonly map: MlMap;
  private base: StyleSpecification;
  private theme: 'day' | 'night';
  private state: ViewState;
  private baseSources: Set<string>;
  private analysis: AnalysisCollection = EMPTY_ANALYSIS;
  private deck: { setProps(p: { layers: never }): void } | null = null;
  /** deck.gl layers by owner (tour playback, coverage grid), drawn together in one overlay. */
  private readonly deckGroups = new Map<string, unknown[]>();
  private deckTurn: Promise<void> = Promise.resolve();
  private styleReady = false;
  private restylePending = false;
  /** GeoJSON sources whose data changed before the style loaded. */
  private readonly dataPending = new Set<string>();
  private readonly opts: MapViewOptions;
  private readonly scale = new ScaleControl({ unit: 'metric' });
  private scaleCorner: 'bottom-left' | 'bottom-right' | null = null;

  constructor(opts: MapViewOptions) {
    this.opts = { ...opts, features: withStackRings(opts.features) };
    this.base = opts.base;
    this.theme = opts.theme;
    this.state = opts.state;
    this.baseSources = new Set(Object.keys(opts.base.sources));
    if (!protocolAdded) {
      addProtocol('pmtiles', new Protocol().tile);
      protocolAdded = true;
    }
    this.map = new MlMap({
      container: opts.container,
      style: this.compose(),
      center: opts.state.center,
      zoom: opts.state.zoom,
      maxBounds: MAX_BOUNDS,
      attributionControl: { compact: false },
      canvasContextAttributes: { preserveDrawingBuffer: Boolean(opts.preserveDrawingBuffer) },
      localIdeographFontFamily: IDEOGRAPH_FONTS,
      transformRequest: (url) => {
        opts.onRequest?.(url);
        return { url };
      },
    });
    this.map.addControl(new NavigationControl({ showCompass: true }), 'top-right');
    this.placeScale();
    this.map.on('resize', () => this.placeScale());
    this.wireEvents();
    this.map.on('style.load', () => {
      this.styleReady = true;
      if (this.dataPending.delete(FEATURE_SOURCE)) this.pushData(FEATURE_SOURCE, this.opts.features);
      if (this.dataPending.delete(DISTRICT_SOURCE)) this.pushData(DISTRICT_SOURCE, this.opts.districts);
      if (this.restylePending) {
        this.restylePending = false;
        this.map.setStyle(this.compose(), { diff: true });
      }
    });
  }

  private compose(): StyleSpecification {
    const s = this.state;
    const layers = overlayLayers({
      layers: s.layers,
      statuses: s.statuses,
      lang: s.lang,
      selected: s.selected,
      theme: this.theme,
      font: overlayFont(this.base),
    });
    // Analysis (bands, the walk) sits above the district lines and below every facility marker.
    const afterDistricts = layers.findIndex((l) => !l.id.startsWith(`${OVERLAY_PREFIX}district-`));
    layers.splice(afterDistricts, 0, ...analysisLayers(this.theme));
    return composeStyle(
      this.base,
      overlaySources(this.opts.features, this.opts.districts, this.analysis),
      layers,
    );
  }

  /**
   * The scale bar sits bottom-left; on a narrow map (a phone) the attribution fills the whole bottom edge, so
   * the scale goes bottom-right, where maplibre stacks it above the attribution instead of under it.
   */
  private placeScale(): void {
    const corner = this.map.getContainer().clientWidth < NARROW_MAP_PX ? 'bottom-right' : 'bottom-left';
    if (corner === this.scaleCorner) return;
    if (this.scaleCorner) this.map.removeControl(this.scale);
    this.map.addControl(this.scale, corner);
    this.scaleCorner = corner;
  }

  private wireEvents(): void {
    const clickable = clickableLayerIds();
    const present = () => clickable.filter((id) => this.map.getLayer(id));
    this.map.on('click', (e) => {
      const pad = 8;
      const layers = present();
      // A marker under the click wins; only a near miss looks around it (a finger is not a pixel).
      // Exact first, so the ring of a co-located marker (stack_rings.ts) picks that marker, not the one inside.
      const exact = this.map
        .queryRenderedFeatures(e.point, { layers })
        .filter((f) => f.geometry.type === 'Point');
      const hits = exact.length
        ? exact
        : this.map.queryRenderedFeatures(
            [
              [e.point.x - pad, e.point.y - pad],
              [e.point.x + pad, e.point.y + pad],
            ],
            { layers },
          );
      // Prefer points over the polygons they sit in.
      hits.sort((a, b) => Number(a.geometry.type !== 'Point') - Number(b.geometry.type !== 'Point'));
      const { id, category } = (hits[0]?.properties ?? {}) as { id?: unknown; category?: unknown };
      const point = hits[0]?.geometry.type === 'Point';
      const hit = typeof id === 'string' ? { id, category: String(category), point } : null;
      this.opts.onClick(hit, [e.lngLat.lng, e.lngLat.lat]);
    });
    this.map.on('mousemove', (e) => {
      const hit = this.map.queryRenderedFeatures(e.point, { layers: present() }).length > 0;
      this.map.getCanvas().style.cursor = hit ? 'pointer' : '';
    });
    this.map.on('moveend', () => {
      const c = this.map.getCenter();
      this.opts.onMove([c.lng, c.lat], this.map.getZoom());
    });
    this.map.on('error', (e) => {
      const sourceId = (e as { sourceId?: string }).sourceId;
      if (sourceId && this.baseSources.has(sourceId))
        this.opts.onBaseError(String(e.error?.message ?? e.error));
    });
  }

  /** Apply a new view state: style diffs for layers/filters/labels, a jump when the camera differs. */
  update(state: ViewState): void {
    this.state = state;
    this.restyle();
    const c = this.map.getCenter();
    const moved =
      Math.abs(c.lng - state.center[0]) > 1e-5 ||
      Math.abs(c.lat - state.center[1]) > 1e-5 ||
      Math.abs(this.map.getZoom() - state.zoom) > 0.01;
    if (moved) this.map.jumpTo({ center: state.center, zoom: state.zoom });
  }

  /** Replace the facility features (the data arriving after the map started, or a user import). */
  setFeatures(features: MapFeatureCollection): void {
    this.opts.features = withStackRings(features);
    this.pushData(FEATURE_SOURCE, this.opts.features);
  }

  /** Replace the district boundaries (they arrive after the map started). */
  setDistricts(districts: MapFeatureCollection): void {
    this.opts.districts = districts;
    this.pushData(DISTRICT_SOURCE, districts);
  }

  /**
   * GeoJSON changes go through setData, the direct path (no diff of the whole style). Before the style
   * has loaded there is no source yet; 'style.load' pushes the latest data then.
   */
  private pushData(id: string, data: MapFeatureCollection): void {
    if (!this.styleReady) {
      this.dataPending.add(id);
      return;
    }
    this.map.getSource<GeoJSONSource>(id)?.setData(data as never);
  }

  /** Draw walking analysis (isochrone bands, a walk, the chosen place); an empty collection clears it. */
  setAnalysis(analysis: AnalysisCollection): void {
    this.analysis = analysis;
    // setData is the direct path for changing GeoJSON; compose() also carries it across basemap reloads.
    const source = this.map.getSource<GeoJSONSource>(ANALYSIS_SOURCE);
    if (source) source.setData(analysis as never);
    else this.restyle();
  }

  /**
   * Re-apply the composed style as a diff. While a style is still loading, a setStyle would restart it
   * (maplibre diffs only against a loaded style) and refetch everything, so changes wait for 'style.load'.
   */
  private restyle(): void {
    if (!this.styleReady) {
      this.restylePending = true;
      return;
    }
    this.map.setStyle(this.compose(), { diff: true });
  }

  /**
   * Draw one owner's deck.gl layers over the map (coverage grid, tour playback), beside the other owners'. deck.gl is loaded on first use so it
   * stays out of the initial bundle. Pass [] to clear. Overlaid (not interleaved) mode: interleaved crashes
   * with maplibre 6 (DESIGN.md §8).
   */
  setDeckLayers(group: string, layers: unknown[]): Promise<void> {
    this.deckGroups.set(group, layers);
    // Calls are chained: two made while deck.gl loads must not create two overlays.
    this.deckTurn = this.deckTurn
      .then(async () => {
        const all = [...this.deckGroups.values()].flat();
        if (!this.deck) {
          if (all.length === 0) return;
          const { MapboxOverlay } = await import('@deck.gl/mapbox');
          this.deck = new MapboxOverlay({ interleaved: false, layers: [] });
          this.map.addControl(this.deck as unknown as IControl);
        }
        this.deck.setProps({ layers: [...this.deckGroups.values()].flat() as never });
      })
      .catch((e: unknown) => console.error('deck.gl overlay', e));
    return this.deckTurn;
  }

  /** Replace the basemap (full style reload: sources differ). */
  setBase(base: StyleSpecification, theme: 'day' | 'night'): void {
    this.base = base;
    this.theme = theme;
    this.baseSources = new Set(Object.keys(base.sources));
    this.styleReady = false;
    this.restylePending = false;
    this.map.setStyle(this.compose(), { diff: false });
  }

  /** Fit the camera to a geometry's bounds (e.g. a district picked in search). */
  fitTo(geometry: Geometry): void {
    const [w, s, e, n] = bbox(geometry);
    this.map.fitBounds([w, s, e, n], { padding: this.freePadding(), duration: 600 });
  }

  /**
   * Fit the camera to a box, in the part of the map the panels leave free.
   * @param box [west, south, east, north], degrees
   * @param maxZoom closest zoom (a box of one cell would otherwise fill the screen)
   */
  fitBox(box: readonly [number, number, number, number], maxZoom = 15): void {
    const [w, s, e, n] = box;
    this.map.fitBounds([w, s, e, n], { padding: this.freePadding(), maxZoom, duration: 600 });
  }

  /** [west, south, east, north] of the part of the map the panels and cards leave free, degrees. */
  freeBounds(): [number, number, number, number] {
    const pad = this.freePadding();
    const c = this.map.getContainer();
    const sw = this.map.unproject([pad.left, c.clientHeight - pad.bottom]);
    const ne = this.map.unproject([c.clientWidth - pad.right, pad.top]);
    return [sw.lng, sw.lat, ne.lng, ne.lat];
  }

  /** The map's margins covered by the panels and cards (src/map/free_area.ts). */
  freePadding(): Padding {
    return freePadding(this.map, this.opts.covers?.() ?? []);
  }

  /**
   * Plain-text attributions of what the map shows: the basemap's own list plus the district boundaries,
   * which the overlay draws over every basemap.
   */
  attribution(): string[] {
    const meta = (this.base.metadata as Record<string, unknown> | undefined)?.[ATTRIBUTION_KEY];
    const list = Array.isArray(meta) ? meta.filter((x): x is string => typeof x === 'string') : [];
    return [...new Set([...list, ATTRIBUTION.boundaries])];
  }

  /** Ease the camera to a feature's position, in the middle of the part of the map left free. */
  flyTo(center: [number, number], zoom?: number): void {
    const to = Math.max(this.map.getZoom(), zoom ?? 14);
    this.map.easeTo({ center: centreFor(this.map, center, this.freePadding(), to), zoom: to, duration: 600 });
  }
}
