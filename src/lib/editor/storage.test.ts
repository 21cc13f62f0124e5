import { describe, expect, it } from 'vitest';
import { FakeIndexedDB } from '../walk/online/fake_idb';
import { emptyRow } from './place_row';
import { openWorkingSetStore, type SavedWorkingSet } from './storage';

const saved = (name: string): SavedWorkingSet => ({
  version: 1,
  savedAt: 1,
  rows: [{ key: 'k1', row: { ...emptyRow(), name_zh: name }, needsPlace: true }],
  unexported: true,
  nextKey: 2,
});

describe('working set store', () => {
  it('keeps the last saved working set across reopenings (a reload)', async () => {
    const idb = new FakeIndexedDB();
    const one = await openWorkingSetStore(idb.asFactory());
    expect(one.kind).toBe('indexeddb');
    expect(await one.load()).toBeNull();
    await Promise.all([one.save(saved('甲')), one.save(saved('乙'))]);
    const two = await openWorkingSetStore(idb.asFactory());
    expect(await two.load()).toEqual(saved('乙'));
    await two.clear();
    expect(await (await openWorkingSetStore(idb.asFactory())).load()).toBeNull();
  });

  it('reads a corrupted record as nothing saved, and falls back to memory without IndexedDB', async () => {
    const idb = new FakeIndexedDB();
    const s = await openWorkingSetStore(idb.asFactory());
    await s.save({ version: 2 } as never);
    expect(await s.load()).toBeNull();
    const mem = await openWorkingSetStore(null);
    expect(mem.kind).toBe('memory');
    await mem.save(saved('丙'));
    expect((await mem.load())?.rows[0]?.row.name_zh).toBe('丙');
  });
});
