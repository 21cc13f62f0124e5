import { readFileSync } from 'node:fs';
import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import { parseFacilityCsv } from '../../src/lib/csv_features';
import { createDistrictLookup } from '../../src/lib/districts';
import { validateGeoJson } from '../../src/lib/validate';
import { buildMetro, METRO_ACCURACY_M, type MetroExport, stationsCsv } from './metro';

// A committed excerpt of the real export (ODbL): 5 stations incl. both interchanges, the first vertices
// of both lines, one non-subway station node (邵家堂) and one stop position that must be ignored.
const fixture = (name: string) =>
  JSON.parse(readFileSync(new URL(`./fixtures/metro/${name}`, import.meta.url), 'utf8'));
const exportOf = (): MetroExport => ({
  osm: fixture('lanzhou.geojson'),
  stations: fixture('features.json'),
  routes: fixture('routes.json'),
  lines: fixture('lines.json'),
});
const boundaries = JSON.parse(
  readFileSync(new URL('../../data/boundaries/lanzhou_districts.geojson', import.meta.url), 'utf8'),
);
const districts = createDistrictLookup(boundaries);

describe('buildMetro', () => {
  it('lists each station once, on its OSM station node, with every line that stops there', () => {
    const r = buildMetro(exportOf(), districts);
    expect(r.problems).toEqual([]);
    expect(r.stations.map((s) => [s.osmId, s.name_zh, s.lines])).toEqual([
      ['6563941767', '省政府', [1]],
      ['6563941854', '东方红广场', [1, 2]],
      ['6563941940', '兰州大学', [1]],
      ['4173957771', '五里铺', [1, 2]],
      ['10937066500', '张苏滩', [2]],
    ]);
    // The node's own position (张苏滩's station node, not the export's stop-position point 2 m away).
    expect(r.stations[4]).toMatchObject({ lon: 103.8748527, lat: 36.05619, name_en: 'Zhangsutan' });
    for (const s of r.stations) expect(s.district).toBe('620102');
  });

  it('refuses a station whose name has no OSM station node or lies too far from it', () => {
    const src = exportOf();
    const moved = structuredClone(src.stations);
    const first = moved.features[0] as { geometry: { coordinates: number[] } };
    first.geometry.coordinates = [103.9, 36.1];
    const r = buildMetro({ ...src, stations: moved }, districts);
    expect(r.problems).toHaveLength(1);
    expect(r.problems[0]).toMatch(/省政府.*m from OSM node 6563941767/);
    const renamed = structuredClone(src.stations);
    renamed.features[0]!.properties.alternate_names = ['无'];
    expect(buildMetro({ ...src, stations: renamed }, districts).problems[0]).toMatch(/no OSM station node/);
  });

  it('writes rows that the data build accepts, with source, date, accuracy and the osm.org node page', () => {
    const r = buildMetro(exportOf(), districts);
    const text = stationsCsv(r.stations);
    const parsed = parseFacilityCsv(text, { file: 'metro_stations.csv', districts });
    expect(parsed.issues).toEqual([]);
    expect(parsed.features).toHaveLength(5);
    const wulipu = parsed.features.find((f) => f.properties.name_zh === '五里铺')!;
    expect(wulipu.properties).toMatchObject({
      id: 'osm-node-4173957771',
      category: 'metro',
      facility_type: 'metro_station',
      status: 'existing',
      accuracy_m: METRO_ACCURACY_M,
      description_zh: '兰州轨道交通1号线、2号线换乘站',
      description_en: 'Interchange of Lanzhou Metro Lines 1 and 2',
      source: {
        title: 'OpenStreetMap contributors (ODbL), via norman-mei/metro-tools',
        date: '2026-01-24',
        url: 'https://www.openstreetmap.org/node/4173957771',
      },
    });
    expect(Papa.parse(text, { header: true }).meta.fields).toContain('facility_type');
  });

  it('keeps the lines as their OSM track geometry and validates them', () => {
    const r = buildMetro(exportOf(), districts);
    expect(r.lines.map((l) => [l.properties.id, l.properties.name_zh, l.properties.category])).toEqual([
      ['metro-line-1', '兰州轨道交通1号线', 'metro_line'],
      ['metro-line-2', '兰州轨道交通2号线', 'metro_line'],
    ]);
    expect(r.lines[0]!.geometry).toEqual(exportOf().routes.features[0]!.geometry);
    expect(r.lines[1]!.properties.description_en).toBe('3 stations; drawn along the OpenStreetMap track');
    const v = validateGeoJson({ type: 'FeatureCollection', features: r.lines }, { file: 'x', districts });
    expect(v.issues).toEqual([]);
    expect(v.features).toHaveLength(2);
  });
});
