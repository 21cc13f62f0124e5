import { describe, expect, it } from 'vitest';
import { formatClock, formatDistance, formatOpening, formatWhen } from './format';
import { fromLanzhouWallClock } from './lanzhou_time';
import { inEachZone } from './test_support';

const lz = (day: number, h: number, m = 0) => fromLanzhouWallClock(2024, 6, day, h, m);

describe('tour formatting', () => {
  it('formats distances', () => {
    expect(formatDistance('en', 0)).toBe('0 m');
    expect(formatDistance('en', 847)).toBe('850 m');
    expect(formatDistance('zh', 847)).toBe('850 米');
    expect(formatDistance('en', 994)).toBe('990 m');
    expect(formatDistance('en', 996)).toBe('1.0 km');
    expect(formatDistance('zh', 1300.98)).toBe('1.3 公里');
  });

  it('marks clock times on the next Lanzhou day, in any process zone', () => {
    inEachZone(() => {
      expect(formatClock('en', lz(21, 23, 57), lz(21, 23, 30))).toBe('23:57');
      expect(formatClock('en', lz(22, 0, 34), lz(21, 23, 30))).toBe('00:34 (next day)');
      expect(formatClock('zh', lz(22, 0, 34), lz(21, 23, 30))).toBe('次日 00:34');
    });
  });

  it('says when a change happens', () => {
    expect(formatWhen('en', lz(21, 22), lz(21, 20))).toBe('at 22:00');
    expect(formatWhen('zh', lz(22, 2), lz(21, 20))).toBe('明天 02:00');
    expect(formatWhen('en', lz(24, 9), lz(21, 20))).toBe('2024-06-24, 09:00');
  });

  it('phrases every opening state', () => {
    const at = lz(21, 20, 34);
    expect(formatOpening('en', { kind: 'open', next: lz(22, 2) }, at)).toBe('Open, closes tomorrow 02:00');
    expect(formatOpening('zh', { kind: 'open', next: lz(22, 2) }, at)).toBe('开放中，明天 02:00 关闭');
    expect(formatOpening('en', { kind: 'open' }, at)).toBe('Open');
    expect(formatOpening('en', { kind: 'open', next: lz(28, 0) }, at)).toBe('Open');
    expect(formatOpening('en', { kind: 'closes_soon', next: lz(21, 21) }, at)).toBe('Closes soon (at 21:00)');
    expect(formatOpening('en', { kind: 'opens_later', next: lz(21, 21) }, at)).toBe('Opens at 21:00');
    expect(formatOpening('en', { kind: 'closed', next: lz(24, 9) }, at)).toBe(
      'Closed, opens 2024-06-24, 09:00',
    );
    expect(formatOpening('en', { kind: 'closed' }, at)).toBe('Closed');
    expect(formatOpening('en', { kind: 'uncertain', comment: 'call ahead' }, at)).toBe(
      'Open state uncertain (call ahead)',
    );
    expect(formatOpening('en', { kind: 'no_hours' }, at)).toBe('Opening hours unknown');
    expect(formatOpening('zh', { kind: 'no_hours' }, at)).toBe('开放时间未知');
    expect(formatOpening('en', { kind: 'unparseable' }, at)).toBe('Opening hours could not be read');
  });
});
