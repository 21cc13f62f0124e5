// Paints the coverage map picture: the captured map, the cells in view, proposed sites, a title, legend, scale bar and sources.

import type { Map as MlMap } from 'maplibre-gl';
import { layerOf } from '../catalog';
import { cellRing } from '../lib/coverage/grid';
import { H3_AVG_AREA_KM2 } from '../lib/coverage/grid_spec';
import { cellsInView, metresPerPixel, scaleBar } from '../lib/coverage/picture';
import type { GridPayload } from '../lib/coverage/protocol';
import { RAMP, RAMP_ALPHA } from '../lib/coverage/ramp';
import type { CoverageReport } from '../lib/coverage/report';
import type { WhatIfSite } from '../lib/coverage/scenario_state';
import { paperMap } from '../map/paper_map';
import { canvasRatio } from '../map/snapshot';

export interface PictureInput {
  /** The live map: the picture redraws its view at the fixed paper size (src/map/paper_map.ts). */
  map: MlMap;
  grid: GridPayload;
  minutes: Float32Array;
  reach: Uint8Array;
  bands: readonly number[];
  sites: readonly WhatIfSite[];
  report: CoverageReport;
  /** Lines under the map: method, sources, attribution. */
  footer: readonly string[];
  /** Size factor of text, legend and title band (1 on screen; larger when the picture is printed smaller). */
  textScale?: number;
}

const HEADER_PX = 58;
const FONT = '"Noto Sans SC", "Noto Sans CJK SC", "Microsoft YaHei", "PingFang SC", system-ui, sans-serif';

/** Splits text into lines no wider than `width` (breaks at spaces, or anywhere in Chinese text). */
function wrap(ctx: CanvasRenderingContext2D, text: string, width: number): string[] {
  const lines: string[] = [];
  let line = '';
  for (const token of text.split(/(?<=\s)|(?=[\u3000-\u9fff])|(?<=[\u3000-\u9fff])/u)) {
    if (line && ctx.measureText(line + token).width > width) {
      lines.push(line.trimEnd());
      line = token.trimStart();
    } else line += token;
  }
  if (line) lines.push(line);
  return lines;
}

/** Margin around the view within which cell centres are kept (about two cells), degrees. */
function padDegrees(grid: GridPayload): number {
  const sizeM =
    grid.spec.kind === 'h3'
      ? 2 * Math.sqrt(H3_AVG_AREA_KM2[grid.spec.resolution] ?? 1) * 1000
      : 1.5 * grid.spec.sizeM;
  return sizeM / 90_000;
}

/**
 * The picture as a canvas, the same size from every screen: a white title band, the live map's view redrawn
 * at PAPER_MAP_PX with the cells on it, a legend box with the scale bar, and a footer with method and
 * sources. Null when the map could not be read.
 */
export async function coveragePicture(o: PictureInput): Promise<HTMLCanvasElement | null> {
  const paper = await paperMap(o.map);
  if (!paper) return null;
  try {
    return paint(o, paper.map, paper.canvas);
  } finally {
    paper.remove();
  }
}

/** Paints the picture around `shot`, what `map` drew (cells are projected with `map`). */
function paint(o: PictureInput, map: MlMap, shot: HTMLCanvasElement): HTMLCanvasElement | null {
  const { report } = o;
  const ratio = canvasRatio(map);
  const W = shot.width;
  const k = o.textScale ?? 1;
  // Lengths of text and legend: CSS pixels × device ratio × text scale.
  const px = (v: number) => v * ratio * k;
  const dev = (v: number) => v * ratio;
  const canvas = document.createElement('canvas');
  const ctx = canvas.getContext('2d');
  if (!ctx) return null;
  // Footer height depends on how the lines wrap at this width.
  ctx.font = `${px(11)}px ${FONT}`;
  const footerLines = o.footer.flatMap((l) => wrap(ctx, l, W - px(24)));
  const footerH = px(12) + footerLines.length * px(15);
  const top = px(HEADER_PX);
  canvas.width = W;
  canvas.height = top + shot.height + footerH;

  ctx.fillStyle = '#ffffff';
  ctx.fillRect(0, 0, canvas.width, canvas.height);
  ctx.drawImage(shot, 0, top);

  // ---- cells, clipped to the map area ----
  const b = map.getBounds();
  const cells = cellsInView(
    { lon: o.grid.lon, lat: o.grid.lat, minutes: o.minutes, reach: o.reach, bands: o.bands },
    [b.getWest(), b.getSouth(), b.getEast(), b.getNorth()],
    padDegrees(o.grid),
    (i) => cellRing(o.grid, i),
    (lon, lat) => {
      const p = map.project([lon, lat]);
      return [dev(p.x), top + dev(p.y)];
    },
  );
  ctx.save();
  ctx.beginPath();
  ctx.rect(0, top, W, shot.height);
  ctx.clip();
  ctx.globalAlpha = RAMP_ALPHA / 255;
  // One path per class: shared cell edges are not painted twice.
  RAMP.forEach((ramp, cls) => {
    ctx.beginPath();
    for (const c of cells) {
      if (c.cls !== cls) continue;
      c.ring.forEach(([x, y], k) => {
        if (k === 0) ctx.moveTo(x, y);
        else ctx.lineTo(x, y);
      });
      ctx.closePath();
    }
    ctx.fillStyle = ramp.hex;
    ctx.fill();
  });
  ctx.globalAlpha = 1;
  // Proposed sites as numbered discs, like their markers on the map.
  ctx.textAlign = 'center';
  ctx.textBaseline = 'middle';
  ctx.font = `700 ${px(12)}px ${FONT}`;
  o.sites.forEach((s, i) => {
    const p = map.project([s.lon, s.lat]);
    const x = dev(p.x);
    const y = top + dev(p.y);
    ctx.beginPath();
    ctx.arc(x, y, px(11), 0, 2 * Math.PI);
    ctx.fillStyle = layerOf(s.category).color;
    ctx.fill();
    ctx.lineWidth = px(2.5);
    ctx.strokeStyle = '#ffffff';
    ctx.stroke();
    ctx.fillStyle = '#ffffff';
    ctx.fillText(String(i + 1), x, y);
  });
  ctx.restore();

  // ---- title band ----
  ctx.textAlign = 'left';
  ctx.textBaseline = 'alphabetic';
  ctx.fillStyle = '#111827';
  ctx.font = `700 ${px(17)}px ${FONT}`;
  ctx.fillText(report.mapTitle, px(12), px(24), W - px(24));
  ctx.font = `${px(12)}px ${FONT}`;
  ctx.fillStyle = '#374151';
  ctx.fillText(report.findings[0] ?? '', px(12), px(42), W - px(24));
  ctx.fillStyle = '#6b7280';
  ctx.fillText(`${report.where} · ${report.generated}`, px(12), px(55), W - px(24));

  // ---- legend box with scale bar, bottom-left of the map ----
  const rowH = px(17);
  const items = report.legend.length + (o.sites.length ? 1 : 0);
  ctx.font = `${px(12)}px ${FONT}`;
  const labelW = Math.max(
    ...report.legend.map((x) => ctx.measureText(x.label).width),
    o.sites.length ? ctx.measureText(report.sitesLegend).width - px(20) : 0,
    px(90),
  );
  const boxW = Math.min(W - px(20), px(30) + labelW);
  const boxH = px(10) + items * rowH + px(34);
  const bx = px(10);
  const by = top + shot.height - boxH - px(10);
  ctx.fillStyle = 'rgba(255,255,255,0.93)';
  ctx.strokeStyle = '#9ca3af';
  ctx.lineWidth = px(1);
  ctx.fillRect(bx, by, boxW, boxH);
  ctx.strokeRect(bx, by, boxW, boxH);
  report.legend.forEach((x, i) => {
    const y = by + px(8) + i * rowH;
    ctx.globalAlpha = RAMP_ALPHA / 255;
    ctx.fillStyle = x.hex;
    ctx.fillRect(bx + px(8), y, px(14), px(12));
    ctx.globalAlpha = 1;
    ctx.fillStyle = '#111827';
    ctx.fillText(x.label, bx + px(28), y + px(11));
  });
  if (o.sites.length) {
    const y = by + px(8) + report.legend.length * rowH;
    ctx.fillStyle = '#111827';
    ctx.fillText(report.sitesLegend, bx + px(8), y + px(11));
  }
  const centre = map.getCenter();
  // The bar is in map pixels (dev), whatever the text scale.
  const bar = scaleBar(metresPerPixel(centre.lat, map.getZoom()), Math.min(120 * k, (boxW - px(16)) / ratio));
  const sy = by + boxH - px(12);
  ctx.strokeStyle = '#111827';
  ctx.lineWidth = px(2);
  ctx.beginPath();
  ctx.moveTo(bx + px(8), sy - px(5));
  ctx.lineTo(bx + px(8), sy);
  ctx.lineTo(bx + px(8) + dev(bar.px), sy);
  ctx.lineTo(bx + px(8) + dev(bar.px), sy - px(5));
  ctx.stroke();
  ctx.fillText(bar.label, bx + px(8), sy - px(8));

  // ---- footer ----
  ctx.font = `${px(11)}px ${FONT}`;
  ctx.fillStyle = '#374151';
  footerLines.forEach((l, i) => {
    ctx.fillText(l, px(12), top + shot.height + px(16) + i * px(15));
  });
  return canvas;
}
