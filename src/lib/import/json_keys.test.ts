import { describe, expect, it } from 'vitest';
import { findDuplicateKeys } from './json_keys';

describe('findDuplicateKeys', () => {
  it('finds a key repeated in one object, with its line, column and feature', () => {
    const text =
      '{"type":"FeatureCollection","features":[\n{"type":"Feature","properties":{"a":1}},\n{"type":"Feature","properties":{"name":"x","name":"y"}}]}';
    expect(findDuplicateKeys(text)).toEqual([{ key: 'name', line: 3, column: 44, feature: 2 }]);
  });

  it('tells equal keys in different objects apart, and ignores keys inside strings', () => {
    const text = '{"a":{"k":1},"b":{"k":2},"s":"\\"k\\":1,\\"k\\":2","arr":[{"k":1},{"k":1}]}';
    expect(findDuplicateKeys(text)).toEqual([]);
  });

  it('reports duplicates outside features with feature null, and unescapes keys before comparing', () => {
    expect(findDuplicateKeys('{"features":[],"features":[]}')).toMatchObject([
      { key: 'features', feature: null },
    ]);
    expect(findDuplicateKeys('{"a":1,"\\u0061":2}')).toMatchObject([{ key: 'a', line: 1, column: 8 }]);
  });

  it('finds no duplicates in valid JSON without any, however it is nested', () => {
    const value = {
      type: 'FeatureCollection',
      features: Array.from({ length: 50 }, (_, i) => ({
        type: 'Feature',
        id: i,
        properties: { a: [{ b: { c: i } }], d: 'x,"y":' },
      })),
    };
    expect(findDuplicateKeys(JSON.stringify(value, null, 2))).toEqual([]);
  });
});
