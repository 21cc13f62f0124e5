import { describe, expect, it } from 'vitest';
import { exportMethodNote, legendBasis, methodLine, methodSummary } from './method_label';

const table = (cells: number[], estimated: number[]) => ({ cells, estimated });

describe('method labels', () => {
  it('calls a result network, estimate or mixed from its cells, with the shares', () => {
    expect(methodSummary({ method: 'estimate', table: table([10, 5], [0, 0]) })).toEqual({
      basis: 'estimate',
      cells: 15,
      estimated: 15,
      networkShare: 0,
    });
    expect(methodSummary({ method: 'network', table: table([10, 5], [0, 0]) }).basis).toBe('network');
    const mixed = methodSummary({ method: 'network', table: table([10, 30], [1, 29]) });
    expect(mixed).toEqual({ basis: 'mixed', cells: 40, estimated: 30, networkShare: 0.25 });
    // A graph that reaches no cell is an estimate in all but name.
    expect(methodSummary({ method: 'network', table: table([4], [4]) }).basis).toBe('estimate');
  });

  it('says so in the panel line, the legend and the exports, in Chinese and English', () => {
    const mixed = methodSummary({ method: 'network', table: table([10, 30], [1, 29]) });
    expect(methodLine('en', mixed, 80, 1.3)).toBe(
      'Walking times: 25.0% of cells along the street network at 80 m/min; the other 75.0% (30 cells, far from any downloaded street) are estimates (straight line × 1.3).',
    );
    expect(methodLine('zh', mixed, 80, 1.3)).toContain('25.0% 的格网沿街道网络计算');
    expect(legendBasis('en', mixed)).toBe('network time for 25.0% of cells, estimate for 75.0%');
    expect(legendBasis('zh', mixed)).toBe('街道网络 25.0%、估算 75.0%');
    expect(exportMethodNote('en', mixed, 80, 1.3)).toMatch(
      /^Mixed: 25\.0% of cells on the street network at 80 m\/min, 75\.0% estimated/,
    );
    const net = methodSummary({ method: 'network', table: table([3], [0]) });
    expect(methodLine('en', net, 80, 1.3)).toBe('Every walking time follows the street network at 80 m/min.');
    expect(legendBasis('zh', net)).toBe('按街道网络步行时间');
    expect(exportMethodNote('zh', net, 80, 1.3)).toBe('街道网络，80米/分钟');
    const est = methodSummary({ method: 'estimate', table: table([3], [0]) });
    expect(methodLine('en', est, 80, 1.3)).toContain('Every walking time is an estimate');
    expect(legendBasis('en', est)).toBe('by estimated walking time');
  });
});
