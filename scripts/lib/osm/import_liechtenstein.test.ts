import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { MapFeatureCollection } from '../../../src/lib/feature.ts';
import { FACILITY_TYPES, type FacilityType } from '../../../src/lib/osm_rules.ts';
import { parseRiverFile, type RiverFile } from '../../../src/lib/river/river_file.ts';
import { BRIDGE_JOIN_M } from './bridge_parts.ts';
import { DEFAULT_RIVER_DISTANCE_M } from './candidates.ts';
import { type ImportReport, runImport } from './import_osm.ts';
import { countFacilities, type IndependentCount } from './test_osm_count.ts';

// The real Liechtenstein extract (© OpenStreetMap contributors, ODbL; see test/fixtures/osm/README.md)
// through the same runImport that `npm run data:osm` calls, checked against an independent count of the
// raw tags (test_osm_count.ts: its own reader, tag table and geometry).
const PBF = fileURLToPath(
  new URL('../../../test/fixtures/osm/liechtenstein-2013-08-03.osm.pbf', import.meta.url),
);
/** Liechtenstein's bounding box, W,S,E,N. */
const BBOX: [number, number, number, number] = [9.47, 47.04, 9.64, 47.28];
/**
 * District polygons made for the test, with Lanzhou adcodes standing in (the data model knows only
 * those): the south of the country is "城关", the north "七里河", and the band between (Schaan, Vaduz's
 * north) is in no district, so facilities there are written with an empty district instead of dropped.
 */
const BANDS = [
  { adcode: '620102', south: 47.04, north: 47.14 },
  { adcode: '620103', south: 47.2, north: 47.28 },
];
const band = (b: (typeof BANDS)[number]) => ({
  type: 'Feature',
  properties: { district: b.adcode },
  geometry: {
    type: 'Polygon',
    coordinates: [
      [
        [BBOX[0], b.south],
        [BBOX[2], b.south],
        [BBOX[2], b.north],
        [BBOX[0], b.north],
        [BBOX[0], b.south],
      ],
    ],
  },
});

const tally = (keys: readonly string[]) => {
  const out: Record<string, number> = {};
  for (const k of keys) out[k] = (out[k] ?? 0) + 1;
  return out;
};

describe('runImport on the real Liechtenstein extract', () => {
  let dir = '';
  let report: ImportReport;
  let written: MapFeatureCollection;
  let counted: IndependentCount;
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'osm-li-'));
    const boundaries = join(dir, 'districts.geojson');
    await writeFile(boundaries, JSON.stringify({ type: 'FeatureCollection', features: BANDS.map(band) }));
    report = await runImport({
      inputs: [PBF],
      outDir: join(dir, 'out'),
      bbox: BBOX,
      boundaries,
      keepAllComponents: false,
      date: null,
    });
    written = JSON.parse(await readFile(join(dir, 'out', 'candidates.geojson'), 'utf8'));
    counted = await countFacilities(PBF, {
      bbox: BBOX,
      districtBands: BANDS,
      riverDistanceM: DEFAULT_RIVER_DISTANCE_M,
      bridgeJoinM: BRIDGE_JOIN_M,
    });
  }, 240_000);
  afterAll(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  // Food clusters come from density clustering, not from one element's tags: the count does not see them.
  const fromTags = () => written.features.filter((f) => f.properties.facility_type !== 'food_cluster');

  it('can call every element: none straddles the river reach, the bbox edge or the bridge join distance', () => {
    // No river here is named like the Yellow River, so both measure to every river.
    expect(report.river).toBe('any');
    expect(counted.yellowRiverNamed).toBe(false);
    expect(counted.unsureRiver).toEqual([]);
    expect(counted.unsureBbox).toEqual([]);
    expect(counted.unsureBridges).toEqual([]);
    expect(report.problems).toEqual([]);
    expect(report.manifest.counts.skipped.invalid).toBe(0);
    // Not a vacuous comparison: the extract has real facilities in several categories.
    expect(counted.facilities.length).toBeGreaterThan(50);
    expect(new Set(counted.facilities.map((f) => f.category)).size).toBeGreaterThanOrEqual(4);
  });

  it('writes per category exactly what the independent count of the raw tags gives', () => {
    const want = tally(counted.facilities.map((f) => f.category));
    expect(tally(fromTags().map((f) => f.properties.category))).toEqual(want);
    const clusters = written.features.length - fromTags().length;
    expect(report.manifest.counts.candidates).toEqual(
      clusters ? { ...want, night_market: (want.night_market ?? 0) + clusters } : want,
    );
  });

  it('writes per fitness and sports type exactly what the count gives, the sport from sport=*', () => {
    const types = (fs: { category: string; facility_type?: string }[]) =>
      tally(fs.filter((f) => f.category === 'fitness_site').map((f) => f.facility_type!));
    expect(types(fromTags().map((f) => f.properties))).toEqual(types(counted.facilities));
  });

  it('writes the same facilities, one per bridge and one per multipolygon', () => {
    const ids = (xs: string[]) => [...xs].sort();
    expect(ids(fromTags().map((f) => f.properties.id))).toEqual(ids(counted.facilities.map((f) => f.id)));
    // A real old-style multipolygon: relation 73 and its outer way 2619 both say leisure=pitch; one pitch.
    const byId = new Map(written.features.map((f) => [f.properties.id, f.properties]));
    expect(byId.get('osm-relation-73')?.facility_type).toBe('pitch');
    expect(byId.has('osm-way-2619')).toBe(false);
    expect(report.manifest.counts.skipped.same_as_relation).toBe(1);
    // Same-named bridge parts within the join distance are one bridge whose description lists its parts.
    const joined = written.features.filter((f) =>
      /Drawn in OpenStreetMap as \d+ objects/.test(f.properties.description_en ?? ''),
    );
    expect(joined.length).toBeGreaterThan(0);
    expect(report.manifest.counts.skipped.bridge_part).toBeGreaterThan(0);
  });

  it('keeps facilities outside every district polygon, with an empty district, and districts the rest', () => {
    const byId = new Map(written.features.map((f) => [f.properties.id, f.properties.district]));
    const sure = counted.facilities.filter((f) => f.district !== 'unsure');
    expect(sure.length).toBeGreaterThan(counted.facilities.length - 3);
    for (const f of sure) expect([f.id, byId.get(f.id)]).toEqual([f.id, f.district]);
    const districts = tally(written.features.map((f) => f.properties.district));
    expect(districts['']).toBeGreaterThan(0);
    expect(report.noDistrict).toBe(districts['']);
    expect(districts['620102']).toBeGreaterThan(0);
    expect(districts['620103']).toBeGreaterThan(0);
  });

  it('writes the river ways it measured to, equal to the raw waterway=river ways, for the tour', async () => {
    const text = await readFile(join(dir, 'out', 'river.geojson'), 'utf8');
    const file = JSON.parse(text) as RiverFile;
    expect(report.manifest.files.river).toEqual({ path: 'river.geojson', bytes: Buffer.byteLength(text) });
    expect(report.manifest.counts.river_ways).toBe(file.features.length);
    expect([file.match, file.attribution, file.extract_date]).toEqual([
      'any',
      '© OpenStreetMap contributors',
      '2013-08-03',
    ]);
    // Not vacuous: the extract's four river ways, two of them the Rhine (112 vertices), two unnamed.
    expect(counted.riverWays.map((w) => w.name).sort()).toEqual(['Rhein', 'Rhein', null, null]);
    const rhine = counted.riverWays.filter((w) => w.name === 'Rhein');
    expect(rhine.reduce((n, w) => n + w.vertices.length, 0)).toBe(112);
    const r6 = (v: number) => Number(v.toFixed(6));
    const want = counted.riverWays
      .map((w) => ({
        id: `osm-way-${w.id}`,
        name: w.name,
        // Rounded to 1e-6° (≤ 0.11 m); a vertex that rounds onto the one before is written once.
        coords: w.vertices
          .map(([x, y]) => [r6(x), r6(y)])
          .filter((p, i, a) => i === 0 || p[0] !== a[i - 1]![0] || p[1] !== a[i - 1]![1]),
      }))
      .sort((a, b) => a.id.localeCompare(b.id));
    const got = file.features
      .map((f) => ({
        id: f.id,
        name: f.properties.name,
        coords: f.geometry.type === 'LineString' ? f.geometry.coordinates : f.geometry.coordinates.flat(),
      }))
      .sort((a, b) => a.id.localeCompare(b.id));
    expect(got).toEqual(want);
    for (const f of file.features)
      expect(f.properties.source).toEqual({
        title: 'OpenStreetMap contributors',
        date: '2013-08-03',
        url: `https://www.openstreetmap.org/way/${f.properties.osm_way}`,
      });
    // The app reads it back unchanged.
    const read = parseRiverFile(file);
    expect('river' in read && read.river.ways.size).toBe(want.length);
  });

  it('cites OpenStreetMap with the extract date and each object’s page, and names unnamed ones by type', () => {
    expect(report.manifest.source.extract_date).toBe('2013-08-03');
    let unnamed = 0;
    for (const { properties: p } of fromTags()) {
      const [, type, id] = p.id.match(/^osm-(node|way|relation)-(\d+)$/)!;
      expect(p.source).toEqual({
        title: 'OpenStreetMap contributors',
        date: '2013-08-03',
        url: `https://www.openstreetmap.org/${type}/${id}`,
      });
      expect(p.status).toBe('existing');
      const names = FACILITY_TYPES[p.facility_type as FacilityType];
      if (p.description_en?.startsWith('Unnamed in OpenStreetMap')) {
        unnamed++;
        expect([p.name_zh, p.name_en]).toEqual([names.zh, names.en]);
        expect(p.description_zh).toMatch(/^OpenStreetMap 中没有名称，按其标签命名（/);
      }
    }
    expect(unnamed).toBeGreaterThan(0);
  });
});
