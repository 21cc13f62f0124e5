import distance from '@turf/distance';
import { describe, expect, it } from 'vitest';
import { fromWgs84 } from '../crs';
import {
  amapGeocoder,
  geocodeBatch,
  levelAccuracyM,
  readTiandituAnswer,
  tiandituGeocoder,
  UNKNOWN_LEVEL_ACCURACY_M,
  withCity,
} from './geocode';

/** The shape 天地图 documents for its geocoder (lbs.tianditu.gov.cn/server/geocodinginterface.html). */
const tdt = (lon: number, lat: number, level = '门址') =>
  JSON.stringify({
    msg: 'ok',
    location: { score: 100, level, lon: String(lon), lat: String(lat), keyWord: '兰州市城关区' },
    searchVersion: '6.4.9V',
    status: '0',
  });

function fakeFetch(answers: Record<string, () => Response | Promise<Response>>) {
  const calls: string[] = [];
  const fn = async (url: string, init?: { signal?: AbortSignal }) => {
    calls.push(url);
    const word = (() => {
      const ds = new URL(url).searchParams.get('ds');
      return ds
        ? (JSON.parse(ds) as { keyWord: string }).keyWord
        : (new URL(url).searchParams.get('address') ?? '');
    })();
    const make = Object.entries(answers).find(([k]) => word.includes(k))?.[1];
    if (!make) return new Response(JSON.stringify({ status: '101', msg: '结果为空' }));
    if (init?.signal?.aborted) throw new DOMException('aborted', 'AbortError');
    return make();
  };
  return { fn, calls };
}

describe('天地图 answers', () => {
  it('reads a hit with its level, score and derived accuracy (CGCS2000 taken as WGS-84)', () => {
    const a = readTiandituAnswer(JSON.parse(tdt(103.8413, 36.0612, '兴趣点')));
    expect(a).toEqual({
      kind: 'hit',
      hit: { lon: 103.8413, lat: 36.0612, level: '兴趣点', score: 100, accuracy_m: 100 },
    });
  });
  it('no result (101), a place outside Lanzhou, and error statuses by their message', () => {
    expect(readTiandituAnswer({ status: '101', msg: '结果为空' })).toEqual({ kind: 'none' });
    expect(readTiandituAnswer(JSON.parse(tdt(116.4, 39.9)))).toEqual({ kind: 'none', outside: true });
    expect(readTiandituAnswer({ status: '1', msg: '非法Key' })).toMatchObject({
      kind: 'error',
      error: 'key_rejected',
    });
    expect(readTiandituAnswer({ status: '1', msg: '访问次数超限' })).toMatchObject({
      kind: 'error',
      error: 'quota',
    });
    expect(readTiandituAnswer({ status: '404', msg: '服务内部错误' })).toMatchObject({
      kind: 'error',
      error: 'server',
    });
    expect(readTiandituAnswer('x')).toMatchObject({ kind: 'error', error: 'bad_response' });
  });
  it('levels map to accuracies, unknown levels to 1 km', () => {
    expect(levelAccuracyM('门址')).toBe(50);
    expect(levelAccuracyM('区县')).toBe(8000);
    expect(levelAccuracyM('？')).toBe(UNKNOWN_LEVEL_ACCURACY_M);
  });
  it('adds the city unless the address names it', () => {
    expect(withCity('城关区张掖路1号')).toBe('甘肃省兰州市城关区张掖路1号');
    expect(withCity('兰州市城关区')).toBe('兰州市城关区');
  });
});

describe('geocoders over HTTP', () => {
  it('天地图: sends ds={"keyWord"} with the key; HTTP 403, 429, timeouts and bad JSON are named', async () => {
    const f = fakeFetch({
      张掖路: () => new Response(tdt(103.83, 36.06)),
      拒绝: () => new Response('{"msg":"权限类型错误","status":"1"}', { status: 403 }),
      配额: () => new Response('too many', { status: 429 }),
      慢: () => new Promise<Response>(() => undefined),
      坏: () => new Response('<html>gateway</html>'),
    });
    const g = tiandituGeocoder({ key: 'k 1', fetch: f.fn, timeoutMs: 30 });
    expect(await g.geocode('城关区张掖路')).toMatchObject({
      kind: 'hit',
      hit: { level: '门址', accuracy_m: 50 },
    });
    const url = new URL(f.calls[0] as string);
    expect(url.origin + url.pathname).toBe('https://api.tianditu.gov.cn/geocoder');
    expect(JSON.parse(url.searchParams.get('ds') as string)).toEqual({ keyWord: '甘肃省兰州市城关区张掖路' });
    expect(url.searchParams.get('tk')).toBe('k 1');
    expect(await g.geocode('拒绝')).toMatchObject({ kind: 'error', error: 'key_rejected' });
    expect(await g.geocode('配额')).toMatchObject({ kind: 'error', error: 'quota' });
    expect(await g.geocode('慢')).toMatchObject({ kind: 'error', error: 'timeout' });
    expect(await g.geocode('坏')).toMatchObject({ kind: 'error', error: 'bad_response' });
    expect(await g.geocode('无此地')).toEqual({ kind: 'none' });
    expect(await tiandituGeocoder({ key: ' ', fetch: f.fn }).geocode('x')).toMatchObject({
      error: 'key_missing',
    });
    const offline = tiandituGeocoder({
      key: 'k',
      fetch: () => Promise.reject(new TypeError('Failed to fetch')),
    });
    expect(await offline.geocode('x')).toMatchObject({ kind: 'error', error: 'network' });
  });

  it('AMap: GCJ-02 answers are converted to WGS-84 (within 1 m); infocodes name key and quota failures', async () => {
    const truth: [number, number] = [103.84, 36.05];
    const [gx, gy] = fromWgs84(truth[0], truth[1], 'GCJ02');
    const f = fakeFetch({
      甲: () =>
        new Response(
          JSON.stringify({
            status: '1',
            info: 'OK',
            infocode: '10000',
            count: '1',
            geocodes: [{ location: `${gx.toFixed(6)},${gy.toFixed(6)}`, level: '门牌号' }],
          }),
        ),
      乙: () => new Response('{"status":"0","info":"INVALID_USER_KEY","infocode":"10001"}'),
      丙: () => new Response('{"status":"0","info":"DAILY_QUERY_OVER_LIMIT","infocode":"10003"}'),
    });
    const g = amapGeocoder({ key: 'k', fetch: f.fn });
    const hit = await g.geocode('甲');
    if (hit.kind !== 'hit') throw new Error('no hit');
    expect(distance([hit.hit.lon, hit.hit.lat], truth, { units: 'meters' })).toBeLessThan(1);
    expect(hit.hit.accuracy_m).toBe(50);
    expect(await g.geocode('乙')).toMatchObject({ error: 'key_rejected' });
    expect(await g.geocode('丙')).toMatchObject({ error: 'quota' });
  });
});

describe('geocodeBatch', () => {
  const items = ['张掖路1', '张掖路2', '无此地', '张掖路3'].map((address, i) => ({ key: `k${i}`, address }));

  it('asks one at a time at the set interval and reports progress; not-found rows stay', async () => {
    const f = fakeFetch({ 张掖路: () => new Response(tdt(103.83, 36.06)) });
    const waits: number[] = [];
    const progress: string[] = [];
    const r = await geocodeBatch(items, tiandituGeocoder({ key: 'k', fetch: f.fn }), {
      intervalMs: 400,
      sleep: async (ms) => {
        waits.push(ms);
      },
      onProgress: (done, total, key, a) => progress.push(`${done}/${total} ${key} ${a.kind}`),
    });
    expect(progress).toEqual(['1/4 k0 hit', '2/4 k1 hit', '3/4 k2 none', '4/4 k3 hit']);
    expect(waits).toHaveLength(3);
    for (const w of waits) expect(w).toBeGreaterThan(300);
    expect(r.stoppedBy).toBeNull();
  });

  it('stops at a rejected key (the rest are not asked) and on cancel keeps the answers so far', async () => {
    const f = fakeFetch({
      张掖路1: () => new Response(tdt(103.83, 36.06)),
      张掖路2: () => new Response('{"msg":"非法Key","status":"1"}'),
    });
    const r = await geocodeBatch(items, tiandituGeocoder({ key: 'k', fetch: f.fn }), { intervalMs: 0 });
    expect(r.stoppedBy).toMatchObject({ error: 'key_rejected' });
    expect([...r.answers.keys()]).toEqual(['k0', 'k1']);
    expect(f.calls).toHaveLength(2);

    const cancel = new AbortController();
    const g = tiandituGeocoder({
      key: 'k',
      fetch: fakeFetch({ 张掖路: () => new Response(tdt(103.83, 36.06)) }).fn,
    });
    const c = await geocodeBatch(items, g, {
      intervalMs: 0,
      signal: cancel.signal,
      onProgress: (done) => {
        if (done === 2) cancel.abort();
      },
    });
    expect(c.cancelled).toBe(true);
    expect(c.answers.size).toBe(2);
  });
});
