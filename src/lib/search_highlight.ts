// Search highlights: the matched ranges as plain and emphasised segments (for <mark> without HTML).

import type { Highlight, SearchEntry } from './search_model';

/** A piece of text to show, emphasised or not. */
export interface Segment {
  text: string;
  mark: boolean;
}

/**
 * Split `text` into plain and emphasised segments for half-open UTF-16 `ranges` (clamped to the text,
 * sorted and merged), for building <mark> elements without HTML.
 */
export function highlightSegments(text: string, ranges: ReadonlyArray<readonly [number, number]>): Segment[] {
  const clean = ranges
    .map(([a, b]): [number, number] => [
      Math.max(0, Math.min(a, text.length)),
      Math.max(0, Math.min(b, text.length)),
    ])
    .filter(([a, b]) => b > a)
    .sort((x, y) => x[0] - y[0]);
  const out: Segment[] = [];
  let at = 0;
  for (const [a, b] of clean) {
    if (b <= at) continue;
    const from = Math.max(a, at);
    if (from > at) out.push({ text: text.slice(at, from), mark: false });
    const last = out[out.length - 1];
    if (last?.mark && from === at) last.text += text.slice(from, b);
    else out.push({ text: text.slice(from, b), mark: true });
    at = b;
  }
  if (at < text.length) out.push({ text: text.slice(at), mark: false });
  return out;
}

/** The text a highlight refers to ('' when the field is missing). */
export function highlightedText(entry: SearchEntry, h: Highlight): string {
  const v = h.field === 'extra_zh' ? entry.extra_zh?.[h.index] : entry[h.field];
  return typeof v === 'string' ? v : '';
}
