// Answers an HTTP Range request from a whole cached response (the Cache API cannot store 206 answers).

/**
 * The `bytes=a-b`, `bytes=a-` or `bytes=-n` part of `full`'s body as a 206 response, as a static host
 * would give it; 416 when the range lies outside the body. Only single ranges (all PMTiles readers send).
 *
 * @param full a complete (200) response
 */
export async function rangeResponse(full: Response, range: string): Promise<Response> {
  // A Blob, not an ArrayBuffer: the cached Lanzhou extract is hundreds of MB, and a Blob slice reads
  // only the bytes asked for.
  const body = await full.blob();
  const size = body.size;
  const m = /^bytes=(\d*)-(\d*)$/.exec(range.trim());
  let start = m?.[1] ? Number(m[1]) : Number.NaN;
  let end = m?.[2] ? Number(m[2]) : size - 1;
  if (m && !m[1] && m[2]) {
    start = Math.max(0, size - Number(m[2]));
    end = size - 1;
  }
  const headers = new Headers(full.headers);
  if (!m || !(start >= 0) || start >= size || end < start) {
    headers.set('content-range', `bytes */${size}`);
    headers.delete('content-length');
    return new Response(null, { status: 416, headers });
  }
  end = Math.min(end, size - 1);
  headers.set('content-range', `bytes ${start}-${end}/${size}`);
  headers.set('content-length', String(end - start + 1));
  return new Response(body.slice(start, end + 1), { status: 206, headers });
}
