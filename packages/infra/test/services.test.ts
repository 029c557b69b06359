// The services the repository's vitest.global-setup.ts provides to every workspace that asks.
import { Redis } from 'ioredis';
import { describe, expect, inject, it } from 'vitest';
import { query } from './helpers.js';

describe('global setup', () => {
  it('provides a Redis and a Postgres that answer', async () => {
    const redis = new Redis(inject('redisUrl'));
    expect(await redis.ping()).toBe('PONG');
    redis.disconnect();
    expect(await query(inject('databaseUrl'), 'SELECT current_database() AS db')).toHaveLength(1);
  });
});
