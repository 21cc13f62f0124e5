// Web-Mercator tile ranges of a box: which z/x/y tiles cover it (extract, keep-offline downloads).

import { zxyToTileId } from 'pmtiles';

export type Bbox = [west: number, south: number, east: number, north: number];

/** Web-Mercator tile column/row range of a box at zoom `z` (inclusive). */
export function tileRange(bbox: Bbox, z: number): { x0: number; x1: number; y0: number; y1: number } {
  const n = 2 ** z;
  const col = (lon: number) => Math.min(n - 1, Math.max(0, Math.floor(((lon + 180) / 360) * n)));
  const row = (lat: number) => {
    const r = (Math.max(-85.0511, Math.min(85.0511, lat)) * Math.PI) / 180;
    const y = ((1 - Math.log(Math.tan(r) + 1 / Math.cos(r)) / Math.PI) / 2) * n;
    return Math.min(n - 1, Math.max(0, Math.floor(y)));
  };
  return { x0: col(bbox[0]), x1: col(bbox[2]), y0: row(bbox[3]), y1: row(bbox[1]) };
}

/** Every tile id that touches the box from `minZoom` to `maxZoom`, ascending. */
export function tileIdsInBox(bbox: Bbox, minZoom: number, maxZoom: number): number[] {
  const ids: number[] = [];
  for (let z = minZoom; z <= maxZoom; z++) {
    const r = tileRange(bbox, z);
    for (let x = r.x0; x <= r.x1; x++) for (let y = r.y0; y <= r.y1; y++) ids.push(zxyToTileId(z, x, y));
  }
  return ids.sort((a, b) => a - b);
}

/**
 * Tile URLs of templates (`{z}/{x}/{y}`, as in TileJSON `tiles`) covering the box at zooms
 * `minZoom`–`maxZoom`, each template's tiles in z, x, y order.
 */
export function tileUrlsInBox(templates: string[], bbox: Bbox, minZoom: number, maxZoom: number): string[] {
  const urls: string[] = [];
  for (const template of templates) {
    for (let z = minZoom; z <= maxZoom; z++) {
      const r = tileRange(bbox, z);
      for (let x = r.x0; x <= r.x1; x++) {
        for (let y = r.y0; y <= r.y1; y++) {
          urls.push(template.replace('{z}', String(z)).replace('{x}', String(x)).replace('{y}', String(y)));
        }
      }
    }
  }
  return urls;
}

/** Count of tiles covering the box at `minZoom`–`maxZoom` (per template), without listing them. */
export function tileCountInBox(bbox: Bbox, minZoom: number, maxZoom: number): number {
  let n = 0;
  for (let z = minZoom; z <= maxZoom; z++) {
    const r = tileRange(bbox, z);
    n += (r.x1 - r.x0 + 1) * (r.y1 - r.y0 + 1);
  }
  return n;
}
