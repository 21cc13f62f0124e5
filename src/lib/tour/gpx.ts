// GPX 1.1 export of a tour: stops as waypoints, legs as a track, with metadata and attribution.

import { DETOUR_FACTOR, WALK_SPEED_M_PER_MIN } from '../../config';
import { type Lang, translate } from '../i18n';
import { isSafeUrl } from '../validate';
import { formatClock, formatDistance } from './format';
import { formatLanzhouDate, formatLanzhouTime, lanzhouWallClock } from './lanzhou_time';
import type { LonLat } from './legs';
import type { ResolvedStop, TourRoute } from './routes';
import type { TourPlan } from './schedule';

/** GPX 1.1 namespace (https://www.topografix.com/GPX/1/1/gpx.xsd). */
export const GPX_NS = 'http://www.topografix.com/GPX/1/1';

export interface GpxLink {
  /** http(s) only; other schemes are left out. */
  href: string;
  text?: string;
}

export interface GpxWaypoint {
  lon: number;
  lat: number;
  name?: string;
  cmt?: string;
  desc?: string;
  type?: string;
}

export interface GpxTrack {
  name?: string;
  desc?: string;
  type?: string;
  /** One LineString per segment, [lon, lat] positions. */
  segments: LonLat[][];
}

export interface GpxDocument {
  /** Required by the schema: the program that wrote the file. */
  creator: string;
  metadata: {
    name?: string;
    desc?: string;
    author?: string;
    copyright?: { author: string; year?: number; license?: string };
    links?: GpxLink[];
    time?: Date;
  };
  waypoints: GpxWaypoint[];
  tracks: GpxTrack[];
}

/** Characters XML 1.0 does not allow at all (C0 controls but tab/LF/CR, U+FFFE/F, lone surrogates). */
const INVALID_XML =
  // biome-ignore lint/suspicious/noControlCharactersInRegex: matching the controls XML forbids is the point.
  /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

/** Escapes text for element content; characters XML cannot carry are dropped. */
export function xmlText(value: string): string {
  return value.replace(INVALID_XML, '').replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

/** Escapes text for a double-quoted attribute value (whitespace kept as character references). */
export function xmlAttr(value: string): string {
  return xmlText(value)
    .replace(/"/g, '&quot;')
    .replace(/\t/g, '&#9;')
    .replace(/\n/g, '&#10;')
    .replace(/\r/g, '&#13;');
}

/** xsd:decimal without exponent, 7 decimals (~1 cm), trailing zeros trimmed. */
function decimal(v: number): string {
  const s = v.toFixed(7).replace(/\.?0+$/, '');
  return s === '-0' ? '0' : s;
}

/** The schema's latitudeType is [-90, 90] and longitudeType [-180, 180). */
function checkLonLat(lon: number, lat: number): void {
  if (
    !(Number.isFinite(lat) && lat >= -90 && lat <= 90 && Number.isFinite(lon) && lon >= -180 && lon < 180)
  ) {
    throw new RangeError(`position out of range for GPX: [${lon}, ${lat}]`);
  }
}

const el = (name: string, text: string | undefined, indent: string): string =>
  text === undefined || text === '' ? '' : `${indent}<${name}>${xmlText(text)}</${name}>\n`;

function links(list: readonly GpxLink[] | undefined, indent: string): string {
  return (list ?? [])
    .filter((l) => isSafeUrl(l.href))
    .map(
      (l) =>
        `${indent}<link href="${xmlAttr(l.href)}">${l.text ? `<text>${xmlText(l.text)}</text>` : ''}</link>\n`,
    )
    .join('');
}

/**
 * Serialises a GPX 1.1 document. Children are written in the order the schema's sequences require
 * (gpx: metadata, wpt*, rte*, trk*; metadata: name, desc, author, copyright, link*, time, keywords,
 * bounds; wpt: …, name, cmt, desc, src, link*, sym, type; trk: name, cmt, desc, src, link*, number,
 * type, trkseg*). Throws RangeError for a position outside the schema's lat/lon ranges.
 */
export function writeGpx(doc: GpxDocument): string {
  const all: LonLat[] = [
    ...doc.waypoints.map((w) => [w.lon, w.lat] as LonLat),
    ...doc.tracks.flatMap((t) => t.segments.flat()),
  ];
  for (const [lon, lat] of all) checkLonLat(lon, lat);
  const m = doc.metadata;
  let out = '<?xml version="1.0" encoding="UTF-8"?>\n';
  out += `<gpx xmlns="${GPX_NS}" version="1.1" creator="${xmlAttr(doc.creator)}">\n`;
  out += '  <metadata>\n';
  out += el('name', m.name, '    ');
  out += el('desc', m.desc, '    ');
  if (m.author) out += `    <author>\n${el('name', m.author, '      ')}    </author>\n`;
  if (m.copyright) {
    const c = m.copyright;
    out += `    <copyright author="${xmlAttr(c.author)}">\n`;
    if (c.year !== undefined) out += `      <year>${String(Math.trunc(c.year)).padStart(4, '0')}</year>\n`;
    if (c.license && isSafeUrl(c.license)) out += `      <license>${xmlText(c.license)}</license>\n`;
    out += '    </copyright>\n';
  }
  out += links(m.links, '    ');
  if (m.time) out += `    <time>${m.time.toISOString()}</time>\n`;
  if (all.length > 0) {
    const lons = all.map((p) => p[0]);
    const lats = all.map((p) => p[1]);
    out +=
      `    <bounds minlat="${decimal(Math.min(...lats))}" minlon="${decimal(Math.min(...lons))}" ` +
      `maxlat="${decimal(Math.max(...lats))}" maxlon="${decimal(Math.max(...lons))}"/>\n`;
  }
  out += '  </metadata>\n';
  for (const w of doc.waypoints) {
    out += `  <wpt lat="${decimal(w.lat)}" lon="${decimal(w.lon)}">\n`;
    out += el('name', w.name, '    ');
    out += el('cmt', w.cmt, '    ');
    out += el('desc', w.desc, '    ');
    out += el('type', w.type, '    ');
    out += '  </wpt>\n';
  }
  for (const t of doc.tracks) {
    out += '  <trk>\n';
    out += el('name', t.name, '    ');
    out += el('desc', t.desc, '    ');
    out += el('type', t.type, '    ');
    for (const seg of t.segments) {
      out += '    <trkseg>\n';
      for (const [lon, lat] of seg) out += `      <trkpt lat="${decimal(lat)}" lon="${decimal(lon)}"/>\n`;
      out += '    </trkseg>\n';
    }
    out += '  </trk>\n';
  }
  out += '</gpx>\n';
  return out;
}

export interface TourGpxOptions {
  lang: Lang;
  /** Export time (metadata time, copyright year). */
  now: Date;
  /** Share link of the route view (http(s)). */
  shareUrl?: string;
  /** Written into `creator` and the author (default: the app title). */
  creator?: string;
  /** Attribution lines for the data used (e.g. © OpenStreetMap contributors), appended to the description. */
  attribution?: readonly string[];
  /** Licence URI of the route data, if any (copyright/license). */
  license?: string;
  /** Detour factor and speed of schematic legs, for the note (defaults as in src/config.ts). */
  detourFactor?: number;
  speedMPerMin?: number;
}

/** The name of a stop or route in `lang`, falling back to the other language. */
const pick = (lang: Lang, zh: string | undefined, en: string | undefined) =>
  (lang === 'zh' ? zh || en : en || zh) ?? '';

/**
 * GPX 1.1 of a scheduled route: one waypoint per stop (name, description and planned arrival), one
 * track with one segment per leg (network or schematic, as counted in the track description), and
 * metadata with the route's name, suggestion label, notes, share link, time and attribution.
 */
export function tourToGpx(
  route: TourRoute,
  stops: readonly ResolvedStop[],
  plan: TourPlan,
  o: TourGpxOptions,
): string {
  const { lang } = o;
  const appTitle = o.creator ?? translate(lang, 'app.title');
  const network = plan.legs.filter((l) => l.method === 'network').length;
  const schematic = plan.legs.length - network;
  const suggested =
    route.suggested_by === 'this_map'
      ? translate(lang, 'tour.suggested.this_map')
      : translate(lang, 'tour.suggested.source', { source: route.suggested_by.source.title });
  const startLine = translate(lang, 'tour.start', {
    date: formatLanzhouDate(plan.start),
    time: formatLanzhouTime(plan.start),
  });
  const notes = [
    pick(lang, route.description_zh, route.description_en),
    suggested,
    startLine,
    translate(lang, 'tour.note.times'),
  ];
  if (schematic > 0) {
    notes.push(
      translate(lang, 'tour.note.estimate', {
        factor: o.detourFactor ?? DETOUR_FACTOR,
        speed: o.speedMPerMin ?? WALK_SPEED_M_PER_MIN,
      }),
    );
  }
  if (network > 0) notes.push(translate(lang, 'tour.note.network'));
  notes.push(...(o.attribution ?? []));
  const waypoints: GpxWaypoint[] = stops.map((s, i) => {
    const planned = plan.stops[i];
    const when = planned
      ? translate(lang, 'tour.gpx.stop_desc', {
          n: i + 1,
          time: formatClock(lang, planned.arrival, plan.start),
          min: planned.dwell_min,
        })
      : '';
    const desc = [pick(lang, s.description_zh, s.description_en), when].filter(Boolean).join(' · ');
    return { lon: s.coord[0], lat: s.coord[1], name: pick(lang, s.name_zh, s.name_en), desc, type: 'stop' };
  });
  const legNames = plan.legs.map((l) =>
    translate(lang, 'tour.leg', {
      dist: formatDistance(lang, l.metres),
      min: l.plannedMinutes,
      method: translate(lang, l.method === 'network' ? 'tour.method.network' : 'tour.method.estimate'),
    }),
  );
  const track: GpxTrack = {
    name: pick(lang, route.name_zh, route.name_en),
    desc: [
      translate(lang, 'tour.gpx.track_desc', { network, schematic }),
      ...legNames.map((leg, i) => translate(lang, 'tour.gpx.leg_name', { from: i + 1, to: i + 2, leg })),
    ].join('\n'),
    type: 'walking',
    segments: plan.legs.map((l) => l.coordinates),
  };
  const doc: GpxDocument = {
    creator: appTitle,
    metadata: {
      name: pick(lang, route.name_zh, route.name_en),
      desc: notes.filter(Boolean).join('\n'),
      author: appTitle,
      copyright: {
        author: appTitle,
        year: lanzhouWallClock(o.now).year,
        ...(o.license ? { license: o.license } : {}),
      },
      links: o.shareUrl ? [{ href: o.shareUrl, text: pick(lang, route.name_zh, route.name_en) }] : [],
      time: o.now,
    },
    waypoints,
    tracks: plan.legs.length > 0 ? [track] : [],
  };
  return writeGpx(doc);
}
