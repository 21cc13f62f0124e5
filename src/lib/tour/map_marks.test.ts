import along from '@turf/along';
import { lineString } from '@turf/helpers';
import length from '@turf/length';
import { describe, expect, it } from 'vitest';
import { fromLanzhouWallClock } from './lanzhou_time';
import { type LegRouter, type LonLat, straightLegRouter } from './legs';
import { legLines, stopMarks, timedPaths, tourBounds } from './map_marks';
import { positionAt } from './playback';
import { featuresById, resolveStops } from './routes';
import { scheduleTour } from './schedule';
import { fixtureFeatures, fixtureRoutes } from './test_support';

const { stops } = resolveStops(fixtureRoutes()[0]!, featuresById(fixtureFeatures()));
const coords = stops.map((s) => s.coord);
const start = fromLanzhouWallClock(2024, 6, 21, 19, 30);
const plan = scheduleTour(stops, straightLegRouter(), start);

/** A router with a detour: A → a point 0.004° east of the midpoint → B, so paths have an inner vertex. */
const bent: LegRouter = (from, to) => {
  const corner: LonLat = [(from[0] + to[0]) / 2 + 0.004, (from[1] + to[1]) / 2];
  const coordinates = [from, corner, to];
  const km = length(lineString(coordinates));
  return { coordinates, metres: km * 1000, minutes: (km * 1000) / 80, method: 'network' };
};

describe('tour map marks', () => {
  it('draws every leg with its method', () => {
    expect(legLines(plan)).toEqual(
      plan.legs.map((l) => ({ coordinates: l.coordinates, method: 'estimate' })),
    );
  });

  it('numbers the stops, merging stops at the same place', () => {
    const same: LonLat[] = [coords[0]!, [coords[0]![0], coords[0]![1]], coords[1]!, coords[0]!];
    expect(stopMarks(same)).toEqual([
      { coord: coords[0], stops: [0, 1, 3], label: '1, 2, 4' },
      { coord: coords[1], stops: [2], label: '3' },
    ]);
    expect(stopMarks(coords).map((m) => m.label)).toEqual(['1', '2', '3', '4']);
  });

  it('times each vertex so the trail head matches the walker of positionAt', () => {
    const p = scheduleTour(stops, bent, start);
    const paths = timedPaths(p);
    expect(paths).toHaveLength(3);
    for (const [i, path] of paths.entries()) {
      const leg = p.legs[i]!;
      const t0 = (leg.depart.getTime() - start.getTime()) / 60_000;
      const t1 = (leg.arrive.getTime() - start.getTime()) / 60_000;
      expect(path.timestamps[0]).toBeCloseTo(t0, 9);
      expect(path.timestamps.at(-1)).toBeCloseTo(t1, 9);
      expect(path.path).toEqual(leg.coordinates);
      // At the inner vertex's time, positionAt puts the walker on that vertex.
      const inner = path.timestamps[1]!;
      const at = positionAt(p, coords, new Date(start.getTime() + inner * 60_000));
      expect(at?.phase).toBe('walking');
      expect(at?.coord[0]).toBeCloseTo(path.path[1]![0], 6);
      expect(at?.coord[1]).toBeCloseTo(path.path[1]![1], 6);
      // And the corner's time is proportional to the distance walked to it.
      const line = lineString(leg.coordinates);
      const share = length(lineString(leg.coordinates.slice(0, 2))) / length(line);
      expect((inner - t0) / (t1 - t0)).toBeCloseTo(share, 6);
      expect(along(line, length(line) * share).geometry.coordinates[0]).toBeCloseTo(path.path[1]![0], 6);
    }
  });

  it('leaves out legs that do not move and bounds everything drawn', () => {
    const twice = [stops[0]!, { ...stops[0]!, feature_id: 'same-place' }, stops[1]!];
    const p = scheduleTour(twice, straightLegRouter(), start);
    expect(p.legs).toHaveLength(2);
    expect(timedPaths(p)).toHaveLength(1);
    expect(tourBounds(plan, coords)).toEqual([
      [Math.min(...coords.map((c) => c[0])), Math.min(...coords.map((c) => c[1]))],
      [Math.max(...coords.map((c) => c[0])), Math.max(...coords.map((c) => c[1]))],
    ]);
    expect(tourBounds(scheduleTour([], straightLegRouter(), start), [])).toBeNull();
  });
});
