// The result cache against a real Redis: shared across processes, versioned, cleared by prefix only.
import { randomBytes } from 'node:crypto';
import { Redis } from 'ioredis';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { inject } from 'vitest';
import { clearByPrefix, createResultCache } from '../src/index.js';

let redis: Redis;
beforeAll(() => {
  redis = new Redis(inject('redisUrl'));
});
afterAll(() => redis.disconnect());

const prefix = () => `t${randomBytes(4).toString('hex')}:result:`;

describe('createResultCache', () => {
  it('answers a repeat from another process and keys on version and context', async () => {
    const keyPrefix = prefix();
    const a = createResultCache<{ category: string }>({ redis, keyPrefix });
    const b = createResultCache<{ category: string }>({ redis, keyPrefix });
    const key = { description: 'UBER *TRIP', model: 'm', version: 1 };
    await a.setMany([{ key, value: { category: 'TRANSPORTATION' } }]);
    const got = await b.getMany([{ ...key, description: 'uber  *trip' }, { ...key, version: 2 }, { ...key, context: 'in' }]);
    expect(got).toEqual([{ category: 'TRANSPORTATION' }, undefined, undefined]);
    expect(b.stats()).toEqual({ hits: 1, misses: 2 });
    const ttl = await redis.ttl(a.keyOf(key));
    expect(ttl).toBeGreaterThan(3600);
  });

  it('clear() removes its own keys and nothing else', async () => {
    const mine = prefix();
    const other = prefix();
    const a = createResultCache<number>({ redis, keyPrefix: mine });
    const b = createResultCache<number>({ redis, keyPrefix: other });
    const entries = Array.from({ length: 2500 }, (_, i) => ({ key: { description: `shop ${i}`, model: 'm', version: 1 }, value: i }));
    await a.setMany(entries);
    await b.setMany(entries.slice(0, 3));
    expect(await a.clear()).toBe(2500);
    expect(await a.getMany(entries.slice(0, 3).map((e) => e.key))).toEqual([undefined, undefined, undefined]);
    expect(await b.getMany(entries.slice(0, 3).map((e) => e.key))).toEqual([0, 1, 2]);
    expect(await clearByPrefix(redis, other)).toBe(3);
  });

  it('rejects options that would make clear() dangerous', () => {
    expect(() => createResultCache({ redis, keyPrefix: '' })).toThrow(/keyPrefix must not be empty/);
    expect(() => createResultCache({ redis, ttlSeconds: 0 })).toThrow(/ttlSeconds must be a positive integer/);
  });
});
