// The planner's picture exports, loaded on first use: the map as a PNG with legend, and the printable A4 report.

import type { Map as MlMap } from 'maplibre-gl';
import { formatGridSpec } from '../lib/coverage/grid_spec';
import type { GridPayload } from '../lib/coverage/protocol';
import { buildReport, type CoverageReport, lanzhouStamp, type ReportInput } from '../lib/coverage/report';
import type { Lang } from '../lib/i18n';
import { PAPER_MAP_PX } from '../map/paper_map';
import { coveragePicture } from './coverage_picture';
import { h } from './dom';
import { downloadBlob } from './download';
import { renderPlannerReport } from './planner_report';

/** What both exports are made from: the analysis (all but the language) and the live map. */
export interface ExportSource {
  map: MlMap | null;
  grid: GridPayload;
  report: Omit<ReportInput, 'lang'>;
}

/** Width of an A4 page's printable area in CSS pixels (186 mm at 96 dpi): the report's picture is scaled to it. */
const A4_CONTENT_PX = 703;

/**
 * The map picture for a report as a PNG Blob, or null without a map (no WebGL) or when the map could not
 * be read.
 * @param textScale text and legend size factor (1 on screen; larger when the picture is printed smaller)
 */
async function picture(
  source: ExportSource,
  report: CoverageReport,
  textScale: number,
): Promise<Blob | null> {
  const r = source.report.result;
  const k = r.categories.indexOf(source.report.category);
  const minutes = r.minutes[k];
  const reach = r.reach[k];
  if (!source.map || !minutes || !reach) return null;
  const canvas = await coveragePicture({
    map: source.map,
    grid: source.grid,
    minutes,
    reach,
    bands: r.bands,
    sites: source.report.sites,
    report,
    footer: report.footer,
    textScale,
  });
  return canvas ? new Promise((resolve) => canvas.toBlob(resolve, 'image/png')) : null;
}

/**
 * Downloads the map picture as `coverage-map-<category>-<grid>[-whatif]-<yyyymmdd-hhmm>.png` (Lanzhou time).
 * @returns the file name, or null when no picture could be made
 */
export async function downloadCoveragePng(source: ExportSource, lang: Lang): Promise<string | null> {
  const report = buildReport({ ...source.report, lang });
  const blob = await picture(source, report, 1);
  if (!blob) return null;
  // Named like the other coverage exports (grid, what-if), plus the category and the time.
  const { category, grid, sites, now } = source.report;
  const file = `coverage-map-${category}-${formatGridSpec(grid)}${sites.length ? '-whatif' : ''}-${lanzhouStamp(now)}.png`;
  downloadBlob(blob, file);
  return file;
}

/**
 * Fills the print-only A4 sheet in `lang` (with the map picture when there is a map) and opens the print
 * dialog. The sheet replaces the app on paper until printing ends.
 */
export async function printCoverageReport(source: ExportSource, lang: Lang): Promise<void> {
  const report = buildReport({ ...source.report, lang });
  // The picture is PAPER_MAP_PX wide whatever the screen: its text grows so that it prints at screen size.
  const blob = await picture(source, report, PAPER_MAP_PX.width / A4_CONTENT_PX).catch(() => null);
  document.getElementById('cov-report-sheet')?.remove();
  const imageUrl = blob ? URL.createObjectURL(blob) : null;
  const sheet = h('article', {
    class: 'cov-report',
    id: 'cov-report-sheet',
    lang: lang === 'zh' ? 'zh-CN' : 'en',
  });
  sheet.append(...renderPlannerReport(report, imageUrl));
  document.body.append(sheet);
  document.body.classList.add('printing-report');
  // "Save as PDF" names the file after the page title.
  const title = document.title;
  document.title = `${report.title} ${lanzhouStamp(source.report.now)}`;
  const img = sheet.querySelector('img');
  if (img && !img.complete)
    await new Promise((resolve) => {
      img.addEventListener('load', resolve, { once: true });
      img.addEventListener('error', resolve, { once: true });
    });
  // Some browsers never send afterprint; leaving print media ends the report too. Until then a
  // Ctrl+P would print the report again, which is what the person asked for last.
  const media = window.matchMedia?.('print');
  const done = () => {
    window.removeEventListener('afterprint', done);
    media?.removeEventListener('change', onMedia);
    document.body.classList.remove('printing-report');
    document.title = title;
    sheet.remove();
    if (imageUrl) URL.revokeObjectURL(imageUrl);
  };
  const onMedia = (e: MediaQueryListEvent) => {
    if (!e.matches) done();
  };
  window.addEventListener('afterprint', done);
  media?.addEventListener('change', onMedia);
  window.print();
}
