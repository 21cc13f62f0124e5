// The coverage view's part of the app state and its URL hash parameters (merged into url_state by the app).

import { MAX_BOUNDS } from '../../config';
import { formatCoord } from '../coord_format';
import { type CategoryId, LANZHOU_DISTRICTS } from '../feature';
import { NEARBY_CATEGORIES } from '../nearby';
import { DEFAULT_GRID, formatGridSpec, type GridSpec, parseGridSpec } from './grid_spec';

/** A proposed facility of a category at a WGS-84 position. */
export interface WhatIfSite {
  category: CategoryId;
  lon: number;
  lat: number;
}

/** Most sites one scenario holds (each is a bounded search; the URL must stay shareable). */
export const MAX_SITES = 20;

/** Categories coverage is computed for: walkable facilities, except the apartments (they are scored). */
export const COVERAGE_CATEGORIES: CategoryId[] = NEARBY_CATEGORIES.filter((c) => c !== 'youth_housing');

/** The four central districts (城关, 七里河, 西固, 安宁): the default area, ≈11k cells at H3 res 9. */
export const DEFAULT_COVERAGE_DISTRICTS = ['620102', '620103', '620104', '620105'];

/** Fields the coverage view adds to ViewState. */
export interface CoverageViewState {
  /** Category drawn on the map and shown in the tables. */
  covCat: CategoryId;
  covGrid: GridSpec;
  /** Adcodes analysed. */
  covDistricts: string[];
  /** Count planned and under-construction facilities too (default: existing only). */
  covPlanned: boolean;
  /** Proposed what-if sites, in the order they were added. */
  covSites: WhatIfSite[];
}

/** Hash parameter names. */
export const COVERAGE_PARAMS = {
  category: 'cov',
  grid: 'res',
  districts: 'cd',
  planned: 'cpl',
  sites: 'ws',
} as const;

export function defaultCoverageState(): CoverageViewState {
  return {
    covCat: 'fitness_site',
    covGrid: { ...DEFAULT_GRID },
    covDistricts: [...DEFAULT_COVERAGE_DISTRICTS],
    covPlanned: false,
    covSites: [],
  };
}

const [[MIN_LON, MIN_LAT], [MAX_LON, MAX_LAT]] = MAX_BOUNDS;

/** `fitness_site:103.810000,36.050000;youth_park:…` */
export function formatSites(sites: readonly WhatIfSite[]): string {
  return sites.map((s) => `${s.category}:${formatCoord(s.lon)},${formatCoord(s.lat)}`).join(';');
}

/**
 * Parses sites from a link; entries with an unknown category, bad numbers or a position outside the
 * map's bounds are dropped, and at most MAX_SITES are kept.
 */
export function parseSites(text: string): WhatIfSite[] {
  const out: WhatIfSite[] = [];
  for (const part of text.split(';')) {
    const m = /^([a-z_]+):(-?\d+(?:\.\d+)?),(-?\d+(?:\.\d+)?)$/.exec(part.trim());
    if (!m) continue;
    const category = m[1] as CategoryId;
    const lon = Number(m[2]);
    const lat = Number(m[3]);
    if (!COVERAGE_CATEGORIES.includes(category)) continue;
    if (!(lon >= MIN_LON && lon <= MAX_LON && lat >= MIN_LAT && lat <= MAX_LAT)) continue;
    out.push({ category, lon, lat });
    if (out.length === MAX_SITES) break;
  }
  return out;
}

/**
 * Reads the coverage fields from hash parameters; anything missing or malformed keeps `base`'s value,
 * so a hand-edited link never breaks the view.
 */
export function parseCoverageParams(q: URLSearchParams, base: CoverageViewState): CoverageViewState {
  const s: CoverageViewState = {
    ...base,
    covGrid: { ...base.covGrid },
    covDistricts: [...base.covDistricts],
    covSites: [...base.covSites],
  };
  const cat = q.get(COVERAGE_PARAMS.category);
  if (cat && (COVERAGE_CATEGORIES as string[]).includes(cat)) s.covCat = cat as CategoryId;
  const grid = parseGridSpec(q.get(COVERAGE_PARAMS.grid));
  if (grid) s.covGrid = grid;
  const cd = q.get(COVERAGE_PARAMS.districts);
  if (cd !== null)
    s.covDistricts = [...new Set(cd.split(',').filter((a) => Object.hasOwn(LANZHOU_DISTRICTS, a)))];
  const cpl = q.get(COVERAGE_PARAMS.planned);
  if (cpl === '1' || cpl === '0') s.covPlanned = cpl === '1';
  const ws = q.get(COVERAGE_PARAMS.sites);
  if (ws !== null) s.covSites = parseSites(ws);
  return s;
}

/** Writes the coverage fields (sites only when there are any). */
export function writeCoverageParams(q: URLSearchParams, s: CoverageViewState): void {
  q.set(COVERAGE_PARAMS.category, s.covCat);
  q.set(COVERAGE_PARAMS.grid, formatGridSpec(s.covGrid));
  q.set(COVERAGE_PARAMS.districts, s.covDistricts.join(','));
  q.set(COVERAGE_PARAMS.planned, s.covPlanned ? '1' : '0');
  if (s.covSites.length > 0) q.set(COVERAGE_PARAMS.sites, formatSites(s.covSites));
}
