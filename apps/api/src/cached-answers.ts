// Answers from the fleet's result cache, looked up before a job is enqueued: when every
// transaction of a request has a current cached answer, the API replies at once and no job is
// made. "Current" is what the workers announce (model and prototype version); it is re-read at
// most once a second, so a retrain reaches the API as fast as it reaches the workers. The lookup
// is the workers' own answer path (createAnswerer) without a decider: the same keys, the same
// users' corrections, and the version's review threshold, which each cached answer carries.
import { answeringKey, createFeedbackMemory, createResultCache, feedbackMemoryPrefix, resultCachePrefix, type Answering } from '@txcat/cache';
import { createAnswerer, type Answer, type CachedAnswer } from '@txcat/classifier';
import type { TransactionInput } from '@txcat/contracts';
import type { Redis } from 'ioredis';

export function createCachedAnswers(redis: Redis, prefix: string, refreshMs = 1000) {
  const cache = createResultCache<CachedAnswer>({ redis, keyPrefix: resultCachePrefix(prefix) });
  const answerer = createAnswerer({ results: cache, memory: createFeedbackMemory(redis, feedbackMemoryPrefix(prefix)) });
  let answering: { value: Answering | null; at: number } = { value: null, at: -Infinity };

  async function current(): Promise<Answering | null> {
    if (performance.now() - answering.at > refreshMs) {
      answering = { value: JSON.parse((await redis.get(answeringKey(prefix))) ?? 'null') as Answering | null, at: performance.now() };
    }
    return answering.value;
  }

  return {
    /** Every transaction's cached answer, or null when any is missing or `explain` is asked (then a job answers). */
    async lookup(transactions: TransactionInput[], explain = false): Promise<Answer[] | null> {
      const now = await current();
      return now ? answerer.cached(transactions, { model: now.model, version: now.version, explain }) : null;
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
