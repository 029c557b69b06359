// Job handlers: parse the payload with the job's contract (a bad payload is not retried), do the
// work, return the contract's result. Errors are mapped to BullMQ outcomes in one place.
import type { FeedbackMemory } from '@txcat/cache';
import type { Answerer, EmbedFn } from '@txcat/classifier';
import { CLASSIFY_JOB, ContractError, FEEDBACK_JOB, RETRAIN_JOB, type ResultOf } from '@txcat/contracts';
import { DbError, feedbackCounts, upsertFeedback, type Database } from '@txcat/db';
import { InferenceError } from '@txcat/inference';
import { merchantKey } from '@txcat/merchant';
import { retrain, type ModelIdentity, type RetrainOptions } from '@txcat/training';
import { UnrecoverableError } from 'bullmq';
import type { PrototypeStore } from './prototype-store.js';

export interface HandlerContext {
  db: Database;
  embed: EmbedFn;
  prototypes: PrototypeStore;
  model: ModelIdentity;
  /** The one answer path (result cache, decision, users' corrections), shared with the API and the CLI. */
  answerer: Answerer;
  retrainOptions?: RetrainOptions;
  /** Users' corrections per merchant key, kept in step with Postgres by feedback and retrain jobs. */
  memory?: FeedbackMemory;
}

/** The one place where errors become BullMQ outcomes: what cannot succeed on retry fails for good. */
export function toJobError(error: unknown): Error {
  if (error instanceof ContractError && !error.retryable) return new UnrecoverableError(error.message);
  if (error instanceof DbError && error.code === 'unknown_category') return new UnrecoverableError(error.message);
  if (error instanceof InferenceError && (error.code === 'invalid_input' || error.code === 'invalid_option')) return new UnrecoverableError(error.message);
  return error instanceof Error ? error : new Error(String(error));
}

export { merchantKey };

export async function handleClassify(data: unknown, ctx: HandlerContext): Promise<ResultOf<typeof CLASSIFY_JOB>> {
  const { transactions, explain } = CLASSIFY_JOB.parsePayload(data);
  const { active, knowledge } = ctx.prototypes.current();
  const model = `${ctx.model.name}@${ctx.model.variant}`;
  return { results: await ctx.answerer.answer(transactions, { model, version: active.version, knowledge, explain }) };
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
