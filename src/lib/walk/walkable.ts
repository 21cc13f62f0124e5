// Which OSM ways a pedestrian may use, and the per-edge flags (bridge, steps, level …) a way gives its edges.
//
// Access follows the OSM wiki's routing defaults for China ("OSM tags for routing/Access restrictions",
// section China): pedestrians may use footways, paths, pedestrian streets, steps, ordinary roads and
// tracks, and also highway=cycleway (foot=yes in China's row for cycleway, so a cycle track without a
// foot tag is walkable). Motorways, trunks (China's urban expressways) and bridleways need an explicit
// foot=yes here. Explicit tags always win (foot=no, access=no).

/** OSM tags of a way. */
export type OsmTags = Readonly<Record<string, string>>;

/** Bit flags stored per directed edge (Uint8). */
export const EDGE_FLAG = {
  bridge: 1,
  steps: 2,
  tunnel: 4,
  /** A straight chord across a pedestrian area (area=yes), not an OSM way. */
  area: 8,
  crossing: 16,
  /** Steps that climb in the edge's direction (from incline=* or elevations). */
  up: 32,
  /** Steps that descend in the edge's direction. */
  down: 64,
  /** Inside a building (indoor=*, or highway=corridor): a street point snaps here only when nothing else is near. */
  indoor: 128,
} as const;

/** highway=* values a pedestrian may use by default (OSM foot access defaults; _link roads included). */
const WALKABLE_HIGHWAYS = new Set([
  'footway',
  'path',
  'pedestrian',
  'steps',
  'living_street',
  'residential',
  'service',
  'unclassified',
  'tertiary',
  'tertiary_link',
  'secondary',
  'secondary_link',
  'primary',
  'primary_link',
  'track',
  'road',
  'crossing',
  'cycleway',
  'corridor',
]);

/** Walkable only when foot access is explicitly granted (pedestrians are barred by default). */
const FOOT_OPT_IN_HIGHWAYS = new Set(['motorway', 'motorway_link', 'trunk', 'trunk_link', 'bridleway']);

/** Never a walkable line, whatever the access tags say. */
const NEVER_HIGHWAYS = new Set([
  'construction',
  'proposed',
  'abandoned',
  'razed',
  'platform',
  'bus_guideway',
  'raceway',
]);

const FOOT_YES = new Set(['yes', 'designated', 'permissive', 'official', 'destination']);
const ACCESS_NO = new Set(['no', 'private', 'agricultural', 'forestry', 'delivery', 'military']);

/**
 * Whether a pedestrian may walk along this way. Rules (see DESIGN.md §5 and the OSM wiki's access
 * defaults for China, see the module header): ordinary streets, footways, paths, steps, tracks,
 * cycleways, indoor corridors and piers are walkable; motorways, trunks and bridleways only with
 * foot=yes|designated|permissive; foot=no always wins;
 * access=no|private excludes unless foot access is granted; ways under construction never count.
 */
export function isWalkableWay(tags: OsmTags): boolean {
  const highway = tags.highway;
  const foot = tags.foot;
  if (foot === 'no' || foot === 'private' || foot === 'use_sidepath') return false;
  const footGranted = foot !== undefined && FOOT_YES.has(foot);
  let eligible: boolean;
  if (highway !== undefined) {
    if (NEVER_HIGHWAYS.has(highway)) return false;
    if (WALKABLE_HIGHWAYS.has(highway)) eligible = true;
    else if (FOOT_OPT_IN_HIGHWAYS.has(highway)) eligible = footGranted;
    else eligible = false;
  } else {
    // Without highway=* only piers join the network: they are promenades along the river.
    eligible = tags.man_made === 'pier' && tags.area !== 'yes';
  }
  if (!eligible) return false;
  const access = tags.access;
  if (access !== undefined && ACCESS_NO.has(access) && !footGranted) return false;
  return true;
}

/** Whether the way is a closed area (pedestrian square) rather than a line; its ring is its outline. */
export function isAreaWay(tags: OsmTags, nodeIds: ArrayLike<number>): boolean {
  const n = nodeIds.length;
  return tags.area === 'yes' && n >= 4 && nodeIds[0] === nodeIds[n - 1];
}

/**
 * Direction restriction for pedestrians: 0 both ways, 1 only along the way, -1 only against it.
 * Vehicle oneway=* does not bind pedestrians; only oneway:foot and conveying=forward|backward do.
 * conveying=yes means "moves, direction unspecified" (or reversible, by the OSM wiki's Key:conveying),
 * so it restricts nothing.
 */
export function footOneway(tags: OsmTags): -1 | 0 | 1 {
  const v = tags['oneway:foot'];
  if (v === 'yes' || v === '1' || v === 'true') return 1;
  if (v === '-1' || v === 'reverse') return -1;
  const conveying = tags.conveying;
  if (conveying === 'forward') return 1;
  if (conveying === 'backward') return -1;
  return 0;
}

/**
 * Edge flags for the forward direction of a way (reverse edges swap up/down).
 * incline=up|down|±N% on steps gives the climbing direction relative to the way's node order.
 */
export function wayEdgeFlags(tags: OsmTags): number {
  let f = 0;
  const bridge = tags.bridge;
  if (bridge !== undefined && bridge !== 'no') f |= EDGE_FLAG.bridge;
  const tunnel = tags.tunnel;
  if (tunnel !== undefined && tunnel !== 'no') f |= EDGE_FLAG.tunnel;
  if (tags.highway === 'steps') {
    f |= EDGE_FLAG.steps;
    const dir = inclineSign(tags.incline);
    if (dir > 0) f |= EDGE_FLAG.up;
    else if (dir < 0) f |= EDGE_FLAG.down;
  }
  if (tags.footway === 'crossing' || tags.highway === 'crossing' || tags.path === 'crossing')
    f |= EDGE_FLAG.crossing;
  const indoor = tags.indoor;
  if ((indoor !== undefined && indoor !== 'no') || tags.highway === 'corridor') f |= EDGE_FLAG.indoor;
  return f;
}

/**
 * Vertical position of a way relative to the street, as OSM's `layer` (−5 … 5): `layer` when tagged,
 * else the first number of `level` (floors; 0 = ground in China's convention), else −1 for a tunnel
 * and +1 for a bridge (the layers the OSM wiki says they imply), else 0. A building passage
 * (tunnel=building_passage) is at street level. Clamped to −5 … 5.
 */
export function wayLayer(tags: OsmTags): number {
  const num = (v: string | undefined): number | undefined => {
    if (v === undefined) return undefined;
    const m = /^\s*([+-]?\d+(?:\.\d+)?)/.exec(v);
    return m ? Number(m[1]) : undefined;
  };
  let layer = num(tags.layer) ?? num(tags.level);
  if (layer === undefined) {
    const tunnel = tags.tunnel;
    if (tunnel !== undefined && tunnel !== 'no' && tunnel !== 'building_passage') layer = -1;
    else if (tags.bridge !== undefined && tags.bridge !== 'no') layer = 1;
    else layer = 0;
  }
  return Math.max(-5, Math.min(5, Math.round(layer)));
}

/**
 * Whether a point on the street should avoid snapping to this edge: indoor corridors and ways below
 * street level (underground platforms, passages, stations). Outdoor steps stay eligible even when they
 * lead down (they are the entrances, reached from the street), and so do bridges: a point on a bridge
 * is on the bridge.
 */
export function isOffStreet(flags: number, layer: number): boolean {
  return (flags & EDGE_FLAG.indoor) !== 0 || (layer < 0 && (flags & EDGE_FLAG.steps) === 0);
}

/** Flags of the reverse edge: climbing becomes descending. */
export function reverseEdgeFlags(flags: number): number {
  const up = flags & EDGE_FLAG.up;
  const down = flags & EDGE_FLAG.down;
  let f = flags & ~(EDGE_FLAG.up | EDGE_FLAG.down);
  if (up) f |= EDGE_FLAG.down;
  if (down) f |= EDGE_FLAG.up;
  return f;
}

/** +1 climbing along the way, -1 descending, 0 unknown. */
function inclineSign(incline: string | undefined): number {
  if (incline === undefined) return 0;
  if (incline === 'up') return 1;
  if (incline === 'down') return -1;
  const m = /^\s*([+-]?\d+(?:\.\d+)?)\s*(%|°)?\s*$/.exec(incline);
  if (!m) return 0;
  const v = Number(m[1]);
  return v > 0 ? 1 : v < 0 ? -1 : 0;
}

/** Human-readable label of a way for route descriptions: name (Chinese first), else ref, else ''. */
export function wayLabel(tags: OsmTags): string {
  return tags.name ?? tags['name:zh'] ?? tags.ref ?? '';
}
