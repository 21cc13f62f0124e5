import { describe, expect, it } from 'vitest';
import { translate } from '../i18n.ts';
import { OverpassError } from '../walk/online/fetcher.ts';
import { failureKind, failureLines } from './status.ts';

const EP = 'https://overpass-api.de/api/interpreter';
const cases: [OverpassError, string][] = [
  [new OverpassError('offline', 'x'), 'offline'],
  [new OverpassError('timeout', 'x'), 'timeout'],
  [new OverpassError('busy', 'x', 429, { retryAfterMs: 2000 }), 'rate_limited'],
  [new OverpassError('busy', 'x', 504), 'server'],
  [new OverpassError('http', 'x', 500), 'server'],
  [new OverpassError('http', 'x', 403), 'http'],
  [new OverpassError('busy', 'x', undefined, { remark: 'runtime error: out of memory' }), 'remark'],
  [new OverpassError('bad_json', 'x'), 'bad_json'],
  [new OverpassError('too_large', 'x'), 'too_large'],
];

describe('live failure messages', () => {
  it('tells every kind apart and names it in both languages, with the host', () => {
    expect(cases.map(([e]) => failureKind(e))).toEqual(cases.map(([, k]) => k));
    const texts = cases.map(([e]) => {
      const [line, kept] = failureLines(
        { tile: { key: 't', bbox: [0, 0, 1, 1] }, attempts: [{ endpoint: EP, error: e }] },
        0,
      );
      expect(kept?.key).toBe('live.kept_shipped');
      return ['zh', 'en'].map((l) => translate(l as 'zh', line!.key, line!.params));
    });
    for (const [zh, en] of texts) {
      expect(zh).toContain('overpass-api.de');
      expect(en).toContain('overpass-api.de');
    }
    expect(new Set(texts.map((t) => t[1])).size).toBe(cases.length);
    expect(texts[2]![1]).toContain('HTTP 429');
    expect(texts[2]![1]).toContain('2 s');
    expect(texts[3]![0]).toContain('HTTP 504');
    expect(texts[6]![1]).toContain('runtime error: out of memory');
  });

  it('tells two endpoints on one host apart by their path', () => {
    const lines = failureLines(
      {
        tile: { key: 't', bbox: [0, 0, 1, 1] },
        attempts: [
          { endpoint: 'http://127.0.0.1:9/op-a', error: new OverpassError('http', 'x', 500) },
          { endpoint: 'http://127.0.0.1:9/op-b', error: new OverpassError('http', 'x', 500) },
        ],
      },
      0,
    );
    expect(lines.slice(0, 2).map((l) => l.params.host)).toEqual(['127.0.0.1:9/op-a', '127.0.0.1:9/op-b']);
  });

  it('lists each endpoint tried, then says what was kept', () => {
    const lines = failureLines(
      {
        tile: { key: 't', bbox: [0, 0, 1, 1] },
        attempts: [
          { endpoint: EP, error: new OverpassError('timeout', 'x') },
          {
            endpoint: 'https://overpass.private.coffee/api/interpreter',
            error: new OverpassError('http', 'x', 503),
          },
        ],
      },
      12,
    );
    expect(lines.map((l) => translate('en', l.key, l.params))).toEqual([
      'overpass-api.de did not answer within 75 s (timed out).',
      'overpass.private.coffee had a server error (HTTP 503).',
      'The 12 facilities loaded so far and the shipped places stay on the map; your view is unchanged.',
    ]);
  });
});
