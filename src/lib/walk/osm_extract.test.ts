import { describe, expect, it } from 'vitest';
import { inBbox, parseEle, pickWalkTags, WalkExtractCollector } from './osm_extract.ts';

describe('osm_extract', () => {
  it('parses metre elevations only', () => {
    expect(parseEle('1520')).toBe(1520);
    expect(parseEle(' 1520.5 m ')).toBe(1520.5);
    expect(parseEle('-3')).toBe(-3);
    expect(parseEle('5000 ft')).toBeUndefined();
    expect(parseEle('about 1500')).toBeUndefined();
    expect(parseEle(undefined)).toBeUndefined();
  });

  it('keeps only the tags the engine reads', () => {
    expect(pickWalkTags({ highway: 'steps', incline: 'up', surface: 'stone', name: '台阶' })).toEqual({
      highway: 'steps',
      incline: 'up',
      name: '台阶',
    });
  });

  it('collects walkable ways, then only their nodes inside the bbox', () => {
    const c = new WalkExtractCollector({ bbox: [103, 36, 104, 37] });
    c.addWay(1, [1, 2], { highway: 'footway' });
    c.addWay(2, [3, 4], { highway: 'motorway' });
    c.addWay(3, [5], { highway: 'footway' });
    expect(c.needsNode(1)).toBe(true);
    expect(c.needsNode(3)).toBe(false);
    c.addNode(1, 103.5, 36.5, 1500);
    c.addNode(2, 105, 36.5);
    c.addNode(3, 103.5, 36.5);
    const ex = c.finish();
    expect(ex.ways.map((w) => w.id)).toEqual([1]);
    expect([...ex.nodes.entries()]).toEqual([[1, { lon: 103.5, lat: 36.5, ele: 1500 }]]);
    expect(c.waysSeen).toBe(3);
    expect(c.nodesSeen).toBe(3);
    expect(inBbox([0, 0, 1, 1], 1, 1)).toBe(true);
    expect(inBbox([0, 0, 1, 1], 1.0001, 1)).toBe(false);
  });
});
