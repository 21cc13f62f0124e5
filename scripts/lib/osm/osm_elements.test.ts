import { fileURLToPath } from 'node:url';
import type { Polygon } from 'geojson';
import { beforeAll, describe, expect, it } from 'vitest';
import { collectOsm } from './collect.ts';
import { IMPORT_INTEREST } from './import_osm.ts';
import { ringArea } from './multipolygon.ts';
import { buildElements, type ElementStats, isAreaWay, type OsmElement } from './osm_elements.ts';

const fixture = (name: string) =>
  fileURLToPath(new URL(`../../../test/fixtures/osm/${name}`, import.meta.url));

describe('isAreaWay', () => {
  it.each([
    [{ building: 'yes' }, true, true],
    [{ building: 'yes' }, false, false],
    [{ leisure: 'park' }, true, true],
    [{ natural: 'water' }, true, true],
    [{ waterway: 'riverbank' }, true, true],
    [{ waterway: 'river' }, true, false],
    [{ highway: 'residential' }, true, false],
    [{ highway: 'pedestrian', area: 'yes' }, true, true],
    [{ barrier: 'fence', landuse: 'grass' }, true, false],
    [{ leisure: 'track', area: 'no' }, true, false],
    [{ natural: 'tree_row' }, true, false],
    [{ building: 'no' }, true, false],
  ])('%o closed=%s → %s', (tags, closed, want) => {
    expect(isAreaWay(tags, closed)).toBe(want);
  });
});

describe('buildElements', () => {
  let elements: OsmElement[];
  let stats: ElementStats;
  beforeAll(async () => {
    const c = await collectOsm([fixture('river_bridge.osm'), fixture('riverside_extras.osm')], {
      bbox: [103, 35, 105, 37],
      interest: IMPORT_INTEREST,
    });
    ({ elements, stats } = buildElements(c, IMPORT_INTEREST.way));
  });
  const find = (type: OsmElement['type'], id: number) => elements.find((e) => e.type === type && e.id === id);

  it('assembles the riverbank multipolygon with its island hole', () => {
    const river = find('relation', 3001)!;
    expect(river.geometry.type).toBe('Polygon');
    const [outer, hole] = (river.geometry as Polygon).coordinates;
    expect(outer).toHaveLength(7); // 6 corners + closing point, from three member ways
    expect(hole).toHaveLength(5);
    expect(ringArea(outer!)).toBeGreaterThan(0);
    expect(ringArea(hole!)).toBeLessThan(0);
  });

  it('makes areas of closed area-tagged ways, lines of the rest, and skips bare members', () => {
    expect(find('way', 2005)?.geometry.type).toBe('Polygon'); // the park
    expect(find('way', 101)?.geometry.type).toBe('LineString'); // a street
    expect(find('way', 114)?.geometry.type).toBe('LineString'); // waterway=river
    expect(find('way', 2001)).toBeUndefined(); // an untagged riverbank member
    expect(find('node', 20037)?.geometry).toEqual({ type: 'Point', coordinates: [103.811679, 36.0508544] });
    expect(stats.multipolygons).toBe(2);
    expect(stats.broken).toBe(0);
  });
});
