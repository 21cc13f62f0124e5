import { describe, expect, it } from 'vitest';
import { resolveBasemap } from './basemaps';

const baseUrl = 'http://127.0.0.1:4173/app/';
const style = {
  version: 8,
  sources: { v: { type: 'vector', url: 'https://x/y.json' } },
  layers: [{ id: 'bg', type: 'background' }],
};
const ok = (body: unknown): typeof fetch =>
  (async () => new Response(JSON.stringify(body), { status: 200 })) as typeof fetch;
const hang: typeof fetch = ((_: unknown, init?: RequestInit) =>
  new Promise((_r, reject) =>
    init?.signal?.addEventListener('abort', () => reject(new Error('aborted'))),
  )) as typeof fetch;
const opts = { lang: 'zh' as const, customUrl: null, env: {}, baseUrl };

describe('resolveBasemap', () => {
  it('uses the online style when it loads, and the offline archive with a notice when it does not', async () => {
    const online = await resolveBasemap('auto', { ...opts, fetchImpl: ok(style) });
    expect(online.id).toBe('auto');
    expect(online.notice).toBeUndefined();
    const down = await resolveBasemap('auto', {
      ...opts,
      fetchImpl: (async () => new Response('', { status: 503 })) as typeof fetch,
    });
    expect(down.id).toBe('offline');
    expect(down.notice).toBe('basemap.fallback');
    expect(JSON.stringify(down.style.sources)).toContain(
      'pmtiles://http://127.0.0.1:4173/app/data/basemap.pmtiles',
    );
  });

  it("prefers the deployer's Lanzhou extract as the offline basemap, also as the fallback", async () => {
    const extract = {
      url: `${baseUrl}data/basemap-lanzhou.pmtiles`,
      attribution: ['© OpenStreetMap contributors'],
    };
    const off = await resolveBasemap('offline', { ...opts, extract });
    expect(off.style.sources.basemap).toMatchObject({ url: `pmtiles://${extract.url}` });
    expect(off.style.layers.some((l) => l.id === 'bm-pm-water')).toBe(true);
    const down = await resolveBasemap('auto', {
      ...opts,
      extract,
      fetchImpl: (async () => new Response('', { status: 503 })) as typeof fetch,
    });
    expect([down.id, down.notice]).toEqual(['offline', 'basemap.fallback']);
    expect(JSON.stringify(down.style.sources)).toContain('basemap-lanzhou.pmtiles');
  });

  it('gives up on a hanging style after the timeout', async () => {
    const t0 = Date.now();
    const r = await resolveBasemap('osm', { ...opts, fetchImpl: hang, timeoutMs: 50 });
    expect(r.id).toBe('offline');
    expect(Date.now() - t0).toBeLessThan(2000);
  });

  it('refuses a response that is not a style', async () => {
    const r = await resolveBasemap('osm', { ...opts, fetchImpl: ok({ hello: 'world' }) });
    expect(r.notice).toBe('basemap.fallback');
  });

  it('draws the offline and OpenStreetMap basemaps in the night theme when asked', async () => {
    const off = await resolveBasemap('offline', { ...opts, theme: 'night' });
    expect(off.theme).toBe('night');
    const urls: string[] = [];
    const spy = (async (url: string) => {
      urls.push(url);
      return new Response(JSON.stringify(style), { status: 200 });
    }) as unknown as typeof fetch;
    const dark = await resolveBasemap('auto', { ...opts, theme: 'night', fetchImpl: spy });
    expect(dark.theme).toBe('night');
    expect(urls).toEqual(['https://tiles.openfreemap.org/styles/dark']);
  });

  it('keeps night for the dark style even when falling back', async () => {
    const r = await resolveBasemap('osm_dark', { ...opts, fetchImpl: hang, timeoutMs: 10 });
    expect(r.theme).toBe('night');
  });

  it('needs a key for 天地图 and an http(s) URL for custom styles', async () => {
    expect((await resolveBasemap('tianditu', opts)).notice).toBe('basemap.tianditu.nokey');
    const tdt = await resolveBasemap('tianditu', { ...opts, env: { VITE_TIANDITU_KEY: 'abc' } });
    expect(tdt.id).toBe('tianditu');
    expect(JSON.stringify(tdt.style)).toContain('tk=abc');
    expect((await resolveBasemap('custom', { ...opts, customUrl: 'javascript:alert(1)' })).notice).toBe(
      'basemap.fallback',
    );
    expect((await resolveBasemap('custom', opts)).notice).toBe('basemap.custom.bad');
    const pm = await resolveBasemap('custom', { ...opts, customUrl: 'https://tiles.example/city.pmtiles' });
    expect(pm.id).toBe('custom');
    expect(JSON.stringify(pm.style)).toContain('pmtiles://https://tiles.example/city.pmtiles');
  });
});
