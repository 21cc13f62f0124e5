import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { distanceToLinesM } from '../live_osm/assemble';
import { buildRiverFrame, type LonLat, staysOnBank } from '../river/river_frame';
import { validateGeoJson } from '../validate';
import { createWalkEngine } from '../walk/engine';
import { deserializeWalkGraph } from '../walk/graph_binary';
import { buildGraphFromOverpass } from '../walk/online/protocol';
import { fromLanzhouWallClock } from './lanzhou_time';
import { type LegRouter, straightLegRouter, walkEngineRouter } from './legs';
import { isOpenKind, openingStatusAt } from './opening';
import type { TourPlan } from './schedule';
import {
  END_REACH_M,
  LENGTH_TOLERANCE,
  nearestStart,
  RIVER_BUFFER_M,
  SUGGEST_LENGTHS_MIN,
  type SuggestInput,
  startPlaces,
  suggestWalk,
  suggestWalkSteps,
} from './suggest';
import { type WalkPlace, walkPlaces } from './suggest_places';
import { crossingsOffBridges, liveFixture, liveWater, metroStations } from './suggest_test_support';

const opening = (v: string | undefined, at: Date) => openingStatusAt(v, at);
const evening = fromLanzhouWallClock(2026, 6, 20, 19, 30);
const minutes = (p: TourPlan) => (p.end.getTime() - p.start.getTime()) / 60_000;

/** Every property the issue asks of a suggested walk, checked without the suggester's own geometry. */
function checkWalk(
  input: SuggestInput,
  plan: TourPlan,
  stopIds: string[],
  water: { rivers: LonLat[][]; bridges: [number, number, number, number][] },
) {
  expect(Math.abs(minutes(plan) - input.lengthMin)).toBeLessThanOrEqual(input.lengthMin * LENGTH_TOLERANCE);
  expect(
    crossingsOffBridges(
      plan.legs.map((l) => l.coordinates),
      water.rivers,
      water.bridges,
    ),
  ).toEqual([]);
  const byId = new Map(input.places.map((p) => [p.id, p]));
  stopIds.forEach((id, i) => {
    const p = byId.get(id) as WalkPlace;
    const s = plan.stops[i]!;
    if (i > 0 && p.opening_hours) {
      expect(isOpenKind(openingStatusAt(p.opening_hours, s.arrival).kind), `${id} open on arrival`).toBe(
        true,
      );
    }
    const d = distanceToLinesM(
      water.rivers.map((c, k) => ({ id: k, names: '', coords: c as [number, number][] })),
      p.coord[0],
      p.coord[1],
    );
    const end = i === 0 || i === stopIds.length - 1;
    expect(d).toBeLessThanOrEqual(end ? END_REACH_M : RIVER_BUFFER_M + 1);
  });
  const last = byId.get(stopIds.at(-1) as string) as WalkPlace;
  expect(['metro', 'night_market']).toContain(last.kind);
}

describe('suggested walks on real OSM (Liechtenstein relocated over Lanzhou, the Rhine as the river)', () => {
  const live = liveFixture();
  const places = walkPlaces([...live.features, ...metroStations()]);
  const river = buildRiverFrame(live.rivers);
  const water = liveWater();
  const starts = startPlaces(places, river);

  it('offers starts along the river: the bridges over the Rhine and the one metro station near it', () => {
    expect(starts.filter((s) => s.kind === 'metro').map((s) => s.id)).toEqual(['osm-node-6563941666']);
    expect(starts.filter((s) => s.kind === 'bridge').length).toBeGreaterThanOrEqual(5);
  });

  it('in steps: pauses once after each direction tried and gives the same walk', () => {
    let splits = 0;
    for (const s of starts) {
      let calls = 0;
      const straight = straightLegRouter();
      const input: SuggestInput = {
        places,
        river,
        startId: s.id,
        lengthMin: 60,
        start: evening,
        router: (a, b) => {
          calls++;
          return straight(a, b);
        },
        opening,
      };
      const steps = suggestWalkSteps(input);
      const seen: number[] = [];
      let r = steps.next();
      while (!r.done) {
        seen.push(calls);
        r = steps.next();
      }
      expect(seen).toHaveLength(2);
      // The routing is split between the pauses, not all done before the first one or after the last.
      expect(seen[1]).toBeGreaterThanOrEqual(seen[0] as number);
      expect(calls).toBe(seen[1]);
      splits += seen[0] && (seen[1] as number) > (seen[0] as number) ? 1 : 0;
      expect(r.value).toEqual(suggestWalk({ ...input, router: straight }));
    }
    // From most starts both directions route legs, so each pause falls between two halves of the work.
    expect(splits).toBeGreaterThan(starts.length / 2);
  });

  it('every walk it gives keeps its length ±10 %, crosses the river only on bridges and ends at a station', () => {
    let given = 0;
    for (const s of starts)
      for (const lengthMin of SUGGEST_LENGTHS_MIN) {
        const input: SuggestInput = {
          places,
          river,
          startId: s.id,
          lengthMin,
          start: evening,
          router: straightLegRouter(),
          opening,
        };
        const r = suggestWalk(input);
        if (!r.ok) {
          expect(r.reason).toBe('too_short');
          continue;
        }
        given++;
        expect(r.walk.stops[0]?.feature_id).toBe(s.id);
        checkWalk(
          input,
          r.walk.plan,
          r.walk.stops.map((x) => x.feature_id),
          water,
        );
        // Same input, same walk.
        expect(suggestWalk(input)).toEqual(r);
      }
    // The 2013 extract has few riverside places (bridges only): some lengths cannot be filled, but not none.
    expect(given).toBeGreaterThanOrEqual(3);
  });

  it('starts "where I am" at the nearest start, and not from far away', () => {
    const station = starts.find((s) => s.kind === 'metro') as WalkPlace;
    expect(nearestStart(starts, [station.coord[0] + 0.001, station.coord[1]])?.id).toBe(station.id);
    expect(nearestStart(starts, [103.95, 36.3])).toBeNull();
  });
});

describe('suggested walks on an invented river with one footbridge (own fixture)', () => {
  const raw = JSON.parse(
    readFileSync(new URL('../fixtures/tour/river_walk_places.geojson', import.meta.url), 'utf8'),
  );
  const { features, issues } = validateGeoJson(raw, { file: 'river_walk_places.geojson' });
  const grid = readFileSync(
    new URL('../../../test/fixtures/overpass/river_bridge_grid.json', import.meta.url),
  );
  const engine = createWalkEngine(
    deserializeWalkGraph(buildGraphFromOverpass(new Uint8Array(grid), {}).graph),
  );
  const riverLine: LonLat[] = [
    [103.68, 36.0855],
    [103.7, 36.0855],
  ];
  const water = {
    rivers: [riverLine],
    bridges: [[103.694, 36.0836, 103.694, 36.0874]] as [number, number, number, number][],
  };
  const places = walkPlaces(features);
  const river = buildRiverFrame([riverLine]);
  const input = (router: LegRouter, start = evening, lengthMin = 60): SuggestInput => ({
    places,
    river,
    startId: 'rw-metro',
    lengthMin,
    start,
    router,
    opening,
  });

  it('is valid model data', () => expect(issues).toEqual([]));

  for (const [name, router] of [
    ['straight estimates', straightLegRouter()],
    ['the street network', walkEngineRouter(engine)],
  ] as const) {
    it(`with ${name}: crosses on the footbridge only, skips the sight closed at night, ends at the night market`, () => {
      const r = suggestWalk(input(router, evening, 120));
      expect(r.ok).toBe(true);
      if (!r.ok) return;
      const ids = r.walk.stops.map((s) => s.feature_id);
      checkWalk(input(router, evening, 120), r.walk.plan, ids, water);
      expect(ids).not.toContain('rw-museum-s');
      expect(ids).toContain('rw-bridge');
      expect(ids.at(-1)).toBe('rw-market-n');
    });
  }

  it('visits the day-time sight when the walk starts while it is open', () => {
    const r = suggestWalk(input(straightLegRouter(), fromLanzhouWallClock(2026, 6, 20, 15, 0), 90));
    expect(r.ok && r.walk.stops.map((s) => s.feature_id)).toContain('rw-museum-s');
  });

  it('late at night does not end at the night market that closes at midnight, whatever the start', () => {
    const late = fromLanzhouWallClock(2026, 6, 20, 23, 10);
    let given = 0;
    for (const p of places)
      for (const lengthMin of [60, 120]) {
        const i = { ...input(straightLegRouter(), late, lengthMin), startId: p.id };
        const r = suggestWalk(i);
        if (!r.ok) continue;
        given++;
        const ids = r.walk.stops.map((x) => x.feature_id);
        checkWalk(i, r.walk.plan, ids, water);
        ids.forEach((id, k) => {
          if (id === 'rw-market-n' && k > 0)
            expect(r.walk.plan.stops[k]!.departure <= fromLanzhouWallClock(2026, 6, 21, 0, 0)).toBe(true);
        });
      }
    expect(given).toBeGreaterThan(0);
  });

  it('says when the places cannot fill the length, rather than padding the walk', () => {
    // From the north viewpoint every place together gives about 2 ½ hours at the longest stays.
    const r = suggestWalk({ ...input(straightLegRouter(), evening, 180), startId: 'rw-view-n' });
    expect(r).toMatchObject({ ok: false, reason: 'too_short' });
    expect(r.ok ? 0 : (r as { minutes: number }).minutes).toBeLessThan(180 * (1 - LENGTH_TOLERANCE));
  });

  it('refuses without a river, with an unknown start, or a start far from the river', () => {
    expect(suggestWalk({ ...input(straightLegRouter()), river: buildRiverFrame([]) })).toEqual({
      ok: false,
      reason: 'no_river',
    });
    expect(suggestWalk({ ...input(straightLegRouter()), startId: 'nope' })).toEqual({
      ok: false,
      reason: 'start_unknown',
    });
    const far = [
      ...places,
      { id: 'far', kind: 'metro' as const, coord: [103.69, 36.1] as LonLat, accuracy_m: 5 },
    ];
    expect(suggestWalk({ ...input(straightLegRouter()), places: far, startId: 'far' })).toMatchObject({
      ok: false,
      reason: 'start_far',
    });
  });
});

describe('staysOnBank (meander)', () => {
  // A river running east, looping north around (103.81, 36.06) and back: a U-bend.
  const loop: LonLat[] = [
    [103.8, 36.05],
    [103.82, 36.05],
    [103.82, 36.07],
    [103.8, 36.07],
  ];
  const frame = buildRiverFrame([loop]);
  it('a straight line across the loop crosses the river twice: not one bank', () => {
    expect(staysOnBank(frame, [103.81, 36.045], [103.81, 36.075])).toBe(false);
    expect(staysOnBank(frame, [103.81, 36.045], [103.83, 36.045])).toBe(true);
    expect(staysOnBank(frame, [103.81, 36.055], [103.81, 36.065])).toBe(true);
  });
});
