// Job handlers: parse the payload with the job's contract (a bad payload is not retried), do the
// work, return the contract's result. Errors are mapped to BullMQ outcomes in one place.
import type { FeedbackMemory, ResultCache } from '@txcat/cache';
import { answerKeyText, answerWithMemory, type Decider, type Decision, type EmbedFn, type Lookups } from '@txcat/classifier';
import { CLASSIFY_JOB, ContractError, FEEDBACK_JOB, RETRAIN_JOB, type ClassifyResultOutput, type ResultOf } from '@txcat/contracts';
import { DbError, feedbackCounts, upsertFeedback, type Database } from '@txcat/db';
import { InferenceError } from '@txcat/inference';
import { merchantKey, normalizeLine } from '@txcat/merchant';
import { retrain, type ModelIdentity, type RetrainOptions } from '@txcat/training';
import { UnrecoverableError } from 'bullmq';
import type { PrototypeStore } from './prototype-store.js';

/** A result as cached: everything but the caller's transaction id (memory is applied after). */
export type CachedResult = Omit<ClassifyResultOutput, 'id' | 'cached'>;

export interface HandlerContext {
  db: Database;
  embed: EmbedFn;
  prototypes: PrototypeStore;
  model: ModelIdentity;
  decider: Decider;
  lookups: Lookups;
  retrainOptions?: RetrainOptions;
  /** Users' corrections per merchant key; absent = none applied. */
  memory?: FeedbackMemory;
  /** Shared answers keyed by the line, model and prototype version; absent = always compute. */
  results?: ResultCache<CachedResult>;
}

/** The one place where errors become BullMQ outcomes: what cannot succeed on retry fails for good. */
export function toJobError(error: unknown): Error {
  if (error instanceof ContractError && !error.retryable) return new UnrecoverableError(error.message);
  if (error instanceof DbError && error.code === 'unknown_category') return new UnrecoverableError(error.message);
  if (error instanceof InferenceError && (error.code === 'invalid_input' || error.code === 'invalid_option')) return new UnrecoverableError(error.message);
  return error instanceof Error ? error : new Error(String(error));
}

export { merchantKey };

export function toResult(d: Decision, modelVersion: string, prototypeVersion: number): CachedResult {
  return { category: d.category, confidence: d.confidence, level: d.level, top: d.top, modelVersion, prototypeVersion, needsReview: d.needsReview, explanation: d.explanation };
}

export async function handleClassify(data: unknown, ctx: HandlerContext): Promise<ResultOf<typeof CLASSIFY_JOB>> {
  const { transactions, explain } = CLASSIFY_JOB.parsePayload(data);
  const { active, knowledge } = ctx.prototypes.current();
  const modelVersion = `${ctx.model.name}@${ctx.model.variant}`;
  // Each line normalized once: the cache key, the decision and the feedback memory all read it.
  const requests = transactions.map((t) => ({ ...t, line: normalizeLine(t.description) }));
  const keys = requests.map((r) => ({ description: answerKeyText(r.line, r.amount), model: modelVersion, version: active.version }));
  const cached = explain ? [] : ((await ctx.results?.getMany(keys)) ?? []);
  const missing = transactions.map((_, i) => i).filter((i) => cached[i] === undefined);
  const decisions = missing.length > 0 ? await ctx.decider.decideMany(missing.map((i) => requests[i]!), knowledge) : [];
  if (explain) {
    for (const [j, i] of missing.entries()) decisions[j]!.explanation.attributions = await ctx.decider.attribute(requests[i]!, decisions[j]!, knowledge);
  }
  const fresh = missing.map((i, j) => ({ key: keys[i]!, value: toResult(decisions[j]!, modelVersion, active.version) }));
  if (!explain) await ctx.results?.setMany(fresh);
  const computed = new Map(missing.map((i, j) => [i, fresh[j]!.value]));
  const memory = (await ctx.memory?.lookup(requests.map((r) => ({ merchantKey: r.line.merchantKey, userId: r.userId })))) ?? [];
  return {
    results: transactions.map((t, i) => {
      const base = cached[i] ?? computed.get(i)!;
      return { id: t.id, ...answerWithMemory(base, memory[i], knowledge.calibration.reviewThreshold), ...(cached[i] ? { cached: true } : {}) };
    }),
  };
}

export async function handleFeedback(data: unknown, ctx: HandlerContext): Promise<ResultOf<typeof FEEDBACK_JOB>> {
  const payload = FEEDBACK_JOB.parsePayload(data);
  const key = merchantKey(payload.description);
  await upsertFeedback(ctx.db, { ...payload, merchantKey: key });
  // Derived from Postgres, not incremented: a retried job leaves the same counts.
  await ctx.memory?.refresh(key, await feedbackCounts(ctx.db, [key]));
  return { stored: true, merchantKey: key };
}

export async function handleRetrain(data: unknown, ctx: HandlerContext): Promise<ResultOf<typeof RETRAIN_JOB>> {
  RETRAIN_JOB.parsePayload(data);
  const version = await retrain(ctx.db, ctx.embed, ctx.model, ctx.retrainOptions);
  await ctx.memory?.rebuild(await feedbackCounts(ctx.db));
  await ctx.prototypes.reload();
  return { version: version.version, exampleCount: version.exampleCount, categories: version.prototypes.length };
}
