// Writes the OSM basemap PMTiles with per-feature first zooms (zoom bands), on the project's tiler and writer.

import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { type TileInput, writePmtiles } from '../pmtiles_writer.ts';
import { buildVectorTiles, type VectorLayerInput, type VectorLayerMeta } from '../vector_tiles.ts';
import type { ZoomedLayer } from './basemap_layers_osm.ts';

export interface OsmBasemapOptions {
  layers: ZoomedLayer[];
  outFile: string;
  minZoom: number;
  maxZoom: number;
  attribution: string;
  /** [west, south, east, north]; defaults to the data's bounds. */
  bounds?: [number, number, number, number];
  /** [lon, lat, zoom] of the header; defaults to the bounds' centre at minZoom + 6. */
  center?: [number, number, number];
  name?: string;
  description?: string;
}

export interface OsmBasemapResult {
  outFile: string;
  bytes: number;
  tiles: number;
  tileContents: number;
  tilesPerZoom: Record<number, number>;
  featuresPerLayer: Record<string, number>;
  /** Zoom bands sliced separately: [first, last] zoom each. */
  bands: [number, number][];
  minZoom: number;
  maxZoom: number;
  ms: number;
}

/**
 * Slices the layers into MVT and writes one PMTiles archive. buildBasemap (scripts/build_basemap.ts) gives
 * a layer one first zoom; here every feature has its own (minor roads from z12, buildings from z13 …), so
 * the pyramid is cut into bands at those zooms and each band is sliced with only the features it shows.
 * Deterministic: no timestamps in the metadata.
 *
 * @returns sizes, counts and the wall time in milliseconds
 * @throws when no layer holds a feature
 */
export function buildOsmBasemap(o: OsmBasemapOptions): OsmBasemapResult {
  const t0 = performance.now();
  const clamp = (z: number) => Math.min(o.maxZoom, Math.max(o.minZoom, z));
  const starts = new Set<number>([o.minZoom]);
  for (const l of o.layers) for (const f of l.features) starts.add(clamp(f.minZoom));
  const sorted = [...starts].sort((a, b) => a - b);
  const bands: [number, number][] = sorted.map((z, i) => [
    z,
    i + 1 < sorted.length ? sorted[i + 1]! - 1 : o.maxZoom,
  ]);

  const tiles: TileInput[] = [];
  const tilesPerZoom: Record<number, number> = {};
  const meta = new Map<string, VectorLayerMeta>();
  let dataBounds: [number, number, number, number] | null = null;
  for (const [from, to] of bands) {
    const inputs: VectorLayerInput[] = o.layers.map((l) => ({
      name: l.name,
      ...(l.description ? { description: l.description } : {}),
      features: l.features.filter((f) => clamp(f.minZoom) <= from).map((f) => f.feature),
    }));
    const set = buildVectorTiles(inputs, { minZoom: from, maxZoom: to });
    tiles.push(...set.tiles);
    for (const [z, n] of Object.entries(set.tilesPerZoom)) tilesPerZoom[Number(z)] = n;
    if (set.bounds) {
      const b = set.bounds;
      dataBounds = dataBounds
        ? [
            Math.min(dataBounds[0], b[0]),
            Math.min(dataBounds[1], b[1]),
            Math.max(dataBounds[2], b[2]),
            Math.max(dataBounds[3], b[3]),
          ]
        : b;
    }
    for (const vl of set.vectorLayers) {
      const had = inputs.find((l) => l.name === vl.id)!.features.length > 0;
      const prev = meta.get(vl.id);
      if (!prev) meta.set(vl.id, { ...vl, minzoom: had ? from : o.maxZoom, maxzoom: o.maxZoom });
      else {
        Object.assign(prev.fields, vl.fields);
        if (had) prev.minzoom = Math.min(prev.minzoom, from);
      }
    }
  }
  const bounds = o.bounds ?? dataBounds;
  if (!bounds || tiles.length === 0)
    throw new Error('basemap: the layers hold no features, nothing to write');
  const center = o.center ?? [(bounds[0] + bounds[2]) / 2, (bounds[1] + bounds[3]) / 2, o.minZoom + 6];
  const { bytes, stats } = writePmtiles(tiles, {
    bounds,
    center,
    metadata: {
      name: o.name ?? 'Lanzhou Youth Map offline basemap (OpenStreetMap)',
      description: o.description ?? 'Offline basemap built by scripts/import_osm.ts from an OSM extract',
      attribution: o.attribution,
      type: 'baselayer',
      format: 'pbf',
      vector_layers: [...meta.values()],
    },
  });
  mkdirSync(dirname(o.outFile), { recursive: true });
  writeFileSync(o.outFile, bytes);
  const featuresPerLayer: Record<string, number> = {};
  for (const l of o.layers) featuresPerLayer[l.name] = l.features.length;
  return {
    outFile: o.outFile,
    bytes: bytes.length,
    tiles: stats.addressedTiles,
    tileContents: stats.tileContents,
    tilesPerZoom,
    featuresPerLayer,
    bands,
    minZoom: stats.minZoom,
    maxZoom: stats.maxZoom,
    ms: performance.now() - t0,
  };
}
