import { describe, expect, it } from 'vitest';
import { fromLanzhouWallClock } from './lanzhou_time';
import { parseTourLink, tourLinkParams } from './share';
import { inEachZone } from './test_support';
import {
  DEFAULT_DWELL_MIN,
  defaultTourState,
  formatTourStart,
  MAX_WALK_STOPS,
  parseTourParams,
  parseTourStart,
  type TourViewState,
  tourStartDate,
  writeTourParams,
} from './tour_state';

const roundTrip = (s: TourViewState): TourViewState => {
  const q = new URLSearchParams();
  writeTourParams(s, q);
  return parseTourParams(new URLSearchParams(q.toString()));
};

describe('tour URL state', () => {
  it('reads a suggested walk request only with an offered length and a start id', () => {
    const read = (v: string) => parseTourParams(new URLSearchParams({ sug: v })).tourSuggest;
    expect(read('60~a~b')).toEqual({ lengthMin: 60, from: 'a~b' });
    expect(read('90~a')).toBeNull();
    expect(read('120~')).toBeNull();
    expect(read(`180~${'x'.repeat(201)}`)).toBeNull();
  });

  it('round-trips a user-built walk and its start', () => {
    const s: TourViewState = {
      tourRoute: null,
      tourStops: [
        { feature_id: 'fitness-lanzhou-olympic-center-stadium', dwell_min: 20 },
        { feature_id: 'odd,id~with~tildes', dwell_min: 0 },
        { feature_id: 'park-dongfanghong-square', dwell_min: 720 },
      ],
      tourStart: '2024-06-21T19:30',
      tourSuggest: { lengthMin: 120, from: 'osm-node-6563941666' },
    };
    expect(roundTrip(s)).toEqual(s);
    const q = new URLSearchParams();
    writeTourParams(s, q);
    expect(q.getAll('stop')).toEqual([
      'fitness-lanzhou-olympic-center-stadium~20',
      'odd,id~with~tildes~0',
      'park-dongfanghong-square~720',
    ]);
  });

  it('writes nothing for the default state', () => {
    const q = new URLSearchParams();
    writeTourParams(defaultTourState(), q);
    expect(q.toString()).toBe('');
    expect(parseTourParams(new URLSearchParams(''))).toEqual(defaultTourState());
  });

  it('reads the route and start written by share.ts', () => {
    const start = fromLanzhouWallClock(2024, 6, 21, 20, 5);
    const q = new URLSearchParams(tourLinkParams({ route: 'yellow-river.1', start }));
    const s = parseTourParams(q);
    expect(s.tourRoute).toBe('yellow-river.1');
    expect(parseTourStart(s.tourStart)).toEqual(start);
    // …and share.ts reads what this module writes.
    const back = new URLSearchParams();
    writeTourParams(s, back);
    expect(parseTourLink(back)).toEqual({ route: 'yellow-river.1', start });
  });

  it('drops hostile or malformed values instead of guessing', () => {
    const s = parseTourParams(
      new URLSearchParams(
        [
          'tour=<script>',
          'stop=',
          'stop=~10',
          `stop=${'x'.repeat(201)}~5`,
          'stop=a~-5',
          'stop=b~721',
          'stop=c~1e3',
          'stop=d',
          'stop=d~40',
          'stop=e~15',
          'start=2024-02-30T19:30',
        ].join('&'),
      ),
    );
    expect(s.tourRoute).toBeNull();
    expect(s.tourStops).toEqual([
      { feature_id: 'a', dwell_min: DEFAULT_DWELL_MIN },
      { feature_id: 'b', dwell_min: DEFAULT_DWELL_MIN },
      { feature_id: 'c', dwell_min: DEFAULT_DWELL_MIN },
      { feature_id: 'd', dwell_min: DEFAULT_DWELL_MIN },
      { feature_id: 'e', dwell_min: 15 },
    ]);
    expect(s.tourStart).toBeNull();
  });

  it(`keeps at most ${MAX_WALK_STOPS} stops`, () => {
    const q = new URLSearchParams();
    for (let i = 0; i < MAX_WALK_STOPS + 5; i++) q.append('stop', `p${i}~5`);
    const s = parseTourParams(q);
    expect(s.tourStops).toHaveLength(MAX_WALK_STOPS);
    expect(s.tourStops.at(-1)).toEqual({ feature_id: `p${MAX_WALK_STOPS - 1}`, dwell_min: 5 });
  });

  it('parses start times on the Lanzhou clock whatever the process zone, rejecting impossible ones', () => {
    inEachZone(() => {
      expect(parseTourStart('2024-06-21T19:30')).toEqual(fromLanzhouWallClock(2024, 6, 21, 19, 30));
      expect(formatTourStart(fromLanzhouWallClock(2024, 12, 31, 23, 59, 59))).toBe('2024-12-31T23:59');
    });
    for (const bad of ['2024-06-21T24:00', '2024-13-01T10:00', '2024-06-21 19:30', '19:30', '', null]) {
      expect(parseTourStart(bad)).toBeNull();
    }
  });

  it('starts at the chosen time, else at the next 19:30 in Lanzhou', () => {
    const afternoon = fromLanzhouWallClock(2024, 6, 21, 15, 0);
    const late = fromLanzhouWallClock(2024, 6, 21, 22, 0);
    expect(tourStartDate({ tourStart: null }, afternoon)).toEqual(fromLanzhouWallClock(2024, 6, 21, 19, 30));
    expect(tourStartDate({ tourStart: null }, late)).toEqual(fromLanzhouWallClock(2024, 6, 22, 19, 30));
    expect(tourStartDate({ tourStart: '2024-07-01T18:00' }, late)).toEqual(
      fromLanzhouWallClock(2024, 7, 1, 18, 0),
    );
    expect(tourStartDate({ tourStart: 'garbage' }, afternoon)).toEqual(
      fromLanzhouWallClock(2024, 6, 21, 19, 30),
    );
  });
});
