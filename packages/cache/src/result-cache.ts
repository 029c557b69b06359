// Classification results shared by every worker in Redis. A key names everything the answer
// depends on: the normalized description, the model and the prototype version (a retrain moves
// every worker to new keys at once, so nothing stale is ever read), plus whatever the caller adds
// (the amount's direction). A popular merchant is classified once per version for the whole fleet.
import { createHash } from 'node:crypto';
import type { Redis } from 'ioredis';
import { normalizeCacheText } from './embedding-cache.js';

export interface ResultCacheOptions {
  redis: Redis;
  /** All keys start with it; `clear()` removes exactly these. Default `txcat:result:`. */
  keyPrefix?: string;
  ttlSeconds?: number;
}

export interface ResultKey {
  description: string;
  /** Model identity and prototype version the result was computed with. */
  model: string;
  version: number | string;
  /** Anything else the answer depends on (e.g. 'in' / 'out' for the amount's sign). */
  context?: string;
}

export const RESULT_CACHE_DEFAULTS = { keyPrefix: 'txcat:result:', ttlSeconds: 24 * 3600 } as const;

/** The result-cache key prefix of the fleet whose BullMQ prefix is `queuePrefix`. */
export const resultCachePrefix = (queuePrefix: string) => `${queuePrefix}:result:`;

/**
 * Where workers announce the model and prototype version they answer with, so that the API can
 * look results up before enqueueing (outside the result prefix: DELETE /v1/cache keeps it).
 */
export const answeringKey = (queuePrefix: string) => `${queuePrefix}:answering`;
export interface Answering { model: string; version: number }

export function createResultCache<T>(options: ResultCacheOptions) {
  const keyPrefix = options.keyPrefix ?? RESULT_CACHE_DEFAULTS.keyPrefix;
  const ttlSeconds = options.ttlSeconds ?? RESULT_CACHE_DEFAULTS.ttlSeconds;
  if (!Number.isInteger(ttlSeconds) || ttlSeconds <= 0) throw new RangeError(`ttlSeconds must be a positive integer, got ${ttlSeconds}`);
  if (keyPrefix === '') throw new RangeError('keyPrefix must not be empty: clear() deletes every key that starts with it');
  const { redis } = options;
  const counts = { hits: 0, misses: 0 };

  const keyOf = (k: ResultKey) =>
    `${keyPrefix}${k.model}:${k.version}:` +
    createHash('sha1').update(`${normalizeCacheText(k.description)}\u0000${k.context ?? ''}`).digest('base64url');

  return {
    keyOf,
    async getMany(keys: ResultKey[]): Promise<Array<T | undefined>> {
      if (keys.length === 0) return [];
      const values = await redis.mget(...keys.map(keyOf));
      const found = values.map((v) => (v === null ? undefined : (JSON.parse(v) as T)));
      const hits = found.filter((v) => v !== undefined).length;
      counts.hits += hits;
      counts.misses += keys.length - hits;
      return found;
    },
    async setMany(entries: Array<{ key: ResultKey; value: T }>): Promise<void> {
      if (entries.length === 0) return;
      const pipeline = redis.pipeline();
      for (const e of entries) pipeline.set(keyOf(e.key), JSON.stringify(e.value), 'EX', ttlSeconds);
      await pipeline.exec();
    },
    /** Deletes every cached result of this fleet (SCAN + UNLINK, never KEYS); returns how many. */
    async clear(): Promise<number> {
      return clearByPrefix(redis, keyPrefix);
    },
    stats: () => ({ ...counts }),
  };
}

export type ResultCache<T> = ReturnType<typeof createResultCache<T>>;

/** Removes all keys starting with `prefix` without blocking Redis: SCAN in pages, UNLINK each page. */
export async function clearByPrefix(redis: Redis, prefix: string): Promise<number> {
  const pattern = `${prefix.replace(/[*?[\]\\]/g, '\\$&')}*`;
  let cursor = '0';
  let removed = 0;
  do {
    const [next, keys] = await redis.scan(cursor, 'MATCH', pattern, 'COUNT', 1000);
    if (keys.length > 0) removed += await redis.unlink(...keys);
    cursor = next;
  } while (cursor !== '0');
  return removed;
}
