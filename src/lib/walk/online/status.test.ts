import { describe, expect, it } from 'vitest';
import { translate } from '../../i18n.ts';
import type { AreaGraphResult } from './client.ts';
import { OverpassError } from './fetcher.ts';
import { netCanRetry, netStatusLines } from './status.ts';

const EP = 'https://overpass-api.de/api/interpreter';
const result = (source: 'cache' | 'network', nodeCount: number): AreaGraphResult =>
  ({
    graph: { nodeCount } as AreaGraphResult['graph'],
    source,
    tiles: [],
    endpoint: EP,
    savedAt: Date.UTC(2025, 4, 17, 12),
    stats: null,
  }) as AreaGraphResult;
const text = (lines: ReturnType<typeof netStatusLines>) => lines.map((l) => translate('en', l.key, l.params));

describe('netStatusLines', () => {
  it('says that a clear stopped the download, and that times are estimates meanwhile', () => {
    expect(text(netStatusLines({ phase: 'cleared', endpoint: EP }, 1.3))).toEqual([
      "Clearing this device's data stopped the street network download; nothing of it was kept.",
      'Using estimated walking times instead (straight-line distance × 1.3).',
    ]);
  });

  it('says what is loading and where the network came from', () => {
    expect(text(netStatusLines({ phase: 'download', endpoint: EP }, 1.3))).toEqual([
      'Downloading the street network around this place from overpass-api.de…',
    ]);
    expect(text(netStatusLines({ phase: 'build', endpoint: EP }, 1.3))).toEqual([
      'Building the street network…',
    ]);
    expect(text(netStatusLines({ phase: 'ready', result: result('network', 10) }, 1.3))).toEqual([
      'Street network downloaded from overpass-api.de (map data © OpenStreetMap contributors).',
    ]);
    expect(text(netStatusLines({ phase: 'ready', result: result('cache', 10) }, 1.3))).toEqual([
      "Street network from this device's cache, downloaded 2025-05-17 (map data © OpenStreetMap contributors).",
    ]);
  });

  it('labels the estimate fallback after every failure and for an empty area', () => {
    const failed = (error: unknown, timeoutMs?: number) =>
      text(
        netStatusLines({ phase: 'failed', endpoint: EP, error, ...(timeoutMs ? { timeoutMs } : {}) }, 1.5),
      );
    const fallback = 'Using estimated walking times instead (straight-line distance × 1.5).';
    expect(failed(new OverpassError('offline', 'x'))).toEqual([
      'The street network could not be downloaded: offline, or overpass-api.de cannot be reached.',
      fallback,
    ]);
    expect(failed(new OverpassError('timeout', 'x'), 30_000)[0]).toBe(
      'The street network could not be downloaded: overpass-api.de did not answer within 30 s.',
    );
    expect(failed(new OverpassError('busy', 'x', 429))[0]).toContain('is busy; try again later');
    expect(failed(new OverpassError('http', 'x', 400))[0]).toContain('(HTTP 400)');
    expect(failed(new OverpassError('bad_json', 'x'))[0]).toContain('could not be read');
    expect(failed(new OverpassError('too_large', 'x'))[0]).toContain('too much data');
    expect(failed(new Error('anything else'))[1]).toBe(fallback);
    expect(failed(new OverpassError('aborted', 'x'))).toEqual([]);
    expect(text(netStatusLines({ phase: 'ready', result: result('network', 0) }, 1.3)).slice(1)).toEqual([
      'No walkable ways are mapped around this place.',
      'Using estimated walking times instead (straight-line distance × 1.3).',
    ]);
  });

  it('has every line in Chinese too', () => {
    const lines = netStatusLines(
      { phase: 'failed', endpoint: EP, error: new OverpassError('offline', 'x') },
      1.3,
    );
    expect(lines.map((l) => translate('zh', l.key, l.params))).toEqual([
      '无法下载街道网络：设备离线，或无法连接 overpass-api.de。',
      '改用估算的步行时间（直线距离 × 1.3）。',
    ]);
  });

  it('offers a retry for failures but not for cancellations', () => {
    expect(netCanRetry({ phase: 'failed', endpoint: EP, error: new OverpassError('busy', 'x') })).toBe(true);
    expect(netCanRetry({ phase: 'failed', endpoint: EP, error: new OverpassError('aborted', 'x') })).toBe(
      false,
    );
    expect(netCanRetry({ phase: 'download', endpoint: EP })).toBe(false);
    expect(netCanRetry({ phase: 'cleared', endpoint: EP })).toBe(true);
  });
});
