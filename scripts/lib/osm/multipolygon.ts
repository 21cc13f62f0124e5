// Multipolygon relations → GeoJSON polygons: member ways joined into closed rings, holes found by nesting.

import type { Position } from 'geojson';

/** One member way: its node ids in order and its role in the relation. */
export interface RingMember {
  refs: readonly number[];
  role: string;
}

export interface AssembledPolygons {
  /** Polygons (outer ring first, then its holes), RFC 7946 winding (outer counter-clockwise). */
  polygons: Position[][][];
  /** Chains of member ways that did not close into a ring (broken or incomplete relations). */
  unclosed: number;
  /** Closed rings dropped because a node position was missing from the extract. */
  missingNodes: number;
}

/**
 * Assembles a multipolygon: ways of the same role group (inner vs. everything else) are joined end to end
 * by shared node ids (reversing ways as needed) until each chain closes. Outer/inner is then decided by
 * geometry, not by the roles — a ring inside an odd number of other rings is a hole of the smallest ring
 * containing it — so islands in lakes on islands come out right and mislabelled roles do no harm.
 *
 * @param position node id → [lon, lat] in degrees, undefined when the node is not in the extract
 */
export function assembleMultipolygon(
  members: readonly RingMember[],
  position: (id: number) => Position | undefined,
): AssembledPolygons {
  let unclosed = 0;
  let missingNodes = 0;
  const idRings: number[][] = [];
  for (const group of [
    members.filter((m) => m.role === 'inner'),
    members.filter((m) => m.role !== 'inner'),
  ]) {
    const r = joinRings(group.map((m) => m.refs));
    idRings.push(...r.rings);
    unclosed += r.unclosed;
  }
  const rings: Position[][] = [];
  for (const ids of idRings) {
    const coords: Position[] = [];
    for (const id of ids) {
      const p = position(id);
      if (!p) break;
      coords.push(p);
    }
    if (coords.length !== ids.length) missingNodes++;
    else rings.push(coords);
  }
  return { polygons: nestRings(rings), unclosed, missingNodes };
}

/** Joins node-id sequences into closed rings (first id = last id, at least 4 ids). */
export function joinRings(ways: readonly (readonly number[])[]): { rings: number[][]; unclosed: number } {
  const rings: number[][] = [];
  const open: (readonly number[])[] = [];
  for (const w of ways) {
    if (w.length < 2) continue;
    if (w[0] === w[w.length - 1]) {
      if (w.length >= 4) rings.push([...w]);
    } else open.push(w);
  }
  const byEnd = new Map<number, number[]>();
  const index = (node: number, i: number) => {
    const list = byEnd.get(node);
    if (list) list.push(i);
    else byEnd.set(node, [i]);
  };
  open.forEach((w, i) => {
    index(w[0]!, i);
    index(w[w.length - 1]!, i);
  });
  const used = new Uint8Array(open.length);
  let unclosed = 0;
  for (let start = 0; start < open.length; start++) {
    if (used[start]) continue;
    used[start] = 1;
    const seq = [...open[start]!];
    while (seq[0] !== seq[seq.length - 1]) {
      const end = seq[seq.length - 1]!;
      const next = (byEnd.get(end) ?? []).find((i) => !used[i]);
      if (next === undefined) break;
      used[next] = 1;
      const w = open[next]!;
      const part = w[0] === end ? w : [...w].reverse();
      for (let k = 1; k < part.length; k++) seq.push(part[k]!);
    }
    if (seq[0] === seq[seq.length - 1] && seq.length >= 4) rings.push(seq);
    else unclosed++;
  }
  return { rings, unclosed };
}

/** Signed area in degrees² (shoelace): positive for counter-clockwise rings. */
export function ringArea(ring: readonly Position[]): number {
  let sum = 0;
  for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) {
    const a = ring[j]!;
    const b = ring[i]!;
    sum += (a[0]! - b[0]!) * (a[1]! + b[1]!);
  }
  return sum / 2;
}

/** Even-odd point-in-ring test (points on the outline may go either way). */
export function pointInRing(x: number, y: number, ring: readonly Position[]): boolean {
  let inside = false;
  for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) {
    const [xi, yi] = ring[i] as [number, number];
    const [xj, yj] = ring[j] as [number, number];
    if (yi > y !== yj > y && x < ((xj - xi) * (y - yi)) / (yj - yi) + xi) inside = !inside;
  }
  return inside;
}

/** Whether ring `a` lies inside ring `b`, judged at a vertex of `a` that is not also a vertex of `b`. */
function inside(a: readonly Position[], b: readonly Position[]): boolean {
  const shared = new Set(b.map((p) => `${p[0]},${p[1]}`));
  const probe = a.find((p) => !shared.has(`${p[0]},${p[1]}`));
  return probe !== undefined && pointInRing(probe[0]!, probe[1]!, b);
}

/** Rings → polygons by containment depth (even = outer, odd = hole of its smallest container). */
function nestRings(rings: Position[][]): Position[][][] {
  const area = rings.map((r) => Math.abs(ringArea(r)));
  const parents = rings.map((r, i) =>
    rings.map((_, j) => j).filter((j) => j !== i && area[j]! > area[i]! && inside(r, rings[j]!)),
  );
  const depth = parents.map((p) => p.length);
  const polygons = new Map<number, Position[][]>();
  rings.forEach((r, i) => {
    if (depth[i]! % 2 === 0) polygons.set(i, [wind(r, true)]);
  });
  rings.forEach((r, i) => {
    if (depth[i]! % 2 === 0) return;
    // The hole belongs to the smallest outer ring around it.
    const owner = parents[i]!.filter((j) => depth[j]! % 2 === 0).sort((a, b) => area[a]! - area[b]!)[0];
    if (owner !== undefined) polygons.get(owner)!.push(wind(r, false));
  });
  return [...polygons.values()];
}

/** The ring wound counter-clockwise (`ccw`) or clockwise. */
export function wind(ring: Position[], ccw: boolean): Position[] {
  return ringArea(ring) > 0 === ccw ? ring : [...ring].reverse();
}
