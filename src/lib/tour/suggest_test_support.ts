// Test-only: the real OSM fixture of the live-data path (Liechtenstein relocated over Lanzhou) through the
// app's own parse and assembly, with the shipped metro stations; and an independent check that a walk's
// legs cross the river only where a bridge way is.

import { readFileSync } from 'node:fs';
import { answerTileQuery, type OverpassFixture } from '../../../scripts/lib/overpass_fixture.ts';
import { parseFacilityCsv } from '../csv_features.ts';
import { createDistrictLookup, type DistrictCollectionLike } from '../districts.ts';
import type { MapFeature } from '../feature.ts';
import { assembleLive } from '../live_osm/assemble.ts';
import { parseLiveTile, type RiverLine } from '../live_osm/parse.ts';
import { liveTileQuery, liveTiles, URBAN_DISTRICTS } from '../live_osm/tiles.ts';
import type { LonLat } from './legs.ts';

const districts = JSON.parse(
  readFileSync('data/boundaries/lanzhou_districts.geojson', 'utf8'),
) as DistrictCollectionLike;

/** The raw fixture (Overpass JSON elements). */
export const LIVE_FIXTURE = JSON.parse(
  readFileSync('test/fixtures/overpass/liechtenstein_live.json', 'utf8'),
) as OverpassFixture & {
  elements: { type: string; id: number; tags?: Record<string, string>; bounds?: Record<string, number> }[];
};

/** The shipped metro stations (real positions, OSM). */
export function metroStations(): MapFeature[] {
  const lookup = createDistrictLookup(districts);
  const { features, issues } = parseFacilityCsv(readFileSync('data/metro_stations.csv', 'utf8'), {
    file: 'metro_stations.csv',
    districts: lookup,
  });
  if (issues.some((i) => i.severity === 'error')) throw new Error(JSON.stringify(issues));
  return features;
}

/** What the app shows online with the fixture as Overpass: the live features and river lines. */
export function liveFixture(): { features: MapFeature[]; rivers: LonLat[][]; riverWays: RiverLine[] } {
  const lookup = createDistrictLookup(districts);
  const enc = (v: unknown) => new TextEncoder().encode(JSON.stringify(v));
  const tiles = liveTiles(districts, URBAN_DISTRICTS);
  const parsed = tiles.map((t) =>
    parseLiveTile(enc(answerTileQuery(LIVE_FIXTURE, liveTileQuery(t)).answer), t.key, lookup),
  );
  const live = assembleLive(parsed, lookup);
  return { features: live.features, rivers: live.rivers.map((r) => r.coords), riverWays: live.rivers };
}

type Seg = [LonLat, LonLat];
type Box = [number, number, number, number];

/** The point where segments p and q cross (both open or touching), or null; plain lon/lat algebra. */
function crossPoint(p: Seg, q: Seg): LonLat | null {
  const [[x1, y1], [x2, y2]] = p;
  const [[x3, y3], [x4, y4]] = q;
  const den = (x1 - x2) * (y3 - y4) - (y1 - y2) * (x3 - x4);
  if (den === 0) return null;
  const t = ((x1 - x3) * (y3 - y4) - (y1 - y3) * (x3 - x4)) / den;
  const u = -((x1 - x2) * (y1 - y3) - (y1 - y2) * (x1 - x3)) / den;
  return t >= 0 && t <= 1 && u >= 0 && u <= 1 ? [x1 + t * (x2 - x1), y1 + t * (y2 - y1)] : null;
}

/**
 * Every point where a walked polyline meets a river line outside all bridge boxes (each grown by `slackDeg`,
 * default ≈ 25 m): an independent check of "crosses water only on bridges" (no river frame, no sides).
 */
export function crossingsOffBridges(
  legs: readonly (readonly LonLat[])[],
  rivers: readonly (readonly LonLat[])[],
  bridges: readonly Box[],
  slackDeg = 0.00025,
): LonLat[] {
  const out: LonLat[] = [];
  for (const leg of legs)
    for (let i = 1; i < leg.length; i++)
      for (const r of rivers)
        for (let j = 1; j < r.length; j++) {
          const x = crossPoint([leg[i - 1]!, leg[i]!], [r[j - 1]!, r[j]!]);
          if (!x) continue;
          const onBridge = bridges.some(
            (b) =>
              x[0] >= b[0] - slackDeg &&
              x[0] <= b[2] + slackDeg &&
              x[1] >= b[1] - slackDeg &&
              x[1] <= b[3] + slackDeg,
          );
          if (!onBridge) out.push(x);
        }
  return out;
}

/** The raw fixture's river ways above ground (a culverted stream is not crossed on foot) and bridge ways' boxes. */
export function liveWater(): { rivers: LonLat[][]; bridges: Box[] } {
  const rivers: LonLat[][] = [];
  const bridges: Box[] = [];
  for (const e of LIVE_FIXTURE.elements as {
    tags?: Record<string, string>;
    bounds?: Record<string, number>;
    geometry?: { lat: number; lon: number }[];
  }[]) {
    if (e.tags?.waterway === 'river' && e.tags.tunnel !== 'yes' && e.geometry)
      rivers.push(e.geometry.map((g) => [g.lon, g.lat]));
    if (e.tags?.bridge === 'yes' && e.bounds)
      bridges.push([e.bounds.minlon!, e.bounds.minlat!, e.bounds.maxlon!, e.bounds.maxlat!]);
  }
  return { rivers, bridges };
}
