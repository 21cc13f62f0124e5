import { describe, expect, it } from 'vitest';
import { edgeMinutes } from './cost.ts';
import { boundedDijkstra, DijkstraWorkspace, multiSourceDijkstra, pathEdges } from './dijkstra.ts';
import { buildWalkGraph } from './graph.ts';
import { floydWarshall, randomExtract, rng } from './test_support.ts';

const cases = [
  { seed: 1, n: 40, ele: false, oneway: 0 },
  { seed: 2, n: 60, ele: true, oneway: 0 },
  { seed: 3, n: 50, ele: true, oneway: 0.2 },
  { seed: 4, n: 70, ele: false, oneway: 0.3 },
];

describe('boundedDijkstra against Floyd–Warshall', () => {
  for (const c of cases) {
    it(`matches all-pairs times on random graph #${c.seed} (ele=${c.ele}, oneway=${c.oneway})`, () => {
      const { graph } = buildWalkGraph(
        randomExtract(c.seed, c.n, { ele: c.ele, onewayShare: c.oneway, stepsShare: 0.1 }),
        {
          keepAllComponents: true,
        },
      );
      const costs = edgeMinutes(graph);
      const fw = floydWarshall(graph, costs);
      const n = graph.nodeCount;
      const ws = new DijkstraWorkspace(n);
      for (let s = 0; s < n; s++) {
        boundedDijkstra(graph, costs, [{ node: s, minutes: 0 }], Infinity, ws, 'from');
        for (let v = 0; v < n; v++) {
          const want = fw[s * n + v] as number;
          const got = ws.minutes(v);
          if (want === Infinity) expect(got).toBe(Infinity);
          else expect(got).toBeCloseTo(want, 9);
        }
        // 'to' search from s = times from every node to s.
        boundedDijkstra(graph, costs, [{ node: s, minutes: 0 }], Infinity, ws, 'to');
        for (let v = 0; v < n; v++) {
          const want = fw[v * n + s] as number;
          const got = ws.minutes(v);
          if (want === Infinity) expect(got).toBe(Infinity);
          else expect(got).toBeCloseTo(want, 9);
        }
      }
    });
  }

  it('respects the cut-off exactly and reuses the workspace across many searches', () => {
    const { graph } = buildWalkGraph(randomExtract(9, 80, { ele: true }), { keepAllComponents: true });
    const costs = edgeMinutes(graph);
    const fw = floydWarshall(graph, costs);
    const n = graph.nodeCount;
    const ws = new DijkstraWorkspace(n);
    const r = rng(5);
    for (let q = 0; q < 300; q++) {
      const s = Math.floor(r() * n);
      const cut = r() * 8;
      const count = boundedDijkstra(graph, costs, [{ node: s, minutes: 0 }], cut, ws);
      let expected = 0;
      for (let v = 0; v < n; v++) {
        const want = fw[s * n + v] as number;
        if (want <= cut) {
          expected++;
          expect(ws.minutes(v)).toBeCloseTo(want, 9);
        } else expect(ws.reached(v)).toBe(false);
      }
      expect(count).toBe(expected);
      // Settled order is non-decreasing in time.
      for (let i = 1; i < ws.settledCount; i++) {
        expect(ws.minutes(ws.settled[i] as number)).toBeGreaterThanOrEqual(
          ws.minutes(ws.settled[i - 1] as number),
        );
      }
    }
  });

  it('reconstructs paths whose edge costs add up to the reported time', () => {
    const { graph } = buildWalkGraph(randomExtract(11, 60, { ele: true, onewayShare: 0.2 }), {
      keepAllComponents: true,
    });
    const costs = edgeMinutes(graph);
    const ws = new DijkstraWorkspace(graph.nodeCount);
    for (const dir of ['from', 'to'] as const) {
      boundedDijkstra(graph, costs, [{ node: 0, minutes: 0.25 }], Infinity, ws, dir);
      for (let v = 0; v < graph.nodeCount; v++) {
        if (!ws.reached(v)) continue;
        const edges = pathEdges(graph, ws.pred, v, dir);
        let sum = 0.25;
        for (const e of edges) sum += costs[e] as number;
        expect(sum).toBeCloseTo(ws.minutes(v), 9);
        // Consecutive edges connect, starting/ending at node 0 or v as the direction says.
        if (edges.length > 0) {
          const last = edges[edges.length - 1] as number;
          if (dir === 'from') expect(graph.target[last]).toBe(v);
          else expect(graph.target[last]).toBe(0);
        }
      }
    }
  });
});

describe('multiSourceDijkstra', () => {
  for (const c of cases) {
    it(`equals the minimum over single-source searches (graph #${c.seed})`, () => {
      const { graph } = buildWalkGraph(
        randomExtract(c.seed + 20, c.n, { ele: c.ele, onewayShare: c.oneway }),
        {
          keepAllComponents: true,
        },
      );
      const costs = edgeMinutes(graph);
      const n = graph.nodeCount;
      const r = rng(c.seed);
      const seeds = Array.from({ length: 6 }, (_, i) => ({
        node: Math.floor(r() * n),
        minutes: r() * 2,
        source: 100 + i,
      }));
      const fw = floydWarshall(graph, costs);
      for (const direction of ['to', 'from'] as const) {
        const res = multiSourceDijkstra(graph, costs, seeds, { direction });
        for (let v = 0; v < n; v++) {
          let best = Infinity;
          for (const s of seeds) {
            const d = direction === 'to' ? (fw[v * n + s.node] as number) : (fw[s.node * n + v] as number);
            best = Math.min(best, s.minutes + d);
          }
          if (best === Infinity) {
            expect(res.minutes[v]).toBe(Infinity);
            expect(res.source[v]).toBe(-1);
          } else {
            expect(res.minutes[v]).toBeCloseTo(best, 9);
            // The reported source achieves the minimum.
            const s = seeds.filter((x) => x.source === res.source[v]);
            const viaReported = Math.min(
              ...s.map(
                (x) =>
                  x.minutes +
                  (direction === 'to' ? (fw[v * n + x.node] as number) : (fw[x.node * n + v] as number)),
              ),
            );
            expect(viaReported).toBeCloseTo(best, 9);
          }
        }
      }
    });
  }

  it('honours maxMinutes', () => {
    const { graph } = buildWalkGraph(randomExtract(31, 60), { keepAllComponents: true });
    const costs = edgeMinutes(graph);
    const full = multiSourceDijkstra(graph, costs, [{ node: 3, minutes: 0 }]);
    const cut = multiSourceDijkstra(graph, costs, [{ node: 3, minutes: 0 }], { maxMinutes: 4 });
    for (let v = 0; v < graph.nodeCount; v++) {
      if ((full.minutes[v] as number) <= 4) expect(cut.minutes[v]).toBeCloseTo(full.minutes[v] as number, 12);
      else expect(cut.minutes[v]).toBe(Infinity);
    }
  });
});
