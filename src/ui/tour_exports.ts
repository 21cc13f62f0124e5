// The tour's exports: the printed itinerary (with a map fitted to the route), the GPX file and the share link.

import type { Map as MlMap } from 'maplibre-gl';
import { type Lang, translate } from '../lib/i18n';
import { tourToGpx } from '../lib/tour/gpx';
import type { Itinerary } from '../lib/tour/itinerary';
import type { LonLat } from '../lib/tour/legs';
import type { StopMark } from '../lib/tour/map_marks';
import type { ResolvedStop, TourRoute } from '../lib/tour/routes';
import type { TourPlan } from '../lib/tour/schedule';
import { formatTourStart } from '../lib/tour/tour_state';
import { canvasRatio, captureMap } from '../map/snapshot';
import { downloadBlob } from './download';
import { renderTourPrint } from './tour_print';

/** The page's own address when it is a web address a person could open (not file: or about:). */
export function shareUrl(): string | null {
  return /^https?:\/\//i.test(location.href) ? location.href : null;
}

/** A PNG of the map as drawn now, with the stop numbers painted on (the deck.gl labels are a separate canvas). */
export async function mapSnapshot(map: MlMap | null, marks: readonly StopMark[]): Promise<string | null> {
  const canvas = map ? await captureMap(map) : null;
  const ctx = canvas?.getContext('2d');
  if (!map || !canvas || !ctx) return null;
  const ratio = canvasRatio(map);
  ctx.font = `700 ${13 * ratio}px system-ui, sans-serif`;
  ctx.textAlign = 'center';
  ctx.textBaseline = 'middle';
  for (const m of marks) {
    const p = map.project(m.coord);
    const x = p.x * ratio;
    const y = (p.y - 20) * ratio;
    const w = ctx.measureText(m.label).width + 10 * ratio;
    ctx.fillStyle = 'rgba(17,24,39,0.92)';
    ctx.fillRect(x - w / 2, y - 9 * ratio, w, 18 * ratio);
    ctx.fillStyle = '#ffffff';
    ctx.fillText(m.label, x, y);
  }
  try {
    return canvas.toDataURL('image/png');
  } catch {
    return null;
  }
}

/**
 * A snapshot of the whole route whatever the camera shows now: fits the map to `bounds` at once, draws,
 * snapshots and puts the camera back where the person left it.
 * @param bounds south-west and north-east corners of the route, [lon, lat] WGS-84
 */
export async function routeSnapshot(
  map: MlMap | null,
  bounds: [LonLat, LonLat] | null,
  marks: readonly StopMark[],
): Promise<string | null> {
  if (!map || !bounds) return mapSnapshot(map, marks);
  const camera = {
    center: map.getCenter(),
    zoom: map.getZoom(),
    bearing: map.getBearing(),
    pitch: map.getPitch(),
  };
  map.fitBounds(bounds, { padding: 40, maxZoom: 16, duration: 0 });
  await new Promise<void>((resolve) => {
    // 'idle' never fires when nothing needs drawing; a short wait covers that case.
    const done = () => {
      clearTimeout(timer);
      resolve();
    };
    const timer = setTimeout(done, 3000);
    map.once('idle', done);
    map.triggerRepaint();
  });
  try {
    return await mapSnapshot(map, marks);
  } finally {
    map.jumpTo(camera);
  }
}

/** Fills the print-only sheet; resolves when its map image (if any) has loaded. */
export function fillPrintSheet(sheet: Element, it: Itinerary, mapImage: string | null): Promise<void> {
  sheet.replaceChildren(...renderTourPrint({ itinerary: it, mapImage, url: shareUrl() }));
  const img = sheet.querySelector('img');
  return img && !img.complete
    ? new Promise((resolve) => {
        img.addEventListener('load', () => resolve(), { once: true });
        img.addEventListener('error', () => resolve(), { once: true });
      })
    : Promise.resolve();
}

/** What the GPX download needs of the shown walk. */
export interface GpxInput {
  route: TourRoute;
  stops: readonly ResolvedStop[];
  plan: TourPlan;
  /** The distinct credit lines of the walk's places (walkSources). */
  sources: readonly string[];
  lang: Lang;
}

/** Downloads the walk as GPX, with the sources of its places; returns the file name. */
export function downloadGpx({ route, stops, plan, sources, lang }: GpxInput): string {
  const url = shareUrl();
  const gpx = tourToGpx(route, stops, plan, {
    lang,
    now: new Date(),
    ...(url ? { shareUrl: url } : {}),
    attribution: sources.length
      ? [translate(lang, 'tour.ui.gpx.sources', { sources: sources.join('; ') })]
      : [],
  });
  const file = `${route.id}-${formatTourStart(plan.start).slice(0, 10)}.gpx`;
  downloadBlob(new Blob([gpx], { type: 'application/gpx+xml' }), file);
  return file;
}

/** Copies the page's link; `done(true)` once copied, `done(false)` when the clipboard is unavailable. */
export function copyShareLink(done: (ok: boolean) => void): void {
  if (!navigator.clipboard) {
    done(false);
    return;
  }
  navigator.clipboard.writeText(location.href).then(
    () => done(true),
    () => done(false),
  );
}
