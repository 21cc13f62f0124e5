// Collected OSM → elements with GeoJSON geometry (nodes as points, ways as lines or areas, multipolygons).

import type { LineString, MultiLineString, MultiPolygon, Point, Polygon, Position } from 'geojson';
import type { CollectedOsm } from './collect.ts';
import { assembleMultipolygon, wind } from './multipolygon.ts';
import type { OsmTagMap } from './osm_stream.ts';

/** One OSM object with its full (unclipped) geometry, WGS-84 degrees. */
export interface OsmElement {
  type: 'node' | 'way' | 'relation';
  id: number;
  tags: OsmTagMap;
  geometry: Point | LineString | MultiLineString | Polygon | MultiPolygon;
  /** Multipolygons: ids of the member ways with role `outer` (or no role), to tell a tagged outer way apart. */
  outerWays?: number[];
}

export interface ElementStats {
  nodes: number;
  lines: number;
  areas: number;
  multipolygons: number;
  /** Closed areas or multipolygons dropped for a missing node position, or rings that never closed. */
  broken: number;
}

/** highway / barrier / waterway values that stay lines even when the way is closed (roundabouts, fences). */
const LINEAR_KEYS = ['highway', 'barrier', 'railway', 'power', 'route'] as const;
/** Keys whose closed ways are areas by default (OSM's usual area semantics). */
const AREA_KEYS = [
  'building',
  'building:part',
  'landuse',
  'leisure',
  'amenity',
  'tourism',
  'shop',
  'water',
  'place',
];
const AREA_NATURAL = new Set([
  'water',
  'wood',
  'scrub',
  'grassland',
  'heath',
  'wetland',
  'sand',
  'bare_rock',
  'beach',
]);
const AREA_WATERWAY = new Set(['riverbank', 'dock', 'boatyard']);

/**
 * Whether a way is an area. Only closed ways can be; `area=yes/no` decides when present; otherwise
 * building/landuse/leisure/amenity/tourism/… make it an area and highways, barriers and rivers stay lines.
 */
export function isAreaWay(tags: OsmTagMap, closed: boolean): boolean {
  if (!closed) return false;
  if (tags.area === 'no') return false;
  if (tags.area === 'yes') return true;
  if (LINEAR_KEYS.some((k) => tags[k] !== undefined)) return false;
  if (tags.waterway !== undefined) return AREA_WATERWAY.has(tags.waterway);
  if (tags.natural !== undefined && AREA_NATURAL.has(tags.natural)) return true;
  return AREA_KEYS.some((k) => tags[k] !== undefined && tags[k] !== 'no');
}

/**
 * Builds the geometry of every tagged element the collection kept: tagged nodes as points, ways of
 * interest as lines or (closed, area-tagged) polygons, `type=multipolygon` relations as (multi)polygons.
 * Ways kept only as relation members are not emitted on their own.
 *
 * @param wayOfInterest the same predicate the collection used, to tell tagged ways from bare members
 */
export function buildElements(
  c: CollectedOsm,
  wayOfInterest: (tags: OsmTagMap) => boolean,
): { elements: OsmElement[]; stats: ElementStats } {
  const stats: ElementStats = { nodes: 0, lines: 0, areas: 0, multipolygons: 0, broken: 0 };
  const elements: OsmElement[] = [];
  for (const n of c.pois) {
    elements.push({
      type: 'node',
      id: n.id,
      tags: n.tags,
      geometry: { type: 'Point', coordinates: [n.lon, n.lat] },
    });
    stats.nodes++;
  }
  for (const w of c.ways.values()) {
    if (!wayOfInterest(w.tags)) continue;
    const closed = w.refs.length >= 4 && w.refs[0] === w.refs[w.refs.length - 1];
    if (isAreaWay(w.tags, closed)) {
      const ring = w.refs.map((r) => c.position(r));
      if (ring.some((p) => p === undefined)) {
        stats.broken++;
        continue;
      }
      elements.push({
        type: 'way',
        id: w.id,
        tags: w.tags,
        geometry: { type: 'Polygon', coordinates: [wind(ring as Position[], true)] },
      });
      stats.areas++;
      continue;
    }
    // A line with missing nodes (a truncated extract) is split where they are missing.
    const parts: Position[][] = [[]];
    for (const r of w.refs) {
      const p = c.position(r);
      if (p) parts[parts.length - 1]!.push(p);
      else if (parts[parts.length - 1]!.length > 0) parts.push([]);
    }
    const lines = parts.filter((p) => p.length >= 2);
    if (lines.length === 0) continue;
    elements.push({
      type: 'way',
      id: w.id,
      tags: w.tags,
      geometry:
        lines.length === 1
          ? { type: 'LineString', coordinates: lines[0]! }
          : { type: 'MultiLineString', coordinates: lines },
    });
    stats.lines++;
  }
  for (const r of c.relations) {
    if (r.tags.type !== 'multipolygon') continue;
    const members = r.members
      .filter((m) => m.type === 'way')
      .map((m) => ({ refs: c.ways.get(m.ref)?.refs ?? [], role: m.role }));
    const a = assembleMultipolygon(members, c.position);
    stats.broken += a.unclosed + a.missingNodes;
    if (a.polygons.length === 0) continue;
    elements.push({
      type: 'relation',
      id: r.id,
      tags: r.tags,
      geometry:
        a.polygons.length === 1
          ? { type: 'Polygon', coordinates: a.polygons[0]! }
          : { type: 'MultiPolygon', coordinates: a.polygons },
      outerWays: r.members.filter((m) => m.type === 'way' && m.role !== 'inner').map((m) => m.ref),
    });
    stats.multipolygons++;
  }
  return { elements, stats };
}
