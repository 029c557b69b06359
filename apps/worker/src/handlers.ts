// Job handlers: parse the payload with the job's contract (a bad payload is not retried), do the
// work, return the contract's result. Errors are mapped to BullMQ outcomes in one place.
import type { ResultCache } from '@txcat/cache';
import { answerKeyText, classifyEmbedding, normalizeStatementLine, type EmbedFn } from '@txcat/classifier';
import { CLASSIFY_JOB, ContractError, FEEDBACK_JOB, RETRAIN_JOB, type ClassifyResultOutput, type ResultOf } from '@txcat/contracts';
import { DbError, upsertFeedback, type Database } from '@txcat/db';
import { InferenceError } from '@txcat/inference';
import { retrain, type ModelIdentity } from '@txcat/training';
import { UnrecoverableError } from 'bullmq';
import type { PrototypeStore } from './prototype-store.js';

/** A result as cached: everything but the caller's transaction id. */
export type CachedResult = Omit<ClassifyResultOutput, 'id' | 'cached'>;

export interface HandlerContext {
  db: Database;
  embed: EmbedFn;
  prototypes: PrototypeStore;
  model: ModelIdentity;
  /** Shared answers keyed by description, model and prototype version; absent = always compute. */
  results?: ResultCache<CachedResult>;
}

/** The one place where errors become BullMQ outcomes: what cannot succeed on retry fails for good. */
export function toJobError(error: unknown): Error {
  if (error instanceof ContractError && !error.retryable) return new UnrecoverableError(error.message);
  if (error instanceof DbError && error.code === 'unknown_category') return new UnrecoverableError(error.message);
  if (error instanceof InferenceError && (error.code === 'invalid_input' || error.code === 'invalid_option')) return new UnrecoverableError(error.message);
  return error instanceof Error ? error : new Error(String(error));
}

/** The merchant key a correction is stored under (issue 5 makes this a full merchant key). */
export const merchantKey = (description: string) => normalizeStatementLine(description).toLowerCase();

export async function handleClassify(data: unknown, ctx: HandlerContext): Promise<ResultOf<typeof CLASSIFY_JOB>> {
  const { transactions } = CLASSIFY_JOB.parsePayload(data);
  const version = ctx.prototypes.current();
  const modelVersion = `${ctx.model.name}@${ctx.model.variant}`;
  // The key is what the answer is computed from: two lines of one merchant differing only in
  // store number or date share it.
  const texts = transactions.map((t) => normalizeStatementLine(t.description));
  const keys = transactions.map((t) => ({ description: answerKeyText(t.description), model: modelVersion, version: version.version }));
  const cached = (await ctx.results?.getMany(keys)) ?? [];
  const missing = transactions.map((_, i) => i).filter((i) => cached[i] === undefined);
  const vectors = missing.length > 0 ? await ctx.embed(missing.map((i) => texts[i]!)) : [];
  const fresh = missing.map((i, j) => {
    const c = classifyEmbedding(vectors[j] as Float32Array, version);
    return { key: keys[i]!, value: { category: c.category, confidence: c.confidence, level: c.level, top: c.top, modelVersion, prototypeVersion: version.version } };
  });
  await ctx.results?.setMany(fresh);
  const computed = new Map(missing.map((i, j) => [i, fresh[j]!.value]));
  return { results: transactions.map((t, i) => (cached[i] ? { id: t.id, ...cached[i], cached: true } : { id: t.id, ...computed.get(i)! })) };
}

export async function handleFeedback(data: unknown, ctx: HandlerContext): Promise<ResultOf<typeof FEEDBACK_JOB>> {
  const payload = FEEDBACK_JOB.parsePayload(data);
  const key = merchantKey(payload.description);
  await upsertFeedback(ctx.db, { ...payload, merchantKey: key });
  return { stored: true, merchantKey: key };
}

export async function handleRetrain(data: unknown, ctx: HandlerContext): Promise<ResultOf<typeof RETRAIN_JOB>> {
  RETRAIN_JOB.parsePayload(data);
  const version = await retrain(ctx.db, ctx.embed, ctx.model);
  await ctx.prototypes.reload();
  return { version: version.version, exampleCount: version.exampleCount, categories: version.categories.length };
}
