// An independent count of everyday facilities in Overpass elements, written from the tag table in osm_rules.ts' header (tests only).
//
// Deliberately does not call the rules module: it reimplements the table with its own simple logic, so a
// test comparing the app's counts with these checks the rules, the parsing and the assembly together.

import type { FixtureElement } from './overpass_fixture.ts';

type Tags = Record<string, string>;
type Everyday =
  | 'metro'
  | 'fitness_site'
  | 'park'
  | 'library'
  | 'community_centre'
  | 'university'
  | 'night_market'
  | 'riverside';

/** The category of an element's tags per the table, and whether it counts only along the river. */
function categoryOf(t: Tags): { cat: Everyday; river: boolean; bridgeName?: string } | null {
  if (t.access === 'private' || t.access === 'no') return null;
  if (t.railway === 'station' && t.station === 'subway') return { cat: 'metro', river: false };
  const sport = (t.sport ?? '').split(';')[0]!.trim();
  const leisure = t.leisure ?? '';
  if (['fitness_station', 'stadium', 'sports_centre', 'pitch', 'swimming_pool'].includes(leisure))
    return { cat: 'fitness_site', river: false };
  if (leisure === 'track') {
    const motorOrAnimal = ['motor', 'karting', 'motocross', 'horse_racing', 'rc_car', 'dog_racing'];
    return motorOrAnimal.includes(sport) ? null : { cat: 'fitness_site', river: false };
  }
  if (leisure === 'park' || t.place === 'square') return { cat: 'park', river: false };
  const amenity = t.amenity ?? '';
  if (amenity === 'library' || amenity === 'coworking_space') return { cat: 'library', river: false };
  if (amenity === 'community_centre') return { cat: 'community_centre', river: false };
  if (amenity === 'university' || amenity === 'college') return { cat: 'university', river: false };
  if (amenity === 'marketplace') return { cat: 'night_market', river: false };
  const name = t.name ?? '';
  if ((amenity !== '' || (t.highway ?? '') !== '') && /夜市|美食街|小吃街/.test(name))
    return { cat: 'night_market', river: false };
  if (t.man_made === 'bridge') return { cat: 'riverside', river: true, bridgeName: name.trim() || undefined };
  if (t.bridge === 'yes' && t.highway && name.trim() !== '')
    return { cat: 'riverside', river: true, bridgeName: name.trim() };
  if (t.tourism === 'viewpoint' || t.tourism === 'attraction') return { cat: 'riverside', river: true };
  if (['monument', 'memorial', 'castle', 'city_gate'].includes(t.historic ?? ''))
    return { cat: 'riverside', river: true };
  return null;
}

/** Metres between two points (spherical law of haversines, mean Earth radius). */
function metres(lon1: number, lat1: number, lon2: number, lat2: number): number {
  const r = Math.PI / 180;
  const a =
    Math.sin(((lat2 - lat1) * r) / 2) ** 2 +
    Math.cos(lat1 * r) * Math.cos(lat2 * r) * Math.sin(((lon2 - lon1) * r) / 2) ** 2;
  return 2 * 6371008.8 * Math.asin(Math.sqrt(a));
}

/** Metres from a point to a polyline: nearest of a dense sampling of each segment (every ≤ 2 m). */
function toLine(lon: number, lat: number, line: { lat: number; lon: number }[]): number {
  let best = Number.POSITIVE_INFINITY;
  for (let i = 1; i < line.length; i++) {
    const a = line[i - 1]!;
    const b = line[i]!;
    const steps = Math.max(1, Math.ceil(metres(a.lon, a.lat, b.lon, b.lat) / 2));
    for (let k = 0; k <= steps; k++) {
      const f = k / steps;
      best = Math.min(best, metres(lon, lat, a.lon + (b.lon - a.lon) * f, a.lat + (b.lat - a.lat) * f));
    }
  }
  return best;
}

type Box = [number, number, number, number];

/**
 * Metres between the nearest points of two boxes. Per axis, clamping a's point into b and that back into a
 * gives the facing edges when the intervals are apart and one shared coordinate when they overlap.
 */
function boxGap(a: Box, b: Box): number {
  const clamp = (v: number, lo: number, hi: number) => Math.min(hi, Math.max(lo, v));
  const pb: [number, number] = [clamp(a[0], b[0], b[2]), clamp(a[1], b[1], b[3])];
  const pa: [number, number] = [clamp(pb[0], a[0], a[2]), clamp(pb[1], a[1], a[3])];
  return metres(pa[0], pa[1], pb[0], pb[1]);
}

/**
 * Counts per everyday category of the distinct elements given (several tiles' answers together): each
 * OSM object once, a named bridge once per group of same-named parts whose boxes lie within `bridgeJoinM`
 * of each other (its parts' joint extent), sights along the river only within `reachM` of the centre of
 * their extent; the river is the lines named 黄河 / Yellow River, or every river line when none is.
 */
export function independentCounts(
  elements: readonly FixtureElement[],
  reachM = 300,
  bridgeJoinM = 100,
): Record<string, number> {
  const seen = new Set<string>();
  const rivers: FixtureElement[] = [];
  const things: { cat: Everyday; river: boolean; box: Box }[] = [];
  const bridges = new Map<string, Box[]>();
  for (const e of elements) {
    const key = `${e.type}/${e.id}${e.geometry ? '/geom' : ''}`;
    if (seen.has(key)) continue;
    seen.add(key);
    if (e.geometry) {
      if (e.tags.waterway === 'river') rivers.push(e);
      continue;
    }
    const c = categoryOf(e.tags);
    if (!c) continue;
    const box: Box =
      e.lon !== undefined && e.lat !== undefined
        ? [e.lon, e.lat, e.lon, e.lat]
        : [e.bounds!.minlon, e.bounds!.minlat, e.bounds!.maxlon, e.bounds!.maxlat];
    if (c.bridgeName) bridges.set(c.bridgeName, [...(bridges.get(c.bridgeName) ?? []), box]);
    else things.push({ cat: c.cat, river: c.river, box });
  }
  // Each name's boxes: grow a group from an unplaced box by everything within reach of the group.
  for (const boxes of bridges.values()) {
    const left = [...boxes];
    while (left.length > 0) {
      const group = [left.shift()!];
      for (let grew = true; grew; ) {
        grew = false;
        for (let i = left.length - 1; i >= 0; i--)
          if (group.some((g) => boxGap(g, left[i]!) <= bridgeJoinM)) {
            group.push(left.splice(i, 1)[0]!);
            grew = true;
          }
      }
      const box: Box = [
        Math.min(...group.map((b) => b[0])),
        Math.min(...group.map((b) => b[1])),
        Math.max(...group.map((b) => b[2])),
        Math.max(...group.map((b) => b[3])),
      ];
      things.push({ cat: 'riverside', river: true, box });
    }
  }
  const yellow = rivers.filter((r) =>
    ['name', 'name:zh', 'name:en', 'name:zh-Hans'].some((k) =>
      /黄河|Yellow River|Huang ?He/i.test(r.tags[k] ?? ''),
    ),
  );
  const lines = (yellow.length > 0 ? yellow : rivers).map((r) => r.geometry!);
  const counts: Record<string, number> = {};
  for (const t of things) {
    if (t.river) {
      const lon = (t.box[0] + t.box[2]) / 2;
      const lat = (t.box[1] + t.box[3]) / 2;
      if (!lines.some((l) => toLine(lon, lat, l) <= reachM)) continue;
    }
    counts[t.cat] = (counts[t.cat] ?? 0) + 1;
  }
  return counts;
}
