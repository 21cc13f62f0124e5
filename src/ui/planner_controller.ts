// Runs the planners' 15-minute coverage analysis for the app: worker requests, panel, deck.gl cells, what-if markers, downloads.

import { area } from '@turf/area';
import type { Map as MlMap } from 'maplibre-gl';
import { DETOUR_FACTOR, TIME_BANDS_MIN, WALK_SPEED_M_PER_MIN } from '../config';
import { CoverageClient } from '../lib/coverage/client';
import type { CoveredCells } from '../lib/coverage/covered';
import { facilityInputs } from '../lib/coverage/facility_inputs';
import { estimateCellCount, formatGridSpec } from '../lib/coverage/grid_spec';
import type { AnalyseResult, CoverageProgress, FacilityInput, GridPayload } from '../lib/coverage/protocol';
import { COVERAGE_CATEGORIES, MAX_SITES } from '../lib/coverage/scenario_state';
import type { ScoreSort } from '../lib/coverage/scores';
import type { MapFeature, MapFeatureCollection, SourceRef } from '../lib/feature';
import { translate } from '../lib/i18n';
import { coverageCellLayers } from './coverage_deck';
import type { ExportSource } from './coverage_exports';
import { SiteMarkers } from './coverage_markers';
import { PlannerNetwork } from './coverage_network';
import { renderNetworkStatus } from './coverage_network_panel';
import type { MapHit } from './map_click';
import { coveredOf, drawnCategory, PlannerCells, type ShownResult, selectedCell } from './planner_cells';
import { exportSource, PlannerDownloads } from './planner_downloads';
import type { PlannerHost, PlannerOptions, PlannerState } from './planner_host';
import { renderCoveragePanel } from './planner_panel';
import { PlannerPopulation } from './planner_population';

/** Grids estimated above this many cells get a warning before the (long) computation. */
const LARGE_GRID = 150_000;
export class PlannerController {
  private readonly client: CoverageClient;
  private readonly network: PlannerNetwork;
  private facilities: FacilityInput[] = [];
  /** Source title of every facility by id (for the report's source list). */
  private sourceOf = new Map<string, SourceRef>();
  private mappedCount = 0;
  private districtKm2 = new Map<string, number>();
  private districtFc: MapFeatureCollection = { type: 'FeatureCollection', features: [] };
  private dataVersion = 0;
  private initVersion = -1;
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
  private readonly pop: PlannerPopulation;
  private readonly downloads: PlannerDownloads;
  private sort: { sort: ScoreSort; dir: 'asc' | 'desc' } = { sort: { by: 'missing' }, dir: 'desc' };
  private readonly markers = new SiteMarkers((covSites) => this.host.set({ covSites }));
  private last: PlannerState | null = null;
  private readonly cells: PlannerCells;

  constructor(
    private readonly host: PlannerHost,
    private readonly options: PlannerOptions = {},
  ) {
    this.client = new CoverageClient(options.createWorker ? { createWorker: options.createWorker } : {});
    this.cells = new PlannerCells(host);
    this.pop = new PlannerPopulation(
      this.client,
      () => this.host.refresh(),
      (text) => this.host.notice(text),
      () => {
        if (this.last) this.ensure(this.last);
      },
    );
    this.downloads = new PlannerDownloads(
      this.client,
      () => this.host.refresh(),
      (text) => this.host.notice(text),
    );
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

  /** About → clear: a running street-network download stops (the panel says so and offers a retry). */
  clearDevice(): void {
    this.network.clear();
  }

  /** Use these facilities and district boundaries (shipped data plus imports). */
  setData(features: readonly MapFeature[], districts: MapFeatureCollection): void {
    this.facilities = facilityInputs(features);
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
      this.pop.version,
      this.dataVersion,
      this.network.version,
    ]);
  }

  /** Sends an analysis when the state asks for one that was not asked for yet. */
  private ensure(s: PlannerState): void {
    this.last = s;
    this.cells.noteDrawn(s);
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
    if (key === this.requestedKey) {
      this.cells.frame(s, this.shown(s));
      return;
    }
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
          youthShare: this.pop.youthShare,
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
        this.cells.resultArrived(o.result.cellCount);
        if (this.last) this.cells.frame(this.last, this.shown(this.last));
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
      youthShare: this.pop.youthShare,
      reportLang: this.downloads.reportLang ?? s.lang,
      picturing: this.downloads.picturing,
      exportReady: this.exportReady(s),
      canPicture: this.host.map() !== null,
      population: this.pop.population,
      marginal: this.pop.marginal,
      sort: this.sort,
      selectedCell: selectedCell(this.result, this.grid, this.cells.selected),
      covered: this.covered(s),
      on: {
        category: (covCat) => {
          this.pop.resetMarginal();
          this.host.set({ covCat });
        },
        grid: (covGrid) => {
          this.cells.selected = null;
          this.host.set({ covGrid });
        },
        districts: (covDistricts) => {
          this.cells.selected = null;
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
        populationFile: (file) => void this.pop.load(file),
        populationClear: () => void this.pop.clear(),
        youthShare: (v) => {
          this.pop.youthShare = v;
          this.host.refresh();
        },
        marginal: () => void this.pop.runMarginal(s.covCat),
        cluster: (c) => this.cells.showCluster(c),
        showCovered: () => {
          const c = this.covered(s);
          if (c) this.host.fitBox(c.bbox);
        },
        sort: (sort, dir) => {
          this.sort = { sort, dir };
          this.host.refresh();
        },
        // The worker exports its latest result, which is the shown one only when the settings match.
        export: (what) => void (this.exportReady(s) && this.downloads.file(what, s.lang)),
        reportLang: (l) => {
          this.downloads.reportLang = l;
          this.host.refresh();
        },
        png: () => void this.downloads.picture(this.exportSource(s), 'png', s.lang),
        report: () => void this.downloads.picture(this.exportSource(s), 'report', s.lang),
      },
    });
  }

  /** Where the drawn (or chosen) category's covered cells are, from the shown result (null: none). */
  private covered(s: PlannerState): CoveredCells | null {
    return coveredOf(this.result, this.grid, drawnCategory(s) ?? s.covCat);
  }

  private shown(s: PlannerState): ShownResult {
    return { result: this.result, grid: this.grid, ready: this.exportReady(s) };
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
    return exportSource(s, {
      result: r,
      grid: g,
      facilities: this.facilities,
      sourceOf: this.sourceOf,
      youthShare: this.pop.youthShare,
      mapped: this.mappedCount,
      map: this.host.map(),
      targets: this.host.targets(),
      attribution: this.host.attribution(),
    });
  }

  /**
   * A map click with the coverage panel open: in "add site" mode it places a what-if site of the
   * chosen category; else on a drawn cell (not on a marker) it selects that cell only (PlannerCells.click).
   * Returns true when the click was used (the app then ignores it).
   */
  mapClick(s: PlannerState, lngLat: [number, number], hit: MapHit | null = null): boolean {
    if (s.panel !== 'coverage') return false;
    if (!this.adding) return this.cells.click(s, lngLat, hit, this.shown(s));
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
    if (coverage) await this.cells.prepare();
    return coverageCellLayers({
      result: this.result,
      grid: this.grid,
      category: coverage ? s.covCat : s.layers.includes('fitness_circle') ? 'fitness_site' : null,
      circle: !coverage,
      version: this.resultVersion,
      selected: coverage ? this.cells.selected : null,
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
