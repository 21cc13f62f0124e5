// The planner's report as words and tables in one language: what the map picture's legend and the printable A4 report say.

import { layerName, layerOf } from '../../catalog';
import { formatCoord } from '../coord_format';
import { type CategoryId, districtName } from '../feature';
import { type Lang, type MessageKey, translate } from '../i18n';
import type { TargetProgress } from '../plan_targets';
import { formatLanzhouDate, formatLanzhouTime } from '../tour/lanzhou_time';
import { basisShare, type ShareRow, shareRows } from './aggregate';
import { clusterCentre, clusterDistricts } from './cluster_text';
import { type GridSpec, H3_AVG_AREA_KM2 } from './grid_spec';
import { legendBasis, methodLine, methodSummary } from './method_label';
import type { AnalyseResult } from './protocol';
import { legendItems, RAMP } from './ramp';
import type { WhatIfSite } from './scenario_state';

/** A table of the report: every cell already formatted; `bar` draws a share (0–1) beside the row. */
export interface ReportTable {
  caption: string;
  head: string[];
  rows: { cells: string[]; bar?: { share: number; hex: string }; total?: boolean }[];
  /** Said instead of the table when it has no rows. */
  empty: string | null;
}

export interface CoverageReport {
  lang: Lang;
  title: string;
  /** Heading of the map picture: category, "walking time", basis. */
  mapTitle: string;
  /** Alternative text of the map picture. */
  mapAlt: string;
  /** The districts analysed, as one line. */
  where: string;
  generated: string;
  link: string | null;
  legend: { hex: string; label: string }[];
  /** Section headings of the printed report. */
  headings: { findings: string; settings: string; notes: string };
  /** Legend line for the numbered what-if sites. */
  sitesLegend: string;
  settings: [string, string][];
  findings: string[];
  districts: ReportTable;
  categories: ReportTable;
  clusters: ReportTable;
  scores: ReportTable;
  targets: ReportTable;
  /** Method, basis and data honesty notes, then sources and attribution. */
  notes: string[];
  /** What the map picture says under the map: method, data note, sources, attribution. */
  footer: string[];
}

export interface ReportInput {
  lang: Lang;
  result: AnalyseResult;
  category: CategoryId;
  districts: readonly string[];
  grid: GridSpec;
  planned: boolean;
  sites: readonly WhatIfSite[];
  youthShare: number | null;
  /** Sourced facilities of the coverage categories on the map. */
  mapped: number;
  targets: readonly TargetProgress[];
  /** Source titles of the facilities the analysis counted (deduplicated by the caller or here). */
  sources: readonly string[];
  /** Basemap and boundary attributions (plain text). */
  attribution: readonly string[];
  now: Date;
  /** Link to this analysis (the app URL with its state), or null when not on http(s). */
  url: string | null;
}

/** Date and time in Lanzhou (China Standard Time, UTC+8), e.g. 2026-11-27 19:05. */
export function lanzhouTime(d: Date): string {
  return `${formatLanzhouDate(d)} ${formatLanzhouTime(d)}`;
}

/** The same as a file-name stamp, e.g. 20261127-1905. */
export function lanzhouStamp(d: Date): string {
  return `${formatLanzhouDate(d).replaceAll('-', '')}-${formatLanzhouTime(d).replace(':', '')}`;
}

/** Builds the report for one analysis result in one language. */
export function buildReport(o: ReportInput): CoverageReport {
  const L = o.lang;
  const t = (k: MessageKey, p?: Record<string, string | number>) => translate(L, k, p);
  const locale = L === 'zh' ? 'zh-CN' : 'en';
  const nf = (v: number, digits = 0) =>
    v.toLocaleString(locale, { maximumFractionDigits: digits, minimumFractionDigits: digits });
  const pct = (v: number) => `${nf(v * 100, 1)}%`;
  const km2 = (m2: number) => nf(m2 / 1e6, m2 < 1e6 ? 3 : 2);
  const r = o.result;
  const bands = r.bands;
  const lastIndex = bands.length - 1;
  const last = bands[lastIndex] as number;
  const byPop = r.basis === 'population';
  const basis = t(byPop ? 'plan.cov.basis.population' : 'plan.cov.basis.area');
  const share = (row: ShareRow) => basisShare(row, r.basis);
  const district = (a: string | null) => (a === null ? t('plan.cov.city') : districtName(a, L));
  const cat = layerName(o.category, L);
  // Inside an English sentence a layer name is a common noun: "can walk to youth parks".
  const catInSentence = L === 'en' ? cat.charAt(0).toLowerCase() + cat.slice(1) : cat;
  const rows = shareRows(r.table, o.category);
  const before = r.baseTable ? shareRows(r.baseTable, o.category) : null;
  const city = rows.at(-1) as ShareRow;
  const summary = methodSummary(r);
  const method = methodLine(L, summary, r.speedMPerMin, r.detourFactor);

  const sep = L === 'zh' ? '；' : '; ';
  const where = o.districts.map((d) => district(d)).join(L === 'zh' ? '、' : ', ');
  const settings: [string, string][] = [
    [t('report.set.category'), cat],
    [t('report.set.districts'), where],
    [
      t('report.set.grid'),
      o.grid.kind === 'h3'
        ? t('plan.cov.grid.h3', {
            res: o.grid.resolution,
            area: nf(H3_AVG_AREA_KM2[o.grid.resolution] ?? 0, 3),
          })
        : t('plan.cov.grid.square', { size: o.grid.sizeM }),
    ],
    [t('report.set.cells'), nf(r.cellCount)],
    [t('report.set.planned'), t(o.planned ? 'report.set.planned.yes' : 'report.set.planned.no')],
    [
      t('report.set.sites'),
      o.sites.length === 0
        ? t('report.set.sites.none')
        : o.sites
            .map(
              (s, i) =>
                `${t('plan.cov.whatif.site', { n: i + 1, category: layerName(s.category, L) })}${L === 'zh' ? '（' : ' ('}${formatCoord(s.lon)}, ${formatCoord(s.lat)}${L === 'zh' ? '）' : ')'}`,
            )
            .join(sep),
    ],
    [t('report.set.basis'), basis],
    [t('report.set.method'), method],
  ];
  if (byPop)
    settings.push([
      t('report.set.youth'),
      o.youthShare === null ? t('report.set.youth.none') : `${nf(o.youthShare * 100, 1)}%`,
    ]);

  // ---- findings ----
  const findings: string[] = [];
  const k = r.categories.indexOf(o.category);
  const counted = r.facilityCounts[k]?.counted ?? 0;
  findings.push(
    t('report.find.city', {
      share: pct(share(city)[lastIndex] as number),
      basis,
      min: last,
      category: catInSentence,
    }),
  );
  if (counted === 0) findings.push(t('report.find.none_mapped'));
  const cityBefore = before?.at(-1);
  if (cityBefore && o.sites.length > 0) {
    const a = share(cityBefore)[lastIndex] as number;
    const b = share(city)[lastIndex] as number;
    findings.push(
      t('report.find.sites', {
        n: o.sites.length,
        min: last,
        before: pct(a),
        after: pct(b),
        delta: `${b >= a ? '+' : ''}${nf((b - a) * 100, 1)}`,
      }),
    );
  }
  const gap = r.clusters[0];
  if (gap)
    findings.push(
      gap.pop === null
        ? t('report.find.gap', { district: clusterDistricts(gap, L), area: km2(gap.areaM2) })
        : t('report.find.gap_pop', {
            district: clusterDistricts(gap, L),
            area: km2(gap.areaM2),
            pop: nf(gap.pop),
          }),
    );
  if (byPop && o.youthShare !== null && city.pop !== null && city.coveredPop) {
    findings.push(
      t('plan.cov.table.youth', {
        share: nf(o.youthShare * 100, 1),
        youth: nf(city.pop * o.youthShare),
        covered: nf((city.coveredPop[lastIndex] as number) * o.youthShare),
        min: last,
      }),
    );
  }

  // ---- tables ----
  const withDelta = before !== null && o.sites.length > 0;
  const districts: ReportTable = {
    caption: t('plan.cov.table.title', { basis }),
    head: [
      t('plan.cov.table.district'),
      ...bands.map((b) => t('plan.cov.table.within', { min: b })),
      ...(withDelta ? [t('report.col.delta', { min: last })] : []),
    ],
    rows: rows.map((row, i) => {
      const s = share(row);
      const prev = before?.[i];
      const cells = [district(row.adcode), ...s.map((v) => pct(v))];
      if (withDelta && prev) {
        const d = (s[lastIndex] as number) - (share(prev)[lastIndex] as number);
        cells.push(`${d >= 0 ? '+' : ''}${nf(d * 100, 1)}`);
      }
      return {
        cells,
        bar: { share: s[lastIndex] as number, hex: RAMP[lastIndex]?.hex ?? '#999999' },
        ...(row.adcode === null ? { total: true } : {}),
      };
    }),
    empty: null,
  };

  const categories: ReportTable = {
    caption: t('report.categories', { basis }),
    head: [
      t('report.col.category'),
      t('report.col.counted'),
      ...bands.map((b) => t('plan.cov.table.within', { min: b })),
    ],
    rows: r.categories.map((c, j) => {
      const row = shareRows(r.table, c).at(-1) as ShareRow;
      const s = share(row);
      return {
        cells: [layerName(c, L), nf(r.facilityCounts[j]?.counted ?? 0), ...s.map((v) => pct(v))],
        bar: { share: s[lastIndex] as number, hex: layerOf(c).color },
      };
    }),
    empty: null,
  };

  const clusters: ReportTable = {
    caption: `${t('report.clusters', { min: last })} · ${cat}`,
    head: [
      t('report.col.rank'),
      t('plan.cov.table.district'),
      t('report.col.area'),
      t('report.col.cells'),
      ...(byPop ? [t('report.col.people')] : []),
      t('report.col.centre'),
    ],
    rows: r.clusters.map((c, i) => ({
      cells: [
        String(i + 1),
        clusterDistricts(c, L),
        km2(c.areaM2),
        nf(c.cells),
        ...(byPop ? [c.pop === null ? '' : nf(c.pop)] : []),
        clusterCentre(c),
      ],
    })),
    empty: t('plan.cov.clusters.none'),
  };

  const scores: ReportTable = {
    caption: t('report.scores', { min: last }),
    head: [
      t('plan.cov.scores.name'),
      t('plan.cov.table.district'),
      t('plan.cov.scores.missing', { min: last }),
    ],
    rows: r.scores.map((s) => ({
      cells: [
        L === 'zh' ? s.apartment.name_zh : s.apartment.name_en,
        district(s.apartment.district),
        s.missing.length === 0
          ? t('plan.cov.scores.all_present')
          : s.missing.map((c) => layerName(c, L)).join(L === 'zh' ? '、' : ', '),
      ],
    })),
    empty: t('plan.cov.scores.none'),
  };

  const targets: ReportTable = {
    caption: t('report.targets'),
    head: [t('report.col.target'), t('report.col.number'), t('report.col.mapped'), t('report.col.share')],
    rows: o.targets.map((p) => {
      const tg = p.target;
      const summary = L === 'zh' ? tg.summary_zh : tg.summary_en;
      const mapped =
        tg.category === null
          ? t('report.no_layer')
          : tg.measure === 'coverage'
            ? t('plan.coverage')
            : `${nf(p.mapped.existing)}/${nf(p.mapped.under_construction)}/${nf(p.mapped.planned)}`;
      return {
        cells: [
          summary,
          tg.target === null ? t('report.no_number') : nf(tg.target),
          mapped,
          p.share === null ? '—' : pct(p.share),
        ],
        ...(p.share !== null ? { bar: { share: Math.min(1, p.share), hex: '#2563eb' } } : {}),
      };
    }),
    empty: null,
  };

  const sources = [...new Set(o.sources)].sort();
  const footer = [
    method,
    t('plan.cov.data_note', { n: o.mapped }),
    sources.length ? t('report.sources', { list: sources.join(sep) }) : t('report.sources.none'),
    t('report.attribution', { list: o.attribution.join(sep) }),
  ];
  const notes = [
    method,
    ...(byPop ? [] : [t('plan.cov.basis.note')]),
    ...footer.slice(1),
    t('report.plan_source'),
  ];

  return {
    lang: L,
    title: t('report.title'),
    mapTitle: t('report.map_title', { category: cat, method: legendBasis(L, summary), basis }),
    mapAlt: t('report.map_alt', { category: cat }),
    where,
    generated: t('report.generated', { time: lanzhouTime(o.now) }),
    link: o.url ? t('report.link', { url: o.url }) : null,
    legend: legendItems(L, bands),
    sitesLegend: t('report.sites_legend'),
    headings: { findings: t('report.findings'), settings: t('report.settings'), notes: t('report.notes') },
    settings,
    findings,
    districts,
    categories,
    clusters,
    scores,
    targets,
    notes,
    footer,
  };
}
