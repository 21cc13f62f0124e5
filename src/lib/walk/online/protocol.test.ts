import { describe, expect, it } from 'vitest';
import { deserializeWalkGraph } from '../graph_binary.ts';
import { handleOverpassRequest, isOverpassBuildRequest, type OverpassBuildReply } from './protocol.ts';

const enc = (s: string) => new TextEncoder().encode(s);
const ANSWER = JSON.stringify({
  osm3s: { timestamp_osm_base: '2025-05-01T00:00:00Z' },
  elements: [
    { type: 'node', id: 1, lat: 36.05, lon: 103.8 },
    { type: 'node', id: 2, lat: 36.051, lon: 103.8 },
    { type: 'way', id: 10, nodes: [1, 2], tags: { highway: 'footway' } },
  ],
});

function run(message: unknown): { reply: OverpassBuildReply | null; transfer: Transferable[] } {
  let out: { reply: OverpassBuildReply | null; transfer: Transferable[] } = { reply: null, transfer: [] };
  handleOverpassRequest(message, (reply, transfer) => {
    out = { reply, transfer };
  });
  return out;
}

describe('handleOverpassRequest', () => {
  it('replies with a graph file, transferred, with provenance', () => {
    const { reply, transfer } = run({ type: 'build', id: 7, body: enc(ANSWER), meta: { tile: 't' } });
    expect(reply?.type).toBe('graph');
    if (reply?.type !== 'graph') return;
    expect(reply.id).toBe(7);
    expect(transfer).toEqual([reply.graph]);
    const g = deserializeWalkGraph(reply.graph);
    expect(g.nodeCount).toBe(2);
    expect(g.meta).toEqual({ source: 'overpass', osm_base: '2025-05-01T00:00:00Z', tile: 't' });
    expect(reply.stats.edges).toBe(2);
  });

  it('replies with typed errors for unreadable answers and Overpass runtime errors', () => {
    expect(run({ type: 'build', id: 1, body: enc('<html>'), meta: {} }).reply).toMatchObject({
      type: 'error',
      id: 1,
      kind: 'bad_json',
    });
    expect(
      run({
        type: 'build',
        id: 2,
        body: enc('{"elements":[],"remark":"runtime error: out of memory"}'),
        meta: {},
      }).reply,
    ).toMatchObject({ type: 'error', id: 2, kind: 'busy' });
  });

  it('ignores messages that are not requests', () => {
    for (const m of [null, 'build', { type: 'build', id: 1, body: 'text', meta: {} }, { type: 'other' }]) {
      expect(isOverpassBuildRequest(m)).toBe(false);
      expect(run(m).reply).toBeNull();
    }
  });
});
