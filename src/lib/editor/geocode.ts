// Addresses → points: 天地图 (CGCS2000 ≈ WGS-84) or AMap (GCJ-02, converted), rate-limited, cancellable, failures named.

import { LANZHOU_BBOX } from '../../config';
import { toWgs84 } from '../crs';

export type GeocodeProvider = 'tianditu' | 'amap';
/** Why a request gave no point. The fatal ones (key, quota) stop the batch: every later row would fail too. */
export type GeocodeError =
  | 'key_missing'
  | 'key_rejected'
  | 'quota'
  | 'timeout'
  | 'network'
  | 'server'
  | 'bad_response';
export const FATAL_ERRORS: ReadonlySet<GeocodeError> = new Set(['key_missing', 'key_rejected', 'quota']);

export interface GeocodeHit {
  /** WGS-84 degrees. */
  lon: number;
  lat: number;
  /** The match level as the geocoder reports it (天地图 e.g. 门址, 兴趣点, 地名地址; AMap e.g. 门牌号, 道路). */
  level: string;
  score?: number;
  /** Positional accuracy derived from the level (LEVEL_ACCURACY_M). */
  accuracy_m: number;
}

export type GeocodeAnswer =
  | { kind: 'hit'; hit: GeocodeHit }
  /** Nothing found, or only a place outside Lanzhou. */
  | { kind: 'none'; outside?: boolean }
  | { kind: 'error'; error: GeocodeError; detail: string };

export interface Geocoder {
  readonly provider: GeocodeProvider;
  geocode(address: string, signal?: AbortSignal): Promise<GeocodeAnswer>;
}

type FetchLike = (url: string, init?: { signal?: AbortSignal }) => Promise<Response>;

export interface GeocoderOptions {
  key: string;
  fetch?: FetchLike;
  /** Default https://api.tianditu.gov.cn/geocoder or https://restapi.amap.com/v3/geocode/geo. */
  endpoint?: string;
  /** Per request; default 10 s. */
  timeoutMs?: number;
}

/**
 * Accuracy (metres) per reported match level. Neither geocoder publishes one; these are the project's
 * reading of what each level pins down in a city: an entrance or building (门址/门牌号 50 m), a named
 * place or POI (100–150 m, its extent), a road (500 m, a stretch of it), a town or sub-district (2 km),
 * a county or district (8 km: its centre), a city (25 km). An unknown level gets 1 km.
 */
export const LEVEL_ACCURACY_M: Readonly<Record<string, number>> = {
  门址: 50,
  门牌号: 50,
  楼栋: 50,
  兴趣点: 100,
  POI: 100,
  地名地址: 150,
  热点商圈: 500,
  道路: 500,
  道路交叉路口: 500,
  交叉口: 500,
  村庄: 2000,
  乡镇: 2000,
  街道: 2000,
  开发区: 2000,
  区县: 8000,
  市: 25000,
  城市: 25000,
  省: 100000,
};
export const UNKNOWN_LEVEL_ACCURACY_M = 1000;

/** Accuracy for a reported level (metres). */
export function levelAccuracyM(level: string): number {
  return LEVEL_ACCURACY_M[level.trim()] ?? UNKNOWN_LEVEL_ACCURACY_M;
}

const inLanzhou = (lon: number, lat: number) =>
  lon >= LANZHOU_BBOX[0] && lon <= LANZHOU_BBOX[2] && lat >= LANZHOU_BBOX[1] && lat <= LANZHOU_BBOX[3];

/** Addresses in a data owner's sheet often start at the district: the city is added so 城关区 is Lanzhou's. */
export function withCity(address: string): string {
  const a = address.trim();
  return /兰州/.test(a) ? a : `甘肃省兰州市${a}`;
}

/** Words in a geocoder's message that mean the key is refused, or that the quota is spent. */
const KEY_WORDS = /key|tk|密钥|权限|授权|非法|invalid/i;
const QUOTA_WORDS = /次数|频率|频次|超限|超出|限流|配额|quota|limit|exceed|daily/i;

function classifyMessage(msg: string): GeocodeError {
  if (QUOTA_WORDS.test(msg)) return 'quota';
  if (KEY_WORDS.test(msg)) return 'key_rejected';
  return 'server';
}

async function fetchJson(
  url: string,
  opts: GeocoderOptions,
  signal: AbortSignal | undefined,
): Promise<{ json: unknown } | { error: GeocodeError; detail: string }> {
  const timeout = new AbortController();
  const timer = setTimeout(() => timeout.abort(), opts.timeoutMs ?? 10_000);
  const onCancel = () => timeout.abort();
  signal?.addEventListener('abort', onCancel);
  try {
    // Raced against the abort too: a fetch that ignores its signal must not hang the batch.
    const aborted = new Promise<never>((_, reject) =>
      timeout.signal.addEventListener('abort', () => reject(new Error('aborted'))),
    );
    aborted.catch(() => undefined);
    const res = await Promise.race([(opts.fetch ?? fetch)(url, { signal: timeout.signal }), aborted]);
    const text = await Promise.race([res.text(), aborted]);
    if (res.status === 401 || res.status === 403)
      return { error: 'key_rejected', detail: `HTTP ${res.status}` };
    if (res.status === 429) return { error: 'quota', detail: 'HTTP 429' };
    let json: unknown;
    try {
      json = JSON.parse(text);
    } catch {
      return res.ok
        ? { error: 'bad_response', detail: text.slice(0, 80) }
        : { error: classifyMessage(text), detail: `HTTP ${res.status} ${text.slice(0, 60)}` };
    }
    if (!res.ok) return { error: 'server', detail: `HTTP ${res.status}` };
    return { json };
  } catch (e) {
    if (signal?.aborted) return { error: 'network', detail: 'cancelled' };
    if (timeout.signal.aborted) return { error: 'timeout', detail: `${opts.timeoutMs ?? 10_000} ms` };
    return { error: 'network', detail: String((e as Error).message ?? e).slice(0, 80) };
  } finally {
    clearTimeout(timer);
    signal?.removeEventListener('abort', onCancel);
  }
}

/**
 * Reads a 天地图 geocoder answer: `{"location":{"lon":"116.0","lat":"40.4","level":"地名地址",…},
 * "status":"0","msg":"ok"}`; status 101 is "no result", other statuses carry a message (key, quota).
 * Coordinates are CGCS2000, which differs from WGS-84 by centimetres: taken as WGS-84.
 */
export function readTiandituAnswer(json: unknown): GeocodeAnswer {
  const j = json as { status?: unknown; msg?: unknown; location?: Record<string, unknown> } | null;
  if (!j || typeof j !== 'object')
    return { kind: 'error', error: 'bad_response', detail: String(json).slice(0, 60) };
  const status = String(j.status ?? '');
  const msg = String(j.msg ?? '');
  if (status === '101') return { kind: 'none' };
  if (status !== '0')
    return { kind: 'error', error: classifyMessage(msg), detail: `${status} ${msg}`.trim() };
  const lon = Number(j.location?.lon);
  const lat = Number(j.location?.lat);
  if (!j.location || !Number.isFinite(lon) || !Number.isFinite(lat)) return { kind: 'none' };
  if (!inLanzhou(lon, lat)) return { kind: 'none', outside: true };
  const level = String(j.location.level ?? '');
  const score = Number(j.location.score);
  return {
    kind: 'hit',
    hit: { lon, lat, level, ...(Number.isFinite(score) ? { score } : {}), accuracy_m: levelAccuracyM(level) },
  };
}

/**
 * Reads an AMap v3 geocode answer: `{"status":"1","info":"OK","infocode":"10000","geocodes":[{"location":
 * "lon,lat","level":"门牌号"}]}` (GCJ-02, converted to WGS-84). infocode 10001/10009 … are key problems,
 * 10003/10004/10044 quota.
 */
export function readAmapAnswer(json: unknown): GeocodeAnswer {
  const j = json as { status?: unknown; info?: unknown; infocode?: unknown; geocodes?: unknown } | null;
  if (!j || typeof j !== 'object')
    return { kind: 'error', error: 'bad_response', detail: String(json).slice(0, 60) };
  if (String(j.status) !== '1') {
    const code = String(j.infocode ?? '');
    const info = String(j.info ?? '');
    const error: GeocodeError = /^100(03|04|14|19|20|21|44|45)$/.test(code)
      ? 'quota'
      : /^100(01|02|05|06|07|08|09|10|11|12|13)$/.test(code)
        ? 'key_rejected'
        : classifyMessage(info);
    return { kind: 'error', error, detail: `${code} ${info}`.trim() };
  }
  const first = Array.isArray(j.geocodes)
    ? (j.geocodes[0] as { location?: unknown; level?: unknown })
    : undefined;
  const [x, y] = String(first?.location ?? '')
    .split(',')
    .map(Number);
  if (!first || !Number.isFinite(x) || !Number.isFinite(y)) return { kind: 'none' };
  const [lon, lat] = toWgs84(x as number, y as number, 'GCJ02');
  if (!inLanzhou(lon, lat)) return { kind: 'none', outside: true };
  const level = String(first.level ?? '');
  return { kind: 'hit', hit: { lon, lat, level, accuracy_m: levelAccuracyM(level) } };
}

/** 天地图 geocoder: GET {endpoint}?ds={"keyWord":"…"}&tk={key}. */
export function tiandituGeocoder(opts: GeocoderOptions): Geocoder {
  const endpoint = opts.endpoint ?? 'https://api.tianditu.gov.cn/geocoder';
  return {
    provider: 'tianditu',
    async geocode(address, signal) {
      if (!opts.key.trim()) return { kind: 'error', error: 'key_missing', detail: '' };
      const ds = encodeURIComponent(JSON.stringify({ keyWord: withCity(address) }));
      const r = await fetchJson(
        `${endpoint}?ds=${ds}&tk=${encodeURIComponent(opts.key.trim())}`,
        opts,
        signal,
      );
      return 'error' in r ? { kind: 'error', ...r } : readTiandituAnswer(r.json);
    },
  };
}

/** AMap web-service geocoder: GET {endpoint}?address=…&city=兰州&key={key}. */
export function amapGeocoder(opts: GeocoderOptions): Geocoder {
  const endpoint = opts.endpoint ?? 'https://restapi.amap.com/v3/geocode/geo';
  return {
    provider: 'amap',
    async geocode(address, signal) {
      if (!opts.key.trim()) return { kind: 'error', error: 'key_missing', detail: '' };
      const q = `address=${encodeURIComponent(withCity(address))}&city=${encodeURIComponent('兰州')}`;
      const r = await fetchJson(`${endpoint}?${q}&key=${encodeURIComponent(opts.key.trim())}`, opts, signal);
      return 'error' in r ? { kind: 'error', ...r } : readAmapAnswer(r.json);
    },
  };
}

export interface BatchItem {
  key: string;
  address: string;
}
export interface BatchOptions {
  /** Minimum time between request starts (ms); default 500 (2 requests/s). */
  intervalMs?: number;
  signal?: AbortSignal;
  onProgress?(done: number, total: number, key: string, answer: GeocodeAnswer): void;
  /** Injected for tests. */
  sleep?(ms: number, signal?: AbortSignal): Promise<void>;
}

export interface BatchResult {
  answers: Map<string, GeocodeAnswer>;
  /** A fatal error that stopped the batch (key rejected, quota); the rest were not asked. */
  stoppedBy: GeocodeAnswer | null;
  cancelled: boolean;
}

const defaultSleep = (ms: number, signal?: AbortSignal) =>
  new Promise<void>((resolve) => {
    const t = setTimeout(resolve, ms);
    signal?.addEventListener('abort', () => {
      clearTimeout(t);
      resolve();
    });
  });

/**
 * Geocodes items one at a time, at most one request per `intervalMs`. A cancel stops before the next request
 * (the answers so far are kept); a key or quota failure stops the batch. Never throws.
 */
export async function geocodeBatch(
  items: readonly BatchItem[],
  geocoder: Geocoder,
  opts: BatchOptions = {},
): Promise<BatchResult> {
  const answers = new Map<string, GeocodeAnswer>();
  const sleep = opts.sleep ?? defaultSleep;
  const interval = opts.intervalMs ?? 500;
  let last = Number.NEGATIVE_INFINITY;
  for (const [i, item] of items.entries()) {
    if (opts.signal?.aborted) return { answers, stoppedBy: null, cancelled: true };
    const wait = last + interval - Date.now();
    if (wait > 0) await sleep(wait, opts.signal);
    if (opts.signal?.aborted) return { answers, stoppedBy: null, cancelled: true };
    last = Date.now();
    const answer = await geocoder.geocode(item.address, opts.signal);
    if (opts.signal?.aborted) return { answers, stoppedBy: null, cancelled: true };
    answers.set(item.key, answer);
    opts.onProgress?.(i + 1, items.length, item.key, answer);
    if (answer.kind === 'error' && FATAL_ERRORS.has(answer.error))
      return { answers, stoppedBy: answer, cancelled: false };
  }
  return { answers, stoppedBy: null, cancelled: false };
}
