// A copy of the live map drawn off-screen at a fixed size: exported pictures look the same from a phone and a desktop.

import { Map as MlMap } from 'maplibre-gl';
import { IDEOGRAPH_FONTS } from '../config';
import { captureMap } from './snapshot';

/**
 * The map area of an exported picture, CSS pixels at pixel ratio 1: 16:10, A4 landscape's proportions
 * nearly; printed 186 mm wide on the A4 report it is ≈175 dpi.
 */
export const PAPER_MAP_PX = { width: 1280, height: 800 } as const;

export interface PaperMap {
  /** The off-screen map (for projecting what is painted over it). */
  map: MlMap;
  /** What it drew, PAPER_MAP_PX in device pixels (ratio 1). */
  canvas: HTMLCanvasElement;
  /** Removes the map and its container. */
  remove(): void;
}

/**
 * Draws what the live map shows on a map of `size`: same style, centre and bearing, zoomed so that the
 * live view fits whole (a narrow phone view gains the sides). Waits for every tile, at most `timeoutMs`
 * (then takes what is drawn). Null when the map could not be read.
 */
export async function paperMap(
  live: MlMap,
  size: { width: number; height: number } = PAPER_MAP_PX,
  timeoutMs = 20_000,
): Promise<PaperMap | null> {
  const container = document.createElement('div');
  // Off-screen but laid out and drawn (a hidden element gets no size). Styles through CSSOM: the CSP
  // forbids style attributes.
  Object.assign(container.style, {
    position: 'fixed',
    left: '-30000px',
    top: '0',
    width: `${size.width}px`,
    height: `${size.height}px`,
    pointerEvents: 'none',
  });
  container.setAttribute('aria-hidden', 'true');
  document.body.append(container);
  const liveCanvas = live.getCanvas();
  const fit = Math.min(
    size.width / Math.max(1, liveCanvas.clientWidth),
    size.height / Math.max(1, liveCanvas.clientHeight),
  );
  const map = new MlMap({
    container,
    style: live.getStyle(),
    center: live.getCenter(),
    zoom: live.getZoom() + Math.log2(fit),
    bearing: live.getBearing(),
    pitch: live.getPitch(),
    interactive: false,
    attributionControl: false,
    pixelRatio: 1,
    fadeDuration: 0,
    canvasContextAttributes: { preserveDrawingBuffer: true },
    localIdeographFontFamily: IDEOGRAPH_FONTS,
  });
  const remove = () => {
    map.remove();
    container.remove();
  };
  await new Promise<void>((resolve) => {
    const timer = setTimeout(resolve, timeoutMs);
    map.once('idle', () => {
      clearTimeout(timer);
      resolve();
    });
  });
  const canvas = await captureMap(map);
  if (!canvas) {
    remove();
    return null;
  }
  return { map, canvas, remove };
}
