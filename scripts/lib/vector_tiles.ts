// GeoJSON layers → Mapbox Vector Tiles (geojson-vt slices, @maplibre/vt-pbf encodes) over a zoom range.

import { fromGeojsonVt } from '@maplibre/vt-pbf';
import type { Feature, Geometry } from 'geojson';
import GeoJSONVT, { type LegacyTile } from 'geojson-vt';
import type { TileInput } from './pmtiles_writer';

/** One named layer of the archive; features are WGS-84 GeoJSON of any geometry type. */
export interface VectorLayerInput {
  name: string;
  features: Feature[];
  /** First zoom whose tiles carry this layer (default: the build's minZoom). */
  minZoom?: number;
  /** Shown in the archive's TileJSON `vector_layers`. */
  description?: string;
}

export interface VectorTileOptions {
  minZoom: number;
  /** Deepest zoom written; clients overzoom past it. */
  maxZoom: number;
  /** Tile coordinate extent (default 4096). */
  extent?: number;
  /** Buffer around each tile in extent units (default 64) so labels and strokes cross tile edges cleanly. */
  buffer?: number;
  /** geojson-vt simplification tolerance in tile pixels (default 3). */
  tolerance?: number;
}

/** TileJSON 3.0 `vector_layers` entry, required in PMTiles metadata for MVT archives. */
export interface VectorLayerMeta {
  id: string;
  fields: Record<string, 'String' | 'Number' | 'Boolean'>;
  minzoom: number;
  maxzoom: number;
  description?: string;
}

export interface VectorTileSet {
  tiles: TileInput[];
  vectorLayers: VectorLayerMeta[];
  /** [west, south, east, north] of all input coordinates, or null when there are none. */
  bounds: [number, number, number, number] | null;
  /** Non-empty tiles per zoom. */
  tilesPerZoom: Record<number, number>;
}

const MVT_VERSION = 2;

/**
 * Slices every layer with its own geojson-vt index and encodes each non-empty (z, x, y) as one MVT
 * holding all layers present there. Tiles are found by descending from z0 only into tiles that exist, so
 * the work is proportional to the tiles with data, not to the whole pyramid.
 *
 * @param layers named layers; names must be unique
 * @returns uncompressed MVT tiles ready for the PMTiles writer, plus TileJSON layer metadata and bounds
 */
export function buildVectorTiles(layers: VectorLayerInput[], options: VectorTileOptions): VectorTileSet {
  const { minZoom, maxZoom } = options;
  const extent = options.extent ?? 4096;
  if (!(minZoom >= 0 && maxZoom <= 24 && minZoom <= maxZoom)) {
    throw new Error(`bad zoom range ${minZoom}–${maxZoom} (geojson-vt supports 0–24)`);
  }
  const names = new Set<string>();
  for (const l of layers) {
    if (names.has(l.name)) throw new Error(`duplicate layer name "${l.name}"`);
    names.add(l.name);
  }

  const indexes: { name: string; index: GeoJSONVT }[] = [];
  const keys = new Set<string>();
  const vectorLayers: VectorLayerMeta[] = [];
  let bounds: [number, number, number, number] | null = null;

  for (const layer of layers) {
    const features = layer.features.filter((f) => f.geometry).map(prepareFeature);
    const layerMin = Math.max(minZoom, layer.minZoom ?? minZoom);
    const meta: VectorLayerMeta = {
      id: layer.name,
      fields: fieldTypes(features),
      minzoom: layerMin,
      maxzoom: maxZoom,
    };
    if (layer.description) meta.description = layer.description;
    vectorLayers.push(meta);
    if (features.length === 0) continue;
    for (const f of features) bounds = extendBounds(bounds, f.geometry);

    const index = new GeoJSONVT(
      { type: 'FeatureCollection', features },
      {
        maxZoom,
        extent,
        buffer: options.buffer ?? 64,
        tolerance: options.tolerance ?? 3,
        indexMaxZoom: Math.min(5, maxZoom),
      },
    );
    indexes.push({ name: layer.name, index });
    collectTiles(index, 0, 0, 0, layerMin, maxZoom, keys);
  }

  const tiles: TileInput[] = [];
  const tilesPerZoom: Record<number, number> = {};
  for (const key of keys) {
    const [z, x, y] = key.split('/').map(Number) as [number, number, number];
    const tileLayers: Record<string, LegacyTile> = {};
    for (const { name, index } of indexes) {
      const meta = vectorLayers.find((m) => m.id === name)!;
      if (z < meta.minzoom) continue;
      const tile = index.getTile(z, x, y);
      if (tile && tile.features.length > 0) tileLayers[name] = tile;
    }
    if (Object.keys(tileLayers).length === 0) continue;
    // vt-pbf's types name @maplibre/geojson-vt's tile type; geojson-vt 5's legacy tile has the same shape
    // ({features: [{type, geometry, tags, id?}]}), which is what vt-pbf reads at runtime.
    const data = fromGeojsonVt(tileLayers as unknown as Parameters<typeof fromGeojsonVt>[0], {
      version: MVT_VERSION,
      extent,
    });
    tiles.push({ z, x, y, data });
    tilesPerZoom[z] = (tilesPerZoom[z] ?? 0) + 1;
  }
  return { tiles, vectorLayers, bounds, tilesPerZoom };
}

/** Depth-first over tiles that exist; empty-but-existing tiles are descended (tiny features reappear deeper). */
function collectTiles(
  index: GeoJSONVT,
  z: number,
  x: number,
  y: number,
  minZoom: number,
  maxZoom: number,
  out: Set<string>,
): void {
  const raw = index.getTileRaw(z, x, y);
  if (!raw) return;
  if (z >= minZoom && raw.features.length > 0) out.add(`${z}/${x}/${y}`);
  if (z >= maxZoom) return;
  for (let dx = 0; dx < 2; dx++) {
    for (let dy = 0; dy < 2; dy++) collectTiles(index, z + 1, x * 2 + dx, y * 2 + dy, minZoom, maxZoom, out);
  }
}

/**
 * MVT ids must be unsigned integers: keep numeric ids (or digit strings), drop the rest rather than let the
 * encoder write NaN. Properties that are null are dropped (MVT has no null). Ring winding needs no fixing
 * here: geojson-vt canonicalises it (outer vs hole by position) whatever the input's orientation.
 */
function prepareFeature(f: Feature): Feature {
  const out: Feature = { type: 'Feature', geometry: f.geometry, properties: {} };
  const id = typeof f.id === 'string' && /^\d+$/.test(f.id) ? Number(f.id) : f.id;
  if (typeof id === 'number' && Number.isSafeInteger(id) && id >= 0) out.id = id;
  for (const [k, v] of Object.entries(f.properties ?? {})) {
    if (v !== null && v !== undefined) out.properties![k] = v;
  }
  return out;
}

function fieldTypes(features: Feature[]): VectorLayerMeta['fields'] {
  const fields: VectorLayerMeta['fields'] = {};
  for (const f of features) {
    for (const [k, v] of Object.entries(f.properties ?? {})) {
      // Non-primitive values are JSON-encoded into strings by the encoder.
      fields[k] ??= typeof v === 'number' ? 'Number' : typeof v === 'boolean' ? 'Boolean' : 'String';
    }
  }
  return fields;
}

function extendBounds(
  b: [number, number, number, number] | null,
  g: Geometry,
): [number, number, number, number] | null {
  let out = b;
  const visit = (c: unknown): void => {
    if (Array.isArray(c) && typeof c[0] === 'number') {
      const [x, y] = c as [number, number];
      out = out
        ? [Math.min(out[0], x), Math.min(out[1], y), Math.max(out[2], x), Math.max(out[3], y)]
        : [x, y, x, y];
    } else if (Array.isArray(c)) {
      for (const child of c) visit(child);
    }
  };
  if (g.type === 'GeometryCollection') {
    for (const child of g.geometries) out = extendBounds(out, child);
  } else {
    visit(g.coordinates);
  }
  return out;
}
