import { describe, expect, it } from 'vitest';
import { boundFor } from './bound_store.ts';
import {
  type BoundReply,
  type BoundRequest,
  type BoundWorkerLike,
  boundRequest,
  handleBoundRequest,
  prepareBoundOffThread,
} from './bound_worker.ts';
import { edgePointAt } from './edge_shape.ts';
import { createWalkEngine, type NetworkWalkEngine } from './engine.ts';
import { buildWalkGraph } from './graph.ts';
import { aStarBound } from './landmarks.ts';
import { randomExtract, rng } from './test_support.ts';

const graphOf = (seed: number) => buildWalkGraph(randomExtract(seed, 250, { sizeM: 1500, ele: true })).graph;

/** A worker that runs the real handler on a structured clone of the request, a tick later. */
function fakeWorker(opts: { fail?: boolean; tamper?: (r: BoundReply) => void } = {}): {
  create: () => BoundWorkerLike;
  state: { terminated: boolean; posted: number };
} {
  const state = { terminated: false, posted: 0 };
  const create = () => {
    const w: BoundWorkerLike = {
      onmessage: null,
      onerror: null,
      terminate() {
        state.terminated = true;
      },
      postMessage(message: BoundRequest) {
        state.posted++;
        const copy = structuredClone(message);
        setTimeout(() => {
          if (opts.fail) {
            w.onerror?.({ message: 'boom' });
            return;
          }
          handleBoundRequest(copy, (reply) => {
            opts.tamper?.(reply);
            w.onmessage?.({ data: structuredClone(reply) });
          });
        }, 0);
      },
    };
    return w;
  };
  return { create, state };
}

describe('A* bound store and worker', () => {
  it('shares one bound between engines with the same costs, not with other costs', () => {
    const g = graphOf(31);
    const e1 = createWalkEngine(g) as NetworkWalkEngine;
    const e2 = createWalkEngine(g) as NetworkWalkEngine;
    const slow = createWalkEngine(g, { speedMPerMin: 60 }) as NetworkWalkEngine;
    expect(e1.costs).not.toBe(e2.costs);
    const b1 = boundFor(g, e1.costs);
    expect(b1.landmarks).toBe(8);
    expect(boundFor(g, e2.costs)).toBe(b1);
    expect(boundFor(g, slow.costs)).not.toBe(b1);
  });

  it('delivers the same table as preparing it here, walks by the straight-line bound meanwhile', async () => {
    const g = graphOf(32);
    const eng = createWalkEngine(g) as NetworkWalkEngine;
    const local = aStarBound(g, eng.costs);
    const { create, state } = fakeWorker();
    const done = prepareBoundOffThread(g, eng.costs, create);
    const meanwhile = boundFor(g, eng.costs);
    expect(meanwhile.landmarks).toBe(0);
    // Walks while pending are exact too: same minutes as after the landmarks arrive.
    const r = rng(5);
    const pairs = Array.from({ length: 60 }, () => {
      const a = edgePointAt(g, Math.floor(r() * g.edgeCount), r());
      const b = edgePointAt(g, Math.floor(r() * g.edgeCount), r());
      return [a, b] as const;
    });
    const before = pairs.map(([a, b]) => eng.travel(a, b));
    expect(await done).toBe(true);
    expect(state.terminated).toBe(true);
    const delivered = boundFor(g, eng.costs);
    expect(delivered.landmarks).toBe(8);
    expect(Array.from(delivered.table)).toEqual(Array.from(local.table));
    expect(delivered.maxSpeed).toBe(local.maxSpeed);
    pairs.forEach(([a, b], i) => {
      const after = eng.travel(a, b);
      expect(after === null).toBe(before[i] === null);
      if (after && before[i]) expect(after.minutes).toBeCloseTo(before[i]!.minutes, 9);
    });
    // Already prepared: no second worker.
    expect(await prepareBoundOffThread(g, eng.costs, create)).toBe(false);
    expect(state.posted).toBe(1);
  });

  it('prepares the bound here when the worker fails, sends a misfit, or cannot start', async () => {
    for (const [i, how] of (['fail', 'misfit', 'no worker'] as const).entries()) {
      const g = graphOf(40 + i);
      const eng = createWalkEngine(g) as NetworkWalkEngine;
      const create =
        how === 'no worker'
          ? () => {
              throw new ReferenceError('Worker is not defined');
            }
          : fakeWorker(
              how === 'fail'
                ? { fail: true }
                : {
                    tamper: (reply) => {
                      if (reply.ok && 'bound' in reply) reply.bound.table = reply.bound.table.subarray(1);
                    },
                  },
            ).create;
      expect(await prepareBoundOffThread(g, eng.costs, create)).toBe(false);
      const b = boundFor(g, eng.costs);
      expect(b.landmarks).toBe(8);
      expect(b.table.length).toBe(b.stride * g.nodeCount);
    }
  });

  it("hands over copies: transferring the request leaves the engine's graph and costs intact", () => {
    const g = graphOf(51);
    const eng = createWalkEngine(g) as NetworkWalkEngine;
    const { request, transfer } = boundRequest(g, eng.costs);
    expect(transfer).toHaveLength(6);
    const arrived = structuredClone(request, { transfer });
    // The request's buffers moved (detached here), the graph's and the engine's did not.
    expect(request.graph.lon.length).toBe(0);
    expect(request.costs.length).toBe(0);
    expect(g.lon.length).toBe(g.nodeCount);
    expect(eng.costs.length).toBe(g.edgeCount);
    expect(Array.from(arrived.graph.target)).toEqual(Array.from(g.target));
    const replies: BoundReply[] = [];
    handleBoundRequest(arrived, (r) => replies.push(r));
    const got = replies[0]!;
    expect(got.ok && 'bound' in got && Array.from(got.bound.table)).toEqual(
      Array.from(aStarBound(g, eng.costs).table),
    );
  });

  it('answers a request whose arrays do not fit with an error', () => {
    const g = graphOf(50);
    const replies: BoundReply[] = [];
    handleBoundRequest({ graph: g, costs: new Float32Array(3) }, (r) => replies.push(r));
    expect(replies).toEqual([{ ok: false, message: 'graph arrays do not fit together' }]);
  });
});
