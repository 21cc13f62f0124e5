import { describe, expect, it } from 'vitest';
import { buildWalkGraph, type WalkGraph } from './graph.ts';
import {
  deserializeWalkGraph,
  serializeWalkGraph,
  WALK_GRAPH_VERSION,
  WalkGraphFormatError,
  WalkGraphOutdatedError,
} from './graph_binary.ts';
import { randomExtract } from './test_support.ts';

function expectSameGraph(a: WalkGraph, b: WalkGraph): void {
  expect(b.nodeCount).toBe(a.nodeCount);
  expect(b.edgeCount).toBe(a.edgeCount);
  const keys = [
    'lon',
    'lat',
    'osmId',
    'ele',
    'offsets',
    'target',
    'lengthM',
    'slopeLengthM',
    'flags',
    'label',
    'layer',
  ] as const;
  for (const k of keys) {
    const x = a[k];
    const y = b[k];
    if (x === null) expect(y).toBeNull();
    else expect(Array.from(y as ArrayLike<number>)).toEqual(Array.from(x));
  }
  for (const k of ['chain', 'offsets', 'lon', 'lat'] as const)
    expect(Array.from(b.shape[k])).toEqual(Array.from(a.shape[k]));
  expect(b.labels).toEqual(a.labels);
  expect(b.bbox).toEqual(a.bbox);
  expect(b.meta).toEqual(a.meta);
}

describe('walking graph binary format', () => {
  const withEle = buildWalkGraph(randomExtract(1, 150, { ele: true, stepsShare: 0.1, onewayShare: 0.1 }), {
    meta: { source: 'test', bbox: '1,2,3,4' },
  }).graph;
  withEle.labels.push('名字');
  withEle.label[0] = withEle.labels.length - 1;
  const noEle = buildWalkGraph(randomExtract(2, 80)).graph;

  it('round-trips every array, labels, bbox and metadata', () => {
    for (const g of [withEle, noEle]) {
      const bytes = serializeWalkGraph(g);
      const back = deserializeWalkGraph(bytes);
      expectSameGraph(g, back);
      // Re-serialising gives identical bytes.
      expect(Buffer.from(serializeWalkGraph(back)).equals(Buffer.from(bytes))).toBe(true);
    }
  });

  it('starts with the magic and version and reads from an ArrayBuffer or an unaligned view', () => {
    const bytes = serializeWalkGraph(noEle);
    expect(new TextDecoder().decode(bytes.subarray(0, 4))).toBe('LZWG');
    expect(new DataView(bytes.buffer).getUint16(4, true)).toBe(WALK_GRAPH_VERSION);
    expectSameGraph(noEle, deserializeWalkGraph(bytes.buffer as ArrayBuffer));
    const shifted = new Uint8Array(bytes.length + 3);
    shifted.set(bytes, 3);
    expectSameGraph(noEle, deserializeWalkGraph(shifted.subarray(3)));
  });

  it('round-trips an empty graph', () => {
    const empty = buildWalkGraph({ nodes: new Map(), ways: [] }).graph;
    expectSameGraph(empty, deserializeWalkGraph(serializeWalkGraph(empty)));
  });

  it('rejects wrong magic, unknown versions, truncation and corrupt arrays with a clear error', () => {
    const good = serializeWalkGraph(noEle);
    const corrupt = (f: (b: Uint8Array, dv: DataView) => void) => {
      const b = good.slice();
      f(b, new DataView(b.buffer));
      return () => deserializeWalkGraph(b);
    };
    expect(corrupt((b) => b.set([80, 75, 3, 4], 0))).toThrow(/not a walking graph/);
    expect(corrupt((_, dv) => dv.setUint16(4, 99, true))).toThrow(/version 99/);
    expect(() => deserializeWalkGraph(good.subarray(0, good.length - 8))).toThrow(/truncated/);
    expect(() => deserializeWalkGraph(good.subarray(0, 10))).toThrow(WalkGraphFormatError);
    // First edge target → out of range. Find the target array: it follows offsets in the layout.
    const n = noEle.nodeCount;
    const jsonLen = new DataView(good.buffer).getUint32(16, true);
    const pad = (x: number) => (x + 7) & ~7;
    const offsetsAt = pad(64 + jsonLen) + pad(8 * n) * 3;
    const targetAt = offsetsAt + pad(4 * (n + 1));
    expect(corrupt((_, dv) => dv.setInt32(targetAt, n + 5, true))).toThrow(/missing node/);
    expect(corrupt((_, dv) => dv.setInt32(offsetsAt + 4, -1, true))).toThrow(/offsets/);
    expect(corrupt((b) => b.set([126], 64))).toThrow(/JSON/); // "~" instead of "{"
  });

  it('tells the user to re-run the import for a file of the older format, in Chinese and English', () => {
    const old = serializeWalkGraph(noEle);
    new DataView(old.buffer).setUint16(4, 1, true);
    expect(() => deserializeWalkGraph(old)).toThrow(WalkGraphOutdatedError);
    expect(() => deserializeWalkGraph(old)).toThrow(/请重新运行导入.*re-run the import/);
  });

  it('rejects a polyline that does not join the nodes of its edge', () => {
    const g = buildWalkGraph(randomExtract(5, 60)).graph;
    const bytes = serializeWalkGraph(g);
    const back = deserializeWalkGraph(bytes);
    // The first shape point is its chain's start node: move it 1e-6°.
    const at = back.shape.lon.byteOffset - bytes.byteOffset;
    const dv = new DataView(bytes.buffer, bytes.byteOffset);
    dv.setFloat64(at, dv.getFloat64(at, true) + 1e-6, true);
    expect(() => deserializeWalkGraph(bytes)).toThrow(/polyline does not join/);
  });
});
