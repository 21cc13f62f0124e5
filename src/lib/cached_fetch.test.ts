import { describe, expect, it } from 'vitest';
import { cachedFetch } from './cached_fetch';

describe('cachedFetch', () => {
  it('asks once per URL and hands every caller the same answer', async () => {
    const asked: string[] = [];
    const inner = (async (input: RequestInfo | URL) => {
      asked.push(String(input));
      return new Response('{"version":8}', { headers: { 'content-type': 'application/json' } });
    }) as typeof fetch;
    const f = cachedFetch(inner);
    const [a, b] = await Promise.all([f('https://x/style.json'), f('https://x/style.json')]);
    expect(await a.json()).toEqual({ version: 8 });
    expect(await b.text()).toBe('{"version":8}');
    expect(b.headers.get('content-type')).toBe('application/json');
    await f('https://x/style.json');
    await f('https://x/other.json');
    expect(asked).toEqual(['https://x/style.json', 'https://x/other.json']);
  });

  it('does not keep failures: the next call asks again', async () => {
    let n = 0;
    const inner = (async () => {
      n++;
      if (n === 1) throw new TypeError('offline');
      if (n === 2) return new Response('no', { status: 503 });
      return new Response('ok');
    }) as typeof fetch;
    const f = cachedFetch(inner);
    await expect(f('https://x/s')).rejects.toThrow('offline');
    expect((await f('https://x/s')).status).toBe(503);
    expect(await (await f('https://x/s')).text()).toBe('ok');
    expect(await (await f('https://x/s')).text()).toBe('ok');
    expect(n).toBe(3);
  });
});
