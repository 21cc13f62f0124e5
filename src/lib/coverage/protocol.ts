// The typed messages between the main thread and the coverage worker.

import type { DistrictCollectionLike } from '../districts';
import type { CategoryId, Status } from '../feature';
import type { Lang } from '../i18n';
import type { Issue } from '../validate';
import type { WalkMethod } from '../walk/engine';
import type { OverpassErrorKind } from '../walk/online/fetcher';
import type { CoverageTable } from './aggregate';
import type { UncoveredCluster } from './clusters';
import type { GridSpec } from './grid';
import type { ApartmentScore } from './scores';
import type { WhatIfSite } from './whatif';

/** A facility (or apartment) as the worker needs it: a walk target and its names. */
export interface FacilityInput {
  id: string;
  category: CategoryId;
  status: Status;
  lon: number;
  lat: number;
  name_zh: string;
  name_en: string;
  district: string;
  units?: number;
}

/** What one analysis is asked for. */
export interface AnalyseSettings {
  grid: GridSpec;
  districts: string[];
  /** Count planned and under-construction facilities too. */
  planned: boolean;
  sites: WhatIfSite[];
  /** Category whose uncovered clusters are listed. */
  category: CategoryId;
  /** Cumulative bands, minutes; the largest is the horizon. */
  bands: number[];
  /** Share of young people (0–1) entered by the user, or null. */
  youthShare: number | null;
}

/**
 * The coverage analysis' downloadable files: cells (GeoJSON), the H3 cells' indexes without outlines,
 * district table and apartment scores (CSV).
 */
export type ExportWhat = 'cells' | 'cell_ids' | 'districts' | 'scores';

export type CoverageRequest =
  | {
      type: 'init';
      id: number;
      facilities: FacilityInput[];
      districts: DistrictCollectionLike;
      /** URL of a walking graph (binary, src/lib/walk/graph_binary.ts); null: estimates only. */
      graphUrl: string | null;
      speedMPerMin: number;
      detourFactor: number;
    }
  | { type: 'analyse'; id: number; settings: AnalyseSettings }
  /**
   * A population file: pass the File itself (a Blob), which a worker receives without copying its
   * bytes and reads in parts; an ArrayBuffer also works but is copied whole. null removes the population.
   */
  | { type: 'population'; id: number; bytes: Blob | ArrayBuffer | null; name: string }
  | { type: 'marginal'; id: number; category: CategoryId }
  | { type: 'export'; id: number; what: ExportWhat; lang: Lang }
  /** One downloaded Overpass answer (a street-network tile) → its walking extract file, for the cache. */
  | { type: 'net_tile'; id: number; body: Uint8Array }
  /**
   * Use the street network made of these tiles (walking extract files, src/lib/walk/online/extract_file.ts)
   * from now on, also after a later `init` without a graph URL; no parts: back to the init's graph.
   */
  | { type: 'network'; id: number; parts: ArrayBuffer[]; meta: Record<string, string | number> }
  /** Stops request `id` at its next checkpoint. */
  | { type: 'cancel'; id: number };

/** A request without its id (what a caller writes; the client numbers it). */
export type CoverageRequestBody = CoverageRequest extends infer R
  ? R extends { type: 'cancel' }
    ? never
    : R extends unknown
      ? Omit<R, 'id'>
      : never
  : never;

export type CoveragePhase = 'graph' | 'grid' | 'snap' | 'coverage' | 'whatif' | 'population' | 'work';

export interface CoverageProgress {
  phase: CoveragePhase;
  done: number;
  total: number;
}

export interface InitResult {
  method: WalkMethod;
  /** Why a requested graph was not used (the estimate is used instead). */
  graphIssue: string | null;
  facilities: number;
}

/** The grid's cells, sent once per grid. */
export interface GridPayload {
  key: string;
  spec: GridSpec;
  ids: string[];
  lon: Float64Array;
  lat: Float64Array;
  areaM2: Float64Array;
  district: Uint8Array;
  adcodes: string[];
  /** CELL_NETWORK (0) or CELL_ESTIMATE (1) per cell. */
  cellMethod: Uint8Array;
}

export interface PopulationSummary {
  name: string;
  records: number;
  accepted: number;
  total: number;
  /** People inside / outside the current grid (null before a grid exists). */
  inside: number | null;
  outside: number | null;
  issues: Issue[];
}

export interface AnalyseResult {
  gridKey: string;
  /** Null when the client already has this grid (same key as the last one sent). */
  grid: GridPayload | null;
  cellCount: number;
  method: WalkMethod;
  speedMPerMin: number;
  detourFactor: number;
  horizonMin: number;
  bands: number[];
  categories: CategoryId[];
  /** Per category (in `categories` order), per cell: minutes to the nearest under the scenario. */
  minutes: Float32Array[];
  reach: Uint8Array[];
  /** Per category: facilities counted, and how many of them are off the street network. */
  facilityCounts: { category: CategoryId; counted: number; unsnapped: number }[];
  basis: 'area' | 'population';
  population: PopulationSummary | null;
  youthShare: number | null;
  /** Figures under the scenario; `baseTable` (today, without sites) only when there are sites. */
  table: CoverageTable;
  baseTable: CoverageTable | null;
  clusters: UncoveredCluster[];
  scores: ApartmentScore[];
  /** Milliseconds per step of this request (only the steps that ran). */
  timings: Record<string, number>;
}

/** A tile's answer read in the worker: its extract file, or why it could not be read. */
export type NetTileResult =
  | { ok: true; extract: ArrayBuffer; osmBase: string | null; ways: number; nodes: number }
  | { ok: false; kind: OverpassErrorKind; message: string };

/** The street network now in use. */
export interface NetworkResult {
  method: WalkMethod;
  /** Tiles joined, and the graph's size (0 nodes: no walkable ways, estimates). */
  parts: number;
  nodes: number;
  edges: number;
  /** Milliseconds to decode, join and build. */
  buildMs: number;
}

export interface MarginalResult {
  category: CategoryId;
  bands: number[];
  rows: {
    id: string;
    name_zh: string;
    name_en: string;
    proposed: boolean;
    lostAreaM2: number[];
    lostPop: number[] | null;
    servedAreaM2: number[];
  }[];
}

export interface ExportResult {
  filename: string;
  mime: string;
  text: string;
}

/** Result type of each request type. */
export interface CoverageResults {
  init: InitResult;
  analyse: AnalyseResult;
  population: PopulationSummary;
  marginal: MarginalResult;
  export: ExportResult;
  net_tile: NetTileResult;
  network: NetworkResult;
}

/** Worker → main thread: progress messages, then exactly one result, error or cancelled per request. */
export type CoverageReply =
  | { type: 'progress'; id: number; progress: CoverageProgress }
  | { type: 'result'; id: number; result: CoverageResults[keyof CoverageResults] }
  | { type: 'error'; id: number; message: string }
  | { type: 'cancelled'; id: number };

const TYPES = new Set([
  'init',
  'analyse',
  'population',
  'marginal',
  'export',
  'net_tile',
  'network',
  'cancel',
]);

/** Whether a message is a coverage request (shape only; the session validates the details it uses). */
export function isCoverageRequest(value: unknown): value is CoverageRequest {
  const v = value as { type?: unknown; id?: unknown } | null;
  return v !== null && typeof v === 'object' && typeof v.id === 'number' && TYPES.has(v.type as string);
}
