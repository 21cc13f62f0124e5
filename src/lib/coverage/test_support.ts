// Test-only helpers for coverage: a small invented world (random street graph, grid, facilities) and brute force.

import { readFileSync } from 'node:fs';
import { NetworkWalkEngine, type WalkEngine } from '../walk/engine';
import { EstimateWalkEngine } from '../walk/estimate_engine';
import type { FacilityPoint } from '../walk/facilities';
import { buildWalkGraph } from '../walk/graph';
import type { OsmExtract, OsmWay } from '../walk/osm_extract';
import { rng } from '../walk/test_support';
import { type CoverageContext, prepareCoverage } from './context';
import { buildGrid, type CoverageGrid, districtShapes, type GridSpec } from './grid';
import type { FacilityInput } from './protocol';

/** The invented two-district fixture (a square with a hole; a two-part multipolygon). */
export const SMALL_DISTRICTS = JSON.parse(
  readFileSync(new URL('../fixtures/coverage/districts_small.geojson', import.meta.url), 'utf8'),
) as { type: 'FeatureCollection'; features: { properties: { district: string }; geometry: never }[] };

export interface World {
  engine: WalkEngine;
  grid: CoverageGrid;
  ctx: CoverageContext;
}

/**
 * An invented street grid near (103.8, 36.05): side × side jittered nodes `spacingM` apart, one way per
 * block side; some blocks missing, some one-way (oneway:foot) or stairs, random elevations, and a small
 * separate 3 × 3 grid to the east that nothing connects to.
 */
export function streetExtract(seed: number, side = 20, spacingM = 55, oneway = true): OsmExtract {
  const r = rng(seed);
  const nodes = new Map<number, { lon: number; lat: number; ele: number }>();
  const ways: OsmWay[] = [];
  const put = (id: number, x: number, y: number) =>
    nodes.set(id, { lon: 103.8 + x / 89_933, lat: 36.05 + y / 111_195, ele: 1500 + r() * 12 });
  const block = (base: number, n: number, x0: number, y0: number) => {
    const id = (i: number, j: number) => base + j * n + i;
    for (let j = 0; j < n; j++)
      for (let i = 0; i < n; i++)
        put(id(i, j), x0 + (i + (r() - 0.5) * 0.4) * spacingM, y0 + (j + (r() - 0.5) * 0.4) * spacingM);
    const link = (a: number, b: number) => {
      const roll = r();
      if (roll < 0.08) return;
      const tags: Record<string, string> = { highway: roll < 0.5 ? 'residential' : 'footway' };
      if (roll > 0.9 && oneway) tags['oneway:foot'] = 'yes';
      else if (roll > 0.85) tags.highway = 'steps';
      ways.push({ id: ways.length + 1, nodeIds: [a, b], tags });
    };
    for (let j = 0; j < n; j++)
      for (let i = 0; i < n; i++) {
        if (i + 1 < n) link(id(i, j), id(i + 1, j));
        if (j + 1 < n) link(id(i, j), id(i, j + 1));
      }
  };
  block(1000, side, 0, 0);
  block(100_000, 3, side * spacingM + 250, -150);
  return { nodes, ways };
}

/**
 * An invented street grid under a grid over the fixture districts; the grid reaches past the streets
 * so some cells are off the network and timed by the estimate.
 */
export function world(
  options: {
    seed?: number;
    side?: number;
    /** No one-way ways: every street walkable both ways (reachability by components). */
    twoWay?: boolean;
    network?: boolean;
    spec?: GridSpec;
    maxSnapM?: number;
    horizonMin?: number;
  } = {},
): World {
  const seed = options.seed ?? 3;
  const engine =
    options.network === false
      ? new EstimateWalkEngine({ detourFactor: 1.4 })
      : new NetworkWalkEngine(
          buildWalkGraph(streetExtract(seed, options.side ?? 20, 55, !options.twoWay), {
            keepAllComponents: true,
          }).graph,
          { maxSnapM: options.maxSnapM ?? 60 },
        );
  const grid = buildGrid(
    districtShapes(SMALL_DISTRICTS),
    ['620102', '620103'],
    options.spec ?? { kind: 'square', sizeM: 40 },
  );
  return { engine, grid, ctx: prepareCoverage(engine, grid, options.horizonMin ?? 5) };
}

/** Random facility points over the street area and a little beyond it (some end up off the network). */
export function randomPoints(seed: number, n: number, prefix = 'f'): FacilityPoint[] {
  const r = rng(seed);
  return Array.from({ length: n }, (_, i) => ({
    id: `${prefix}${i}`,
    lon: 103.797 + r() * 0.017,
    lat: 36.048 + r() * 0.013,
  }));
}

/** Per cell, what the engine itself answers: nearest facility within the horizon, and any at all. */
export function bruteForce(
  engine: WalkEngine,
  grid: CoverageGrid,
  points: readonly FacilityPoint[],
  horizonMin: number,
): { minutes: Float64Array; source: Int32Array; reach: Uint8Array } {
  const group = engine.prepare(points);
  const minutes = new Float64Array(grid.count).fill(Infinity);
  const source = new Int32Array(grid.count).fill(-1);
  const reach = new Uint8Array(grid.count);
  for (let c = 0; c < grid.count; c++) {
    const [hit] = engine.nearest(grid.lon[c]!, grid.lat[c]!, group, 1, horizonMin);
    if (hit) {
      minutes[c] = hit.minutes;
      source[c] = hit.index;
    }
    reach[c] = engine.nearest(grid.lon[c]!, grid.lat[c]!, group, 1, Infinity).length > 0 ? 1 : 0;
  }
  return { minutes, source, reach };
}

/** Three invented fitness sites (the third planned) and two invented youth apartments, for session-level tests. */
export const SESSION_FACILITIES: FacilityInput[] = [
  ...randomPoints(1, 3, 'fit').map((p, i) => ({
    ...p,
    category: 'fitness_site' as const,
    status: i === 2 ? ('planned' as const) : ('existing' as const),
    name_zh: `场地${i}`,
    name_en: `Site ${i}`,
    district: '620102',
  })),
  ...randomPoints(2, 2, 'apt').map((p, i) => ({
    ...p,
    category: 'youth_housing' as const,
    status: 'existing' as const,
    name_zh: `公寓${i}`,
    name_en: `Apartment ${i}`,
    district: '620102',
    units: 50,
  })),
];
