import { fileURLToPath } from 'node:url';
import type { Feature } from 'geojson';
import { beforeAll, describe, expect, it } from 'vitest';
import {
  basemapClassOf,
  nameProps,
  osmBasemapLayers,
  roadClass,
  type ZoomedLayer,
} from './basemap_layers_osm.ts';
import { collectOsm } from './collect.ts';
import { IMPORT_INTEREST } from './import_osm.ts';
import { buildElements } from './osm_elements.ts';

const fixture = (name: string) =>
  fileURLToPath(new URL(`../../../test/fixtures/osm/${name}`, import.meta.url));

describe('basemapClassOf', () => {
  it.each([
    [{ highway: 'primary_link', name: 'X' }, 'line', { layer: 'road', class: 'primary', minZoom: 8 }],
    [{ highway: 'footway' }, 'line', { layer: 'road', class: 'footway', minZoom: 14 }],
    [{ highway: 'residential' }, 'line', { layer: 'road', class: 'residential', minZoom: 12 }],
    [{ highway: 'bus_stop' }, 'point', null],
    [{ highway: 'proposed' }, 'line', null],
    [{ highway: 'pedestrian', area: 'yes' }, 'line', null],
    [{ waterway: 'river' }, 'line', { layer: 'water', class: 'river', minZoom: 6 }],
    [{ waterway: 'ditch' }, 'line', null],
    [{ natural: 'water', water: 'river' }, 'area', { layer: 'water', class: 'river', minZoom: 4 }],
    [{ natural: 'water' }, 'area', { layer: 'water', class: 'water', minZoom: 4 }],
    [{ waterway: 'riverbank' }, 'area', { layer: 'water', class: 'river', minZoom: 4 }],
    [{ landuse: 'reservoir' }, 'area', { layer: 'water', class: 'reservoir', minZoom: 4 }],
    [{ leisure: 'park' }, 'area', { layer: 'park', class: 'park', minZoom: 8 }],
    [{ landuse: 'forest' }, 'area', { layer: 'park', class: 'forest', minZoom: 8 }],
    [{ building: 'yes', amenity: 'restaurant' }, 'area', { layer: 'building', class: 'yes', minZoom: 13 }],
    [{ leisure: 'pitch' }, 'area', null],
    [{ place: 'city', name: '兰州市' }, 'point', { layer: 'place', class: 'city', minZoom: 4 }],
    [{ place: 'suburb', 'name:en': 'X' }, 'point', { layer: 'place', class: 'suburb', minZoom: 10 }],
    [{ place: 'suburb' }, 'point', null],
    [{ place: 'island', name: 'x' }, 'point', null],
  ] as const)('%o as %s', (tags, kind, want) => {
    expect(basemapClassOf(tags, kind)).toEqual(want);
  });

  it('strips _link from road classes and names the label fields', () => {
    expect(roadClass({ highway: 'motorway_link' })).toBe('motorway');
    expect(nameProps({ name: '中山路', 'name:zh': '中山路', 'name:en': 'Zhongshan Rd', ref: 'G1' })).toEqual({
      name: '中山路',
      name_zh: '中山路',
      name_en: 'Zhongshan Rd',
    });
  });
});

describe('osmBasemapLayers on the fixtures', () => {
  let layers: ZoomedLayer[];
  let counts: Record<string, number>;
  const get = (name: string) => layers.find((l) => l.name === name)!.features;
  beforeAll(async () => {
    const bbox = [103, 35, 105, 37] as const;
    const c = await collectOsm([fixture('river_bridge.osm'), fixture('riverside_extras.osm')], {
      bbox,
      interest: IMPORT_INTEREST,
    });
    ({ layers, counts } = osmBasemapLayers(buildElements(c, IMPORT_INTEREST.way).elements, bbox));
  });

  it('fills the five layers the style reads', () => {
    expect(layers.map((l) => l.name)).toEqual(['water', 'park', 'road', 'building', 'place']);
    expect(counts).toEqual({ water: 3, park: 2, road: 12, building: 3, place: 1 });
  });

  it('keeps names on roads and places, only the class on buildings', () => {
    const bridge = get('road').find((f) => f.feature.properties?.name === 'Test Footbridge')!;
    expect(bridge.feature.properties).toEqual({ class: 'footway', name: 'Test Footbridge' });
    expect(bridge.minZoom).toBe(14);
    const place = get('place')[0]!.feature as Feature;
    expect(place.properties).toEqual({ class: 'suburb', name: '测试街道', name_en: 'Test Subdistrict' });
    for (const b of get('building')) expect(Object.keys(b.feature.properties ?? {})).toEqual(['class']);
    const water = get('water').map((f) => `${f.feature.geometry.type}:${f.feature.properties?.class}`);
    expect(water.sort()).toEqual(['LineString:river', 'Polygon:river', 'Polygon:river']);
  });

  it('clips features to the bbox', async () => {
    const bbox = [103.7955, 35, 105, 37] as const;
    const c = await collectOsm([fixture('riverside_extras.osm')], { bbox, interest: IMPORT_INTEREST });
    const r = osmBasemapLayers(buildElements(c, IMPORT_INTEREST.way).elements, bbox);
    const river = r.layers.find((l) => l.name === 'water')!.features[0]!.feature;
    const xs = (river.geometry as { coordinates: number[][][] }).coordinates.flat().map((p) => p[0]!);
    expect(Math.min(...xs)).toBeCloseTo(103.7955, 9);
  });
});
