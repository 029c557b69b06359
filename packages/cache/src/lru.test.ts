import { describe, expect, it } from 'vitest';
import { createLru } from './lru.js';

const lru = (maxBytes: number) => createLru<Float32Array>({ maxBytes, sizeOf: (v) => v.byteLength });

describe('createLru', () => {
  it('evicts the least recently used entries once over the byte bound', () => {
    const c = lru(32); // room for two 4-float vectors
    c.set('a', new Float32Array(4));
    c.set('b', new Float32Array(4));
    expect(c.get('a')).toBeDefined(); // a is now the most recent
    c.set('c', new Float32Array(4));
    expect(c.get('b')).toBeUndefined();
    expect(c.get('a')).toBeDefined();
    expect(c.get('c')).toBeDefined();
    expect(c.stats()).toMatchObject({ entries: 2, bytes: 32, evictions: 1 });
  });

  it('never holds a value larger than the bound, and replaces a key without double counting', () => {
    const c = lru(16);
    c.set('big', new Float32Array(5));
    expect(c.get('big')).toBeUndefined();
    c.set('k', new Float32Array(2));
    c.set('k', new Float32Array(4));
    expect(c.stats()).toMatchObject({ entries: 1, bytes: 16 });
  });

  it('rejects a bad bound with a message naming it', () => {
    expect(() => lru(-1)).toThrow('maxBytes must be an integer >= 0');
  });
});
