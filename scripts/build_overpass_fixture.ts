// CLI: writes test/fixtures/overpass/liechtenstein_live.json, the real Liechtenstein extract relocated over Lanzhou as Overpass would answer it.

import { writeFileSync } from 'node:fs';
import { buildOverpassFixture, LIECHTENSTEIN_TO_LANZHOU } from './lib/overpass_fixture.ts';

const PBF = 'test/fixtures/osm/liechtenstein-2013-08-03.osm.pbf';
const OUT = 'test/fixtures/overpass/liechtenstein_live.json';
/** Wider than the extract, so nothing of it is clipped. */
const AROUND_LIECHTENSTEIN: [number, number, number, number] = [9.3, 46.9, 9.9, 47.4];

const fixture = await buildOverpassFixture(PBF, LIECHTENSTEIN_TO_LANZHOU, AROUND_LIECHTENSTEIN);
// One element per line: small enough to commit as text (~30 KB), and diffs stay readable.
const { elements, ...head } = fixture;
const json = `${JSON.stringify(head).slice(0, -1)},"elements":[\n${elements.map((e) => JSON.stringify(e)).join(',\n')}\n]}\n`;
writeFileSync(OUT, json);
console.log(`${OUT}: ${fixture.elements.length} elements, ${json.length} bytes of JSON`);
