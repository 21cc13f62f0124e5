import { describe, expect, it } from 'vitest';
import {
  EDGE_FLAG,
  footOneway,
  isAreaWay,
  isOffStreet,
  isWalkableWay,
  reverseEdgeFlags,
  wayEdgeFlags,
  wayLabel,
  wayLayer,
} from './walkable.ts';

describe('isWalkableWay', () => {
  const yes: Record<string, string>[] = [
    { highway: 'footway' },
    { highway: 'path' },
    { highway: 'pedestrian' },
    { highway: 'steps' },
    { highway: 'living_street' },
    { highway: 'residential' },
    { highway: 'service' },
    { highway: 'unclassified' },
    { highway: 'tertiary' },
    { highway: 'secondary_link' },
    { highway: 'primary' },
    { highway: 'primary_link' },
    { highway: 'track' },
    { highway: 'footway', footway: 'crossing' },
    { highway: 'footway', bridge: 'yes' },
    { highway: 'trunk', foot: 'yes' },
    { highway: 'motorway', foot: 'designated' },
    { highway: 'cycleway', foot: 'permissive' },
    // China's routing defaults (OSM wiki) let pedestrians use cycleways.
    { highway: 'cycleway' },
    { highway: 'footway', indoor: 'yes', level: '-1' },
    { highway: 'corridor', indoor: 'yes' },
    { highway: 'service', access: 'private', foot: 'yes' },
    { highway: 'pedestrian', area: 'yes' },
    { man_made: 'pier' },
  ];
  const no: Record<string, string>[] = [
    { highway: 'motorway' },
    { highway: 'motorway_link' },
    { highway: 'trunk' },
    { highway: 'trunk_link' },
    { highway: 'cycleway', foot: 'no' },
    { highway: 'primary', foot: 'no' },
    { highway: 'footway', foot: 'private' },
    { highway: 'service', access: 'private' },
    { highway: 'residential', access: 'no' },
    { highway: 'construction' },
    { highway: 'proposed', foot: 'yes' },
    { highway: 'primary', sidewalk: 'separate', foot: 'use_sidepath' },
    { waterway: 'river' },
    { natural: 'water' },
    { railway: 'rail' },
    { man_made: 'pier', area: 'yes' },
    { route: 'ferry' },
    {},
  ];
  for (const t of yes) it(`walkable: ${JSON.stringify(t)}`, () => expect(isWalkableWay(t)).toBe(true));
  for (const t of no) it(`not walkable: ${JSON.stringify(t)}`, () => expect(isWalkableWay(t)).toBe(false));
});

describe('way flags and direction', () => {
  it('flags bridges, tunnels, steps with their incline, crossings', () => {
    expect(wayEdgeFlags({ highway: 'footway', bridge: 'yes' })).toBe(EDGE_FLAG.bridge);
    expect(wayEdgeFlags({ highway: 'footway', bridge: 'no' })).toBe(0);
    expect(wayEdgeFlags({ highway: 'footway', tunnel: 'yes' })).toBe(EDGE_FLAG.tunnel);
    expect(wayEdgeFlags({ highway: 'steps' })).toBe(EDGE_FLAG.steps);
    expect(wayEdgeFlags({ highway: 'steps', incline: 'up' })).toBe(EDGE_FLAG.steps | EDGE_FLAG.up);
    expect(wayEdgeFlags({ highway: 'steps', incline: '-30%' })).toBe(EDGE_FLAG.steps | EDGE_FLAG.down);
    expect(wayEdgeFlags({ highway: 'steps', incline: 'steep' })).toBe(EDGE_FLAG.steps);
    expect(wayEdgeFlags({ highway: 'footway', footway: 'crossing' })).toBe(EDGE_FLAG.crossing);
    expect(reverseEdgeFlags(EDGE_FLAG.steps | EDGE_FLAG.up)).toBe(EDGE_FLAG.steps | EDGE_FLAG.down);
    expect(reverseEdgeFlags(EDGE_FLAG.bridge)).toBe(EDGE_FLAG.bridge);
  });

  it('only oneway:foot and conveying bind pedestrians', () => {
    expect(footOneway({ highway: 'residential', oneway: 'yes' })).toBe(0);
    expect(footOneway({ 'oneway:foot': 'yes' })).toBe(1);
    expect(footOneway({ 'oneway:foot': '-1' })).toBe(-1);
    expect(footOneway({ conveying: 'backward' })).toBe(-1);
    expect(footOneway({ conveying: 'forward' })).toBe(1);
    // conveying=yes: it moves, direction unspecified (Key:conveying) — no restriction.
    expect(footOneway({ highway: 'steps', conveying: 'yes' })).toBe(0);
    expect(footOneway({ highway: 'footway', conveying: 'reversible' })).toBe(0);
  });

  it('keeps the vertical position: layer, else level, else tunnel/bridge; indoor and underground are off-street', () => {
    expect(wayLayer({ highway: 'footway' })).toBe(0);
    expect(wayLayer({ highway: 'footway', layer: '-2', railway: 'platform' })).toBe(-2);
    expect(wayLayer({ highway: 'footway', level: '-1;-2', indoor: 'yes' })).toBe(-1);
    expect(wayLayer({ highway: 'footway', tunnel: 'yes' })).toBe(-1);
    expect(wayLayer({ highway: 'footway', tunnel: 'building_passage' })).toBe(0);
    expect(wayLayer({ highway: 'footway', bridge: 'yes' })).toBe(1);
    expect(wayLayer({ highway: 'footway', bridge: 'yes', layer: '3' })).toBe(3);
    expect(wayLayer({ highway: 'footway', layer: '-40' })).toBe(-5);
    expect(wayLayer({ highway: 'footway', layer: 'underground' })).toBe(0);
    expect(wayEdgeFlags({ highway: 'footway', indoor: 'yes' })).toBe(EDGE_FLAG.indoor);
    expect(wayEdgeFlags({ highway: 'corridor' })).toBe(EDGE_FLAG.indoor);
    expect(wayEdgeFlags({ highway: 'footway', indoor: 'no' })).toBe(0);
    expect(isOffStreet(EDGE_FLAG.indoor, 0)).toBe(true);
    expect(isOffStreet(0, -2)).toBe(true);
    expect(isOffStreet(EDGE_FLAG.steps, -1)).toBe(false);
    expect(isOffStreet(EDGE_FLAG.steps | EDGE_FLAG.indoor, -1)).toBe(true);
    expect(isOffStreet(EDGE_FLAG.bridge, 1)).toBe(false);
    expect(isOffStreet(0, 0)).toBe(false);
  });

  it('recognises closed area ways and labels', () => {
    expect(isAreaWay({ area: 'yes' }, [1, 2, 3, 1])).toBe(true);
    expect(isAreaWay({ area: 'yes' }, [1, 2, 3])).toBe(false);
    expect(isAreaWay({}, [1, 2, 3, 1])).toBe(false);
    expect(wayLabel({ name: '中山桥', ref: 'X' })).toBe('中山桥');
    expect(wayLabel({ ref: 'G109' })).toBe('G109');
    expect(wayLabel({})).toBe('');
  });
});
