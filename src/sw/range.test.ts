// Range answers from cached bodies, compared with slicing the bytes directly.

import { describe, expect, it } from 'vitest';
import { rangeResponse } from './range';

const bytes = Uint8Array.from({ length: 1000 }, (_, i) => i % 251);
const full = () =>
  new Response(bytes, { headers: { 'content-type': 'application/octet-stream', etag: '"v1"' } });

describe('rangeResponse', () => {
  it.each([
    ['bytes=0-126', 0, 126],
    ['bytes=500-', 500, 999],
    ['bytes=-100', 900, 999],
    ['bytes=990-5000', 990, 999],
  ])('answers %s with the same bytes a static host would send', async (range, start, end) => {
    const r = await rangeResponse(full(), range);
    expect(r.status).toBe(206);
    expect(r.headers.get('content-range')).toBe(`bytes ${start}-${end}/1000`);
    expect(r.headers.get('etag')).toBe('"v1"');
    expect(new Uint8Array(await r.arrayBuffer())).toEqual(bytes.slice(start, end + 1));
  });
  it.each(['bytes=1000-', 'bytes=5-2', 'items=0-1', 'bytes=0-1,4-5'])(
    'refuses %s with 416',
    async (range) => {
      const r = await rangeResponse(full(), range);
      expect(r.status).toBe(416);
      expect(r.headers.get('content-range')).toBe('bytes */1000');
    },
  );
});
