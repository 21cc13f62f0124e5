import { readFileSync } from 'node:fs';
import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { MapFeatureCollection } from '../../../src/lib/feature.ts';
import { type OsmManifest, parseOsmManifest } from '../../../src/lib/osm_manifest.ts';
import { buildWalkGraph } from '../../../src/lib/walk/graph.ts';
import { deserializeWalkGraph } from '../../../src/lib/walk/graph_binary.ts';
import { LANZHOU_BBOX } from './bbox.ts';
import { GEOFABRIK_GANSU_URL } from './download.ts';
import { importOsmCli, parseImportArgs } from './import_cli.ts';
import { DEFAULT_BOUNDARIES, DEFAULT_OUT_DIR, type ImportReport, runImport } from './import_osm.ts';
import { readOsmXml } from './read_osm_xml.ts';
import { encodePbf, rawOsmOf } from './test_pbf.ts';
import { layerFeatures, mvtDecoder, openPmtiles, tileOf } from './test_tiles.ts';

const fixture = (name: string) =>
  fileURLToPath(new URL(`../../../test/fixtures/osm/${name}`, import.meta.url));
const INPUTS = [fixture('river_bridge.osm'), fixture('riverside_extras.osm')];
const base = { bbox: LANZHOU_BBOX, boundaries: DEFAULT_BOUNDARIES, keepAllComponents: false, date: null };

describe('parseImportArgs', () => {
  it('has defaults and takes repeated inputs', () => {
    expect(parseImportArgs(['--pbf', 'gansu-latest.osm.pbf'])).toEqual({
      inputs: ['gansu-latest.osm.pbf'],
      download: false,
      url: GEOFABRIK_GANSU_URL,
      downloadDir: 'osm-data',
      outDir: DEFAULT_OUT_DIR,
      bbox: LANZHOU_BBOX,
      boundaries: DEFAULT_BOUNDARIES,
      keepAllComponents: false,
      date: null,
    });
    expect(
      parseImportArgs([
        '--osm',
        'a.osm',
        '--osm',
        'b.osm.gz',
        '--bbox',
        '1,2,3,4',
        '--out',
        'o',
        '--boundaries',
        'none',
        '--date',
        '2024-05-01',
      ]),
    ).toMatchObject({
      inputs: ['a.osm', 'b.osm.gz'],
      bbox: [1, 2, 3, 4],
      outDir: 'o',
      boundaries: null,
      date: '2024-05-01',
    });
    expect(parseImportArgs(['--download', '--url', 'https://example.test/x.osm.pbf'])).toMatchObject({
      download: true,
      url: 'https://example.test/x.osm.pbf',
      inputs: [],
    });
  });

  it('rejects what makes no sense', () => {
    expect(() => parseImportArgs([])).toThrow(/an input is required/);
    expect(() => parseImportArgs(['--pbf'])).toThrow(/needs a value/);
    expect(() => parseImportArgs(['--pbf', 'a.osm'])).toThrow(/expected an \.osm\.pbf/);
    expect(() => parseImportArgs(['--osm', 'a.osm.pbf'])).toThrow(/expected an \.osm or/);
    expect(() => parseImportArgs(['--download', '--pbf', 'a.osm.pbf'])).toThrow(/either --download/);
    expect(() => parseImportArgs(['--pbf', 'a.osm.pbf', '--url', 'https://x'])).toThrow(
      /--url needs --download/,
    );
    expect(() => parseImportArgs(['--osm', 'a.osm', '--date', '20240501'])).toThrow(/YYYY-MM-DD/);
    expect(() => parseImportArgs(['--osm', 'a.osm', '--bbox', '3,2,1,4'])).toThrow(/swapped/);
    expect(() => parseImportArgs(['--osm', 'a.osm', '--frobnicate'])).toThrow(/unknown argument/);
  });
});

describe('runImport on the invented fixtures', () => {
  let dir = '';
  let report: ImportReport;
  let manifest: OsmManifest;
  let candidates: MapFeatureCollection;
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'osm-import-'));
    report = await runImport(
      { ...base, inputs: INPUTS, outDir: join(dir, 'xml') },
      { now: new Date('2025-01-02T03:04:05Z') },
    );
    manifest = JSON.parse(await readFile(join(dir, 'xml', 'manifest.json'), 'utf8'));
    candidates = JSON.parse(await readFile(join(dir, 'xml', 'candidates.geojson'), 'utf8'));
  });
  afterAll(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it('writes a manifest the app accepts, with sizes, counts and the extract date', async () => {
    expect(parseOsmManifest(manifest)).toEqual({ manifest });
    expect(manifest).toMatchObject({
      version: 1,
      built_at: '2025-01-02T03:04:05.000Z',
      bbox: [...LANZHOU_BBOX],
      source: {
        attribution: '© OpenStreetMap contributors',
        licence: 'ODbL-1.0',
        files: ['river_bridge.osm', 'riverside_extras.osm'],
        extract_timestamp: '2024-05-20T08:30:00Z',
        extract_date: '2024-05-20',
        extract_date_from: 'elements',
      },
      counts: {
        // 30 nodes of walkable ways, 12 once shape nodes are contracted.
        graph_nodes: 12,
        basemap: { boundary: 8, district_label: 8, water: 3, park: 2, road: 12, building: 3, place: 1 },
        // Unnamed facilities are kept (named by their tags), named bridges near the river are riverside
        // sights, and the food-street cluster is an everyday night market, never the plan's night_zone.
        candidates: { park: 2, fitness_site: 4, riverside: 3, night_market: 1 },
        skipped: {
          not_public: 1,
          far_from_river: 1,
          same_as_relation: 0,
          bridge_part: 0,
          invalid: 0,
          food_cluster_invalid: 0,
        },
      },
    });
    for (const f of Object.values(manifest.files)) {
      expect(readFileSync(join(dir, 'xml', f.path)).length).toBe(f.bytes);
    }
  });

  it('writes the same walking graph as the walking reader builds', async () => {
    const g = deserializeWalkGraph(await readFile(join(dir, 'xml', 'walk_graph.bin')));
    const ref = buildWalkGraph(
      (await readOsmXml(fixture('river_bridge.osm'), { bbox: LANZHOU_BBOX })).extract,
    ).graph;
    expect(g.nodeCount).toBe(ref.nodeCount);
    expect(Array.from(g.lon)).toEqual(Array.from(ref.lon));
    expect(Array.from(g.target)).toEqual(Array.from(ref.target));
    expect(Array.from(g.lengthM)).toEqual(Array.from(ref.lengthM));
    expect(g.labels).toContain('Test Footbridge');
    expect(g.meta).toMatchObject({
      source: 'river_bridge.osm,riverside_extras.osm',
      extract: '2024-05-20T08:30:00Z',
    });
  });

  it('writes candidates that are valid features with OSM as source', () => {
    const byId = Object.fromEntries(candidates.features.map((f) => [f.properties.id, f.properties]));
    expect(Object.keys(byId).sort()).toEqual(
      [
        'osm-node-20027',
        'osm-node-20028',
        'osm-node-20037',
        'osm-night-zone-node-20039',
        'osm-relation-3002',
        'osm-way-103',
        'osm-way-104',
        'osm-way-2005',
        'osm-way-2006',
        'osm-way-2010',
      ].sort(),
    );
    expect(byId['osm-way-2005']).toMatchObject({
      category: 'park',
      facility_type: 'park',
      name_en: 'Test Riverside Park',
      opening_hours: 'Mo-Su 06:00-22:00',
    });
    expect(byId['osm-way-2006']).toMatchObject({ category: 'park', name_zh: '公园', name_en: 'Park' });
    expect(byId['osm-way-2006']?.description_en).toMatch(
      /^Unnamed in OpenStreetMap, named by its tags \(leisure=park\)/,
    );
    expect(byId['osm-way-2010']).toMatchObject({ facility_type: 'basketball' });
    expect(byId['osm-way-103']).toMatchObject({
      category: 'riverside',
      facility_type: 'bridge',
      name_en: 'Test Footbridge',
    });
    expect(byId['osm-relation-3002']).toMatchObject({
      category: 'fitness_site',
      facility_type: 'sports_centre',
      name_zh: '测试体育中心',
      name_en: '测试体育中心',
    });
    expect(byId['osm-way-2010']?.opening_hours).toBeUndefined();
    expect(byId['osm-node-20037']).toMatchObject({
      category: 'riverside',
      facility_type: 'viewpoint',
      accuracy_m: 10,
    });
    expect(byId['osm-night-zone-node-20039']).toMatchObject({
      category: 'night_market',
      facility_type: 'food_cluster',
      name_en: 'Cluster of eateries (10 venues)',
    });
    for (const f of candidates.features) {
      expect(f.properties.status).toBe('existing');
      expect(f.properties.source).toMatchObject({ title: 'OpenStreetMap contributors', date: '2024-05-20' });
      expect(f.properties.source.url).toMatch(/^https:\/\/www\.openstreetmap\.org\//);
    }
    expect(report.river).toBe('any');
  });

  it('writes a basemap with the district layers and the OSM layers, clipped to the bbox', async () => {
    const archive = openPmtiles(join(dir, 'xml', 'basemap.pmtiles'));
    const header = await archive.getHeader();
    expect([header.minLon, header.minLat, header.maxLon, header.maxLat]).toEqual([...LANZHOU_BBOX]);
    const meta = (await archive.getMetadata()) as { vector_layers: { id: string }[]; attribution: string };
    expect(meta.vector_layers.map((l) => l.id)).toEqual([
      'boundary',
      'district_label',
      'water',
      'park',
      'road',
      'building',
      'place',
    ]);
    expect(meta.attribution).toMatch(/© OpenStreetMap contributors · 行政区划/);
    const decode = await mvtDecoder();
    // z14 at the riverbank's island: the water layer holds the river polygon there.
    const [x, y] = tileOf(103.8 - 400 / 89904.7, 36.05 + 50 / 111194.93, 14);
    const tile = decode((await archive.getZxy(14, x, y))!.data);
    expect(layerFeatures(tile, 'water').map((f) => f.properties.class)).toContain('river');
    const [px, py] = tileOf(103.8 + 250 / 89904.7, 36.05 + 170 / 111194.93, 14);
    const parkTile = decode((await archive.getZxy(14, px, py))!.data);
    expect(layerFeatures(parkTile, 'park').map((f) => f.properties.name)).toContain('测试滨河公园');
    expect(layerFeatures(parkTile, 'road').map((f) => f.properties.name)).toContain('North Bank Test Street');
  });

  it('gives the same result from PBF files, dated by the PBF header', async () => {
    const pbfDir = join(dir, 'pbf-in');
    await rm(pbfDir, { recursive: true, force: true });
    await mkdir(pbfDir);
    const a = join(pbfDir, 'river_bridge.osm.pbf');
    const b = join(pbfDir, 'riverside_extras.osm.pbf');
    await writeFile(a, encodePbf({ ...(await rawOsmOf(INPUTS[0]!)), replicationTimestamp: 1_717_200_000 }));
    await writeFile(b, encodePbf({ ...(await rawOsmOf(INPUTS[1]!)), replicationTimestamp: 1_717_200_000 }));
    const r = await runImport({ ...base, inputs: [a, b], outDir: join(dir, 'pbf') });
    expect(r.manifest.source.extract_date).toBe('2024-06-01');
    expect(r.manifest.source.extract_date_from).toBe('header');
    expect(r.manifest.counts).toEqual(manifest.counts);
    const fromPbf = JSON.parse(
      await readFile(join(dir, 'pbf', 'candidates.geojson'), 'utf8'),
    ) as MapFeatureCollection;
    const strip = (fc: MapFeatureCollection) =>
      fc.features.map((f) => ({
        ...f,
        properties: { ...f.properties, source: { ...f.properties.source, date: '' } },
      }));
    expect(strip(fromPbf)).toEqual(strip(candidates));
    expect(await readFile(join(dir, 'pbf', 'basemap.pmtiles'))).toEqual(
      await readFile(join(dir, 'xml', 'basemap.pmtiles')),
    );
  });

  it('works for another city without Lanzhou boundaries: graph, basemap and facilities without a district', async () => {
    const r = await runImport({
      ...base,
      inputs: INPUTS,
      outDir: join(dir, 'other'),
      boundaries: null,
      bbox: [103.7, 36.0, 103.9, 36.1],
    });
    expect(r.manifest.counts.candidates).toEqual(manifest.counts.candidates);
    const other = JSON.parse(
      await readFile(join(dir, 'other', 'candidates.geojson'), 'utf8'),
    ) as MapFeatureCollection;
    expect(other.features.map((f) => f.properties.district)).toEqual(candidates.features.map(() => ''));
    expect(r.manifest.counts.basemap.boundary).toBeUndefined();
    expect(r.manifest.counts.graph_nodes).toBe(12);
  });

  it('refuses to write an empty graph when the bbox misses the data', async () => {
    await expect(
      runImport({ ...base, inputs: INPUTS, outDir: join(dir, 'e'), bbox: [0, 0, 1, 1] }),
    ).rejects.toThrow(/no walkable ways/);
  });
});

describe('importOsmCli', () => {
  let dir = '';
  let server: Server;
  let url = '';
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'osm-cli-'));
    const pbf = encodePbf({ ...(await rawOsmOf(INPUTS[0]!)), replicationTimestamp: 1_717_200_000 });
    server = createServer((req, res) => {
      if (req.url === '/extract.osm.pbf')
        res.writeHead(200, { 'content-length': String(pbf.length) }).end(pbf);
      else res.writeHead(404).end();
    });
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', () => r()));
    url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/extract.osm.pbf`;
  });
  afterAll(async () => {
    await new Promise((r) => server.close(r));
    await rm(dir, { recursive: true, force: true });
  });

  it('downloads (from a local server) and imports, reporting what it wrote', async () => {
    const out: string[] = [];
    const err: string[] = [];
    const code = await importOsmCli(
      ['--download', '--url', url, '--download-dir', join(dir, 'dl'), '--out', join(dir, 'out')],
      {
        out: (l) => out.push(l),
        err: (l) => err.push(l),
      },
    );
    expect(err.filter((l) => !l.includes('MiB'))).toEqual([]);
    expect(code).toBe(0);
    expect(out.join('\n')).toMatch(/downloaded 0\.0 MiB; MD5 absent/);
    expect(out.join('\n')).toMatch(/extract date: 2024-06-01 \(header\)/);
    expect(out.join('\n')).toMatch(/walk graph: 12 nodes/);
    const m = parseOsmManifest(JSON.parse(await readFile(join(dir, 'out', 'manifest.json'), 'utf8')));
    expect('manifest' in m && m.manifest.source.files).toEqual(['extract.osm.pbf']);
  });

  it('exits 1 with the usage on bad arguments', async () => {
    const err: string[] = [];
    expect(await importOsmCli(['--bogus'], { out: () => {}, err: (l) => err.push(l) })).toBe(1);
    expect(err.join('\n')).toMatch(/usage: npm run data:osm/);
  });
});
