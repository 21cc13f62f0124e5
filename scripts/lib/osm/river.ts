// The river the check-in rule measures to (the Yellow River when the extract names it) and distances to it.

import type { Position } from 'geojson';
import { metresPerDegreeLon, projectOnSegment } from '../../../src/lib/walk/geo.ts';
import { pointInRing } from './multipolygon.ts';
import type { OsmElement } from './osm_elements.ts';
import type { OsmTagMap } from './osm_stream.ts';

/** Yellow River names as OSM writes them in Lanzhou. */
export const YELLOW_RIVER_NAME = /黄河|Yellow River|Huang ?He/i;

/** River centre lines and river water polygons, and how they were chosen. */
export interface RiverSet {
  lines: Position[][];
  /** The `waterway=river` ways behind `lines` (the import writes them for the tour's walks along the river). */
  ways: RiverWay[];
  polygons: Position[][][];
  /**
   * 'named': only geometry named like the pattern (plus unnamed river polygons around a named centre line);
   * 'any': nothing in the extract carries the name, so every river is used; 'none': no river at all.
   */
  match: 'named' | 'any' | 'none';
}

/** One river way: its OSM id, its name (null when untagged) and its line(s). */
export interface RiverWay {
  id: number;
  name: string | null;
  lines: Position[][];
}

/** 'line' for waterway=river, 'area' for river water polygons (natural=water + water=river, waterway=riverbank). */
export function riverKind(tags: OsmTagMap): 'line' | 'area' | null {
  if (tags.waterway === 'river') return 'line';
  if (tags.waterway === 'riverbank' || (tags.natural === 'water' && tags.water === 'river')) return 'area';
  return null;
}

function named(tags: OsmTagMap, pattern: RegExp): boolean {
  return ['name', 'name:zh', 'name:en', 'name:zh-Hans'].some(
    (k) => tags[k] !== undefined && pattern.test(tags[k]!),
  );
}

const linesOf = (g: OsmElement['geometry']): Position[][] =>
  g.type === 'LineString' ? [g.coordinates] : g.type === 'MultiLineString' ? g.coordinates : [];
const polygonsOf = (g: OsmElement['geometry']): Position[][][] =>
  g.type === 'Polygon' ? [g.coordinates] : g.type === 'MultiPolygon' ? g.coordinates : [];

/**
 * Picks the river geometry: elements named like `pattern`, plus unnamed river polygons that contain a
 * vertex of a named centre line (OSM riverbanks are often unnamed; the centre line is not). When nothing
 * carries the name (fixtures, other cities), every river is used and `match` says so.
 */
export function riverGeometries(
  elements: readonly OsmElement[],
  pattern: RegExp = YELLOW_RIVER_NAME,
): RiverSet {
  const rivers = elements.filter((e) => riverKind(e.tags) !== null);
  if (rivers.length === 0) return { lines: [], ways: [], polygons: [], match: 'none' };
  const wayOf = (e: OsmElement): RiverWay => ({
    id: e.id,
    name: e.tags.name ?? null,
    lines: linesOf(e.geometry),
  });
  const namedWays = rivers.filter((e) => riverKind(e.tags) === 'line' && named(e.tags, pattern)).map(wayOf);
  const namedLines = namedWays.flatMap((w) => w.lines);
  const polygons: Position[][][] = [];
  for (const e of rivers) {
    if (riverKind(e.tags) !== 'area') continue;
    for (const poly of polygonsOf(e.geometry)) {
      const outer = poly[0]!;
      const around = namedLines.some((l) => l.some((p) => pointInRing(p[0]!, p[1]!, outer)));
      if (named(e.tags, pattern) || around) polygons.push(poly);
    }
  }
  if (namedLines.length > 0 || polygons.length > 0)
    return { lines: namedLines, ways: namedWays, polygons, match: 'named' };
  const ways = rivers.filter((e) => riverKind(e.tags) === 'line').map(wayOf);
  return {
    lines: ways.flatMap((w) => w.lines),
    ways,
    polygons: rivers.filter((e) => riverKind(e.tags) === 'area').flatMap((e) => polygonsOf(e.geometry)),
    match: 'any',
  };
}

/**
 * Distance from a point to the river: 0 inside a river polygon, else metres to the nearest centre line or
 * polygon outline (local equirectangular plane; error well under 1 % at city scale).
 * @returns metres, or Infinity when the set is empty
 */
export function distanceToRiverM(river: RiverSet, lon: number, lat: number): number {
  const kx = metresPerDegreeLon(lat);
  let best = Number.POSITIVE_INFINITY;
  const visit = (line: readonly Position[]) => {
    for (let i = 1; i < line.length; i++) {
      const a = line[i - 1]!;
      const b = line[i]!;
      const d = Math.sqrt(projectOnSegment(lon, lat, a[0]!, a[1]!, b[0]!, b[1]!, kx).d2);
      if (d < best) best = d;
    }
  };
  for (const poly of river.polygons) {
    if (pointInRing(lon, lat, poly[0]!) && !poly.slice(1).some((h) => pointInRing(lon, lat, h))) return 0;
    for (const ring of poly) visit(ring);
  }
  for (const line of river.lines) visit(line);
  return best;
}
