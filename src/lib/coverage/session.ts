// The coverage worker's state machine: keeps grid, base coverage and scenario between requests, recomputing only what changed.

import type { CategoryId } from '../feature';
import { createWalkEngine, type WalkEngine } from '../walk/engine';
import type { WalkGraph } from '../walk/graph';
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
import type { GeoTiffReader } from './population_geotiff';
import type {
  AnalyseResult,
  AnalyseSettings,
  CoverageReply,
  CoverageRequest,
  ExportWhat,
  FacilityInput,
  MarginalResult,
} from './protocol';
import { isCoverageRequest } from './protocol';
import { COVERAGE_CATEGORIES } from './scenario_state';
import type { ApartmentScore } from './scores';
import { exportCoverage } from './session_export';
import { apartmentScores, facilitiesOf, marginalTable } from './session_facilities';
import { buildNetworkGraph, loadGraphFile, parseNetworkTile } from './session_network';
import { SessionPopulation } from './session_population';
import { Cancelled, now, type Progress, throttledProgress } from './session_progress';
import { analyseResult } from './session_result';
import { ScenarioLayer, sitesOf } from './whatif';

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

interface Prepared {
  grid: CoverageGrid;
  ctx: CoverageContext;
}

interface Base {
  key: string;
  layers: Map<CategoryId, CoverageLayer>;
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
  private readonly population: SessionPopulation;
  private lastSentGrid: string | null = null;
  private settings: AnalyseSettings | null = null;
  private scoreCache: { key: string; scores: ApartmentScore[] } | null = null;
  private readonly cancelled = new Set<number>();
  private latestAnalyse = -1;
  private queue: Promise<void> = Promise.resolve();

  constructor(private readonly env: SessionEnv = {}) {
    this.population = new SessionPopulation(env.geotiff ?? null);
  }

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
    const progress = throttledProgress(post, id);
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
          let graph: WalkGraph | null = null;
          if (msg.graphUrl) {
            progress('graph', 0, 1);
            ({ graph, issue: graphIssue } = await loadGraphFile(msg.graphUrl, this.env.fetchBytes));
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
          progress('population', 0, 1);
          const grid = this.prepared?.grid ?? null;
          post({ type: 'result', id, result: await this.population.load(msg.bytes, msg.name, grid) });
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

  private async analyse(
    s: AnalyseSettings,
    progress: Progress,
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
    const cellPop = this.population.perCell(grid);
    const pop = cellPop?.pop ?? null;

    const baseKey = `${grid.key}|${s.planned}`;
    if (this.base?.key !== baseKey) {
      this.scenario = null;
      const layers = new Map<CategoryId, CoverageLayer>();
      for (const [k, category] of COVERAGE_CATEGORIES.entries()) {
        progress('coverage', k, COVERAGE_CATEGORIES.length);
        const list = facilitiesOf(this.facilities, category, s.planned);
        layers.set(
          category,
          time('coverage', () => computeLayer(ctx, list)),
        );
        await checkpoint();
      }
      progress('coverage', COVERAGE_CATEGORIES.length, COVERAGE_CATEGORIES.length);
      this.base = { key: baseKey, layers };
    }
    const base = this.base;

    const scenarioKey = `${baseKey}|${this.population.version}|${s.bands.join(',')}`;
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
    return analyseResult({
      engine,
      grid,
      ctx,
      settings: s,
      categories: COVERAGE_CATEGORIES,
      layers: scenario.layers,
      table: scenario.table,
      baseTable: scenario.baseTable,
      clusters,
      scores,
      pop,
      population: this.population.summary(cellPop),
      timings,
      includeGrid,
    });
  }

  private scores(s: AnalyseSettings, base: Base): ApartmentScore[] {
    const key = `${base.key}|${JSON.stringify(s.sites)}|${s.bands.join(',')}`;
    if (this.scoreCache?.key === key) return this.scoreCache.scores;
    const scores = apartmentScores(this.engine as WalkEngine, this.facilities, s);
    this.scoreCache = { key, scores };
    return scores;
  }

  private marginal(category: CategoryId, progress: Progress): MarginalResult {
    const s = this.settings;
    if (!this.prepared || !s) throw new Error('no coverage computed yet');
    progress('work', 0, 1);
    const pop = this.population.perCell(this.prepared.grid)?.pop ?? null;
    return marginalTable(this.prepared.ctx, this.facilities, category, s, pop);
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
      pop: this.population.perCell(grid)?.pop ?? null,
    });
  }
}
