// OSM elements → the offline basemap's water, park, road, building and place layers (schema of basemap_style.ts).

import type { Feature } from 'geojson';
import type { Bbox } from '../../../src/lib/walk/osm_extract.ts';
import { clipGeometry } from './clip.ts';
import type { OsmElement } from './osm_elements.ts';
import type { OsmTagMap } from './osm_stream.ts';

/** Layer names the offline style reads (src/map/offline_style.ts osmLayers). */
export const OSM_LAYER = {
  water: 'water',
  park: 'park',
  road: 'road',
  building: 'building',
  place: 'place',
} as const;
export type OsmLayerName = (typeof OSM_LAYER)[keyof typeof OSM_LAYER];

/** Where an element goes: its layer, its `class` property and the first zoom that carries it. */
export interface BasemapClass {
  layer: OsmLayerName;
  class: string;
  minZoom: number;
}

/** A feature with the first zoom whose tiles should carry it. */
export interface ZoomedFeature {
  feature: Feature;
  minZoom: number;
}
export interface ZoomedLayer {
  name: string;
  description?: string;
  features: ZoomedFeature[];
}

/**
 * First zoom per road class. The style draws motorway…tertiary at every zoom, minor roads from z12 and
 * paths from z14, so tiles below those zooms need not carry them (keeps low-zoom tiles small).
 */
const ROAD_MIN_ZOOM: Record<string, number> = {
  motorway: 6,
  trunk: 6,
  primary: 8,
  secondary: 9,
  tertiary: 10,
  unclassified: 12,
  residential: 12,
  living_street: 12,
  service: 12,
  road: 12,
  pedestrian: 13,
  track: 13,
  path: 14,
  footway: 14,
  cycleway: 14,
  steps: 14,
  bridleway: 14,
};
const WATERWAY_MIN_ZOOM: Record<string, number> = { river: 6, canal: 9, stream: 12 };
const PLACE_MIN_ZOOM: Record<string, number> = {
  city: 4,
  town: 8,
  suburb: 10,
  village: 10,
  quarter: 12,
  neighbourhood: 12,
  hamlet: 12,
};
const PARK_LEISURE = new Set(['park', 'garden', 'recreation_ground']);
const PARK_LANDUSE = new Set(['grass', 'forest', 'recreation_ground', 'village_green', 'meadow']);
const PARK_NATURAL = new Set(['wood', 'grassland', 'scrub']);
const WATER_LANDUSE = new Set(['reservoir', 'basin']);
const WATER_AREA_MIN_ZOOM = 4;
const PARK_MIN_ZOOM = 8;
const BUILDING_MIN_ZOOM = 13;

/** The `class` of a water area: OSM `water=*` (river, lake, reservoir …), else what made it water. */
function waterAreaClass(tags: OsmTagMap): string | null {
  if (tags.natural === 'water') return tags.water ?? 'water';
  if (tags.waterway === 'riverbank') return 'river';
  if (tags.waterway === 'dock') return 'dock';
  if (tags.landuse !== undefined && WATER_LANDUSE.has(tags.landuse)) return tags.landuse;
  return null;
}

function parkClass(tags: OsmTagMap): string | null {
  if (tags.leisure !== undefined && PARK_LEISURE.has(tags.leisure)) return tags.leisure;
  if (tags.landuse !== undefined && PARK_LANDUSE.has(tags.landuse)) return tags.landuse;
  if (tags.natural !== undefined && PARK_NATURAL.has(tags.natural)) return tags.natural;
  return null;
}

/** Road class: OSM `highway` with `_link` stripped; null for non-road highway values and areas. */
export function roadClass(tags: OsmTagMap): string | null {
  const h = tags.highway;
  if (h === undefined || tags.area === 'yes') return null;
  const cls = h.replace(/_link$/, '');
  return ROAD_MIN_ZOOM[cls] === undefined ? null : cls;
}

/**
 * Classifies an element for the basemap by its tags and geometry kind.
 * @returns layer, class and first zoom, or null when the basemap does not draw it
 */
export function basemapClassOf(tags: OsmTagMap, kind: 'point' | 'line' | 'area'): BasemapClass | null {
  if (kind === 'point') {
    const place = tags.place;
    if (place === undefined || PLACE_MIN_ZOOM[place] === undefined || !hasName(tags)) return null;
    return { layer: OSM_LAYER.place, class: place, minZoom: PLACE_MIN_ZOOM[place]! };
  }
  if (kind === 'line') {
    const ww = tags.waterway;
    if (ww !== undefined && WATERWAY_MIN_ZOOM[ww] !== undefined)
      return { layer: OSM_LAYER.water, class: ww, minZoom: WATERWAY_MIN_ZOOM[ww]! };
    const road = roadClass(tags);
    if (road) return { layer: OSM_LAYER.road, class: road, minZoom: ROAD_MIN_ZOOM[road]! };
    return null;
  }
  const water = waterAreaClass(tags);
  if (water) return { layer: OSM_LAYER.water, class: water, minZoom: WATER_AREA_MIN_ZOOM };
  if (tags.building !== undefined && tags.building !== 'no')
    return { layer: OSM_LAYER.building, class: tags.building, minZoom: BUILDING_MIN_ZOOM };
  const park = parkClass(tags);
  if (park) return { layer: OSM_LAYER.park, class: park, minZoom: PARK_MIN_ZOOM };
  return null;
}

function hasName(tags: OsmTagMap): boolean {
  return Boolean(tags.name || tags['name:zh'] || tags['name:zh-Hans'] || tags['name:en']);
}

/** Whether a way's tags may give a basemap feature (the collection keeps those ways). */
export function isBasemapWay(tags: OsmTagMap): boolean {
  return basemapClassOf(tags, 'line') !== null || basemapClassOf(tags, 'area') !== null;
}

/** Whether a relation may give a basemap polygon (multipolygons of water, parks, buildings). */
export function isBasemapRelation(tags: OsmTagMap): boolean {
  return tags.type === 'multipolygon' && basemapClassOf(tags, 'area') !== null;
}

/** Whether a node is a basemap place label. */
export function isBasemapNode(tags: OsmTagMap): boolean {
  return basemapClassOf(tags, 'point') !== null;
}

/** The name properties the style's label expression reads: `name`, `name_zh`, `name_en`. */
export function nameProps(tags: OsmTagMap): Record<string, string> {
  const out: Record<string, string> = {};
  if (tags.name) out.name = tags.name;
  const zh = tags['name:zh'] ?? tags['name:zh-Hans'];
  if (zh) out.name_zh = zh;
  if (tags['name:en']) out.name_en = tags['name:en'];
  return out;
}

function kindOf(g: OsmElement['geometry']): 'point' | 'line' | 'area' {
  if (g.type === 'Point') return 'point';
  return g.type === 'LineString' || g.type === 'MultiLineString' ? 'line' : 'area';
}

const DESCRIPTIONS: Record<OsmLayerName, string> = {
  water: 'Water areas (class = water=*, e.g. river) and waterways (class = river/canal/stream), from OSM',
  park: 'Parks and green areas (class = leisure/landuse/natural value), from OSM',
  road: 'Roads and paths (class = highway without _link), with names, from OSM',
  building: 'Building outlines (class = building value), from OSM',
  place: 'Place labels (class = city/town/suburb/village/…), from OSM',
};

/**
 * The OSM layers of the basemap, each feature clipped to `bbox` and given its first zoom. Buildings keep
 * only `class`; every other feature also keeps its name fields.
 */
export function osmBasemapLayers(
  elements: readonly OsmElement[],
  bbox: Bbox,
): { layers: ZoomedLayer[]; counts: Record<OsmLayerName, number> } {
  const byLayer = new Map<OsmLayerName, ZoomedFeature[]>(
    Object.values(OSM_LAYER).map((name) => [name, [] as ZoomedFeature[]]),
  );
  for (const e of elements) {
    const cls = basemapClassOf(e.tags, kindOf(e.geometry));
    if (!cls) continue;
    const geometry = clipGeometry(e.geometry, bbox);
    if (!geometry) continue;
    const properties: Record<string, string> = { class: cls.class };
    if (cls.layer !== OSM_LAYER.building) Object.assign(properties, nameProps(e.tags));
    byLayer
      .get(cls.layer)!
      .push({ feature: { type: 'Feature', properties, geometry }, minZoom: cls.minZoom });
  }
  const counts = {} as Record<OsmLayerName, number>;
  const layers: ZoomedLayer[] = [];
  for (const [name, features] of byLayer) {
    counts[name] = features.length;
    layers.push({ name, description: DESCRIPTIONS[name], features });
  }
  return { layers, counts };
}
