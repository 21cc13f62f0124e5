// The tour's deck.gl layers: the walked trail (TripsLayer), the walker and numbered stop labels.
// Loaded with import() by the tour controller, so deck.gl stays out of the initial bundle.

import { TripsLayer } from '@deck.gl/geo-layers';
import { ScatterplotLayer, TextLayer } from '@deck.gl/layers';
import type { LonLat } from '../lib/tour/legs';
import type { StopMark, TimedPath } from '../lib/tour/map_marks';

type Rgba = [number, number, number, number];

/** Trail colours: amber reads on the dark basemap, a deeper orange on the light one (≥3:1 on each). */
const TRAIL: Record<'day' | 'night', Rgba> = { night: [251, 191, 36, 255], day: [194, 65, 12, 255] };
const WALKER_FILL: Rgba = [250, 204, 21, 255];
const WALKER_LINE: Rgba = [17, 24, 39, 255];
const LABEL_TEXT: Rgba = [255, 255, 255, 255];
const LABEL_BG: Rgba = [17, 24, 39, 235];
const LABEL_BORDER: Record<'day' | 'night', Rgba> = { night: [250, 204, 21, 255], day: [255, 255, 255, 255] };

export interface PlaybackFrame {
  paths: readonly TimedPath[];
  marks: readonly StopMark[];
  /** Tour minutes since the start (TripsLayer's currentTime). */
  minute: number;
  /** Where the walker is, or null to hide it. */
  walker: LonLat | null;
  theme: 'day' | 'night';
  /** Minutes of trail left behind the walker. */
  trailMinutes?: number;
}

/** deck.gl layers for one frame. The data arrays should be kept between frames so deck.gl does not re-upload them. */
export function playbackLayers(f: PlaybackFrame): unknown[] {
  return [
    new TripsLayer<TimedPath>({
      id: 'lym-tour-trail',
      data: f.paths as TimedPath[],
      getPath: (d) => d.path as unknown as [number, number][],
      getTimestamps: (d) => d.timestamps,
      getColor: TRAIL[f.theme],
      widthMinPixels: 6,
      capRounded: true,
      jointRounded: true,
      fadeTrail: true,
      trailLength: f.trailMinutes ?? 45,
      currentTime: f.minute,
    }),
    new TextLayer<StopMark>({
      id: 'lym-tour-stop-labels',
      data: f.marks as StopMark[],
      getPosition: (d) => d.coord,
      getText: (d) => d.label,
      getSize: 13,
      getColor: LABEL_TEXT,
      getPixelOffset: [0, -20],
      fontFamily: 'system-ui, sans-serif',
      fontWeight: 700,
      background: true,
      getBackgroundColor: LABEL_BG,
      getBorderColor: LABEL_BORDER[f.theme],
      getBorderWidth: 1,
      backgroundPadding: [5, 2],
      backgroundBorderRadius: 4,
    }),
    new ScatterplotLayer<LonLat>({
      id: 'lym-tour-walker',
      data: f.walker ? [f.walker] : [],
      getPosition: (d) => d,
      radiusUnits: 'pixels',
      getRadius: 8,
      stroked: true,
      getFillColor: WALKER_FILL,
      getLineColor: WALKER_LINE,
      lineWidthUnits: 'pixels',
      getLineWidth: 3,
      updateTriggers: { getPosition: f.walker?.join(',') },
    }),
  ];
}
