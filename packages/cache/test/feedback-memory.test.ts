// The feedback memory against a real Redis: per merchant key, global and per user, rewritten not
// incremented (a retried correction cannot double count), rebuilt whole.
import { randomBytes } from 'node:crypto';
import { Redis } from 'ioredis';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { createFeedbackMemory } from '../src/index.js';

let redis: Redis;
beforeAll(() => {
  redis = new Redis(inject('redisUrl'));
});
afterAll(() => redis.disconnect());

describe('createFeedbackMemory', () => {
  it('answers per merchant key, globally and for the user who corrected it', async () => {
    const memory = createFeedbackMemory(redis, `t${randomBytes(4).toString('hex')}:memory:`);
    const counts = [
      { merchantKey: 'ZORBLAX', userId: 'u1', category: 'PERSONAL_CARE', count: 2 },
      { merchantKey: 'ZORBLAX', userId: null, category: 'GENERAL_SERVICES', count: 1 },
    ];
    await memory.refresh('ZORBLAX', counts);
    await memory.refresh('ZORBLAX', counts); // a retried job: same state, not doubled
    expect(await memory.lookup([{ merchantKey: 'ZORBLAX', userId: 'u1' }, { merchantKey: 'ZORBLAX', userId: 'u2' }, { merchantKey: 'OTHER' }])).toEqual([
      { global: { PERSONAL_CARE: 2, GENERAL_SERVICES: 1 }, user: { PERSONAL_CARE: 2 } },
      { global: { PERSONAL_CARE: 2, GENERAL_SERVICES: 1 } },
      {},
    ]);
  });

  it('rebuild() replaces everything, keeping each merchant key whole however many there are', async () => {
    const memory = createFeedbackMemory(redis, `t${randomBytes(4).toString('hex')}:memory:`);
    await memory.refresh('GONE', [{ merchantKey: 'GONE', userId: null, category: 'TRAVEL', count: 1 }]);
    const counts = Array.from({ length: 1500 }, (_, i) => ({ merchantKey: `M${i % 700}`, userId: null, category: i % 2 ? 'TRAVEL' : 'MEDICAL', count: 1 }));
    await memory.rebuild(counts);
    const [gone, m1] = await memory.lookup([{ merchantKey: 'GONE' }, { merchantKey: 'M1' }]);
    expect(gone).toEqual({});
    // M1 gets rows i = 1, 701, 1401: all odd -> TRAVEL x3.
    expect(m1).toEqual({ global: { TRAVEL: 3 } });
  });
});
