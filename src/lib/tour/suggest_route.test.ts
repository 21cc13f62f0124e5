import { describe, expect, it } from 'vitest';
import type { MapFeature } from '../feature';
import { translate } from '../i18n';
import { buildRiverFrame, type LonLat } from '../river/river_frame';
import type { OsmOrigin } from './data_origin';
import { featuresById, validateTourRoutes } from './routes';
import type { WalkPlace } from './suggest_places';
import { SUGGESTED_WALK_ID, suggestedWalkRoute, swapOptions, walkSources } from './suggest_route';
import { fixtureFeatures } from './test_support';

const osm = (id: string, coord: LonLat): MapFeature => ({
  type: 'Feature',
  id,
  geometry: { type: 'Point', coordinates: coord },
  properties: {
    id,
    category: 'riverside',
    name_zh: id,
    name_en: id,
    district: '620102',
    status: 'existing',
    source: {
      title: 'OpenStreetMap contributors',
      date: '2013-08-03',
      url: `https://www.openstreetmap.org/node/1`,
    },
    accuracy_m: 10,
    facility_type: 'viewpoint',
  },
});

describe('suggestedWalkRoute', () => {
  // The fictional places that can be visited tonight (points, existing).
  const features = fixtureFeatures().filter(
    (f) => f.geometry.type === 'Point' && f.properties.status === 'existing',
  );
  const byId = featuresById(features);
  const stops = features.map((f) => ({ feature_id: f.properties.id, dwell_min: 10 }));

  it('is a valid route suggested by this map, never official, naming its places’ sources once each', () => {
    const route = suggestedWalkRoute(stops, byId);
    expect(route.id).toBe(SUGGESTED_WALK_ID);
    expect(route.suggested_by).toBe('this_map');
    expect(validateTourRoutes({ routes: [route] }, { file: 'x', features: byId }).issues).toEqual([]);
    expect(route.description_en).toContain(
      'Suggested by this map from OpenStreetMap places, not an official route',
    );
    const sources = walkSources(stops, byId, 'en');
    expect(new Set(sources).size).toBe(sources.length);
    for (const s of sources) expect(route.description_en).toContain(s);
    expect(route.name_zh).toBe(translate('zh', 'tour.suggest.name'));
  });
});

describe('swapOptions', () => {
  // River along 36.05° N; places north (left of an eastward river) and south.
  const river = buildRiverFrame([
    [
      [103.8, 36.05],
      [103.9, 36.05],
    ],
  ]);
  const place = (id: string, kind: WalkPlace['kind'], lon: number, lat: number): WalkPlace => ({
    id,
    kind,
    coord: [lon, lat],
    accuracy_m: 10,
  });
  const places = [
    place('a', 'viewpoint', 103.85, 36.052),
    place('near-same', 'park', 103.852, 36.052),
    place('far-same', 'park', 103.87, 36.052),
    place('near-other-bank', 'park', 103.851, 36.048),
    place('station', 'metro', 103.851, 36.0525),
    place('bridge-1', 'bridge', 103.853, 36.05),
    place('bridge-2', 'bridge', 103.855, 36.05),
  ];
  it('offers places nearby on the same bank, nearest first, never the walk’s own or a station', () => {
    const stops = [
      { feature_id: 'station', dwell_min: 0 },
      { feature_id: 'a', dwell_min: 15 },
      { feature_id: 'bridge-1', dwell_min: 10 },
    ];
    expect(swapOptions(places, river, stops, 1).map((p) => p.id)).toEqual(['near-same']);
    // A bridge is swapped for another bridge.
    expect(swapOptions(places, river, stops, 2).map((p) => p.id)).toEqual(['bridge-2']);
    expect(swapOptions(places, river, stops, 7)).toEqual([]);
  });
  it('names where each place came from: the import, a live download; shipped places as they are', () => {
    const byId = featuresById([
      osm('imp', [103.85, 36.052]),
      osm('live', [103.86, 36.052]),
      osm('shipped', [103.87, 36.052]),
    ]);
    const origins: Record<string, OsmOrigin> = {
      imp: { kind: 'import', date: '2013-08-03' },
      live: { kind: 'live', date: '2013-08-03', day: '2026-12-03', tiles: 2, fromCache: 0, saved: null },
    };
    const stops = ['imp', 'live', 'shipped', 'imp'].map((feature_id) => ({ feature_id, dwell_min: 5 }));
    const credit = '© OpenStreetMap contributors, data as of 2013-08-03';
    expect(walkSources(stops, byId, 'en', (id) => origins[id] ?? null)).toEqual([
      `${credit} (imported by this site's deployer)`,
      `${credit} (downloaded live from Overpass on 2026-12-03)`,
      credit,
    ]);
    const route = suggestedWalkRoute(stops, byId, (id) => origins[id] ?? null);
    expect(route.description_zh).toContain('（本站部署者导入）');
    expect(route.description_en).toContain(
      `${credit} (imported by this site's deployer); ${credit} (downloaded live`,
    );
  });
  it('keeps OSM credits as the licence line with the data date', () => {
    const byId = featuresById([osm('v', [103.85, 36.052])]);
    expect(walkSources([{ feature_id: 'v', dwell_min: 5 }], byId, 'zh')[0]).toContain(
      '© OpenStreetMap contributors',
    );
  });
});
