// Validation of untrusted geometry: positions, lines, polygon rings (n·log n crossing test), with located issues.

import type { Geometry, Position } from './feature';
import type { MessageKey, Params } from './i18n';
import {
  dropRepeats,
  findRingCrossing,
  insideRing,
  isDegenerate,
  signedArea,
  TICK_UNITS,
  ZERO_AREA_DEG2,
} from './polygon_check';
import type { Issue } from './validate';

/**
 * String(value) that cannot throw: JSON can build objects whose `toString` is not a function
 * (`{"toString": 1}`), on which String() throws a TypeError.
 */
export function displayValue(value: unknown): string {
  try {
    return String(value);
  } catch {
    return Object.prototype.toString.call(value);
  }
}

/** A short JSON preview of an untrusted value for a message: never throws, at most 80 characters. */
export function brief(value: unknown): string {
  let text: string;
  try {
    text = JSON.stringify(value) ?? 'undefined';
  } catch {
    // Too deep for the stack, or otherwise unserialisable.
    text = displayValue(value);
  }
  return text.length > 80 ? `${text.slice(0, 79)}…` : text;
}

export const isNum = (v: unknown): v is number => typeof v === 'number' && Number.isFinite(v);
/** One coordinate as written: numbers rounded, text in quotes (so that "103.8" does not look valid). */
const fmtValue = (v: unknown) =>
  isNum(v)
    ? String(+v.toFixed(6))
    : typeof v === 'string'
      ? brief(v.slice(0, 40))
      : displayValue(v).slice(0, 40);
const fmt = (p: readonly unknown[]) => `[${p.map(fmtValue).join(', ')}]`;

export class Collector {
  readonly issues: Issue[] = [];
  constructor(readonly where: Issue['where']) {}
  /** Records an error; returns null so that a check can `return c.error(...)`. */
  error(key: MessageKey, params: Params = {}): null {
    this.issues.push({ severity: 'error', key, params, where: this.where });
    return null;
  }
  warn(key: MessageKey, params: Params = {}) {
    this.issues.push({ severity: 'warning', key, params, where: this.where });
  }
  get failed() {
    return this.issues.some((i) => i.severity === 'error');
  }
}

function inBox(lon: number, lat: number, box: readonly [number, number, number, number]) {
  return lon >= box[0] && lon <= box[2] && lat >= box[1] && lat <= box[3];
}

function checkPosition(
  p: unknown,
  c: Collector,
  box: readonly [number, number, number, number],
): p is Position {
  if (!Array.isArray(p) || p.length < 2 || p.length > 3 || !p.every(isNum)) {
    const value = Array.isArray(p) ? fmt(p.slice(0, 4)) : brief(p);
    // JSON.parse turns 1e400 into Infinity: name the overflow instead of showing a "number" that looks fine.
    const overflow =
      Array.isArray(p) && p.some((v) => typeof v === 'number' && !Number.isNaN(v) && !isNum(v));
    c.error(overflow ? 'err.coord_overflow' : 'err.coord_invalid', { value });
    return false;
  }
  const [lon, lat] = p as number[] as [number, number];
  if (Math.abs(lon) > 180 || Math.abs(lat) > 90) {
    if (Math.abs(lon) <= 90 && Math.abs(lat) <= 180 && inBox(lat, lon, box)) {
      c.error('err.coord_swapped', { value: fmt(p) });
    } else {
      c.error('err.coord_range', { value: fmt(p) });
    }
    return false;
  }
  if (!inBox(lon, lat, box)) {
    c.error(inBox(lat, lon, box) ? 'err.coord_swapped' : 'err.outside_lanzhou', { value: fmt(p) });
    return false;
  }
  return true;
}

function checkRing(
  ring: unknown,
  c: Collector,
  box: readonly [number, number, number, number],
  tick?: (units: number) => void,
): boolean {
  if (!Array.isArray(ring)) {
    c.error('err.coord_invalid', { value: brief(ring) });
    return false;
  }
  for (let i = 0; i < ring.length; i++) {
    if (!checkPosition(ring[i], c, box)) return false;
    if (tick && i % TICK_UNITS === TICK_UNITS - 1) tick(TICK_UNITS);
  }
  tick?.(ring.length % TICK_UNITS);
  if (ring.length < 4) {
    c.error('err.ring_short');
    return false;
  }
  const first = ring[0] as Position;
  const last = ring[ring.length - 1] as Position;
  if (first[0] !== last[0] || first[1] !== last[1]) {
    c.error('err.ring_unclosed');
    return false;
  }
  return true;
}

/** RFC 7946 winding: outer rings counter-clockwise, holes clockwise. Returns a rewound copy. */
function rewindPolygon(rings: Position[][]): { rings: Position[][]; rewound: boolean } {
  let rewound = false;
  const out = rings.map((ring, i) => {
    const ccw = signedArea(ring) > 0;
    if ((i === 0) === ccw) return ring;
    rewound = true;
    return [...ring].reverse();
  });
  return { rings: out, rewound };
}

/**
 * One polygon's closed rings → the polygon without repeated vertices, rewound, or null with one error:
 * zero area, a crossing (within or between rings), or a hole outside its shell, in that order.
 */
function checkPolygonShape(
  rings: Position[][],
  c: Collector,
  reportWinding: boolean,
  tick?: (units: number) => void,
): Position[][] | null {
  // A repeated vertex is harmless: drop it rather than call the ring self-intersecting.
  const clean = rings.map(dropRepeats);
  for (let i = 0; i < clean.length; i++) {
    const ring = clean[i] as Position[];
    if (isDegenerate(ring)) return c.error('err.ring_zero_area', { n: i + 1 });
  }
  const crossing = findRingCrossing(clean, tick);
  if (crossing) return c.error('err.ring_self_intersection', { value: fmt(crossing) });
  // A simple ring that is not flat still may be too small to have an orientation.
  const flat = clean.findIndex((ring) => Math.abs(signedArea(ring)) <= ZERO_AREA_DEG2);
  if (flat >= 0) return c.error('err.ring_zero_area', { n: flat + 1 });
  const shell = clean[0] as Position[];
  for (let i = 1; i < clean.length; i++) {
    // The rings do not meet, so one vertex tells whether the whole hole is inside.
    if (!insideRing((clean[i] as Position[])[0] as Position, shell))
      return c.error('err.hole_outside', { n: i + 1 });
  }
  const { rings: polygon, rewound } = rewindPolygon(clean);
  // Only a simple ring has a meaningful orientation.
  if (rewound && reportWinding) c.warn('import.winding_fixed');
  return polygon;
}

export const GEOMETRY_TYPES = new Set(['Point', 'LineString', 'MultiLineString', 'Polygon', 'MultiPolygon']);
export const OTHER_GEOMETRY_TYPES = new Set(['MultiPoint', 'GeometryCollection']);

export function checkGeometry(
  g: unknown,
  c: Collector,
  box: readonly [number, number, number, number],
  reportWinding = false,
  tick?: (units: number) => void,
): Geometry | null {
  if (g === null || g === undefined) {
    c.error('err.geometry_missing');
    return null;
  }
  if (typeof g !== 'object' || Array.isArray(g)) {
    return c.error('err.geometry_not_object', { value: brief(g) });
  }
  if (!('type' in g)) return c.error('err.geometry_no_type');
  const { type, coordinates } = g as { type: unknown; coordinates: unknown };
  if (typeof type !== 'string' || !(GEOMETRY_TYPES.has(type) || OTHER_GEOMETRY_TYPES.has(type))) {
    return c.error('err.geometry_type', { value: brief(type) });
  }
  if (!GEOMETRY_TYPES.has(type)) return c.error('err.geometry_type', { value: type });
  if (coordinates === undefined || coordinates === null) {
    return c.error('err.geometry_no_coordinates', { value: type });
  }
  const arr = (v: unknown): v is unknown[] => Array.isArray(v);
  const positions = (list: unknown[]) => {
    for (let i = 0; i < list.length; i++) {
      if (!checkPosition(list[i], c, box)) return false;
      if (tick && i % TICK_UNITS === TICK_UNITS - 1) tick(TICK_UNITS);
    }
    tick?.(list.length % TICK_UNITS);
    return true;
  };
  switch (type) {
    case 'Point':
      return checkPosition(coordinates, c, box) ? { type, coordinates } : null;
    case 'LineString': {
      if (!arr(coordinates)) return c.error('err.coord_invalid', { value: brief(coordinates) });
      if (!positions(coordinates)) return null;
      if (coordinates.length < 2) return c.error('err.line_short');
      return { type, coordinates: coordinates as Position[] };
    }
    case 'MultiLineString': {
      if (!arr(coordinates)) return c.error('err.coord_invalid', { value: brief(coordinates) });
      for (const line of coordinates) {
        if (!arr(line)) return c.error('err.coord_invalid', { value: brief(line) });
        if (!positions(line)) return null;
        if (line.length < 2) return c.error('err.line_short');
      }
      return { type, coordinates: coordinates as Position[][] };
    }
    default: {
      // Polygon or MultiPolygon.
      const polys = type === 'Polygon' ? [coordinates] : coordinates;
      if (!arr(polys)) return c.error('err.coord_invalid', { value: brief(coordinates) });
      const out: Position[][][] = [];
      for (const rings of polys) {
        if (!arr(rings) || rings.length === 0) return c.error('err.ring_short');
        if (!rings.every((r) => checkRing(r, c, box, tick))) return null;
        const polygon = checkPolygonShape(rings as Position[][], c, reportWinding, tick);
        if (!polygon) return null;
        out.push(polygon);
      }
      return type === 'Polygon'
        ? { type, coordinates: out[0] as Position[][] }
        : { type: 'MultiPolygon', coordinates: out };
    }
  }
}

/** A point of the geometry used for the district check: the point itself, or the first vertex. */
export function anchor(g: Geometry): Position {
  switch (g.type) {
    case 'Point':
      return g.coordinates;
    case 'LineString':
      return g.coordinates[0] as Position;
    case 'MultiLineString':
    case 'Polygon':
      return (g.coordinates[0] as Position[])[0] as Position;
    case 'MultiPolygon':
      return ((g.coordinates[0] as Position[][])[0] as Position[])[0] as Position;
  }
}
