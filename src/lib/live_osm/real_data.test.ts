import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { answerTileQuery, type OverpassFixture } from '../../../scripts/lib/overpass_fixture.ts';
import { independentCounts } from '../../../scripts/lib/overpass_fixture_count.ts';
import { createDistrictLookup, type DistrictCollectionLike } from '../districts.ts';
import { assembleLive } from './assemble.ts';
import { parseLiveTile } from './parse.ts';
import { liveTileQuery, liveTiles, URBAN_DISTRICTS } from './tiles.ts';

const districts = JSON.parse(
  readFileSync('data/boundaries/lanzhou_districts.geojson', 'utf8'),
) as DistrictCollectionLike;
const lookup = createDistrictLookup(districts);
/** The real Liechtenstein extract (2013-08-03), relocated over Lanzhou: see test/fixtures/overpass/README.md. */
const fixture = JSON.parse(
  readFileSync('test/fixtures/overpass/liechtenstein_live.json', 'utf8'),
) as OverpassFixture;
const enc = (v: unknown) => new TextEncoder().encode(JSON.stringify(v));

describe('live facilities on real OSM (Liechtenstein relocated over Lanzhou)', () => {
  const tiles = liveTiles(districts, URBAN_DISTRICTS);
  const answers = tiles.map((t) => answerTileQuery(fixture, liveTileQuery(t)).answer);
  const parsed = tiles.map((t, i) => parseLiveTile(enc(answers[i]), t.key, lookup));
  const live = assembleLive(parsed, lookup);

  it('the tiled queries together serve every facility element of the extract', () => {
    const served = new Set(
      answers.flatMap((a) => a.elements.filter((e) => !e.geometry).map((e) => `${e.type}/${e.id}`)),
    );
    const all = fixture.elements.filter((e) => !e.geometry).map((e) => `${e.type}/${e.id}`);
    expect(all.filter((k) => !served.has(k))).toEqual([]);
    // Elements on a tile edge are answered by both tiles; the assembly keeps each once.
    const ids = live.features.map((f) => f.properties.id);
    expect(new Set(ids).size).toBe(ids.length);
  });

  it('shows per everyday category exactly what an independent count of the raw tags gives', () => {
    const expected = independentCounts(answers.flatMap((a) => a.elements));
    const got: Record<string, number> = {};
    for (const f of live.features) got[f.properties.category] = (got[f.properties.category] ?? 0) + 1;
    expect(got).toEqual(expected);
    // The extract is real and not empty: parks, sports, a university and riverside sights by the Rhine.
    expect(expected.fitness_site).toBeGreaterThan(10);
    expect(live.river).toBe('any');
    expect(live.osmBase).toBe('2013-08-03T19:00:02Z');
  });

  it('gives every facility an OSM source with the data date, a link, an honest accuracy and a name', () => {
    for (const f of live.features) {
      const p = f.properties;
      expect(p.id).toMatch(/^osm-(node|way|relation)-\d+$/);
      expect(p.source).toEqual({
        title: 'OpenStreetMap contributors',
        date: '2013-08-03',
        url: `https://www.openstreetmap.org/${p.id.split('-')[1]}/${p.id.split('-')[2]}`,
      });
      expect(p.accuracy_m).toBeGreaterThanOrEqual(10);
      expect(p.name_zh.trim()).not.toBe('');
      expect(p.facility_type).toBeTruthy();
    }
    // A way's accuracy is half its bounding-box diagonal: the biggest park is hundreds of metres.
    expect(Math.max(...live.features.map((f) => f.properties.accuracy_m))).toBeGreaterThan(200);
    // Unnamed pitches are named by what they are, never given an invented name.
    expect(
      live.features.some(
        (f) => f.properties.name_en === 'Sports pitch' || f.properties.name_en === 'Football pitch',
      ),
    ).toBe(true);
  });
});
