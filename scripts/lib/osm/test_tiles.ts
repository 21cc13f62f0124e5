// Test-only: read a PMTiles archive from disk and decode its MVT tiles with maplibre-gl's own decoder.

import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { PMTiles, type RangeResponse, type Source } from 'pmtiles';

class FileBytes implements Source {
  constructor(private readonly bytes: Uint8Array) {}
  getKey = () => 'file';
  async getBytes(offset: number, length: number): Promise<RangeResponse> {
    return { data: this.bytes.slice(offset, offset + length).buffer };
  }
}

/** Opens an archive on disk. */
export function openPmtiles(path: string): PMTiles {
  return new PMTiles(new FileBytes(new Uint8Array(readFileSync(path))));
}

export interface DecodedFeature {
  type: 0 | 1 | 2 | 3;
  properties: Record<string, string | number | boolean>;
}
export interface DecodedTile {
  layers: Record<string, { length: number; feature(i: number): DecodedFeature }>;
}

/**
 * maplibre-gl's MVT decoder (its own @mapbox/vector-tile and pbf: the hoisted copies are other majors).
 */
export async function mvtDecoder(): Promise<(data: ArrayBuffer) => DecodedTile> {
  const req = createRequire(import.meta.url);
  const maplibreDir = (req.resolve.paths('maplibre-gl') ?? [])
    .map((p) => join(p, 'maplibre-gl'))
    .find((p) => existsSync(join(p, 'package.json')));
  if (!maplibreDir) throw new Error('maplibre-gl not found');
  const fromMaplibre = createRequire(join(maplibreDir, 'package.json'));
  const { VectorTile } = await import(pathToFileURL(fromMaplibre.resolve('@mapbox/vector-tile')).href);
  const { PbfReader } = await import(pathToFileURL(fromMaplibre.resolve('pbf')).href);
  return (data) => new VectorTile(new PbfReader(new Uint8Array(data))) as DecodedTile;
}

/** Features of one layer of a decoded tile (empty when the layer is absent). */
export function layerFeatures(tile: DecodedTile, layer: string): DecodedFeature[] {
  const l = tile.layers[layer];
  return l ? Array.from({ length: l.length }, (_, i) => l.feature(i)) : [];
}

/** lon/lat → tile x, y at zoom z (Web Mercator). */
export function tileOf(lon: number, lat: number, z: number): [number, number] {
  const n = 2 ** z;
  const x = Math.floor(((lon + 180) / 360) * n);
  const r = (lat * Math.PI) / 180;
  const y = Math.floor(((1 - Math.log(Math.tan(r) + 1 / Math.cos(r)) / Math.PI) / 2) * n);
  return [x, y];
}
