// Node 20 lacks Map.groupBy / Object.groupBy (Node 21+), which vitest 5's reporters call when printing
// failures; without them a failing run crashes instead of reporting. Loaded by the vitest configs.

type GroupBy = <K, T>(items: Iterable<T>, key: (item: T, index: number) => K) => Map<K, T[]>;

if (typeof (Map as unknown as { groupBy?: GroupBy }).groupBy !== 'function') {
  const groupBy: GroupBy = (items, key) => {
    const out = new Map();
    let i = 0;
    for (const item of items) {
      const k = key(item, i++);
      const list = out.get(k);
      if (list) list.push(item);
      else out.set(k, [item]);
    }
    return out;
  };
  Object.defineProperty(Map, 'groupBy', { value: groupBy, configurable: true, writable: true });
}
if (typeof (Object as unknown as { groupBy?: unknown }).groupBy !== 'function') {
  Object.defineProperty(Object, 'groupBy', {
    value: <T>(items: Iterable<T>, key: (item: T, index: number) => PropertyKey) =>
      Object.assign(
        Object.create(null),
        Object.fromEntries((Map as unknown as { groupBy: GroupBy }).groupBy(items, key)),
      ),
    configurable: true,
    writable: true,
  });
}
