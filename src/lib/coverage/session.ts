// The coverage worker's state machine: keeps grid, base coverage and scenario between requests, recomputing only what changed.

import type { CategoryId } from '../feature';
import { createWalkEngine, type WalkEngine } from '../walk/engine';
import type { FacilityPoint } from '../walk/facilities';
import type { WalkGraph } from '../walk/graph';
import { deserializeWalkGraph } from '../walk/graph_binary';
import { applyLayerChange, type CoverageTable, cloneTable, retabulateCategory, tabulate } from './aggregate';
import { uncoveredClusters } from './clusters';
import { type CoverageLayer, computeLayer } from './compute';
import { type CoverageContext, prepareCoverage } from './context';
import {
  buildGrid,
  type CoverageGrid,
  type DistrictShape,
  districtShapes,
  formatGridSpec,
  gridNeighbours,
} from './grid';
import { marginalContributions } from './marginal';
import {
  type CellPopulation,
  type PopulationImport,
  populationPerCell,
  readPopulationCsv,
} from './population';
import { type GeoTiffReader, readPopulationGeoTiff } from './population_geotiff';
import type {
  AnalyseResult,
  AnalyseSettings,
  CoveragePhase,
  CoverageReply,
  CoverageRequest,
  ExportWhat,
  FacilityInput,
  GridPayload,
  MarginalResult,
  PopulationSummary,
} from './protocol';
import { isCoverageRequest } from './protocol';
import { COVERAGE_CATEGORIES } from './scenario_state';
import { type ApartmentScore, type NamedPoint, prepareScoreCategories, scoreApartments } from './scores';
import { exportCoverage } from './session_export';
import { buildNetworkGraph, parseNetworkTile } from './session_network';
import { ScenarioLayer, sitesOf, type WhatIfSite } from './whatif';

/** Sends a reply, with buffers to transfer. */
export type Post = (reply: CoverageReply, transfer?: Transferable[]) => void;

/** What the session needs from its host (injectable for tests). */
export interface SessionEnv {
  /** Fetches a walking graph file. */
  fetchBytes?: (url: string) => Promise<ArrayBuffer>;
  /** GeoTIFF reader (null: geotiff not installed). */
  geotiff?: GeoTiffReader | null;
  /** Lets queued messages (cancel, newer requests) in between steps. */
  yieldNow?: () => Promise<void>;
}

/**
 * Whether a file is a TIFF: by its name, or by its first 4 bytes (byte order, then 42 for classic TIFF
 * or 43 for BigTIFF, which GDAL writes for files over 4 GB, e.g. country-wide WorldPop rasters).
 */
export function isTiff(name: string, head: Uint8Array): boolean {
  const magic = (lo: number, hi: number) => (lo === 0x2a || lo === 0x2b) && hi === 0;
  return (
    /\.tiff?$/i.test(name) ||
    (head[0] === 0x49 && head[1] === 0x49 && magic(head[2] ?? -1, head[3] ?? -1)) ||
    (head[0] === 0x4d && head[1] === 0x4d && magic(head[3] ?? -1, head[2] ?? -1))
  );
}

/** Progress messages closer together than this are dropped (a phase change always gets through). */
const PROGRESS_INTERVAL_MS = 50;

class Cancelled extends Error {}

const now = () => (typeof performance !== 'undefined' ? performance.now() : Date.now());

interface Prepared {
  grid: CoverageGrid;
  ctx: CoverageContext;
}

interface Base {
  key: string;
  layers: Map<CategoryId, CoverageLayer>;
  points: Map<CategoryId, FacilityInput[]>;
}

interface Scenario {
  key: string;
  layers: Map<CategoryId, ScenarioLayer>;
  table: CoverageTable;
  baseTable: CoverageTable;
}

/** One coverage worker's memory. Requests are handled one at a time, in order. */
export class CoverageSession {
  private facilities: FacilityInput[] = [];
  private shapes: DistrictShape[] = [];
  private engine: WalkEngine | null = null;
  /** The init's graph (from its URL), and the street network sent as tiles, which wins over none. */
  private initGraph: WalkGraph | null = null;
  private netGraph: WalkGraph | null = null;
  private walk = { speedMPerMin: 80, detourFactor: 1.3 };
  private prepared: Prepared | null = null;
  private base: Base | null = null;
  private scenario: Scenario | null = null;
  private population: PopulationImport | null = null;
  private popVersion = 0;
  private cellPop: { key: string; value: CellPopulation } | null = null;
  private lastSentGrid: string | null = null;
  private settings: AnalyseSettings | null = null;
  private scoreCache: { key: string; scores: ApartmentScore[] } | null = null;
  private readonly cancelled = new Set<number>();
  private latestAnalyse = -1;
  private queue: Promise<void> = Promise.resolve();

  constructor(private readonly env: SessionEnv = {}) {}

  /**
   * Takes one message from the main thread. Cancels act at once; other requests run in arrival order.
   * @param post sends replies (progress, then one result / error / cancelled)
   */
  handle(message: unknown, post: Post): Promise<void> {
    if (!isCoverageRequest(message)) return Promise.resolve();
    if (message.type === 'cancel') {
      this.cancelled.add(message.id);
      return Promise.resolve();
    }
    // A newer analysis makes older ones pointless (e.g. while a site is dragged).
    if (message.type === 'analyse') this.latestAnalyse = message.id;
    this.queue = this.queue.then(() => this.run(message, post));
    return this.queue;
  }

  private async run(msg: Exclude<CoverageRequest, { type: 'cancel' }>, post: Post): Promise<void> {
    const id = msg.id;
    let lastPhase = '';
    let lastAt = Number.NEGATIVE_INFINITY;
    const progress = (phase: CoveragePhase, done: number, total: number) => {
      const t = now();
      if (phase === lastPhase && t - lastAt < PROGRESS_INTERVAL_MS && done < total) return;
      lastPhase = phase;
      lastAt = t;
      post({ type: 'progress', id, progress: { phase, done, total } });
    };
    const checkpoint = async () => {
      await (this.env.yieldNow ?? (() => new Promise<void>((r) => setTimeout(r, 0))))();
      if (this.cancelled.has(id) || (msg.type === 'analyse' && id !== this.latestAnalyse))
        throw new Cancelled();
    };
    try {
      if (this.cancelled.has(id)) throw new Cancelled();
      switch (msg.type) {
        case 'init': {
          this.facilities = msg.facilities;
          this.shapes = districtShapes(msg.districts);
          let graphIssue: string | null = null;
          let graph = null;
          if (msg.graphUrl) {
            progress('graph', 0, 1);
            try {
              const fetchBytes =
                this.env.fetchBytes ??
                (async (url: string) => {
                  const res = await fetch(url);
                  if (!res.ok) throw new Error(`HTTP ${res.status}`);
                  return res.arrayBuffer();
                });
              graph = deserializeWalkGraph(await fetchBytes(msg.graphUrl));
            } catch (e) {
              graphIssue = (e as Error).message || String(e);
            }
          }
          this.initGraph = graph;
          this.walk = { speedMPerMin: msg.speedMPerMin, detourFactor: msg.detourFactor };
          this.useGraph();
          post({
            type: 'result',
            id,
            result: {
              method: (this.engine as WalkEngine).method,
              graphIssue,
              facilities: msg.facilities.length,
            },
          });
          return;
        }
        case 'analyse': {
          const { result, transfer } = await this.analyse(msg.settings, progress, checkpoint);
          post({ type: 'result', id, result }, transfer);
          return;
        }
        case 'population': {
          post({ type: 'result', id, result: await this.loadPopulation(msg.bytes, msg.name, progress) });
          return;
        }
        case 'marginal': {
          post({ type: 'result', id, result: this.marginal(msg.category, progress) });
          return;
        }
        case 'export': {
          post({ type: 'result', id, result: this.exportText(msg.what, msg.lang) });
          return;
        }
        case 'net_tile': {
          const result = parseNetworkTile(msg.body);
          post({ type: 'result', id, result }, result.ok ? [result.extract] : []);
          return;
        }
        case 'network': {
          progress('graph', 0, 1);
          const t0 = now();
          const built = buildNetworkGraph(msg.parts, msg.meta);
          this.netGraph = built && built.graph.nodeCount > 0 ? built.graph : null;
          this.useGraph();
          post({
            type: 'result',
            id,
            result: {
              method: (this.engine as WalkEngine).method,
              parts: msg.parts.length,
              nodes: built?.graph.nodeCount ?? 0,
              edges: built?.graph.edgeCount ?? 0,
              buildMs: now() - t0,
            },
          });
          return;
        }
      }
    } catch (e) {
      if (e instanceof Cancelled) post({ type: 'cancelled', id });
      else post({ type: 'error', id, message: (e as Error).message || String(e) });
    } finally {
      this.cancelled.delete(id);
    }
  }

  /** A new engine on the graph in use (the init's, else the tiled network, else none); every figure is recomputed. */
  private useGraph(): void {
    this.engine = createWalkEngine(this.initGraph ?? this.netGraph, this.walk);
    this.prepared = null;
    this.base = null;
    this.scenario = null;
    this.scoreCache = null;
    this.lastSentGrid = null;
  }

  private facilitiesOf(category: CategoryId, planned: boolean): FacilityInput[] {
    return this.facilities.filter((f) => f.category === category && (planned || f.status === 'existing'));
  }

  private popFor(grid: CoverageGrid): CellPopulation | null {
    if (!this.population?.points) return null;
    const key = `${grid.key}|${this.popVersion}`;
    if (this.cellPop?.key !== key)
      this.cellPop = { key, value: populationPerCell(grid, this.population.points) };
    return this.cellPop.value;
  }

  private async analyse(
    s: AnalyseSettings,
    progress: (phase: CoveragePhase, done: number, total: number) => void,
    checkpoint: () => Promise<void>,
  ): Promise<{ result: AnalyseResult; transfer: Transferable[] }> {
    const engine = this.engine;
    if (!engine) throw new Error('coverage session not initialised');
    const timings: Record<string, number> = {};
    const time = <T>(name: string, fn: () => T): T => {
      const t0 = now();
      const r = fn();
      timings[name] = (timings[name] ?? 0) + now() - t0;
      return r;
    };
    const horizon = Math.max(...s.bands);
    const known = new Set(this.shapes.map((x) => x.adcode));
    const districts = s.districts.filter((d) => known.has(d));
    const gridKey = `${formatGridSpec(s.grid)}|${districts.join(',')}`;
    if (this.prepared?.grid.key !== gridKey || this.prepared.ctx.horizonMin !== horizon) {
      this.prepared = null;
      this.base = null;
      this.scenario = null;
      progress('grid', 0, districts.length);
      const grid = time('grid', () =>
        buildGrid(this.shapes, districts, s.grid, (d, n) => progress('grid', d, n)),
      );
      await checkpoint();
      progress('snap', 0, 1);
      const ctx = time('snap', () => prepareCoverage(engine, grid, horizon));
      this.prepared = { grid, ctx };
      await checkpoint();
    }
    const { grid, ctx } = this.prepared;
    const cellPop = this.popFor(grid);
    const pop = cellPop?.pop ?? null;

    const baseKey = `${grid.key}|${s.planned}`;
    if (this.base?.key !== baseKey) {
      this.scenario = null;
      const layers = new Map<CategoryId, CoverageLayer>();
      const points = new Map<CategoryId, FacilityInput[]>();
      for (const [k, category] of COVERAGE_CATEGORIES.entries()) {
        progress('coverage', k, COVERAGE_CATEGORIES.length);
        const list = this.facilitiesOf(category, s.planned);
        points.set(category, list);
        layers.set(
          category,
          time('coverage', () => computeLayer(ctx, list)),
        );
        await checkpoint();
      }
      progress('coverage', COVERAGE_CATEGORIES.length, COVERAGE_CATEGORIES.length);
      this.base = { key: baseKey, layers, points };
    }
    const base = this.base;

    const scenarioKey = `${baseKey}|${this.popVersion}|${s.bands.join(',')}`;
    if (this.scenario?.key !== scenarioKey) {
      const layers = new Map(
        COVERAGE_CATEGORIES.map((c) => [c, new ScenarioLayer(ctx, base.layers.get(c) as CoverageLayer)]),
      );
      const baseTable = time('tabulate', () =>
        tabulate(
          grid,
          ctx.cellMethod,
          COVERAGE_CATEGORIES.map((c) => base.layers.get(c) as CoverageLayer),
          COVERAGE_CATEGORIES,
          s.bands,
          pop,
        ),
      );
      this.scenario = { key: scenarioKey, layers, baseTable, table: cloneTable(baseTable) };
    }
    const scenario = this.scenario;
    progress('whatif', 0, 1);
    for (const category of COVERAGE_CATEGORIES) {
      const layer = scenario.layers.get(category) as ScenarioLayer;
      const update = time('whatif', () => layer.update(sitesOf(s.sites, category)));
      if (update.kind === 'append') {
        time('whatif', () => {
          for (const change of update.changes)
            applyLayerChange(scenario.table, grid, category, change, layer.layer.minutes, pop);
        });
      } else if (update.kind === 'rebuild') {
        time('whatif', () => retabulateCategory(scenario.table, grid, category, layer.layer.minutes, pop));
      }
    }
    this.settings = s;

    const last = s.bands[s.bands.length - 1] as number;
    const selected =
      scenario.layers.get(s.category) ?? scenario.layers.get(COVERAGE_CATEGORIES[0] as CategoryId);
    const clusters = selected
      ? time('clusters', () =>
          uncoveredClusters(grid, gridNeighbours(grid), selected.layer.minutes, last, pop),
        )
      : [];
    const scores = time('scores', () => this.scores(s, base));

    const includeGrid = this.lastSentGrid !== grid.key;
    this.lastSentGrid = grid.key;
    const minutes = COVERAGE_CATEGORIES.map((c) =>
      (scenario.layers.get(c) as ScenarioLayer).layer.minutes.slice(),
    );
    const reach = COVERAGE_CATEGORIES.map((c) =>
      (scenario.layers.get(c) as ScenarioLayer).layer.reach.slice(),
    );
    const payload: GridPayload | null = includeGrid
      ? {
          key: grid.key,
          spec: grid.spec,
          ids: grid.ids,
          lon: grid.lon.slice(),
          lat: grid.lat.slice(),
          areaM2: grid.areaM2.slice(),
          district: grid.district.slice(),
          adcodes: grid.adcodes,
          cellMethod: ctx.cellMethod.slice(),
        }
      : null;
    const transfer: Transferable[] = [...minutes, ...reach].map((a) => a.buffer);
    if (payload)
      transfer.push(
        payload.lon.buffer,
        payload.lat.buffer,
        payload.areaM2.buffer,
        payload.district.buffer,
        payload.cellMethod.buffer,
      );
    const hasSites = s.sites.length > 0;
    return {
      result: {
        gridKey: grid.key,
        grid: payload,
        cellCount: grid.count,
        method: engine.method,
        speedMPerMin: engine.speedMPerMin,
        detourFactor: engine.detourFactor,
        horizonMin: horizon,
        bands: [...s.bands],
        categories: [...COVERAGE_CATEGORIES],
        minutes,
        reach,
        facilityCounts: COVERAGE_CATEGORIES.map((c) => ({
          category: c,
          counted: (scenario.layers.get(c) as ScenarioLayer).layer.pointCount,
          unsnapped: (scenario.layers.get(c) as ScenarioLayer).layer.unsnapped.length,
        })),
        basis: pop ? 'population' : 'area',
        population: this.population ? this.popSummary(this.population, cellPop) : null,
        youthShare: s.youthShare,
        table: scenario.table,
        baseTable: hasSites ? scenario.baseTable : null,
        clusters,
        scores,
        timings,
      },
      transfer,
    };
  }

  /** Facilities of every category with the scenario's sites, named, for scores and marginal tables. */
  private namedPoints(category: CategoryId, planned: boolean, sites: readonly WhatIfSite[]): NamedPoint[] {
    const own = this.facilitiesOf(category, planned).map((f) => ({
      id: f.id,
      name_zh: f.name_zh,
      name_en: f.name_en,
      lon: f.lon,
      lat: f.lat,
    }));
    const proposed = sitesOf(sites, category).map((s, k) => ({
      id: `ws:${k + 1}`,
      name_zh: `设想选址 ${k + 1}`,
      name_en: `Proposed site ${k + 1}`,
      lon: s.lon,
      lat: s.lat,
      proposed: true,
    }));
    return [...own, ...proposed];
  }

  private scores(s: AnalyseSettings, base: Base): ApartmentScore[] {
    const engine = this.engine as WalkEngine;
    const key = `${base.key}|${JSON.stringify(s.sites)}|${s.bands.join(',')}`;
    if (this.scoreCache?.key === key) return this.scoreCache.scores;
    const apartments = this.facilities
      .filter((f) => f.category === 'youth_housing')
      .map((f) => ({ ...f, status: f.status as string }));
    const cats = prepareScoreCategories(
      engine,
      COVERAGE_CATEGORIES.map((category) => ({
        category,
        facilities: this.namedPoints(category, s.planned, s.sites),
      })),
    );
    const scores = scoreApartments(engine, apartments, cats, s.bands);
    this.scoreCache = { key, scores };
    return scores;
  }

  private popSummary(p: PopulationImport, cells: CellPopulation | null): PopulationSummary {
    return {
      name: p.name,
      records: p.records,
      accepted: p.accepted,
      total: p.total,
      inside: cells ? cells.inside : null,
      outside: cells ? cells.outside : null,
      issues: p.issues,
    };
  }

  private async loadPopulation(
    data: Blob | ArrayBuffer | null,
    name: string,
    progress: (phase: CoveragePhase, done: number, total: number) => void,
  ): Promise<PopulationSummary> {
    progress('population', 0, 1);
    if (data === null) {
      this.population = null;
      this.popVersion++;
      this.cellPop = null;
      return { name, records: 0, accepted: 0, total: 0, inside: null, outside: null, issues: [] };
    }
    // A File (Blob) is read in parts: a GeoTIFF only where Lanzhou is. Bytes are still taken as such.
    const file = data instanceof Blob ? data : new Blob([data]);
    const imported = isTiff(name, new Uint8Array(await file.slice(0, 4).arrayBuffer()))
      ? await readPopulationGeoTiff(file, name, this.env.geotiff ?? null)
      : readPopulationCsv(new Uint8Array(await file.arrayBuffer()), name);
    // A file that gave nothing usable never replaces population already loaded.
    if (imported.points) {
      this.population = imported;
      this.popVersion++;
      this.cellPop = null;
    }
    const cells = imported.points && this.prepared ? this.popFor(this.prepared.grid) : null;
    return this.popSummary(imported, cells);
  }

  private marginal(
    category: CategoryId,
    progress: (phase: CoveragePhase, done: number, total: number) => void,
  ): MarginalResult {
    const s = this.settings;
    if (!this.prepared || !s) throw new Error('no coverage computed yet');
    progress('work', 0, 1);
    const points = this.namedPoints(category, s.planned, s.sites);
    const pop = this.popFor(this.prepared.grid)?.pop ?? null;
    const rows = marginalContributions(
      this.prepared.ctx,
      points.map((p): FacilityPoint => ({ id: p.id, lon: p.lon, lat: p.lat })),
      s.bands,
      pop,
    );
    const last = s.bands.length - 1;
    return {
      category,
      bands: [...s.bands],
      rows: rows
        .map((r) => {
          const p = points[r.index] as NamedPoint;
          return {
            id: p.id,
            name_zh: p.name_zh,
            name_en: p.name_en,
            proposed: p.proposed === true,
            lostAreaM2: r.lostAreaM2,
            lostPop: r.lostPop,
            servedAreaM2: r.servedAreaM2,
          };
        })
        .sort(
          (a, b) =>
            (b.lostPop?.[last] ?? 0) - (a.lostPop?.[last] ?? 0) ||
            (b.lostAreaM2[last] as number) - (a.lostAreaM2[last] as number) ||
            a.id.localeCompare(b.id),
        ),
    };
  }

  private exportText(what: ExportWhat, lang: 'zh' | 'en') {
    const s = this.settings;
    const engine = this.engine;
    const scenario = this.scenario;
    if (!this.prepared || !scenario || !s || !engine) throw new Error('no coverage computed yet');
    const { grid, ctx } = this.prepared;
    return exportCoverage(what, lang, {
      engine,
      grid,
      ctx,
      settings: s,
      table: scenario.table,
      layers: COVERAGE_CATEGORIES.map((category) => {
        const l = (scenario.layers.get(category) as ScenarioLayer).layer;
        return { category, minutes: l.minutes, reach: l.reach };
      }),
      scores: this.scoreCache?.scores ?? [],
      categories: COVERAGE_CATEGORIES,
      pop: this.popFor(grid)?.pop ?? null,
    });
  }
}
