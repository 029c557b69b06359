// The feedback memory: for each merchant key, how often users corrected it to each category,
// globally and per user, in Redis hashes every worker and the API read. Postgres holds the
// corrections; these hashes are derived from it (rewritten for a merchant key after each
// correction, rebuilt whole by the retrain job), so a retried job never double counts.
import type { Redis } from 'ioredis';
import { clearByPrefix } from './result-cache.js';

export interface MemoryCounts {
  merchantKey: string;
  userId: string | null;
  category: string;
  count: number;
}

export interface MemoryLookup {
  user?: Record<string, number>;
  global?: Record<string, number>;
}

export const feedbackMemoryPrefix = (queuePrefix: string) => `${queuePrefix}:memory:`;

export function createFeedbackMemory(redis: Redis, keyPrefix: string) {
  const globalKey = (merchantKey: string) => `${keyPrefix}g:${merchantKey}`;
  const userKey = (userId: string, merchantKey: string) => `${keyPrefix}u:${userId.length}:${userId}:${merchantKey}`;
  const toRecord = (entries: Record<string, string>) => Object.fromEntries(Object.entries(entries).map(([c, n]) => [c, Number(n)]));

  /** Replaces the hashes of every merchant key in `merchantKeys` with `counts` (atomically per call). */
  async function write(merchantKeys: string[], counts: MemoryCounts[]): Promise<void> {
    const multi = redis.multi();
    const users = new Set(counts.filter((c) => c.userId !== null).map((c) => `${c.userId}\u0000${c.merchantKey}`));
    for (const key of merchantKeys) multi.del(globalKey(key));
    for (const u of users) {
      const [userId, key] = u.split('\u0000') as [string, string];
      multi.del(userKey(userId, key));
    }
    for (const c of counts) {
      multi.hincrby(globalKey(c.merchantKey), c.category, c.count);
      if (c.userId !== null) multi.hincrby(userKey(c.userId, c.merchantKey), c.category, c.count);
    }
    await multi.exec();
  }

  return {
    /** After a correction: this merchant key's counts, freshly read from Postgres. */
    refresh: (merchantKey: string, counts: MemoryCounts[]) => write([merchantKey], counts.filter((c) => c.merchantKey === merchantKey)),
    /** After a retrain: everything from scratch. */
    async rebuild(counts: MemoryCounts[]): Promise<void> {
      await clearByPrefix(redis, keyPrefix);
      const byKey = new Map<string, MemoryCounts[]>();
      for (const c of counts) byKey.set(c.merchantKey, [...(byKey.get(c.merchantKey) ?? []), c]);
      const keys = [...byKey.keys()];
      // A merchant key's counts always go in one write: a later write would delete an earlier one's.
      for (let i = 0; i < keys.length; i += 500) {
        const slice = keys.slice(i, i + 500);
        await write(slice, slice.flatMap((k) => byKey.get(k) ?? []));
      }
    },
    async lookup(items: Array<{ merchantKey: string; userId?: string }>): Promise<MemoryLookup[]> {
      if (items.length === 0) return [];
      const pipeline = redis.pipeline();
      for (const it of items) {
        pipeline.hgetall(globalKey(it.merchantKey));
        if (it.userId) pipeline.hgetall(userKey(it.userId, it.merchantKey));
      }
      const replies = ((await pipeline.exec()) ?? []).map(([, v]) => (v ?? {}) as Record<string, string>);
      let r = 0;
      return items.map((it) => {
        const global = toRecord(replies[r++] ?? {});
        const user = it.userId ? toRecord(replies[r++] ?? {}) : {};
        return { ...(Object.keys(global).length ? { global } : {}), ...(Object.keys(user).length ? { user } : {}) };
      });
    },
  };
}

export type FeedbackMemory = ReturnType<typeof createFeedbackMemory>;
