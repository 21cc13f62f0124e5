import { describe, expect, it } from 'vitest';
import type { MapFeature } from '../feature.ts';
import { mergeLive, removeLive } from './merge.ts';

const f = (id: string, title: string, name = id): MapFeature => ({
  type: 'Feature',
  geometry: { type: 'Point', coordinates: [103.8, 36.05] },
  properties: {
    id,
    category: 'park',
    name_zh: name,
    name_en: name,
    district: '620102',
    status: 'existing',
    source: { title },
    accuracy_m: 10,
  },
});
const OSM = 'OpenStreetMap contributors';

describe('mergeLive', () => {
  it('adds new objects, replaces older OSM copies in place, keeps other sources, never twice', () => {
    const shipped = f('park-shipped', '兰州日报');
    const imported = f('osm-way-1', OSM, 'old name');
    const cited = f('osm-way-2', '兰州市园林局');
    const live = [
      f('osm-way-1', OSM, 'new name'),
      f('osm-way-2', OSM),
      f('osm-node-3', OSM),
      f('osm-node-3', OSM),
    ];
    const r = mergeLive([shipped, imported, cited], live);
    expect(r.features.map((x) => [x.properties.id, x.properties.name_zh, x.properties.source.title])).toEqual(
      [
        ['park-shipped', 'park-shipped', '兰州日报'],
        ['osm-way-1', 'new name', OSM],
        ['osm-way-2', 'osm-way-2', '兰州市园林局'],
        ['osm-node-3', 'osm-node-3', OSM],
      ],
    );
    expect([r.added, r.replaced]).toEqual([1, 1]);
  });

  it('a second download replaces the first: objects OSM no longer has go, user imports stay', () => {
    const first = mergeLive([f('mine', 'my file')], [f('osm-node-1', OSM), f('osm-node-2', OSM)]);
    const second = mergeLive(
      first.features,
      [f('osm-node-2', OSM, 'renamed')],
      new Set(['osm-node-1', 'osm-node-2']),
    );
    expect(second.features.map((x) => [x.properties.id, x.properties.name_zh])).toEqual([
      ['mine', 'mine'],
      ['osm-node-2', 'renamed'],
    ]);
    expect([second.added, second.replaced]).toEqual([0, 0]);
  });
});

describe('removeLive', () => {
  it('takes the live places out and gives back the import copies they replaced, in place', () => {
    const shipped = f('park-shipped', '兰州日报');
    const imported = f('osm-way-1', OSM, 'import name');
    const importOnly = f('osm-way-9', OSM, 'import only');
    const first = mergeLive(
      [shipped, imported, importOnly],
      [f('osm-way-1', OSM, 'live name'), f('osm-node-3', OSM)],
    );
    expect(first.replacedCopies).toEqual([imported]);
    const liveIds = new Set(['osm-way-1', 'osm-node-3']);
    // A second download replaces the live copy again: nothing new to give back.
    const second = mergeLive(first.features, [f('osm-way-1', OSM, 'newer'), f('osm-node-3', OSM)], liveIds);
    expect(second.replacedCopies).toEqual([]);
    const originals = new Map(first.replacedCopies.map((x) => [x.properties.id, x]));
    const back = removeLive(second.features, liveIds, originals);
    expect(back.map((x) => [x.properties.id, x.properties.name_zh])).toEqual([
      ['park-shipped', 'park-shipped'],
      ['osm-way-1', 'import name'],
      ['osm-way-9', 'import only'],
    ]);
    // Without live places nothing changes.
    expect(removeLive([shipped], new Set(), new Map())).toEqual([shipped]);
  });
});
