import { readdirSync, readFileSync } from 'node:fs';
import opening_hours from 'opening_hours';
import { describe, expect, it } from 'vitest';
import { formatLanzhouTime, fromLanzhouWallClock } from './lanzhou_time';
import { lanzhouSunDay } from './night';
import { isOpenKind, isValidOpeningHours, type OpeningStatus, openingStatusAt } from './opening';
import { inEachZone } from './test_support';

/** Lanzhou wall-clock instant; 2024-06-21 is a Friday. */
const lz = (day: number, h: number, m = 0) => fromLanzhouWallClock(2024, 6, day, h, m);
const show = (s: OpeningStatus) => [s.kind, s.next ? `${s.next.toISOString()}` : null, s.comment ?? null];
const VENUE = 'Mo-Su 18:00-02:00';

describe('openingStatusAt: a venue open 18:00–02:00', () => {
  it('is open in the evening and past midnight, closes soon before 02:00, closed after', () => {
    inEachZone(() => {
      const twoAm = lz(22, 2).toISOString();
      expect(show(openingStatusAt(VENUE, lz(21, 20, 34)))).toEqual(['open', twoAm, null]);
      expect(show(openingStatusAt(VENUE, lz(22, 0, 34)))).toEqual(['open', twoAm, null]);
      expect(show(openingStatusAt(VENUE, lz(22, 1, 45)))).toEqual(['closes_soon', twoAm, null]);
      expect(show(openingStatusAt(VENUE, lz(22, 1, 29)))).toEqual(['open', twoAm, null]);
      expect(show(openingStatusAt(VENUE, lz(22, 1, 29), { closesSoonMin: 45 }))).toEqual([
        'closes_soon',
        twoAm,
        null,
      ]);
      expect(show(openingStatusAt(VENUE, lz(22, 2, 0)))).toEqual(['closed', lz(22, 18).toISOString(), null]);
      expect(show(openingStatusAt(VENUE, lz(22, 2, 24)))).toEqual(['closed', lz(22, 18).toISOString(), null]);
    });
  });

  it('says when it opens later the same evening', () => {
    inEachZone(() => {
      expect(show(openingStatusAt(VENUE, lz(21, 17)))).toEqual([
        'opens_later',
        lz(21, 18).toISOString(),
        null,
      ]);
      expect(show(openingStatusAt(VENUE, lz(21, 17), { opensSoonMin: 30 }))).toEqual([
        'closed',
        lz(21, 18).toISOString(),
        null,
      ]);
    });
  });
});

describe('openingStatusAt: unknown and odd values', () => {
  it('reports missing hours as unknown, never as open or closed', () => {
    for (const v of [undefined, null, '', '   '])
      expect(openingStatusAt(v, lz(21, 20))).toEqual({ kind: 'no_hours' });
  });

  it('reports values the parser rejects', () => {
    for (const v of ['Mo-Fr 25:00-26:00', 'open sometimes', 'bogus']) {
      expect(openingStatusAt(v, lz(21, 20))).toEqual({ kind: 'unparseable' });
      expect(isValidOpeningHours(v)).toBe(false);
    }
    expect(isValidOpeningHours(VENUE)).toBe(true);
    expect(isValidOpeningHours(' ')).toBe(false);
  });

  it('reports uncertain states, keeping comments written in the tag only', () => {
    // An open end: the library guesses a closing time and says so in English; we only say "uncertain".
    expect(openingStatusAt('18:00+', lz(21, 19))).toMatchObject({ kind: 'uncertain' });
    expect(openingStatusAt('18:00+', lz(21, 19)).comment).toBeUndefined();
    expect(openingStatusAt('Mo-Su 18:00-02:00 "call ahead"', lz(21, 19))).toMatchObject({
      kind: 'uncertain',
      comment: 'call ahead',
    });
  });

  it('knows 24/7 and weekly rules', () => {
    expect(openingStatusAt('24/7', lz(21, 3))).toEqual({ kind: 'open' });
    // Friday 19:00: next opening is Monday 09:00.
    expect(show(openingStatusAt('Mo-Fr 09:00-17:00', lz(21, 19)))).toEqual([
      'closed',
      lz(24, 9).toISOString(),
      null,
    ]);
    expect(isOpenKind('closes_soon')).toBe(true);
    expect(isOpenKind('uncertain')).toBe(false);
  });

  it('uses Chinese public holidays for PH (National Day, 1 October 2024)', () => {
    const s = openingStatusAt('Mo-Su 09:00-17:00; PH off', fromLanzhouWallClock(2024, 10, 1, 12));
    expect(s.kind).toBe('closed');
    expect(formatLanzhouTime(s.next!)).toBe('09:00');
  });
});

describe('openingStatusAt is evaluated on Lanzhou time in any process time zone', () => {
  const values = [
    VENUE,
    'Mo-Fr 09:00-17:00',
    'Sa 00:00-03:00',
    'Fr,Sa 18:00-03:00; Su-Th 18:00-01:00',
    'sunset-23:00',
  ];

  it('gives identical results for a week of half-hours in every zone', () => {
    const instants = Array.from({ length: 7 * 48 }, (_, i) => new Date(lz(17, 0).getTime() + i * 1_800_000));
    const runs = inEachZone(() =>
      JSON.stringify(values.map((v) => instants.map((t) => show(openingStatusAt(v, t))))),
    );
    // Sun-based times are read to the minute after a tiny longitude shift: allow them to differ by ≤ 1 min.
    const parse = (run: string) => JSON.parse(run) as [string, string | null, string | null][][];
    const base = parse(runs[0]!);
    for (const run of runs.slice(1).map(parse)) {
      run.forEach((perValue, vi) => {
        perValue.forEach(([kind, next], ti) => {
          const [bKind, bNext] = base[vi]![ti]!;
          if (values[vi] !== 'sunset-23:00') {
            expect([kind, next]).toEqual([bKind, bNext]);
          } else {
            expect(kind).toBe(bKind);
            expect(Math.abs(Date.parse(next!) - Date.parse(bNext!))).toBeLessThanOrEqual(60_000);
          }
        });
      });
    }
  });

  it('reads the Lanzhou weekday, not the UTC one (Saturday 01:30 in Lanzhou is Friday in UTC)', () => {
    const at = lz(22, 1, 30);
    for (const s of inEachZone(() => openingStatusAt('Sa 00:00-03:00', at))) expect(s.kind).toBe('open');
  });

  it('would be wrong without the conversion: the raw library depends on the process zone', () => {
    // The guard that this test suite can fail: evaluating the same instant naively gives different answers.
    const at = lz(21, 20, 34);
    const naive = inEachZone(() => new opening_hours(VENUE).getState(at), ['Asia/Shanghai', 'UTC']);
    expect(naive).toEqual([true, false]);
  });

  it('places sunset-based hours at the Lanzhou sunset', () => {
    const sunset = lanzhouSunDay(lz(21, 12)).sunset;
    for (const s of inEachZone(() => openingStatusAt('sunset-23:00', lz(21, 19)))) {
      expect(s.kind).toBe('opens_later');
      // The library works in whole minutes.
      expect(Math.abs(s.next!.getTime() - sunset.getTime())).toBeLessThanOrEqual(90_000);
    }
    for (const s of inEachZone(() => openingStatusAt('sunset-23:00', lz(21, 22, 45)))) {
      expect(show(s)).toEqual(['closes_soon', lz(21, 23).toISOString(), null]);
    }
  });
});

describe('bundle hygiene', () => {
  it('keeps the opening_hours library out of every other tour module', () => {
    // The parser is ~160 KiB gzip: only opening.ts may import it, and only type imports of opening.ts exist.
    const dir = new URL('./', import.meta.url);
    const sources = readdirSync(dir).filter(
      (f) => f.endsWith('.ts') && !f.endsWith('.test.ts') && f !== 'opening.ts',
    );
    expect(sources.length).toBeGreaterThan(5);
    for (const f of sources) {
      const text = readFileSync(new URL(f, dir), 'utf8');
      expect(text, f).not.toMatch(/from 'opening_hours'/);
      expect(text, f).not.toMatch(/^import (?!type )[^;]*from '\.\/opening'/m);
    }
  });
});
