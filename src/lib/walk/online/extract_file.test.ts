import { describe, expect, it } from 'vitest';
import { randomExtract } from '../test_support';
import { decodeExtract, ExtractFileError, encodeExtract, isExtractFile, mergeExtracts } from './extract_file';

describe('extract file', () => {
  it('round-trips nodes (exact positions, elevations when known) and ways (ids, node ids, tags)', () => {
    const x = randomExtract(3, 300, { ele: true, onewayShare: 0.1, stepsShare: 0.1 });
    // Some nodes without elevation, a way with a name, a way referring to a node that is absent (clipped).
    const first = [...x.nodes.keys()][0] as number;
    x.nodes.set(first, { lon: 103.8000001234567, lat: 36.05 });
    x.ways.push({
      id: 2 ** 40 + 7,
      nodeIds: [first, 99_999_999_999],
      tags: { highway: 'footway', name: '虚构路' },
    });
    const file = encodeExtract(x);
    expect(isExtractFile(file)).toBe(true);
    const y = decodeExtract(file);
    expect(y.nodes).toEqual(x.nodes);
    expect(y.ways).toEqual(x.ways);
    // Tags are stored once per distinct set: far smaller than JSON.
    expect(file.byteLength).toBeLessThan(JSON.stringify({ n: [...x.nodes], w: x.ways }).length);
  });

  it('refuses what is not an extract of this version, or truncated', () => {
    const file = encodeExtract(randomExtract(4, 30));
    expect(() => decodeExtract(new ArrayBuffer(4))).toThrow(ExtractFileError);
    expect(() => decodeExtract(file.slice(0, file.byteLength - 8))).toThrow(ExtractFileError);
    const other = file.slice(0);
    new DataView(other).setUint32(4, 99, true);
    expect(isExtractFile(other)).toBe(false);
    expect(() => decodeExtract(other)).toThrow(/version 99/);
    const graphLike = new TextEncoder().encode('LZWG....').buffer;
    expect(isExtractFile(graphLike as ArrayBuffer)).toBe(false);
  });

  it('merges by OSM id: shared ways and nodes once, first copy kept', () => {
    const a = randomExtract(5, 40);
    const b = randomExtract(5, 40);
    b.ways.push({ id: 10_000, nodeIds: [1000, 1001], tags: { highway: 'steps' } });
    const m = mergeExtracts([a, b]);
    expect(m.nodes.size).toBe(a.nodes.size);
    expect(m.ways.length).toBe(a.ways.length + 1);
    expect(m.ways.filter((w) => w.id === 10_000)).toHaveLength(1);
  });
});
