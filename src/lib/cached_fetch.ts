// A fetch that asks the network once per URL for small documents that do not change in a session (basemap styles).

/**
 * Wraps `inner` so that each URL is requested once; later calls get a copy of the first successful answer
 * (status, headers and body). A failed request (network error or non-2xx) is not kept, so a retry asks again.
 * Meant for small text documents such as a style JSON, which the app re-reads on every language or
 * theme switch.
 */
export function cachedFetch(inner: typeof fetch): typeof fetch {
  const cache = new Map<string, Promise<{ body: string; status: number; headers: [string, string][] }>>();
  return (async (input: RequestInfo | URL, init?: RequestInit) => {
    const url = typeof input === 'string' ? input : input instanceof URL ? input.href : input.url;
    let hit = cache.get(url);
    if (!hit) {
      hit = inner(input, init).then(async (res) => {
        if (!res.ok) throw Object.assign(new Error(`HTTP ${res.status}`), { response: res });
        return { body: await res.text(), status: res.status, headers: [...res.headers] };
      });
      cache.set(url, hit);
      hit.catch(() => cache.delete(url));
    }
    try {
      const r = await hit;
      return new Response(r.body, { status: r.status, headers: r.headers });
    } catch (e) {
      const res = (e as { response?: Response }).response;
      if (res) return res;
      throw e;
    }
  }) as typeof fetch;
}
