// Shipped data → the offline basemap's own layers: district polygons, district label points, place labels.

import { along } from '@turf/along';
import { area } from '@turf/area';
import { lineString } from '@turf/helpers';
import { length } from '@turf/length';
import type { Feature, FeatureCollection, MultiPolygon, Point, Polygon, Position } from 'geojson';
import { LANZHOU_DISTRICTS } from '../../src/lib/feature';
import { labelPoint } from './label_point';
import type { VectorLayerInput } from './vector_tiles';

/** Layer names of the offline archive; the OSM importer adds water, park, road, building, place. */
export const BASEMAP_LAYER = {
  boundary: 'boundary',
  districtLabel: 'district_label',
  placeLabel: 'place_label',
} as const;

interface DistrictNames {
  adcode: string;
  name_zh: string;
  name_en: string;
}

/**
 * District polygons → `boundary` (polygons, drawn as fill and outline) and `district_label` (one point per
 * district at its pole of inaccessibility, so the label sits inside even for concave shapes).
 *
 * Properties kept: `adcode`, `name_zh`, `name_en`; labels also get `area_km2` so styles can rank them.
 * Names come from the feature (`name_zh`/`name_en`, or `name`), else from the adcode table.
 *
 * @throws when a feature is not a polygon or has neither a name nor a known adcode
 */
export function districtLayers(boundaries: FeatureCollection): VectorLayerInput[] {
  const polygons: Feature[] = [];
  const labels: Feature[] = [];
  boundaries.features.forEach((f, i) => {
    const g = f.geometry;
    if (!g || (g.type !== 'Polygon' && g.type !== 'MultiPolygon')) {
      throw new Error(`district feature #${i} is ${g?.type ?? 'missing a geometry'}, expected a polygon`);
    }
    const names = districtNames(f.properties ?? {}, i);
    // The numeric adcode as feature id lets the app use feature-state on districts.
    const withId = (feature: Feature): Feature =>
      names.adcode ? { ...feature, id: Number(names.adcode) } : feature;
    polygons.push(withId({ type: 'Feature', properties: { ...names }, geometry: g }));
    const km2 = Math.round(area(f as Feature<Polygon | MultiPolygon>) / 1e4) / 100;
    labels.push(
      withId({
        type: 'Feature',
        properties: { ...names, area_km2: km2 },
        geometry: { type: 'Point', coordinates: labelPoint(g as Polygon | MultiPolygon) },
      }),
    );
  });
  return [
    { name: BASEMAP_LAYER.boundary, features: polygons, description: 'County-level districts of Lanzhou' },
    { name: BASEMAP_LAYER.districtLabel, features: labels, description: 'District label anchors' },
  ];
}

function districtNames(p: Record<string, unknown>, i: number): DistrictNames {
  const code = [p.district, p.adcode, p.id].find((v) => /^\d{6}$/.test(String(v ?? '')));
  const adcode = code === undefined ? '' : String(code);
  const known = LANZHOU_DISTRICTS[adcode as keyof typeof LANZHOU_DISTRICTS];
  const name_zh = str(p.name_zh) ?? str(p.name) ?? known?.zh;
  const name_en = str(p.name_en) ?? known?.en;
  if (!name_zh && !name_en) throw new Error(`district feature #${i} has no name and no known adcode`);
  return { adcode, name_zh: name_zh ?? name_en!, name_en: name_en ?? name_zh! };
}

function str(v: unknown): string | undefined {
  return typeof v === 'string' && v.trim() !== '' ? v.trim() : undefined;
}

/**
 * Named places (e.g. the facility file) → `place_label` points. Polygons are anchored at their pole of
 * inaccessibility, lines at half their length. Keeps `name_zh`, `name_en`, `category`, `status` where
 * present; features with no name at all are skipped and counted.
 */
export function placeLabelLayer(
  places: FeatureCollection,
  minZoom?: number,
): {
  layer: VectorLayerInput;
  skipped: number;
} {
  const features: Feature<Point>[] = [];
  let skipped = 0;
  for (const f of places.features) {
    const p = f.properties ?? {};
    const name_zh = str(p.name_zh) ?? str(p.name);
    const name_en = str(p.name_en);
    const at = f.geometry ? anchor(f.geometry) : null;
    if ((!name_zh && !name_en) || !at) {
      skipped++;
      continue;
    }
    const props: Record<string, string> = {};
    if (name_zh) props.name_zh = name_zh;
    if (name_en) props.name_en = name_en;
    for (const k of ['category', 'status'] as const) {
      const v = str(p[k]);
      if (v) props[k] = v;
    }
    features.push({ type: 'Feature', properties: props, geometry: { type: 'Point', coordinates: at } });
  }
  const layer: VectorLayerInput = { name: BASEMAP_LAYER.placeLabel, features, description: 'Named places' };
  if (minZoom !== undefined) layer.minZoom = minZoom;
  return { layer, skipped };
}

function anchor(g: Feature['geometry']): Position | null {
  switch (g.type) {
    case 'Point':
      return g.coordinates;
    case 'MultiPoint':
      return g.coordinates[0] ?? null;
    case 'Polygon':
    case 'MultiPolygon':
      return labelPoint(g);
    case 'LineString':
      return g.coordinates.length > 0 ? midpoint(g.coordinates) : null;
    case 'MultiLineString': {
      const parts = g.coordinates.filter((c) => c.length > 0);
      const longest = parts.reduce<Position[] | null>(
        (a, b) => (!a || lineLength(b) > lineLength(a) ? b : a),
        null,
      );
      return longest ? midpoint(longest) : null;
    }
    default:
      return null;
  }
}

function lineLength(coords: Position[]): number {
  return coords.length < 2 ? 0 : length(lineString(coords));
}

/** The point half-way along the line (km along the geodesic segments). */
function midpoint(coords: Position[]): Position {
  if (coords.length < 2) return coords[0]!;
  const line = lineString(coords);
  return along(line, length(line) / 2).geometry.coordinates;
}
