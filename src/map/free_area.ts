// The part of the map that panels and cards leave visible, so that the camera puts things there.

import type { Map as MlMap } from 'maplibre-gl';

/** Screen padding of the map, CSS pixels. */
export interface Padding {
  top: number;
  right: number;
  bottom: number;
  left: number;
}

/** Margin kept around what the camera shows, CSS pixels (the right side holds the map's buttons). */
const MARGIN: Padding = { top: 40, right: 60, bottom: 40, left: 40 };
/** Least map width/height left to look at whatever covers it, CSS pixels. */
const MIN_FREE = 120;

/**
 * Pixels of the map covered by overlays: a side panel along the left edge or a card on the right (wide
 * screens), or a sheet along the bottom edge (phones: the panel, the place card), each plus a margin. Hidden or detached
 * overlays are ignored.
 * @param covers the elements that may lie over the map
 */
export function freePadding(map: MlMap, covers: readonly (Element | null | undefined)[]): Padding {
  const pad = { ...MARGIN };
  const mapBox = map.getContainer().getBoundingClientRect();
  for (const el of covers) {
    if (!el?.isConnected || (el as HTMLElement).hidden) continue;
    const box = el.getBoundingClientRect();
    if (box.width === 0 || box.height === 0) continue;
    if (box.left <= mapBox.left + 24 && box.right < mapBox.right - 100 && box.height > mapBox.height / 2)
      pad.left = Math.max(pad.left, box.right - mapBox.left + 24);
    else if (box.bottom >= mapBox.bottom - 24 && box.top > mapBox.top + 100 && box.top < mapBox.bottom)
      pad.bottom = Math.max(pad.bottom, mapBox.bottom - box.top + 24);
    // A card beside the map's buttons on the right (wide screens).
    else if (box.right >= mapBox.right - 80 && box.left > mapBox.left + 100)
      pad.right = Math.max(pad.right, mapBox.right - box.left + 24);
  }
  pad.right = Math.min(pad.right, Math.max(0, mapBox.width - pad.left - MIN_FREE));
  pad.left = Math.min(pad.left, Math.max(0, mapBox.width - pad.right - MIN_FREE));
  pad.bottom = Math.min(pad.bottom, Math.max(0, mapBox.height - pad.top - MIN_FREE));
  return pad;
}

/**
 * The camera centre that puts `coord` in the middle of the free area at zoom `zoom` (the map's own
 * padding stays zero, so later camera moves are not shifted by a leftover padding).
 * @param coord [lon, lat] WGS-84
 */
export function centreFor(
  map: MlMap,
  coord: [number, number],
  pad: Padding,
  zoom: number = map.getZoom(),
): [number, number] {
  // Offset of the free area's middle from the map's middle, in pixels at the target zoom.
  const dx = (pad.left - pad.right) / 2;
  const dy = (pad.top - pad.bottom) / 2;
  const scale = 2 ** (zoom - map.getZoom());
  const p = map.project(coord);
  const c = map.unproject([p.x - dx / scale, p.y - dy / scale]);
  return [c.lng, c.lat];
}

/** Eases the camera so that `coord` is in the middle of the free area (keeping the zoom). */
export function centreIn(map: MlMap, coord: [number, number], pad: Padding, duration: number): void {
  map.easeTo({ center: centreFor(map, coord, pad), duration });
}

/**
 * Whether `coord` is drawn in the middle 60 % of the free area (a following camera pans only when it is
 * not, rather than every frame).
 */
export function nearMiddle(map: MlMap, coord: [number, number], pad: Padding): boolean {
  const box = map.getContainer().getBoundingClientRect();
  const p = map.project(coord);
  const w = box.width - pad.left - pad.right;
  const hgt = box.height - pad.top - pad.bottom;
  return (
    p.x > pad.left + w * 0.2 &&
    p.x < pad.left + w * 0.8 &&
    p.y > pad.top + hgt * 0.2 &&
    p.y < pad.top + hgt * 0.8
  );
}
