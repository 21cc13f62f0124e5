import { describe, expect, it } from 'vitest';
import { fromLanzhouWallClock } from './lanzhou_time';
import { parseTourLink, tourLinkParams } from './share';
import { inEachZone } from './test_support';

describe('tour share link', () => {
  it('writes the route and the Lanzhou start time and reads them back, in any process zone', () => {
    const start = fromLanzhouWallClock(2024, 6, 21, 19, 30);
    inEachZone(() => {
      const params = tourLinkParams({ route: 'fixture-night-walk', start });
      expect(new URLSearchParams(params).toString()).toBe('tour=fixture-night-walk&start=2024-06-21T19%3A30');
      expect(parseTourLink(new URLSearchParams(params))).toEqual({ route: 'fixture-night-walk', start });
    });
    expect(tourLinkParams({ route: 'r', start: null })).toEqual([['tour', 'r']]);
  });

  it('drops hostile or impossible values instead of guessing', () => {
    expect(parseTourLink(new URLSearchParams('start=2024-06-21T19:30'))).toBeNull();
    expect(parseTourLink(new URLSearchParams('tour=<script>'))).toBeNull();
    expect(parseTourLink(new URLSearchParams(`tour=${'x'.repeat(101)}`))).toBeNull();
    for (const bad of ['2024-02-30T19:30', '2024-06-21T25:00', '2024-06-21 19:30', 'tonight', '']) {
      expect(parseTourLink(new URLSearchParams({ tour: 'r', start: bad }))).toEqual({
        route: 'r',
        start: null,
      });
    }
  });
});
