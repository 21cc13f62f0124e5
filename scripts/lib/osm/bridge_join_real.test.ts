import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import { BRIDGE_JOIN_M, boundsGapM } from '../../../src/lib/bridge_join.ts';
import { createDistrictLookup, type DistrictCollectionLike } from '../../../src/lib/districts.ts';
import type { MapFeature } from '../../../src/lib/feature.ts';
import { assembleLive } from '../../../src/lib/live_osm/assemble.ts';
import { parseLiveTile } from '../../../src/lib/live_osm/parse.ts';
import { liveTileQuery, liveTiles, URBAN_DISTRICTS } from '../../../src/lib/live_osm/tiles.ts';
import { answerTileQuery, LIECHTENSTEIN_TO_LANZHOU, type OverpassFixture } from '../overpass_fixture.ts';
import { osmCandidates } from './candidates.ts';
import { collectOsm } from './collect.ts';
import { IMPORT_INTEREST } from './import_osm.ts';
import { buildElements } from './osm_elements.ts';
import { riverGeometries } from './river.ts';

// The importer (on the real Liechtenstein extract) and the live download (on the same extract as Overpass
// would answer it, relocated over Lanzhou: test/fixtures/overpass/README.md) must make the same bridges of
// the same OSM parts, so that a live download replaces the import's bridges by OSM id.
const PBF = fileURLToPath(
  new URL('../../../test/fixtures/osm/liechtenstein-2013-08-03.osm.pbf', import.meta.url),
);
const BBOX: [number, number, number, number] = [9.47, 47.04, 9.64, 47.28];
const fixture = JSON.parse(
  readFileSync('test/fixtures/overpass/liechtenstein_live.json', 'utf8'),
) as OverpassFixture;
const lanzhou = JSON.parse(
  readFileSync('data/boundaries/lanzhou_districts.geojson', 'utf8'),
) as DistrictCollectionLike;
const enc = (v: unknown) => new TextEncoder().encode(JSON.stringify(v));
const bridges = (fs: readonly MapFeature[]) =>
  new Map(fs.filter((f) => f.properties.facility_type === 'bridge').map((f) => [f.properties.id, f]));

describe('bridges: the importer and the live download join the same parts (real OSM)', () => {
  let imported: Map<string, MapFeature>;
  let live: Map<string, MapFeature>;
  beforeAll(async () => {
    const collected = await collectOsm([PBF], { bbox: BBOX, interest: IMPORT_INTEREST });
    const { elements } = buildElements(collected, IMPORT_INTEREST.way);
    // No river reach (every bridge kept) and no districts: only the joining is compared.
    const c = osmCandidates(elements, {
      districts: createDistrictLookup({ type: 'FeatureCollection', features: [] }),
      river: riverGeometries(elements),
      bbox: BBOX,
      riverDistanceM: Number.POSITIVE_INFINITY,
    });
    imported = bridges(c.features);
    const lookup = createDistrictLookup(lanzhou);
    const tiles = liveTiles(lanzhou, URBAN_DISTRICTS);
    const parsed = tiles.map((t) =>
      parseLiveTile(enc(answerTileQuery(fixture, liveTileQuery(t)).answer), t.key, lookup),
    );
    live = bridges(assembleLive(parsed, lookup, Number.POSITIVE_INFINITY).features);
  }, 120_000);

  it('makes the same bridges, each named by the same OSM part', () => {
    expect([...live.keys()].sort()).toEqual([...imported.keys()].sort());
    expect(live.size).toBeGreaterThan(30);
  });

  it('splits a street name used by two bridges 12.5 km apart, and joins the parts of one crossing', () => {
    // Rheinstrasse: ways 89 and 3159 are one crossing (~45 m apart), way 608 another, far away.
    for (const found of [imported, live]) {
      expect(found.has('osm-way-89')).toBe(true);
      expect(found.has('osm-way-608')).toBe(true);
      expect(found.has('osm-way-3159')).toBe(false);
    }
    expect(imported.get('osm-way-89')?.properties.description_en).toContain(
      'Drawn in OpenStreetMap as 2 objects: way/89, way/3159.',
    );
    // The joined bridge stands inside its parts' joint extent in both (the import on the parts' lines).
    const [dx, dy] = LIECHTENSTEIN_TO_LANZHOU;
    const a = imported.get('osm-way-89')!.geometry as { coordinates: [number, number] };
    const b = live.get('osm-way-89')!.geometry as { coordinates: [number, number] };
    const gap = boundsGapM(
      [a.coordinates[0] + dx, a.coordinates[1] + dy, a.coordinates[0] + dx, a.coordinates[1] + dy],
      [b.coordinates[0], b.coordinates[1], b.coordinates[0], b.coordinates[1]],
    );
    expect(gap).toBeLessThan(live.get('osm-way-89')!.properties.accuracy_m + 10);
  });

  it('depends on no borderline pair: no same-named parts lie near the join distance, here or relocated', () => {
    const byName = new Map<string, [number, number, number, number][]>();
    for (const e of fixture.elements) {
      const name = e.tags.name?.trim();
      const bridge = e.tags.man_made === 'bridge' || (e.tags.bridge === 'yes' && e.tags.highway);
      if (!name || !bridge || !e.bounds) continue;
      const b = e.bounds;
      byName.set(name, [...(byName.get(name) ?? []), [b.minlon, b.minlat, b.maxlon, b.maxlat]]);
    }
    const [dx, dy] = LIECHTENSTEIN_TO_LANZHOU;
    const back = (b: [number, number, number, number]) =>
      [b[0] - dx, b[1] - dy, b[2] - dx, b[3] - dy] as const;
    let pairs = 0;
    for (const boxes of byName.values())
      for (let i = 0; i < boxes.length; i++)
        for (let j = i + 1; j < boxes.length; j++) {
          pairs++;
          // The relocation keeps degrees, so metres east–west change by cos(36°)/cos(47°) ≈ 1.19.
          for (const g of [boundsGapM(boxes[i]!, boxes[j]!), boundsGapM(back(boxes[i]!), back(boxes[j]!))])
            expect(Math.abs(g - BRIDGE_JOIN_M)).toBeGreaterThan(20);
        }
    expect(pairs).toBeGreaterThan(10);
  });
});
