// Where an OSM facility is and how exactly: the centre of its bounding box and half its diagonal.

import { haversineM } from '../walk/geo.ts';

/** Source title of everything from OpenStreetMap (ODbL attribution), as the importer writes it. */
export const OSM_SOURCE_TITLE = 'OpenStreetMap contributors';
/** Positional accuracy given to an OSM node, metres (the map's own precision, not a survey claim). */
export const OSM_NODE_ACCURACY_M = 10;

/** [west, south, east, north] degrees. */
export type Bounds = [number, number, number, number];

/**
 * Centre and honest accuracy of an extent: the centre of the bounding box, accurate to half its
 * diagonal (the facility is somewhere in that box), never less than a node's 10 m.
 */
export function centreOf(b: Bounds): { point: [number, number]; accuracyM: number } {
  return {
    point: [(b[0] + b[2]) / 2, (b[1] + b[3]) / 2],
    accuracyM: Math.max(OSM_NODE_ACCURACY_M, Math.round(haversineM(b[0], b[1], b[2], b[3]) / 2)),
  };
}

/** The OSM date (YYYY-MM-DD) of an Overpass timestamp, or undefined. */
export function osmDate(osmBase: string | null): string | undefined {
  const m = osmBase?.match(/^(\d{4}-\d{2}-\d{2})T/);
  return m ? m[1] : undefined;
}
