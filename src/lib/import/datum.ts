// Was the CRS chosen on import plausible? Counts points outside Lanzhou or in water under each reading.

import { LANZHOU_BBOX } from '../../config';
import { CRS_IDS, type Crs, toWgs84 } from '../crs';
import type { Position } from '../feature';
import { DEFAULT_DISTRICT_TOLERANCE_M } from '../validate';
import type { ImportDistrictLookup } from './district_index';

/** Areas where a facility point is suspicious (e.g. river polygons from the OSM import). */
export interface AreaLookup {
  /** Any non-null answer means "inside an area". */
  districtAt(lon: number, lat: number): string | null;
}

export interface DatumReading {
  crs: Crs;
  /** Points farther than the boundary tolerance from every district of Lanzhou. */
  outside: number;
  /** Points inside a water area (0 when no water areas were given). */
  inWater: number;
}

export interface DatumCheck {
  /** Points examined (an even sample when there are more than `maxPoints`). */
  checked: number;
  declared: DatumReading;
  /** The other CRS readings, best first. */
  alternatives: DatumReading[];
  /** A reading that puts at most half as many points in implausible places, when there is one. */
  suggestion: DatumReading | null;
}

const bad = (r: DatumReading) => r.outside + r.inWater;

/**
 * Reads the same raw numbers as WGS-84, GCJ-02 and BD-09 and counts, for each reading, the points that
 * land outside Lanzhou or in water. What this can and cannot tell: in Lanzhou GCJ-02 moves a point about
 * 200–250 m east and BD-09 about 1 km north-east. The district boundaries are generalised to a few hundred
 * metres, so "outside Lanzhou" separates BD-09 from the others but hardly ever GCJ-02 from WGS-84; only
 * water areas (or other features known to be empty of facilities) can reveal a GCJ-02 shift, and only for
 * points near their edges. A suggestion is made when the declared reading puts at least 10 % of the
 * points (and at least one) in implausible places and another reading halves that number.
 * @param raw positions as written in the file (degrees in `declared`)
 * @param declared the CRS the user chose
 * @param refs the districts of Lanzhou, and optionally water areas
 * @param maxPoints sample size cap (the boundary test costs ~20 µs per point and reading)
 */
export function checkDatum(
  raw: readonly Position[],
  declared: Crs,
  refs: { districts?: ImportDistrictLookup; water?: AreaLookup },
  maxPoints = 2000,
): DatumCheck {
  const step = Math.max(1, raw.length / maxPoints);
  const sample: Position[] = [];
  for (let i = 0; i < raw.length; i += step) sample.push(raw[Math.floor(i)] as Position);
  const read = (crs: Crs): DatumReading => {
    let outside = 0;
    let inWater = 0;
    for (const [x, y] of sample) {
      // Every reading starts from the numbers as written, not from another reading's result.
      const [lon, lat] = toWgs84(x, y, crs);
      // The box has a margin of ≥ 2 km around the districts, so a point outside it is outside Lanzhou.
      const inBox =
        lon >= LANZHOU_BBOX[0] && lon <= LANZHOU_BBOX[2] && lat >= LANZHOU_BBOX[1] && lat <= LANZHOU_BBOX[3];
      if (
        !inBox ||
        (refs.districts && refs.districts.districtNear(lon, lat, DEFAULT_DISTRICT_TOLERANCE_M) === null)
      )
        outside++;
      if (refs.water && refs.water.districtAt(lon, lat) !== null) inWater++;
    }
    return { crs, outside, inWater };
  };
  const declaredReading = read(declared);
  const alternatives = CRS_IDS.filter((c) => c !== declared)
    .map(read)
    .sort((a, b) => bad(a) - bad(b));
  const best = alternatives[0];
  const worst = bad(declaredReading);
  const suggestion =
    best && worst > 0 && worst >= 0.1 * sample.length && bad(best) * 2 <= worst ? best : null;
  return { checked: sample.length, declared: declaredReading, alternatives, suggestion };
}
