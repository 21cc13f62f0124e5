// What the coverage panel and its sections share: the panel's inputs and callbacks, and its text helpers.

import { layerOf } from '../catalog';
import type { UncoveredCluster } from '../lib/coverage/clusters';
import type { CoveredCells } from '../lib/coverage/covered';
import type { GridSpec } from '../lib/coverage/grid_spec';
import type {
  AnalyseResult,
  CoverageProgress,
  ExportWhat,
  MarginalResult,
  PopulationSummary,
} from '../lib/coverage/protocol';
import type { CoverageViewState } from '../lib/coverage/scenario_state';
import type { ScoreSort } from '../lib/coverage/scores';
import { type CategoryId, districtName } from '../lib/feature';
import { type Lang, type MessageKey, translate } from '../lib/i18n';

/** What the selected cell shows. */
export interface SelectedCell {
  id: string;
  district: string;
  estimate: boolean;
  times: { category: CategoryId; minutes: number; reach: number }[];
}

export interface CoveragePanelProps {
  lang: Lang;
  state: CoverageViewState;
  categories: readonly CategoryId[];
  /** Sourced facilities of the coverage categories on the map (all statuses). */
  mapped: number;
  /** The street-network lines (src/ui/coverage_network_panel.ts), or null when none is downloaded. */
  network: HTMLElement | null;
  progress: CoverageProgress | null;
  error: string | null;
  cancelled: boolean;
  result: AnalyseResult | null;
  /** Estimated cell count of the chosen grid when it is large (warn before waiting), else null. */
  largeGrid: number | null;
  adding: boolean;
  youthShare: number | null;
  /** Language of the printed report. */
  reportLang: Lang;
  /** A map picture is being made (PNG or report). */
  picturing: boolean;
  /** The result shown belongs to the current settings (exports would otherwise mix old and new). */
  exportReady: boolean;
  /** There is a map to draw a picture of (not without WebGL). */
  canPicture: boolean;
  population: { summary: PopulationSummary | null; busy: boolean };
  marginal: { result: MarginalResult | null; busy: boolean; error: string | null };
  sort: { sort: ScoreSort; dir: 'asc' | 'desc' };
  selectedCell: SelectedCell | null;
  /** Where the chosen category's cells within the last band are (null before a result or when none). */
  covered: CoveredCells | null;
  on: {
    category(c: CategoryId): void;
    grid(spec: GridSpec): void;
    districts(adcodes: string[]): void;
    planned(on: boolean): void;
    addMode(on: boolean): void;
    addAtCentre(): void;
    removeSite(index: number): void;
    clearSites(): void;
    cancel(): void;
    retry(): void;
    populationFile(file: File): void;
    populationClear(): void;
    youthShare(share: number | null): void;
    marginal(): void;
    cluster(c: UncoveredCluster): void;
    /** Frame the covered cells on the map. */
    showCovered(): void;
    sort(sort: ScoreSort, dir: 'asc' | 'desc'): void;
    export(what: ExportWhat): void;
    reportLang(lang: Lang): void;
    png(): void;
    report(): void;
  };
}

/** A category's layer name in `lang`. */
export const catName = (c: CategoryId, lang: Lang): string => {
  const e = layerOf(c);
  return lang === 'zh' ? e.name_zh : e.name_en;
};

/** A district's name, or the city total's label for null. */
export const placeName = (adcode: string | null, lang: Lang, t: T): string =>
  adcode === null ? t('plan.cov.city') : districtName(adcode, lang);

export type T = (k: MessageKey, params?: Record<string, string | number>) => string;

/** The panel's translator and number formats in `lang`. */
export function panelText(lang: Lang): {
  t: T;
  nf: (v: number, digits?: number) => string;
  pct: (share: number) => string;
  km2: (m2: number) => string;
} {
  const t: T = (k, params) => translate(lang, k, params);
  const nf = (v: number, digits = 0) =>
    v.toLocaleString(lang === 'zh' ? 'zh-CN' : 'en', {
      maximumFractionDigits: digits,
      minimumFractionDigits: digits,
    });
  return { t, nf, pct: (v) => `${nf(v * 100, 1)}%`, km2: (m2) => nf(m2 / 1e6, m2 < 1e6 ? 3 : 2) };
}
