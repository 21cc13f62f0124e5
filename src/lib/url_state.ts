// The app's view state ⇄ the URL hash, so every view is shareable and the back button restores it.

import { CATALOG } from '../catalog';
import { INITIAL_CENTER, INITIAL_ZOOM, MAX_BOUNDS } from '../config';
import { formatCoord } from './coord_format';
import {
  type CoverageViewState,
  defaultCoverageState,
  parseCoverageParams,
  writeCoverageParams,
} from './coverage/scenario_state';
import type { CategoryId, Status } from './feature';
import { STATUSES } from './feature';
import type { Lang } from './i18n';
import { NEARBY_CATEGORIES } from './nearby';
import { THEME_SETTINGS } from './theme';
import type { NightStyleSetting } from './tour/night';
import { defaultTourState, parseTourParams, type TourViewState, writeTourParams } from './tour/tour_state';

export const BASEMAP_IDS = ['auto', 'offline', 'osm', 'osm_dark', 'tianditu', 'custom'] as const;
export type BasemapId = (typeof BASEMAP_IDS)[number];

/** Side panels; one is open at a time (null: none, the map alone). */
export const PANEL_IDS = ['layers', 'list', 'nearby', 'tour', 'plan', 'coverage', 'edit'] as const;
export type PanelId = (typeof PANEL_IDS)[number];

export interface ViewState extends TourViewState, CoverageViewState {
  /** [lon, lat] in WGS-84 degrees. */
  center: [number, number];
  zoom: number;
  lang: Lang;
  layers: CategoryId[];
  statuses: Status[];
  basemap: BasemapId;
  /** http(s) URL of a custom style or PMTiles archive (only with basemap = custom). */
  customUrl: string | null;
  /** Selected feature id. */
  selected: string | null;
  /** The plan target shown first and marked in the plan panel (data/plan_targets.json id), e.g. from search. */
  planTarget: string | null;
  /** The open side panel. */
  panel: PanelId | null;
  /** The place "what is near" is asked from, [lon, lat]. */
  origin: [number, number] | null;
  /** Categories the nearby list shows. */
  nearbyCats: CategoryId[];
  /** Day / night map, or automatic (night after sunset while touring). */
  theme: NightStyleSetting;
}

export const DEFAULT_LAYERS: CategoryId[] = CATALOG.filter((e) => e.visibleByDefault).map((e) => e.id);

export function defaultState(lang: Lang = 'zh'): ViewState {
  return {
    center: [...INITIAL_CENTER],
    zoom: INITIAL_ZOOM,
    lang,
    layers: [...DEFAULT_LAYERS],
    statuses: [...STATUSES],
    basemap: 'auto',
    customUrl: null,
    selected: null,
    planTarget: null,
    panel: 'layers',
    origin: null,
    nearbyCats: [...NEARBY_CATEGORIES],
    theme: 'auto',
    ...defaultTourState(),
    ...defaultCoverageState(),
  };
}

const ALL_LAYERS = new Set<string>(CATALOG.map((e) => e.id));
const clamp = (v: number, lo: number, hi: number) => Math.min(hi, Math.max(lo, v));
const inBounds = (lon: number, lat: number) =>
  lon >= MAX_BOUNDS[0][0] && lon <= MAX_BOUNDS[1][0] && lat >= MAX_BOUNDS[0][1] && lat <= MAX_BOUNDS[1][1];

/**
 * Read state from a hash like `#map=13/36.06/103.82&layers=a,b&lang=en&sel=id&bm=offline&st=existing`.
 * Anything missing or malformed falls back to `base`: a hand-edited or hostile link never breaks the app.
 */
export function parseHash(hash: string, base: ViewState): ViewState {
  const q = new URLSearchParams(hash.replace(/^#/, ''));
  const s: ViewState = {
    ...base,
    center: [...base.center],
    layers: [...base.layers],
    statuses: [...base.statuses],
  };
  const map = q.get('map')?.split('/').map(Number);
  if (map && map.length === 3 && map.every(Number.isFinite)) {
    const [z, lat, lon] = map as [number, number, number];
    s.zoom = clamp(z, 0, 22);
    s.center = [
      clamp(lon, MAX_BOUNDS[0][0], MAX_BOUNDS[1][0]),
      clamp(lat, MAX_BOUNDS[0][1], MAX_BOUNDS[1][1]),
    ];
  }
  const lang = q.get('lang');
  if (lang === 'zh' || lang === 'en') s.lang = lang;
  const layers = q.get('layers');
  if (layers !== null) s.layers = layers.split(',').filter((id): id is CategoryId => ALL_LAYERS.has(id));
  const st = q.get('st');
  if (st !== null)
    s.statuses = st.split(',').filter((x): x is Status => (STATUSES as readonly string[]).includes(x));
  const bm = q.get('bm');
  if (bm && (BASEMAP_IDS as readonly string[]).includes(bm)) s.basemap = bm as BasemapId;
  const custom = q.get('style');
  s.customUrl = custom && /^https?:\/\//i.test(custom) ? custom : null;
  if (s.basemap === 'custom' && !s.customUrl) s.basemap = base.basemap === 'custom' ? 'auto' : base.basemap;
  const at = q.get('at')?.split(',').map(Number);
  s.origin =
    at && at.length === 2 && at.every(Number.isFinite) && inBounds(at[0] as number, at[1] as number)
      ? [at[0] as number, at[1] as number]
      : null;
  const cats = q.get('cats');
  if (cats !== null)
    s.nearbyCats = cats
      .split(',')
      .filter((c): c is CategoryId => (NEARBY_CATEGORIES as string[]).includes(c));
  const th = q.get('th');
  if (th && (THEME_SETTINGS as readonly string[]).includes(th)) s.theme = th as NightStyleSetting;
  Object.assign(s, parseTourParams(q));
  Object.assign(s, parseCoverageParams(q, s));
  const panel = q.get('p');
  if (panel !== null) s.panel = (PANEL_IDS as readonly string[]).includes(panel) ? (panel as PanelId) : null;
  const sel = q.get('sel');
  s.selected = sel && sel.length <= 200 ? sel : null;
  const pt = q.get('pt');
  s.planTarget = pt && pt.length <= 200 ? pt : null;
  return s;
}

/** Write state as a hash; values equal to the defaults are still written so links survive default changes. */
export function toHash(s: ViewState): string {
  const q = new URLSearchParams();
  q.set('map', `${s.zoom.toFixed(2)}/${s.center[1].toFixed(5)}/${s.center[0].toFixed(5)}`);
  q.set('lang', s.lang);
  q.set('layers', s.layers.join(','));
  q.set('st', s.statuses.join(','));
  q.set('bm', s.basemap);
  if (s.basemap === 'custom' && s.customUrl) q.set('style', s.customUrl);
  if (s.selected) q.set('sel', s.selected);
  if (s.planTarget) q.set('pt', s.planTarget);
  q.set('p', s.panel ?? '');
  if (s.origin) q.set('at', `${formatCoord(s.origin[0])},${formatCoord(s.origin[1])}`);
  q.set('cats', s.nearbyCats.join(','));
  q.set('th', s.theme);
  writeTourParams(s, q);
  writeCoverageParams(q, s);
  // URLSearchParams escapes "/" and ","; the unescaped forms keep links readable and are valid in a fragment.
  return `#${q.toString().replace(/%2F/g, '/').replace(/%2C/g, ',').replace(/%7E/g, '~').replace(/%3A/g, ':').replace(/%3B/g, ';')}`;
}
