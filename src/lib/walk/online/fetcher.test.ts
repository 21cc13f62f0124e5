import { describe, expect, it } from 'vitest';
import {
  decodeOverpassBody,
  type FetchLike,
  fetchOverpass,
  MAX_RETRY_AFTER_MS,
  OverpassError,
  overpassRequestsInFlight,
  parseRetryAfter,
} from './fetcher.ts';

const EP = 'https://overpass.example/api/interpreter';
const OK_BODY = '{"version":0.6,"elements":[{"type":"node","id":1,"lat":36,"lon":103}]}';
let queryNo = 0;
/** A distinct query per test, so the shared in-flight table never joins two tests. */
const q = () => `[out:json];node(${++queryNo});out;`;

interface Call {
  url: string;
  body: string;
  signal: AbortSignal;
}

/** A fetch that answers from a script of responses (or functions of the call). */
function fakeFetch(script: (Response | ((call: Call) => Promise<Response>) | Error)[]) {
  const calls: Call[] = [];
  const fn: FetchLike = async (url, init) => {
    const call = { url, body: init.body.toString(), signal: init.signal };
    calls.push(call);
    const next = script[Math.min(calls.length - 1, script.length - 1)];
    if (next instanceof Error) throw next;
    if (typeof next === 'function') return next(call);
    return (next as Response).clone();
  };
  return { fn, calls };
}

const json = (text: string, status = 200, headers: Record<string, string> = {}) =>
  new Response(text, { status, headers: { 'content-type': 'application/json', ...headers } });

/** Never answers until aborted (like a server that hangs). */
const hang = (call: Call) =>
  new Promise<Response>((_, reject) => {
    call.signal.addEventListener('abort', () => reject(new DOMException('aborted', 'AbortError')));
  });

async function failure(p: Promise<unknown>): Promise<OverpassError> {
  try {
    await p;
  } catch (e) {
    expect(e).toBeInstanceOf(OverpassError);
    return e as OverpassError;
  }
  throw new Error('expected a failure');
}

const base = { endpoint: EP, isOnline: () => true, retryDelayMs: 5 };

describe('fetchOverpass', () => {
  it('POSTs the query as the form field "data" and returns the answer bytes', async () => {
    const f = fakeFetch([json(OK_BODY)]);
    const query = q();
    const bytes = await fetchOverpass(query, { ...base, fetch: f.fn });
    expect(new TextDecoder().decode(bytes)).toBe(OK_BODY);
    expect(f.calls).toHaveLength(1);
    expect(f.calls[0]?.url).toBe(EP);
    expect(new URLSearchParams(f.calls[0]?.body).get('data')).toBe(query);
  });

  it('shares one request between concurrent identical queries, and only those', async () => {
    const f = fakeFetch([json(OK_BODY)]);
    const query = q();
    const [a, b, c] = await Promise.all([
      fetchOverpass(query, { ...base, fetch: f.fn }),
      fetchOverpass(query, { ...base, fetch: f.fn }),
      fetchOverpass(q(), { ...base, fetch: f.fn }),
    ]);
    expect(f.calls).toHaveLength(2);
    expect(a).toEqual(b);
    expect(c).toEqual(a);
    expect(overpassRequestsInFlight()).toBe(0);
    // Finished requests are not remembered: asking again asks the server again.
    await fetchOverpass(query, { ...base, fetch: f.fn });
    expect(f.calls).toHaveLength(3);
  });

  it('keeps a shared request going while one caller remains, and cancels it when all have left', async () => {
    let release: (r: Response) => void = () => undefined;
    const f = fakeFetch([
      (call) =>
        new Promise<Response>((resolve, reject) => {
          release = resolve;
          call.signal.addEventListener('abort', () => reject(new DOMException('aborted', 'AbortError')));
        }),
    ]);
    const query = q();
    const ca = new AbortController();
    const cb = new AbortController();
    const pa = fetchOverpass(query, { ...base, fetch: f.fn, signal: ca.signal });
    const pb = fetchOverpass(query, { ...base, fetch: f.fn, signal: cb.signal });
    await new Promise((r) => setTimeout(r, 5));
    ca.abort();
    expect((await failure(pa)).kind).toBe('aborted');
    expect(f.calls[0]?.signal.aborted).toBe(false);
    release(json(OK_BODY));
    expect(new TextDecoder().decode(await pb)).toBe(OK_BODY);

    const q2 = q();
    const c1 = new AbortController();
    const c2 = new AbortController();
    const p1 = fetchOverpass(q2, { ...base, fetch: f.fn, signal: c1.signal });
    const p2 = fetchOverpass(q2, { ...base, fetch: f.fn, signal: c2.signal });
    await new Promise((r) => setTimeout(r, 5));
    c1.abort();
    c2.abort();
    expect((await failure(p1)).kind).toBe('aborted');
    expect((await failure(p2)).kind).toBe('aborted');
    expect(f.calls[1]?.signal.aborted).toBe(true);
    expect(overpassRequestsInFlight()).toBe(0);
  });

  it('gives up after the timeout with kind "timeout" (headers never came)', async () => {
    const f = fakeFetch([hang]);
    const t0 = Date.now();
    const e = await failure(fetchOverpass(q(), { ...base, fetch: f.fn, timeoutMs: 40 }));
    expect(e.kind).toBe('timeout');
    expect(Date.now() - t0).toBeGreaterThanOrEqual(35);
    expect(f.calls[0]?.signal.aborted).toBe(true);
    expect(f.calls).toHaveLength(1);
  });

  it('times out a body that stalls half-way', async () => {
    const f = fakeFetch([
      async (call) => {
        const stream = new ReadableStream<Uint8Array>({
          start(c) {
            c.enqueue(new TextEncoder().encode('{"elements":['));
            call.signal.addEventListener('abort', () => c.error(new DOMException('aborted', 'AbortError')));
          },
        });
        return new Response(stream, { status: 200 });
      },
    ]);
    expect((await failure(fetchOverpass(q(), { ...base, fetch: f.fn, timeoutMs: 40 }))).kind).toBe('timeout');
  });

  it('retries 429 once after a pause, then reports the server as busy with its status', async () => {
    const f = fakeFetch([json('rate limited', 429)]);
    const t0 = Date.now();
    const e = await failure(fetchOverpass(q(), { ...base, fetch: f.fn, retryDelayMs: 30 }));
    expect(e.kind).toBe('busy');
    expect(e.status).toBe(429);
    expect(f.calls).toHaveLength(2);
    expect(Date.now() - t0).toBeGreaterThanOrEqual(25);
  });

  it("waits the server's Retry-After instead of its own pause, and gives up on one longer than a minute", async () => {
    const f = fakeFetch([json('rate limited', 429, { 'retry-after': '1' }), json(OK_BODY)]);
    const t0 = Date.now();
    await fetchOverpass(q(), { ...base, fetch: f.fn, retryDelayMs: 5 });
    expect(f.calls).toHaveLength(2);
    expect(Date.now() - t0).toBeGreaterThanOrEqual(950);
    const long = fakeFetch([json('rate limited', 429, { 'retry-after': '3600' })]);
    const e = await failure(fetchOverpass(q(), { ...base, fetch: long.fn }));
    expect([e.kind, e.status, e.detail.retryAfterMs, long.calls.length]).toEqual(['busy', 429, 3_600_000, 1]);
  });

  it('reads Retry-After as seconds or as an HTTP date', () => {
    const now = Date.parse('2026-01-01T00:00:00Z');
    expect(parseRetryAfter('30', now)).toBe(30_000);
    expect(parseRetryAfter('Thu, 01 Jan 2026 00:00:10 GMT', now)).toBe(10_000);
    expect(parseRetryAfter('Wed, 31 Dec 2025 00:00:00 GMT', now)).toBe(0);
    expect(parseRetryAfter('soon', now)).toBeUndefined();
    expect(parseRetryAfter(null, now)).toBeUndefined();
    expect(MAX_RETRY_AFTER_MS).toBe(60_000);
  });

  it('succeeds when the retry after 504 succeeds', async () => {
    const f = fakeFetch([json('gateway timeout', 504), json(OK_BODY)]);
    expect(new TextDecoder().decode(await fetchOverpass(q(), { ...base, fetch: f.fn }))).toBe(OK_BODY);
    expect(f.calls).toHaveLength(2);
  });

  it('honours retries: 0 and a larger count, doubling the pause', async () => {
    const none = fakeFetch([json('busy', 503)]);
    expect((await failure(fetchOverpass(q(), { ...base, fetch: none.fn, retries: 0 }))).kind).toBe('busy');
    expect(none.calls).toHaveLength(1);
    const three = fakeFetch([json('busy', 429)]);
    const t0 = Date.now();
    await failure(fetchOverpass(q(), { ...base, fetch: three.fn, retries: 2, retryDelayMs: 20 }));
    expect(three.calls).toHaveLength(3);
    expect(Date.now() - t0).toBeGreaterThanOrEqual(55); // 20 + 40
  });

  it('does not retry other HTTP errors', async () => {
    for (const status of [400, 404, 500, 502]) {
      const f = fakeFetch([json('nope', status)]);
      const e = await failure(fetchOverpass(q(), { ...base, fetch: f.fn }));
      expect([e.kind, e.status, f.calls.length]).toEqual(['http', status, 1]);
    }
  });

  it('stops waiting for a retry when cancelled', async () => {
    const f = fakeFetch([json('busy', 429)]);
    const c = new AbortController();
    const p = fetchOverpass(q(), { ...base, fetch: f.fn, retryDelayMs: 10_000, signal: c.signal });
    await new Promise((r) => setTimeout(r, 10));
    c.abort();
    expect((await failure(p)).kind).toBe('aborted');
    expect(f.calls).toHaveLength(1);
  });

  it('says "offline" without asking when the browser is offline, and when the server is unreachable', async () => {
    const f = fakeFetch([json(OK_BODY)]);
    expect((await failure(fetchOverpass(q(), { ...base, fetch: f.fn, isOnline: () => false }))).kind).toBe(
      'offline',
    );
    expect(f.calls).toHaveLength(0);
    const down = fakeFetch([new TypeError('Failed to fetch')]);
    const e = await failure(fetchOverpass(q(), { ...base, fetch: down.fn }));
    expect(e.kind).toBe('offline');
    expect(down.calls).toHaveLength(1);
  });

  it('rejects an answer that is not JSON (an HTML error page with status 200)', async () => {
    const f = fakeFetch([
      new Response('<html><body>The server is probably too busy</body></html>', { status: 200 }),
    ]);
    expect((await failure(fetchOverpass(q(), { ...base, fetch: f.fn }))).kind).toBe('bad_json');
  });

  it('refuses answers over the size limit, declared or streamed', async () => {
    const declared = fakeFetch([json(OK_BODY, 200, { 'content-length': '1000000' })]);
    expect((await failure(fetchOverpass(q(), { ...base, fetch: declared.fn, maxBytes: 1000 }))).kind).toBe(
      'too_large',
    );
    const streamed = fakeFetch([
      async () =>
        new Response(
          new ReadableStream<Uint8Array>({
            start(c) {
              for (let i = 0; i < 5; i++) c.enqueue(new Uint8Array(400).fill(0x20));
              c.close();
            },
          }),
        ),
    ]);
    expect((await failure(fetchOverpass(q(), { ...base, fetch: streamed.fn, maxBytes: 1000 }))).kind).toBe(
      'too_large',
    );
  });

  it('reassembles a body that arrives in chunks', async () => {
    const text = `  ${OK_BODY}`;
    const enc = new TextEncoder().encode(text);
    const f = fakeFetch([
      async () =>
        new Response(
          new ReadableStream<Uint8Array>({
            start(c) {
              for (let i = 0; i < enc.length; i += 7) c.enqueue(enc.slice(i, i + 7));
              c.close();
            },
          }),
        ),
    ]);
    expect(new TextDecoder().decode(await fetchOverpass(q(), { ...base, fetch: f.fn }))).toBe(text);
  });
});

describe('decodeOverpassBody', () => {
  const enc = (s: string) => new TextEncoder().encode(s);
  it('parses an Overpass JSON answer', () => {
    expect(decodeOverpassBody(enc(OK_BODY))).toEqual(JSON.parse(OK_BODY));
  });
  it('reports truncated or invalid JSON, invalid UTF-8 and documents without elements as bad_json', () => {
    for (const bad of [
      enc('{"elements":[{"type":"node"'),
      enc('[1,2]'),
      enc('{"remark":"x"}'),
      new Uint8Array([0x7b, 0xff, 0x7d]),
    ]) {
      expect(() => decodeOverpassBody(bad)).toThrow(OverpassError);
      try {
        decodeOverpassBody(bad);
      } catch (e) {
        expect((e as OverpassError).kind).toBe('bad_json');
      }
    }
  });
  it('treats an Overpass "runtime error" remark (timeout, out of memory) as busy, not as data', () => {
    const body = enc(
      '{"elements":[],"remark":"runtime error: Query timed out in \\"query\\" at line 3 after 26 seconds."}',
    );
    try {
      decodeOverpassBody(body);
      throw new Error('expected a failure');
    } catch (e) {
      expect((e as OverpassError).kind).toBe('busy');
      expect((e as OverpassError).detail.remark).toMatch(/^runtime error: Query timed out/);
    }
  });
});
