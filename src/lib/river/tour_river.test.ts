import { describe, expect, it } from 'vitest';
import { fromLanzhouWallClock } from '../tour/lanzhou_time';
import { straightLegRouter } from '../tour/legs';
import { openingStatusAt } from '../tour/opening';
import { startPlaces, suggestWalk } from '../tour/suggest';
import { walkPlaces } from '../tour/suggest_places';
import { liveFixture, metroStations } from '../tour/suggest_test_support';
import { parseRiverFile, riverFileOf } from './river_file';
import { buildRiverFrame, type LonLat } from './river_frame';
import { tourRiver } from './tour_river';

const line = (x: number): LonLat[] => [
  [x, 36],
  [x + 0.01, 36],
];
const imported = {
  ways: new Map([
    [1, [line(103.7)]],
    [2, [line(103.71), line(103.8)]],
  ]),
  named: true,
  date: '2013-08-03',
};

describe('tourRiver', () => {
  it('follows the import when nothing live is loaded', () => {
    expect(tourRiver({ lines: [], named: false }, imported)).toEqual({
      lines: [line(103.7), line(103.71), line(103.8)],
      named: true,
      from: 'import',
      origin: { kind: 'import', date: '2013-08-03' },
    });
  });

  it('follows the live lines when there are any, whole (no mix of two OSM dates)', () => {
    const origin = {
      kind: 'live',
      date: '2026-11-30',
      day: '2026-12-01',
      tiles: 4,
      fromCache: 0,
      saved: null,
    } as const;
    expect(tourRiver({ lines: [line(103.9)], named: false, origin }, imported)).toEqual({
      lines: [line(103.9)],
      named: false,
      from: 'live',
      origin,
    });
  });

  it('has no river without either', () => {
    expect(tourRiver({ lines: [], named: true }, null)).toMatchObject({ from: 'none', origin: null });
    expect(tourRiver({ lines: [], named: true }, { ways: new Map(), named: true }).lines).toEqual([]);
  });
});

describe('the import’s river on real OSM (Liechtenstein relocated over Lanzhou, the Rhine)', () => {
  const live = liveFixture();
  const places = walkPlaces([...live.features, ...metroStations()]);
  // As the importer writes the file and the app reads it back (rounded to 1e-6°, through JSON).
  const file = riverFileOf(
    live.riverWays.map((r) => ({ id: r.id, name: null, lines: [r.coords] })),
    { match: 'any', date: '2013-08-03' },
  );
  const read = parseRiverFile(JSON.parse(JSON.stringify(file)));
  const imported = 'river' in read ? read.river : null;
  const walk = (lines: LonLat[][]) =>
    suggestWalk({
      places,
      river: buildRiverFrame(lines),
      startId: 'osm-way-1300',
      lengthMin: 60,
      start: fromLanzhouWallClock(2026, 6, 20, 19, 30),
      router: straightLegRouter(),
      opening: (v, at) => openingStatusAt(v, at),
    });

  it('with no live download, gives the walk the live river gives (no "needs the river")', () => {
    expect(imported?.ways.size).toBe(live.riverWays.length);
    const river = tourRiver({ lines: [], named: false }, imported);
    expect(river.from).toBe('import');
    const fromImport = walk(river.lines);
    const fromLive = walk(live.rivers);
    expect(fromLive.ok).toBe(true);
    expect(fromImport.ok && fromImport.walk.stops.map((s) => s.feature_id)).toEqual(
      fromLive.ok && fromLive.walk.stops.map((s) => s.feature_id),
    );
    expect(startPlaces(places, buildRiverFrame(river.lines)).map((p) => p.id)).toEqual(
      startPlaces(places, buildRiverFrame(live.rivers)).map((p) => p.id),
    );
    // Without either there is no river, which is what the panel explains.
    expect(walk(tourRiver({ lines: [], named: false }, null).lines)).toEqual({
      ok: false,
      reason: 'no_river',
    });
  });
});
