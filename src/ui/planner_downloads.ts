// The planner's downloads: the worker's files (cells, districts, scores), the map picture and the printed report.

import type { Map as MlMap } from 'maplibre-gl';
import { sourceText } from '../lib/attribution';
import type { CoverageClient } from '../lib/coverage/client';
import type { AnalyseResult, ExportWhat, FacilityInput, GridPayload } from '../lib/coverage/protocol';
import type { ReportInput } from '../lib/coverage/report';
import type { SourceRef } from '../lib/feature';
import { type Lang, translate } from '../lib/i18n';
import type { ExportSource } from './coverage_exports';
import { downloadBlob } from './download';
import type { PlannerState } from './planner_host';

/** What the report is made of besides the analysis: the app's data and the live map. */
export interface ReportContext {
  result: AnalyseResult;
  grid: GridPayload;
  facilities: readonly FacilityInput[];
  sourceOf: ReadonlyMap<string, SourceRef>;
  youthShare: number | null;
  mapped: number;
  map: MlMap | null;
  targets: ReportInput['targets'];
  attribution: readonly string[];
}

/** What the picture and report are made from for state `s`. */
export function exportSource(s: PlannerState, c: ReportContext): ExportSource {
  const counted = c.facilities.filter(
    (f) => f.category === s.covCat && (s.covPlanned || f.status === 'existing'),
  );
  return {
    map: c.map,
    grid: c.grid,
    report: {
      result: c.result,
      category: s.covCat,
      districts: s.covDistricts,
      grid: s.covGrid,
      planned: s.covPlanned,
      sites: s.covSites,
      youthShare: c.youthShare,
      mapped: c.mapped,
      targets: c.targets,
      sources: counted.flatMap((f) => {
        const source = c.sourceOf.get(f.id);
        return source ? [sourceText(source, s.lang)] : [];
      }),
      attribution: c.attribution,
      now: new Date(),
      url: /^https?:\/\//i.test(location.href) ? location.href : null,
    },
  };
}

/** Runs the downloads one at a time and says in the panel while a picture is being made. */
export class PlannerDownloads {
  /** Language of the printed report, or null for the interface's. */
  reportLang: Lang | null = null;
  /** A map picture is being made (PNG or report). */
  picturing = false;

  constructor(
    private readonly client: CoverageClient,
    private readonly refresh: () => void,
    private readonly notice: (text: string) => void,
  ) {}

  /** Downloads one of the worker's files of its latest result (the caller checks that it is the shown one). */
  async file(what: ExportWhat, lang: Lang): Promise<void> {
    const o = await this.client.request({ type: 'export', what, lang }).outcome;
    if (o.kind !== 'result') {
      if (o.kind === 'error') this.notice(translate(lang, 'plan.cov.error', { detail: o.message }));
      return;
    }
    downloadBlob(new Blob([o.result.text], { type: o.result.mime }), o.result.filename);
  }

  /** Makes the map picture (PNG) or the A4 report; the code for both loads on first use. */
  async picture(source: ExportSource | null, what: 'png' | 'report', lang: Lang): Promise<void> {
    if (!source || this.picturing) return;
    this.picturing = true;
    this.refresh();
    try {
      const m = await import('./coverage_exports');
      if (what === 'report') await m.printCoverageReport(source, this.reportLang ?? lang);
      else {
        const file = await m.downloadCoveragePng(source, lang);
        this.notice(
          file ? translate(lang, 'report.png.done', { file }) : translate(lang, 'report.png.failed'),
        );
      }
    } catch {
      this.notice(translate(lang, what === 'report' ? 'report.print.failed' : 'report.png.failed'));
    } finally {
      this.picturing = false;
      this.refresh();
    }
  }
}
