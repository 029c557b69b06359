// Answers from the fleet's result cache, looked up before a job is enqueued: when every
// transaction of a request has a current cached answer, the API replies at once and no job is
// made. "Current" is what the workers announce (model and prototype version); it is re-read at
// most once a second, so a retrain reaches the API as fast as it reaches the workers.
import { answeringKey, createFeedbackMemory, createResultCache, feedbackMemoryPrefix, resultCachePrefix, type Answering } from '@txcat/cache';
import { answerKeyText, answerWithMemory } from '@txcat/classifier';
import { normalizeLine } from '@txcat/merchant';
import type { ClassifyResultOutput, TransactionInput } from '@txcat/contracts';
import type { Redis } from 'ioredis';

type Cached = Omit<ClassifyResultOutput, 'id' | 'cached'>;

export function createCachedAnswers(redis: Redis, prefix: string, refreshMs = 1000) {
  const cache = createResultCache<Cached>({ redis, keyPrefix: resultCachePrefix(prefix) });
  const memory = createFeedbackMemory(redis, feedbackMemoryPrefix(prefix));
  let answering: { value: Answering | null; at: number } = { value: null, at: -Infinity };

  async function current(): Promise<Answering | null> {
    if (performance.now() - answering.at > refreshMs) {
      answering = { value: JSON.parse((await redis.get(answeringKey(prefix))) ?? 'null') as Answering | null, at: performance.now() };
    }
    return answering.value;
  }

  return {
    /** Every transaction's cached answer, or null when any is missing (then a job answers). */
    async lookup(transactions: TransactionInput[]): Promise<ClassifyResultOutput[] | null> {
      const now = await current();
      if (!now) return null;
      const lines = transactions.map((t) => normalizeLine(t.description));
      const found = await cache.getMany(transactions.map((t, i) => ({ description: answerKeyText(lines[i]!, t.amount), model: now.model, version: now.version })));
      if (found.some((f) => f === undefined)) return null;
      // Users' corrections win over cached answers, exactly as in the worker.
      const corrections = await memory.lookup(transactions.map((t, i) => ({ merchantKey: lines[i]!.merchantKey, userId: t.userId })));
      return transactions.map((t, i) => ({ id: t.id, ...answerWithMemory(found[i] as Cached, corrections[i]), cached: true }));
    },
    /** A worker's fresh answer is the newest word on what is current. */
    observe(result: { modelVersion: string; prototypeVersion: number } | undefined): void {
      const now = answering.value;
      if (result && (!now || now.model !== result.modelVersion || now.version < result.prototypeVersion)) {
        answering = { value: { model: result.modelVersion, version: result.prototypeVersion }, at: performance.now() };
      }
    },
    stats: cache.stats,
  };
}

export type CachedAnswers = ReturnType<typeof createCachedAnswers>;
