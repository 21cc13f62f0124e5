import { describe, expect, it } from 'vitest';
import {
  buildHierarchy,
  type Hierarchy,
  HierarchyBudgetError,
  hierarchyBytes,
  hierarchyFits,
} from './ch_build.ts';
import { edgeMinutes } from './cost.ts';
import { buildWalkGraph, edgeSources } from './graph.ts';
import { randomExtract, shapedGrid } from './test_support.ts';

/** The edges an arc walks, by recursion (the test's own, independent of the query's stack). */
function edgesOf(h: Hierarchy, arc: number): number[] {
  if (arc < h.edgeCount) return [arc];
  const i = arc - h.edgeCount;
  return [...edgesOf(h, h.shortcutFirst[i]!), ...edgesOf(h, h.shortcutSecond[i]!)];
}

describe('buildHierarchy', () => {
  const { graph } = buildWalkGraph(randomExtract(31, 300, { ele: true, onewayShare: 0.2, stepsShare: 0.1 }));
  const costs = edgeMinutes(graph);
  const h = buildHierarchy(graph, costs);
  const src = edgeSources(graph);

  it('orders every node once, and arcs go up from their lower end or down into it', () => {
    expect([...h.rank].sort((x, y) => x - y)).toEqual(Array.from({ length: graph.nodeCount }, (_, i) => i));
    for (let u = 0; u < graph.nodeCount; u++) {
      for (let q = h.upOffsets[u]!; q < h.upOffsets[u + 1]!; q++)
        expect(h.rank[h.upHead[q]!]).toBeGreaterThan(h.rank[u]!);
      for (let q = h.downOffsets[u]!; q < h.downOffsets[u + 1]!; q++)
        expect(h.rank[h.downTail[q]!]).toBeGreaterThan(h.rank[u]!);
    }
    expect(hierarchyFits(h, graph.nodeCount, graph.edgeCount)).toBe(true);
    expect(hierarchyBytes(h)).toBeGreaterThan(0);
  });

  it('keeps every arc a chain of edges whose minutes are its cost, from its tail to its head', () => {
    const check = (tail: number, head: number, cost: number, arc: number) => {
      const edges = edgesOf(h, arc);
      expect(src[edges[0]!]).toBe(tail);
      expect(graph.target[edges[edges.length - 1]!]).toBe(head);
      for (let i = 1; i < edges.length; i++) expect(src[edges[i]!]).toBe(graph.target[edges[i - 1]!]);
      const sum = edges.reduce((m, e) => m + costs[e]!, 0);
      expect(Math.abs(sum - cost)).toBeLessThan(1e-9);
    };
    for (let u = 0; u < graph.nodeCount; u++) {
      for (let q = h.upOffsets[u]!; q < h.upOffsets[u + 1]!; q++)
        check(u, h.upHead[q]!, h.upCost[q]!, h.upArc[q]!);
      for (let q = h.downOffsets[u]!; q < h.downOffsets[u + 1]!; q++)
        check(h.downTail[q]!, u, h.downCost[q]!, h.downArc[q]!);
    }
  });

  it('refuses a hierarchy of another graph, with a shortcut made of itself, or with arcs out of range', () => {
    expect(hierarchyFits(h, graph.nodeCount + 1, graph.edgeCount)).toBe(false);
    const grid = buildWalkGraph(shapedGrid(6, 100, 2)).graph;
    expect(hierarchyFits(h, grid.nodeCount, grid.edgeCount)).toBe(false);
    expect(h.shortcutFirst.length).toBeGreaterThan(0);
    const selfMade = { ...h, shortcutFirst: h.shortcutFirst.slice() };
    selfMade.shortcutFirst[0] = h.edgeCount;
    expect(hierarchyFits(selfMade, graph.nodeCount, graph.edgeCount)).toBe(false);
    const outOfRange = { ...h, upHead: h.upHead.slice() };
    outOfRange.upHead[0] = graph.nodeCount;
    expect(hierarchyFits(outOfRange, graph.nodeCount, graph.edgeCount)).toBe(false);
    const shortArray = { ...h, downCost: h.downCost.subarray(1) };
    expect(hierarchyFits(shortArray, graph.nodeCount, graph.edgeCount)).toBe(false);
  });

  it('gives up past its shortcut budget or deadline, not at the budget itself', () => {
    const made = h.shortcutFirst.length;
    expect(buildHierarchy(graph, costs, { maxShortcuts: made }).shortcutFirst.length).toBe(made);
    expect(() => buildHierarchy(graph, costs, { maxShortcuts: made - 1 })).toThrow(HierarchyBudgetError);
    expect(() => buildHierarchy(graph, costs, { maxShortcuts: made - 1 })).toThrow('shortcuts budget');
    expect(() => buildHierarchy(graph, costs, { deadline: performance.now() - 1 })).toThrow('time budget');
  });

  it('refuses costs that do not fit the graph', () => {
    expect(() => buildHierarchy(graph, new Float32Array(3))).toThrow('costs do not fit the graph');
  });
});
