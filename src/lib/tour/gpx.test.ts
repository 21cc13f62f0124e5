import { describe, expect, it } from 'vitest';
import { GPX_NS, type GpxDocument, tourToGpx, writeGpx, xmlAttr, xmlText } from './gpx';
import { childrenNamed, gpxSchemaErrors, parseGpx } from './gpx_test_support';
import { fromLanzhouWallClock } from './lanzhou_time';
import { type LegRouter, straightLegRouter } from './legs';
import { featuresById, resolveStops, type TourRoute } from './routes';
import { scheduleTour } from './schedule';
import { fixtureFeatures, fixtureRoutes } from './test_support';

const HOSTILE = 'A & B <script>alert("x")</script> \'quoted\' ]]> \u0001\u0008 \uD800 end';
const now = new Date('2024-06-21T10:00:00Z');

const minimal = (over: Partial<GpxDocument> = {}): GpxDocument => ({
  creator: 'test',
  metadata: { name: 'n', time: now },
  waypoints: [{ lon: 103.8, lat: 36.05, name: 'a' }],
  tracks: [
    {
      name: 't',
      segments: [
        [
          [103.8, 36.05],
          [103.81, 36.06],
        ],
      ],
    },
  ],
  ...over,
});

describe('the GPX 1.1 rule checker (test support) can fail', () => {
  const valid = writeGpx(minimal());
  it('accepts a minimal valid document', () => expect(gpxSchemaErrors(valid)).toEqual([]));
  const broken: [string, string, RegExp][] = [
    [
      'wpt after trk',
      valid.replace(/(<wpt[\s\S]*?<\/wpt>\n)([\s\S]*<\/trk>\n)/, '$2$1'),
      /not allowed in <gpx>/,
    ],
    [
      'metadata order',
      valid.replace('<name>n</name>', '').replace('</metadata>', '<name>n</name></metadata>'),
      /<name> is not allowed in <metadata>/,
    ],
    ['no creator', valid.replace(/ creator="test"/, ''), /required attribute creator/],
    ['version 1.0', valid.replace('version="1.1"', 'version="1.0"'), /not "1.1"/],
    ['wrong namespace', valid.replace(GPX_NS, 'http://www.topografix.com/GPX/1/0'), /namespace/],
    ['lat 91', valid.replace('lat="36.05"', 'lat="91"'), /not a valid latitude/],
    ['lon 180', valid.replace('lon="103.8"', 'lon="180"'), /not a valid longitude/],
    ['exponent', valid.replace('lon="103.8"', 'lon="1.038e2"'), /not a valid longitude/],
    ['missing lat', valid.replace(/<wpt lat="[^"]*"/, '<wpt'), /required attribute lat/],
    ['two names', valid.replace('<name>a</name>', '<name>a</name><name>b</name>'), /at most 1 <name>/],
    ['unknown element', valid.replace('<name>a</name>', '<colour>red</colour>'), /<colour> is not allowed/],
    [
      'bad time',
      valid.replace(/<time>[^<]*<\/time>/, '<time>yesterday</time>'),
      /<time> has an invalid value/,
    ],
    ['stray attribute', valid.replace('<trk>', '<trk kind="x">'), /undeclared attribute kind/],
    ['not well-formed', valid.replace('</gpx>', ''), /well-formed/],
  ];
  for (const [what, xml, message] of broken) {
    it(`rejects: ${what}`, () => expect(gpxSchemaErrors(xml).join('\n')).toMatch(message));
  }
});

describe('writeGpx', () => {
  it('escapes hostile text in elements and attributes and drops characters XML cannot carry', () => {
    const xml = writeGpx(
      minimal({
        creator: HOSTILE,
        metadata: {
          name: HOSTILE,
          desc: HOSTILE,
          links: [{ href: `https://example.org/?a=1&b="2"`, text: HOSTILE }],
        },
        waypoints: [{ lon: 103.8, lat: 36.05, name: HOSTILE, desc: HOSTILE, cmt: HOSTILE, type: HOSTILE }],
      }),
    );
    expect(gpxSchemaErrors(xml)).toEqual([]);
    const clean = 'A & B <script>alert("x")</script> \'quoted\' ]]>   end';
    const doc = parseGpx(xml);
    expect(doc.attrs.get('creator')).toBe(clean);
    const wpt = childrenNamed(doc, 'wpt')[0]!;
    for (const el of ['name', 'desc', 'cmt', 'type']) expect(childrenNamed(wpt, el)[0]!.text).toBe(clean);
    const link = childrenNamed(childrenNamed(doc, 'metadata')[0]!, 'link')[0]!;
    expect(link.attrs.get('href')).toBe('https://example.org/?a=1&b="2"');
    expect(xml).not.toContain('<script>');
  });

  it('escapes exactly the XML specials', () => {
    expect(xmlText('<a & b>')).toBe('&lt;a &amp; b&gt;');
    expect(xmlAttr('"x"\n\ty')).toBe('&quot;x&quot;&#10;&#9;y');
    expect(xmlText('兰州 😀')).toBe('兰州 😀');
  });

  it('writes bounds, copyright and drops non-http links', () => {
    const xml = writeGpx(
      minimal({
        metadata: {
          name: 'n',
          copyright: { author: 'me', year: 2024, license: 'https://opensource.org/licenses/MIT' },
          links: [
            { href: 'javascript:alert(1)', text: 'x' },
            { href: 'https://example.org/', text: 'ok' },
          ],
        },
      }),
    );
    expect(gpxSchemaErrors(xml)).toEqual([]);
    const meta = childrenNamed(parseGpx(xml), 'metadata')[0]!;
    expect(childrenNamed(meta, 'link').map((l) => l.attrs.get('href'))).toEqual(['https://example.org/']);
    const bounds = childrenNamed(meta, 'bounds')[0]!;
    expect(Object.fromEntries(bounds.attrs)).toEqual({
      minlat: '36.05',
      minlon: '103.8',
      maxlat: '36.06',
      maxlon: '103.81',
    });
    const copyright = childrenNamed(meta, 'copyright')[0]!;
    expect(copyright.attrs.get('author')).toBe('me');
    expect(childrenNamed(copyright, 'year')[0]!.text).toBe('2024');
  });

  it('refuses positions outside the schema ranges', () => {
    expect(() => writeGpx(minimal({ waypoints: [{ lon: 180, lat: 0 }] }))).toThrow(RangeError);
    expect(() => writeGpx(minimal({ waypoints: [{ lon: 0, lat: -90.5 }] }))).toThrow(RangeError);
    expect(() => writeGpx(minimal({ tracks: [{ segments: [[[Number.NaN, 1]]] }] }))).toThrow(RangeError);
    expect(gpxSchemaErrors(writeGpx(minimal({ waypoints: [{ lon: -180, lat: 90 }] })))).toEqual([]);
  });
});

describe('tourToGpx on the fixture route', () => {
  const features = featuresById(fixtureFeatures());
  const route = fixtureRoutes()[0]!;
  const { stops } = resolveStops(route, features);
  const plan = scheduleTour(stops, straightLegRouter(), fromLanzhouWallClock(2024, 6, 21, 19, 30));

  for (const lang of ['zh', 'en'] as const) {
    it(`conforms to GPX 1.1 and carries stops, legs and metadata (${lang})`, () => {
      const xml = tourToGpx(route, stops, plan, {
        lang,
        now,
        shareUrl: 'https://example.org/#tour=fixture-night-walk&start=2024-06-21T19:30',
        attribution: ['© OpenStreetMap contributors'],
      });
      expect(gpxSchemaErrors(xml)).toEqual([]);
      const doc = parseGpx(xml);
      const wpts = childrenNamed(doc, 'wpt');
      expect(wpts.map((w) => [Number(w.attrs.get('lon')), Number(w.attrs.get('lat'))])).toEqual(
        stops.map((s) => s.coord),
      );
      expect(childrenNamed(wpts[0]!, 'name')[0]!.text).toBe(
        lang === 'zh' ? '虚构测试站甲' : 'Fixture stop A (fictional)',
      );
      expect(childrenNamed(wpts[1]!, 'desc')[0]!.text).toContain('19:57');
      const trk = childrenNamed(doc, 'trk');
      expect(trk).toHaveLength(1);
      const segs = childrenNamed(trk[0]!, 'trkseg');
      expect(segs).toHaveLength(3);
      expect(segs.map((s) => childrenNamed(s, 'trkpt').length)).toEqual([2, 2, 2]);
      expect(childrenNamed(trk[0]!, 'desc')[0]!.text).toMatch(
        lang === 'zh' ? /3 段为示意直线/ : /3 schematic/,
      );
      const meta = childrenNamed(doc, 'metadata')[0]!;
      expect(childrenNamed(meta, 'time')[0]!.text).toBe('2024-06-21T10:00:00.000Z');
      expect(childrenNamed(meta, 'desc')[0]!.text).toContain('© OpenStreetMap contributors');
      expect(childrenNamed(meta, 'desc')[0]!.text).toContain('2024-06-21 19:30');
      expect(childrenNamed(meta, 'desc')[0]!.text).toContain(lang === 'zh' ? '非官方' : 'not official');
      expect(childrenNamed(meta, 'link')[0]!.attrs.get('href')).toContain('#tour=fixture-night-walk');
    });
  }

  it('stays valid with hostile route and stop names and network legs', () => {
    const hostileRoute: TourRoute = { ...route, name_en: HOSTILE, description_en: HOSTILE };
    const hostileStops = stops.map((s) => ({ ...s, name_en: HOSTILE, description_en: HOSTILE }));
    const viaCorner: LegRouter = (from, to) => ({
      coordinates: [from, [from[0], to[1]], to],
      metres: 1000,
      minutes: 12.5,
      method: 'network',
    });
    const netPlan = scheduleTour(hostileStops, viaCorner, plan.start);
    const xml = tourToGpx(hostileRoute, hostileStops, netPlan, { lang: 'en', now, creator: HOSTILE });
    expect(gpxSchemaErrors(xml)).toEqual([]);
    const doc = parseGpx(xml);
    expect(childrenNamed(childrenNamed(doc, 'metadata')[0]!, 'name')[0]!.text).toContain('<script>');
    expect(
      childrenNamed(childrenNamed(doc, 'trk')[0]!, 'trkseg').map((s) => childrenNamed(s, 'trkpt').length),
    ).toEqual([3, 3, 3]);
  });
});
