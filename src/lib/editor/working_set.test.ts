import { describe, expect, it } from 'vitest';
import { emptyRow } from './place_row';
import {
  addRows,
  canRedo,
  canUndo,
  editRow,
  initialState,
  MAX_HISTORY,
  markExported,
  moveRow,
  redo,
  removeRow,
  undo,
} from './working_set';

const base = [{ ...emptyRow(), id: 'a', lon: '103.84', lat: '36.05' }];

describe('working set', () => {
  it('adds, edits, moves and removes as undoable steps, and redoes them', () => {
    let s = initialState(base);
    expect(s.unexported).toBe(false);
    const added = addRows(s, [{ row: { ...emptyRow(), id: 'b' }, needsPlace: true }]);
    s = added.state;
    const key = added.keys[0] as string;
    s = editRow(s, key, { name_zh: '乙' });
    s = moveRow(s, key, 103.712345678, 36.1);
    expect(s.rows[1]?.row).toMatchObject({ name_zh: '乙', lon: '103.712346', lat: '36.1', crs: 'WGS84' });
    expect(s.rows[1]?.needsPlace).toBe(false);
    s = removeRow(s, 'k1');
    expect(s.rows.map((r) => r.row.id)).toEqual(['b']);
    expect(s.unexported).toBe(true);
    s = undo(undo(s));
    expect(s.rows.map((r) => r.row.id)).toEqual(['a', 'b']);
    expect(s.rows[1]?.row.lon).toBe('');
    expect(s.rows[1]?.row.name_zh).toBe('乙');
    expect(canRedo(s)).toBe(true);
    s = redo(s);
    expect(s.rows[1]?.row.lon).toBe('103.712346');
    // A new edit drops the redo branch.
    s = editRow(s, key, { status: 'existing' });
    expect(canRedo(s)).toBe(false);
    s = undo(undo(undo(undo(undo(s)))));
    expect(canUndo(s)).toBe(false);
    expect(s.rows).toEqual(initialState(base).rows);
  });

  it('ignores edits that change nothing and unknown keys', () => {
    const s = initialState(base);
    expect(editRow(s, 'k1', { id: 'a' })).toBe(s);
    expect(editRow(s, 'nope', { id: 'x' })).toBe(s);
    expect(removeRow(s, 'nope')).toBe(s);
    expect(addRows(s, []).state).toBe(s);
  });

  it('keys stay unique after removals, and history is bounded', () => {
    let s = initialState(base);
    for (let i = 0; i < MAX_HISTORY + 10; i++) s = addRows(s, [{ row: emptyRow() }]).state;
    s = removeRow(s, 'k3');
    s = addRows(s, [{ row: emptyRow() }]).state;
    const keys = s.rows.map((r) => r.key);
    expect(new Set(keys).size).toBe(keys.length);
    expect(s.past.length).toBe(MAX_HISTORY);
    expect(markExported(s).unexported).toBe(false);
  });
});
