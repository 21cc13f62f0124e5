// Copies what the map draws into a 2D canvas (for PNG exports and printed sheets) without keeping a preserved drawing buffer.

import type { Map as MlMap } from 'maplibre-gl';

/**
 * A 2D canvas holding the map as drawn on its next frame, in device pixels, or null when no frame came
 * within `timeoutMs` or the canvas could not be read.
 * @param timeoutMs how long to wait for a frame, milliseconds
 */
export function captureMap(map: MlMap, timeoutMs = 3_000): Promise<HTMLCanvasElement | null> {
  return new Promise((resolve) => {
    const timer = setTimeout(() => resolve(null), timeoutMs);
    map.once('render', () => {
      clearTimeout(timer);
      try {
        // Read inside the render event: the WebGL drawing buffer is still intact before compositing.
        const src = map.getCanvas();
        const canvas = document.createElement('canvas');
        canvas.width = src.width;
        canvas.height = src.height;
        const ctx = canvas.getContext('2d');
        if (!ctx) throw new Error('no 2d context');
        ctx.drawImage(src, 0, 0);
        resolve(canvas);
      } catch {
        resolve(null);
      }
    });
    map.triggerRepaint();
  });
}

/** Device pixels per CSS pixel of the map canvas (what a captured canvas is scaled by). */
export function canvasRatio(map: MlMap): number {
  const src = map.getCanvas();
  return src.width / Math.max(1, src.clientWidth);
}
