// An in-process LRU bounded by bytes, not entries: embeddings of one model are all the same
// size, but the bound must hold whatever the model's dimensions.

export interface LruOptions<V> {
  maxBytes: number;
  sizeOf: (value: V) => number;
}

export function createLru<V>({ maxBytes, sizeOf }: LruOptions<V>) {
  if (!Number.isInteger(maxBytes) || maxBytes < 0) throw new RangeError(`maxBytes must be an integer >= 0, got ${maxBytes}`);
  // A Map iterates in insertion order: re-inserting on read makes the first key the least recent.
  const entries = new Map<string, V>();
  let bytes = 0;
  let evictions = 0;

  function remove(key: string): void {
    const value = entries.get(key);
    if (value === undefined) return;
    entries.delete(key);
    bytes -= sizeOf(value);
  }

  return {
    get(key: string): V | undefined {
      const value = entries.get(key);
      if (value === undefined) return undefined;
      entries.delete(key);
      entries.set(key, value);
      return value;
    },
    set(key: string, value: V): void {
      const size = sizeOf(value);
      remove(key);
      if (size > maxBytes) return;
      entries.set(key, value);
      bytes += size;
      for (const oldest of entries.keys()) {
        if (bytes <= maxBytes) break;
        remove(oldest);
        evictions += 1;
      }
    },
    clear(): void {
      entries.clear();
      bytes = 0;
    },
    stats: () => ({ entries: entries.size, bytes, maxBytes, evictions }),
  };
}
