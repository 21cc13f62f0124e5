// The planner's picture exports, loaded on first use: the map as a PNG with legend, and the printable A4 report.

import type { Map as MlMap } from 'maplibre-gl';
import type { GridPayload } from '../lib/coverage/protocol';
import { buildReport, type CoverageReport, lanzhouTime, type ReportInput } from '../lib/coverage/report';
import type { Lang } from '../lib/i18n';
import { coveragePicture } from './coverage_picture';
import { h } from './dom';
import { renderPlannerReport } from './planner_report';

/** What both exports are made from: the analysis (all but the language) and the live map. */
export interface ExportSource {
  map: MlMap | null;
  grid: GridPayload;
  report: Omit<ReportInput, 'lang'>;
}

/** The map picture for a report, or null without a map (no WebGL) or when the map could not be read. */
async function picture(source: ExportSource, report: CoverageReport): Promise<HTMLCanvasElement | null> {
  const r = source.report.result;
  const k = r.categories.indexOf(source.report.category);
  const minutes = r.minutes[k];
  const reach = r.reach[k];
  if (!source.map || !minutes || !reach) return null;
  return coveragePicture({
    map: source.map,
    grid: source.grid,
    minutes,
    reach,
    bands: r.bands,
    sites: source.report.sites,
    report,
    footer: report.footer,
  });
}

/**
 * Downloads the map picture as `lanzhou-coverage-<category>-<yyyymmdd-hhmm>.png` (Lanzhou time).
 * @returns the file name, or null when no picture could be made
 */
export async function downloadCoveragePng(source: ExportSource, lang: Lang): Promise<string | null> {
  const report = buildReport({ ...source.report, lang });
  const canvas = await picture(source, report);
  const blob = canvas ? await new Promise<Blob | null>((res) => canvas.toBlob(res, 'image/png')) : null;
  if (!blob) return null;
  const stamp = lanzhouTime(source.report.now)
    .replace(/[-: ]/g, '')
    .replace(/^(\d{8})/, '$1-');
  const file = `lanzhou-coverage-${source.report.category}-${stamp}.png`;
  const href = URL.createObjectURL(blob);
  const a = h('a', { href, download: file, hidden: true });
  document.body.append(a);
  a.click();
  a.remove();
  // Revoke later: the download reads the blob asynchronously.
  setTimeout(() => URL.revokeObjectURL(href), 60_000);
  return file;
}

/**
 * Fills the print-only A4 sheet in `lang` (with the map picture when there is a map) and opens the print
 * dialog. The sheet replaces the app on paper until the dialog closes.
 */
export async function printCoverageReport(source: ExportSource, lang: Lang): Promise<void> {
  const report = buildReport({ ...source.report, lang });
  const canvas = await picture(source, report).catch(() => null);
  document.getElementById('cov-report-sheet')?.remove();
  const sheet = h('article', {
    class: 'cov-report',
    id: 'cov-report-sheet',
    lang: lang === 'zh' ? 'zh-CN' : 'en',
  });
  sheet.append(...renderPlannerReport(report, canvas ? canvas.toDataURL('image/png') : null));
  document.body.append(sheet);
  document.body.classList.add('printing-report');
  const img = sheet.querySelector('img');
  if (img && !img.complete)
    await new Promise((resolve) => {
      img.addEventListener('load', resolve, { once: true });
      img.addEventListener('error', resolve, { once: true });
    });
  window.addEventListener(
    'afterprint',
    () => {
      document.body.classList.remove('printing-report');
      sheet.remove();
    },
    { once: true },
  );
  window.print();
}
