// Runs the planners' 15-minute coverage analysis for the app: worker requests, panel, deck.gl cells, what-if markers, downloads.

import { area } from '@turf/area';
import type { Map as MlMap } from 'maplibre-gl';
import { DETOUR_FACTOR, TIME_BANDS_MIN, WALK_SPEED_M_PER_MIN } from '../config';
import { sourceText } from '../lib/attribution';
import { CoverageClient, type CoverageWorkerLike } from '../lib/coverage/client';
import type { UncoveredCluster } from '../lib/coverage/clusters';
import { estimateCellCount, formatGridSpec } from '../lib/coverage/grid_spec';
import type {
  AnalyseResult,
  CoverageProgress,
  FacilityInput,
  GridPayload,
  MarginalResult,
  PopulationSummary,
} from '../lib/coverage/protocol';
import { COVERAGE_CATEGORIES, type CoverageViewState, MAX_SITES } from '../lib/coverage/scenario_state';
import type { ScoreSort } from '../lib/coverage/scores';
import type { CategoryId, MapFeature, MapFeatureCollection, SourceRef } from '../lib/feature';
import { type Lang, translate } from '../lib/i18n';
import { walkTarget } from '../lib/nearby';
import type { TargetProgress } from '../lib/plan_targets';
import { coverageCellLayers } from './coverage_deck';
import type { ExportSource } from './coverage_exports';
import { SiteMarkers } from './coverage_markers';
import { PlannerNetwork } from './coverage_network';
import { renderNetworkStatus } from './coverage_network_panel';
import { downloadBlob } from './download';
import { renderCoveragePanel, type SelectedCell } from './planner_panel';

/** What the controller reads of the app state (ViewState with the coverage fields satisfies it). */
export type PlannerState = CoverageViewState & {
  lang: Lang;
  /** Map centre, [lon, lat] (sites can be added there from the keyboard). */
  center: [number, number];
  panel: string | null;
  layers: readonly CategoryId[];
};

export interface PlannerHost {
  /** Patch the app state (the coverage fields). */
  set(patch: Partial<CoverageViewState>): void;
  /** Re-render the panel (progress or results arrived). */
  refresh(): void;
  /** Draw again: call deckLayers(state) and syncMarkers(map, state) (results arrived). */
  redraw(): void;
  notice(text: string): void;
  flyTo(center: [number, number], zoom?: number): void;
  /** Whether [lon, lat] lies in Lanzhou. */
  inLanzhou(lon: number, lat: number): boolean;
  /** The live map, for the map picture (null without WebGL). */
  map(): MlMap | null;
  /** The plan targets against what is mapped, for the report. */
  targets(): TargetProgress[];
  /** Basemap and boundary attributions, plain text. */
  attribution(): string[];
}

export interface PlannerOptions {
  /** A walking graph to load in the worker (none ships yet: estimates only). */
  graphUrl?: string | null;
  createWorker?: () => CoverageWorkerLike;
  speedMPerMin?: number;
  detourFactor?: number;
}

/** Grids estimated above this many cells get a warning before the (long) computation. */
const LARGE_GRID = 150_000;
export class PlannerController {
  private readonly client: CoverageClient;
  private readonly network: PlannerNetwork;
  private facilities: FacilityInput[] = [];
  /** Source title of every facility by id (for the report's source list). */
  private sourceOf = new Map<string, SourceRef>();
  private reportLang: Lang | null = null;
  private picturing = false;
  private mappedCount = 0;
  private districtKm2 = new Map<string, number>();
  private districtFc: MapFeatureCollection = { type: 'FeatureCollection', features: [] };
  private dataVersion = 0;
  private initVersion = -1;
  private popVersion = 0;
  private requestedKey = '';
  private currentId = -1;
  private grid: GridPayload | null = null;
  private result: AnalyseResult | null = null;
  private resultVersion = 0;
  /** Settings key the shown result was computed for. */
  private resultKey = '';
  private progress: CoverageProgress | null = null;
  private error: string | null = null;
  private cancelled = false;
  private adding = false;
  private youthShare: number | null = null;
  private population: { summary: PopulationSummary | null; busy: boolean } = { summary: null, busy: false };
  private marginal: { result: MarginalResult | null; busy: boolean; error: string | null } = {
    result: null,
    busy: false,
    error: null,
  };
  private sort: { sort: ScoreSort; dir: 'asc' | 'desc' } = { sort: { by: 'missing' }, dir: 'desc' };
  private selected: number | null = null;
  private readonly markers = new SiteMarkers((covSites) => this.host.set({ covSites }));
  private last: PlannerState | null = null;

  constructor(
    private readonly host: PlannerHost,
    private readonly options: PlannerOptions = {},
  ) {
    this.client = new CoverageClient(options.createWorker ? { createWorker: options.createWorker } : {});
    this.network = new PlannerNetwork(
      (req) => this.client.request(req),
      () => this.host.refresh(),
      () => {
        // The worker now times on another network: ask again for the same settings.
        this.requestedKey = '';
        if (this.last) this.ensure(this.last);
        this.host.refresh();
      },
    );
  }

  /**
   * Without a city graph: download the street network of the districts analysed from Overpass at
   * `endpoint` (tiled, cached on the device) and time the analysis on it.
   */
  useOnlineNetwork(endpoint: string): void {
    if (this.options.graphUrl) return;
    this.network.enable(endpoint);
    if (this.last) this.ensure(this.last);
  }

  /** Use these facilities and district boundaries (shipped data plus imports). */
  setData(features: readonly MapFeature[], districts: MapFeatureCollection): void {
    const wanted = new Set<CategoryId>([...COVERAGE_CATEGORIES, 'youth_housing']);
    this.facilities = features
      .filter((f) => wanted.has(f.properties.category))
      .map((f) => {
        const [lon, lat] = walkTarget(f);
        const p = f.properties;
        return {
          id: p.id,
          category: p.category,
          status: p.status,
          lon,
          lat,
          name_zh: p.name_zh,
          name_en: p.name_en,
          district: p.district,
          ...(p.units !== undefined ? { units: p.units } : {}),
        };
      });
    this.sourceOf = new Map(features.map((f) => [f.properties.id, f.properties.source]));
    this.mappedCount = this.facilities.filter((f) => f.category !== 'youth_housing').length;
    this.districtFc = districts;
    this.districtKm2 = new Map();
    for (const f of districts.features) {
      const a = f.properties.district;
      this.districtKm2.set(a, (this.districtKm2.get(a) ?? 0) + area(f as never) / 1e6);
    }
    this.dataVersion++;
    this.requestedKey = '';
    if (this.last) this.ensure(this.last);
  }

  /**
   * Use a street graph (URL of the binary walking graph, e.g. the OSM import's) or none (estimates). The
   * worker loads it itself; every figure is recomputed.
   */
  setGraphUrl(url: string | null): void {
    if ((this.options.graphUrl ?? null) === url) return;
    this.options.graphUrl = url;
    if (url) this.network.disable();
    this.dataVersion++;
    this.requestedKey = '';
    if (this.last) this.ensure(this.last);
  }

  /** Whether the analysis is needed: the coverage panel is open or the fitness circle is shown. */
  wanted(s: PlannerState): boolean {
    return s.panel === 'coverage' || s.layers.includes('fitness_circle');
  }

  private settingsKey(s: PlannerState): string {
    return JSON.stringify([
      formatGridSpec(s.covGrid),
      s.covDistricts,
      s.covPlanned,
      s.covSites,
      s.covCat,
      this.popVersion,
      this.dataVersion,
      this.network.version,
    ]);
  }

  /** Sends an analysis when the state asks for one that was not asked for yet. */
  private ensure(s: PlannerState): void {
    this.last = s;
    if (!this.wanted(s)) return;
    if (this.initVersion !== this.dataVersion) {
      this.initVersion = this.dataVersion;
      this.client.request({
        type: 'init',
        facilities: this.facilities,
        districts: this.districtFc,
        graphUrl: this.options.graphUrl ?? null,
        speedMPerMin: this.options.speedMPerMin ?? WALK_SPEED_M_PER_MIN,
        detourFactor: this.options.detourFactor ?? DETOUR_FACTOR,
      });
    }
    this.network.ensure(s.covDistricts, this.districtFc, this.facilities);
    const key = this.settingsKey(s);
    if (key === this.requestedKey) return;
    this.requestedKey = key;
    this.error = null;
    this.cancelled = false;
    const req = this.client.request(
      {
        type: 'analyse',
        settings: {
          grid: s.covGrid,
          districts: s.covDistricts,
          planned: s.covPlanned,
          sites: s.covSites,
          category: s.covCat,
          bands: [...TIME_BANDS_MIN],
          youthShare: this.youthShare,
        },
      },
      (p) => {
        if (this.currentId !== req.id) return;
        this.progress = p;
        this.host.refresh();
      },
    );
    this.currentId = req.id;
    void req.outcome.then((o) => {
      // A superseded analysis may still carry the grid the worker now assumes we have.
      if (o.kind === 'result' && o.result.grid) this.grid = o.result.grid;
      if (this.currentId !== req.id) return;
      this.progress = null;
      if (o.kind === 'result') {
        this.result = o.result;
        this.resultKey = key;
        this.resultVersion++;
        if (this.selected !== null && this.selected >= o.result.cellCount) this.selected = null;
      } else if (o.kind === 'cancelled') this.cancelled = true;
      else this.error = o.message;
      this.host.refresh();
      this.host.redraw();
    });
  }

  /** The coverage panel for state `s` (starts the analysis if needed). */
  panel(s: PlannerState): HTMLElement {
    this.ensure(s);
    const km2 = s.covDistricts.reduce((a, d) => a + (this.districtKm2.get(d) ?? 0), 0);
    const estimate = estimateCellCount(s.covGrid, km2);
    return renderCoveragePanel({
      lang: s.lang,
      state: s,
      categories: COVERAGE_CATEGORIES,
      mapped: this.mappedCount,
      network: renderNetworkStatus(
        s.lang,
        this.network.state,
        this.options.detourFactor ?? DETOUR_FACTOR,
        () => this.network.retry(),
      ),
      progress: this.progress,
      error: this.error,
      cancelled: this.cancelled,
      result: this.result,
      largeGrid: estimate > LARGE_GRID ? estimate : null,
      adding: this.adding,
      youthShare: this.youthShare,
      reportLang: this.reportLang ?? s.lang,
      picturing: this.picturing,
      exportReady: this.exportReady(s),
      canPicture: this.host.map() !== null,
      population: this.population,
      marginal: this.marginal,
      sort: this.sort,
      selectedCell: this.selectedCell(),
      on: {
        category: (covCat) => {
          this.marginal = { result: null, busy: false, error: null };
          this.host.set({ covCat });
        },
        grid: (covGrid) => {
          this.selected = null;
          this.host.set({ covGrid });
        },
        districts: (covDistricts) => {
          this.selected = null;
          this.host.set({ covDistricts });
        },
        planned: (covPlanned) => this.host.set({ covPlanned }),
        addMode: (on) => {
          this.adding = on;
          this.host.refresh();
        },
        addAtCentre: () => this.addSite(s, s.center),
        removeSite: (i) => this.host.set({ covSites: s.covSites.filter((_, k) => k !== i) }),
        clearSites: () => this.host.set({ covSites: [] }),
        cancel: () => this.client.cancel(this.currentId),
        retry: () => {
          this.requestedKey = '';
          this.ensure(this.last ?? s);
          this.host.refresh();
        },
        populationFile: (file) => void this.loadPopulation(file),
        populationClear: () => void this.clearPopulation(),
        youthShare: (v) => {
          this.youthShare = v;
          this.host.refresh();
        },
        marginal: () => void this.runMarginal(s.covCat),
        cluster: (c) => this.showCluster(c),
        sort: (sort, dir) => {
          this.sort = { sort, dir };
          this.host.refresh();
        },
        export: (what) => void this.download(what, s),
        reportLang: (l) => {
          this.reportLang = l;
          this.host.refresh();
        },
        png: () => void this.picture(s, 'png'),
        report: () => void this.picture(s, 'report'),
      },
    });
  }

  private selectedCell(): SelectedCell | null {
    const r = this.result;
    const g = this.grid;
    const c = this.selected;
    if (c === null || !r || !g || g.key !== r.gridKey || c >= g.ids.length) return null;
    return {
      id: g.ids[c] as string,
      district: g.adcodes[g.district[c] as number] ?? '',
      estimate: g.cellMethod[c] === 1,
      times: r.categories.map((category, k) => ({
        category,
        minutes: r.minutes[k]?.[c] ?? Infinity,
        reach: r.reach[k]?.[c] ?? 0,
      })),
    };
  }

  private showCluster(c: UncoveredCluster): void {
    this.selected = c.cell;
    const [w, s, e, n] = c.bbox;
    // Zoom so that the cluster fits roughly: one zoom level per halving of its span (≈20 km at z12).
    const spanKm = Math.max((e - w) * 90, (n - s) * 111, 0.3);
    this.host.flyTo(c.centre, Math.max(10, Math.min(16, 12 + Math.log2(20 / spanKm))));
    this.host.refresh();
  }

  private async loadPopulation(file: File): Promise<void> {
    this.population = { summary: this.population.summary, busy: true };
    this.host.refresh();
    // The File itself goes to the worker: a clone shares its bytes, and a GeoTIFF is read window by window.
    const o = await this.client.request({ type: 'population', bytes: file, name: file.name }).outcome;
    const prev = this.population.summary;
    // A rejected file shows its problems but keeps the population already loaded (and its summary).
    const summary =
      o.kind !== 'result'
        ? prev
        : o.result.accepted > 0 || !prev?.accepted
          ? o.result
          : { ...prev, issues: o.result.issues };
    this.population = { summary, busy: false };
    if (o.kind === 'error') this.host.notice(o.message);
    if (o.kind === 'result' && o.result.accepted > 0) {
      this.popVersion++;
      this.marginal = { result: null, busy: false, error: null };
      if (this.last) this.ensure(this.last);
    }
    this.host.refresh();
  }

  private async clearPopulation(): Promise<void> {
    await this.client.request({ type: 'population', bytes: null, name: '' }).outcome;
    this.population = { summary: null, busy: false };
    this.popVersion++;
    this.marginal = { result: null, busy: false, error: null };
    if (this.last) this.ensure(this.last);
    this.host.refresh();
  }

  private async runMarginal(category: CategoryId): Promise<void> {
    this.marginal = { result: null, busy: true, error: null };
    this.host.refresh();
    const o = await this.client.request({ type: 'marginal', category }).outcome;
    this.marginal = {
      result: o.kind === 'result' ? o.result : null,
      busy: false,
      error: o.kind === 'error' ? o.message : null,
    };
    this.host.refresh();
  }

  private async download(what: 'cells' | 'districts' | 'scores', s: PlannerState): Promise<void> {
    // The worker exports its latest result, which is the shown one only when the settings match.
    if (!this.exportReady(s)) return;
    const lang = s.lang;
    const o = await this.client.request({ type: 'export', what, lang }).outcome;
    if (o.kind !== 'result') {
      if (o.kind === 'error') this.host.notice(translate(lang, 'plan.cov.error', { detail: o.message }));
      return;
    }
    downloadBlob(new Blob([o.result.text], { type: o.result.mime }), o.result.filename);
  }

  /** Whether the shown result belongs to the current settings (while a new one computes, it does not). */
  private exportReady(s: PlannerState): boolean {
    return this.result !== null && this.resultKey === this.settingsKey(s);
  }

  /** What the picture and report are made from, or null before a result (or while its grid is missing). */
  private exportSource(s: PlannerState): ExportSource | null {
    const r = this.result;
    const g = this.grid;
    if (!r || !g || g.key !== r.gridKey || !this.exportReady(s)) return null;
    const counted = this.facilities.filter(
      (f) => f.category === s.covCat && (s.covPlanned || f.status === 'existing'),
    );
    return {
      map: this.host.map(),
      grid: g,
      report: {
        result: r,
        category: s.covCat,
        districts: s.covDistricts,
        grid: s.covGrid,
        planned: s.covPlanned,
        sites: s.covSites,
        youthShare: this.youthShare,
        mapped: this.mappedCount,
        targets: this.host.targets(),
        sources: counted.flatMap((f) => {
          const source = this.sourceOf.get(f.id);
          return source ? [sourceText(source, s.lang)] : [];
        }),
        attribution: this.host.attribution(),
        now: new Date(),
        url: /^https?:\/\//i.test(location.href) ? location.href : null,
      },
    };
  }

  /** Makes the map picture (PNG) or the A4 report; the code for both loads on first use. */
  private async picture(s: PlannerState, what: 'png' | 'report'): Promise<void> {
    const source = this.exportSource(s);
    if (!source || this.picturing) return;
    this.picturing = true;
    this.host.refresh();
    try {
      const m = await import('./coverage_exports');
      if (what === 'report') await m.printCoverageReport(source, this.reportLang ?? s.lang);
      else {
        const file = await m.downloadCoveragePng(source, s.lang);
        this.host.notice(
          file ? translate(s.lang, 'report.png.done', { file }) : translate(s.lang, 'report.png.failed'),
        );
      }
    } catch {
      this.host.notice(translate(s.lang, what === 'report' ? 'report.print.failed' : 'report.png.failed'));
    } finally {
      this.picturing = false;
      this.host.refresh();
    }
  }

  /**
   * A map click with the coverage panel open: in "add site" mode it places a what-if site of the
   * chosen category. Returns true when the click was used (the app then ignores it).
   */
  mapClick(s: PlannerState, lngLat: [number, number]): boolean {
    if (s.panel !== 'coverage' || !this.adding) return false;
    this.addSite(s, lngLat);
    return true;
  }

  private addSite(s: PlannerState, [lon, lat]: [number, number]): void {
    if (!this.host.inLanzhou(lon, lat)) this.host.notice(translate(s.lang, 'plan.cov.whatif.outside'));
    else if (s.covSites.length >= MAX_SITES)
      this.host.notice(translate(s.lang, 'plan.cov.whatif.max', { n: MAX_SITES }));
    else this.host.set({ covSites: [...s.covSites, { category: s.covCat, lon, lat }] });
  }

  /**
   * The deck.gl layers for state `s`: the cells coloured by walking time to the chosen category while
   * the coverage panel is open; otherwise, when the fitness_circle layer is on, the cells within the
   * last band of a fitness site (the 15-minute fitness circle). deck.gl loads on first use.
   */
  async deckLayers(s: PlannerState): Promise<unknown[]> {
    this.ensure(s);
    const coverage = s.panel === 'coverage';
    return coverageCellLayers({
      result: this.result,
      grid: this.grid,
      category: coverage ? s.covCat : s.layers.includes('fitness_circle') ? 'fitness_site' : null,
      circle: !coverage,
      version: this.resultVersion,
      pick: (cell) => {
        if (this.adding) return false;
        this.selected = cell;
        this.host.refresh();
        return true;
      },
    });
  }

  /**
   * Keeps one draggable marker per what-if site on the map while the coverage panel is open; dragging
   * one moves its site (and the analysis updates).
   */
  syncMarkers(map: MlMap | null, s: PlannerState): void {
    this.last = s;
    this.markers.sync(map && s.panel === 'coverage' ? map : null, s.lang, s.covSites);
  }

  /** Stops the worker and removes the markers. */
  dispose(): void {
    this.client.dispose();
    this.markers.sync(null, 'zh', []);
  }
}
