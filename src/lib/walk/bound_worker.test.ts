import { describe, expect, it } from 'vitest';
import { boundFor, hierarchyFor } from './bound_store.ts';
import {
  type BoundReply,
  type BoundRequest,
  type BoundWorkerLike,
  boundRequest,
  type HierarchyBudget,
  handleBoundRequest,
  prepareBoundOffThread,
} from './bound_worker.ts';
import { buildHierarchy, hierarchyBuffers } from './ch_build.ts';
import { walkBetweenCH } from './ch_query.ts';
import { edgePointAt } from './edge_shape.ts';
import { createWalkEngine, type NetworkWalkEngine } from './engine.ts';
import { buildWalkGraph } from './graph.ts';
import { aStarBound } from './landmarks.ts';
import { EdgeSnapIndex } from './snap.ts';
import { randomExtract, rng } from './test_support.ts';

const graphOf = (seed: number) => buildWalkGraph(randomExtract(seed, 250, { sizeM: 1500, ele: true })).graph;

/** A worker that runs the real handler on a structured clone of the request, a tick later. */
function fakeWorker(
  opts: {
    fail?: boolean;
    tamper?: (r: BoundReply) => void;
    silent?: 'all' | 'after bound';
    budget?: HierarchyBudget;
  } = {},
): {
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
        if (opts.budget) copy.budget = opts.budget;
        setTimeout(() => {
          if (opts.fail) {
            w.onerror?.({ message: 'boom' });
            return;
          }
          if (opts.silent === 'all') return;
          handleBoundRequest(copy, (reply) => {
            if (opts.silent === 'after bound' && !(reply.ok && 'bound' in reply)) return;
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

  it('delivers the hierarchy after the bound; travel() walks on it with the times of A*', async () => {
    const g = graphOf(60);
    const eng = createWalkEngine(g) as NetworkWalkEngine;
    const r = rng(8);
    const pairs = Array.from({ length: 200 }, () => {
      const a = edgePointAt(g, Math.floor(r() * g.edgeCount), r());
      const b = edgePointAt(g, Math.floor(r() * g.edgeCount), r());
      return [a, b] as const;
    });
    const byAStar = pairs.map(([a, b]) => eng.travel(a, b));
    expect(hierarchyFor(g, eng.costs)).toBeNull();
    // The walks above prepared the bound here: the worker is asked for the hierarchy only.
    const { create, state } = fakeWorker();
    expect(await prepareBoundOffThread(g, eng.costs, create)).toBe(false);
    expect(state.terminated).toBe(true);
    expect(hierarchyFor(g, eng.costs)).not.toBeNull();
    pairs.forEach(([a, b], i) => {
      const viaCh = eng.travel(a, b);
      expect(viaCh === null).toBe(byAStar[i] === null);
      if (viaCh && byAStar[i]) expect(viaCh.minutes).toBeCloseTo(byAStar[i]!.minutes, 9);
    });
  });

  it('gives the hierarchy up over its shortcut or time budget and says so; the page stays on A*', async () => {
    const g = graphOf(62);
    const eng = createWalkEngine(g) as NetworkWalkEngine;
    for (const [over, budget] of [
      ['shortcuts', { shortcutsPerEdge: 0.01, ms: 600_000 }],
      ['time', { shortcutsPerEdge: 100, ms: -1 }],
    ] as const) {
      const replies: BoundReply[] = [];
      handleBoundRequest({ ...boundRequest(g, eng.costs).request, budget }, (r) => replies.push(r));
      expect(replies[0]!.ok && 'bound' in replies[0]!).toBe(true);
      expect(replies.slice(1).filter((r) => !(r.ok && 'progress' in r))).toEqual([
        { ok: true, overBudget: over },
      ]);
    }
    // Within the default budget the same graph gets its hierarchy.
    const replies: BoundReply[] = [];
    handleBoundRequest(boundRequest(g, eng.costs).request, (r) => replies.push(r));
    expect(replies.some((r) => r.ok && 'hierarchy' in r)).toBe(true);
    // Through the page's call: the worker ends with no hierarchy; walks stay A*'s (same minutes).
    const r = rng(12);
    const pairs = Array.from({ length: 50 }, () => {
      const a = edgePointAt(g, Math.floor(r() * g.edgeCount), r());
      const b = edgePointAt(g, Math.floor(r() * g.edgeCount), r());
      return [a, b] as const;
    });
    const before = pairs.map(([a, b]) => eng.travel(a, b)?.minutes ?? null);
    const { create, state } = fakeWorker({ budget: { shortcutsPerEdge: 0.01, ms: 600_000 } });
    expect(await prepareBoundOffThread(g, eng.costs, create)).toBe(false);
    expect(state.terminated).toBe(true);
    expect(hierarchyFor(g, eng.costs)).toBeNull();
    expect(pairs.map(([a, b]) => eng.travel(a, b)?.minutes ?? null)).toEqual(before);
  });

  it('a transferred hierarchy (as the worker sends it) gives the answers of the one built here', () => {
    const g = graphOf(61);
    const eng = createWalkEngine(g) as NetworkWalkEngine;
    const here = buildHierarchy(g, eng.costs);
    const sent = buildHierarchy(g, eng.costs);
    const arrived = structuredClone(sent, { transfer: hierarchyBuffers(sent) });
    expect(sent.upHead.length).toBe(0); // moved, not copied
    const index = new EdgeSnapIndex(g);
    const r = rng(9);
    for (let q = 0; q < 300; q++) {
      const a = index.snap(...edgePointAt(g, Math.floor(r() * g.edgeCount), r()))!;
      const b = index.snap(...edgePointAt(g, Math.floor(r() * g.edgeCount), r()))!;
      expect(walkBetweenCH(g, eng.costs, arrived, a, b)).toEqual(walkBetweenCH(g, eng.costs, here, a, b));
    }
  });

  it('gives up on a silent worker after the timeout: the page keeps walking by A*', async () => {
    for (const [i, silent] of (['all', 'after bound'] as const).entries()) {
      const g = graphOf(70 + i);
      const eng = createWalkEngine(g) as NetworkWalkEngine;
      const { create, state } = fakeWorker({ silent });
      const done = prepareBoundOffThread(g, eng.costs, create, 50);
      // Meanwhile walks work (the straight-line bound).
      const from = edgePointAt(g, 0, 0.5);
      const to = edgePointAt(g, g.edgeCount - 1, 0.5);
      const before = eng.travel(from, to);
      // A silent worker: the landmark bound is then prepared here; one that sent it keeps its bound.
      expect(await done).toBe(silent === 'after bound');
      expect(state.terminated).toBe(true);
      expect(hierarchyFor(g, eng.costs)).toBeNull();
      expect(boundFor(g, eng.costs).landmarks).toBe(8);
      const after = eng.travel(from, to);
      expect(after === null).toBe(before === null);
      if (after && before) expect(after.minutes).toBeCloseTo(before.minutes, 9);
    }
  });

  it('keeps waiting for a slow hierarchy while the worker reports progress', async () => {
    const g = graphOf(80);
    const eng = createWalkEngine(g) as NetworkWalkEngine;
    let terminated = false;
    // The real answers, with the hierarchy 4 × 30 ms of progress reports after the bound.
    const w: BoundWorkerLike = {
      onmessage: null,
      onerror: null,
      terminate() {
        terminated = true;
      },
      postMessage(message: BoundRequest) {
        const replies: BoundReply[] = [];
        handleBoundRequest(structuredClone(message), (r) => replies.push(structuredClone(r)));
        const [bound, hierarchy] = replies;
        const steps: BoundReply[] = [
          bound!,
          ...[1, 2, 3, 4].map((progress) => ({ ok: true as const, progress })),
        ];
        steps.push(hierarchy!);
        steps.forEach((r, i) => {
          setTimeout(() => w.onmessage?.({ data: r }), i * 30);
        });
      },
    };
    expect(await prepareBoundOffThread(g, eng.costs, () => w, 50)).toBe(true);
    expect(terminated).toBe(true);
    expect(hierarchyFor(g, eng.costs)).not.toBeNull();
  });
});
