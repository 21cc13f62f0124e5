import { describe, expect, it } from 'vitest';
import { COMBO_CLOSED, type ComboState, comboReduce } from './combobox';

const key = (s: ComboState, k: string, hasText = true) => comboReduce(s, { type: 'key', key: k, hasText });
const withResults = (n: number) => comboReduce(COMBO_CLOSED, { type: 'results', count: n }).state;

describe('comboReduce', () => {
  it('opens on results and closes when there are none', () => {
    expect(withResults(3)).toEqual({ open: true, active: -1, count: 3 });
    expect(withResults(0)).toEqual({ open: false, active: -1, count: 0 });
  });

  it('moves with the arrow keys, wrapping, and opens a closed list', () => {
    let s = withResults(3);
    const seen: number[] = [];
    for (let i = 0; i < 4; i++) {
      const r = key(s, 'ArrowDown');
      expect(r.handled).toBe(true);
      s = r.state;
      seen.push(s.active);
    }
    expect(seen).toEqual([0, 1, 2, 0]);
    s = key(s, 'ArrowUp').state;
    expect(s.active).toBe(2);
    const closed = { ...s, open: false, active: -1 };
    expect(key(closed, 'ArrowDown').state).toMatchObject({ open: true, active: 0 });
    expect(key(closed, 'ArrowUp').state).toMatchObject({ open: true, active: 2 });
    expect(key(withResults(0), 'ArrowDown').handled).toBe(false);
  });

  it('uses Home/End for options only while one is active', () => {
    const fresh = withResults(5);
    expect(key(fresh, 'Home').handled).toBe(false); // caret movement in the input
    const active = key(fresh, 'ArrowDown').state;
    expect(key(active, 'End').state.active).toBe(4);
    expect(key({ ...active, active: 3 }, 'Home').state.active).toBe(0);
  });

  it('picks with Enter: the active option, else the first', () => {
    const s = key(key(withResults(3), 'ArrowDown').state, 'ArrowDown').state;
    const r = key(s, 'Enter');
    expect(r).toMatchObject({ handled: true, effect: { type: 'pick', index: 1 }, state: { open: false } });
    expect(key(withResults(3), 'Enter').effect).toEqual({ type: 'pick', index: 0 });
    expect(key(withResults(0), 'Enter')).toMatchObject({ handled: false, effect: { type: 'none' } });
  });

  it('closes with Escape, then clears the text', () => {
    const open = key(withResults(2), 'ArrowDown').state;
    const first = key(open, 'Escape');
    expect(first).toMatchObject({
      handled: true,
      effect: { type: 'none' },
      state: { open: false, active: -1 },
    });
    expect(key(first.state, 'Escape')).toMatchObject({ handled: true, effect: { type: 'clear' } });
    expect(key(first.state, 'Escape', false).handled).toBe(false);
  });

  it('follows the pointer and closes on blur or Tab', () => {
    const s = withResults(3);
    expect(comboReduce(s, { type: 'hover', index: 2 }).state.active).toBe(2);
    expect(comboReduce(s, { type: 'hover', index: 9 }).state.active).toBe(-1);
    expect(comboReduce(s, { type: 'close' }).state.open).toBe(false);
    expect(key(s, 'Tab')).toMatchObject({ handled: false, state: { open: false } });
    expect(key(s, 'a')).toMatchObject({ handled: false, state: s });
  });
});
