// Co-located point markers drawn as concentric rings, so a place under another place can still be seen and clicked.

import { layerOf } from '../catalog';
import type { MapFeature, MapFeatureCollection } from '../lib/feature';

/** Points closer than this (degrees, ≈ 1 m) share one marker position. */
const SAME_POSITION_DEG = 1e-5;

/**
 * The display copy of the features: points sharing a position get a `ring` property (0 for the marker
 * drawn on top, 1, 2 … for those below it), which the marker layers turn into a larger radius, so each
 * one shows as a ring around the one above it. Other features are passed through unchanged.
 */
export function withStackRings(fc: MapFeatureCollection): MapFeatureCollection {
  const groups = new Map<string, MapFeature[]>();
  for (const f of fc.features) {
    if (f.geometry.type !== 'Point') continue;
    const [lon, lat] = f.geometry.coordinates;
    const key = `${Math.round(lon / SAME_POSITION_DEG)},${Math.round(lat / SAME_POSITION_DEG)}`;
    const g = groups.get(key);
    if (g) g.push(f);
    else groups.set(key, [f]);
  }
  const ring = new Map<MapFeature, number>();
  for (const g of groups.values()) {
    if (g.length < 2) continue;
    // Layers draw in catalog `order` (higher on top); within a layer, by id for a stable answer.
    g.sort(
      (a, b) =>
        layerOf(b.properties.category).order - layerOf(a.properties.category).order ||
        a.properties.id.localeCompare(b.properties.id),
    );
    g.forEach((f, i) => {
      ring.set(f, i);
    });
  }
  if (ring.size === 0) return fc;
  return {
    type: 'FeatureCollection',
    features: fc.features.map((f) => {
      const r = ring.get(f);
      return r ? { ...f, properties: { ...f.properties, ring: r } as MapFeature['properties'] } : f;
    }),
  };
}
