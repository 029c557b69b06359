import { z } from 'zod';
import { defineJob } from './define-job.js';

export const MAX_TRANSACTIONS_PER_JOB = 1000;

/** How producers enqueue: retries with exponential backoff and jitter; finished jobs expire. */
export const DEFAULT_JOB_OPTIONS = {
  attempts: 5,
  backoff: { type: 'exponential', delay: 500, jitter: 0.5 },
  removeOnComplete: { age: 24 * 3600, count: 100_000 },
  removeOnFail: { age: 7 * 24 * 3600 },
} as const;
export const MAX_DESCRIPTION_LENGTH = 500;

const description = z.string().trim().min(1, 'must not be empty').max(MAX_DESCRIPTION_LENGTH, `must be at most ${MAX_DESCRIPTION_LENGTH} characters`);
const id = z.string().trim().min(1, 'must not be empty').max(200);
const categoryName = z.string().trim().min(1).max(64).regex(/^[A-Z][A-Z0-9_]*$/, 'must be an upper-case category name such as FOOD_AND_DRINK');

export const Transaction = z.strictObject({
  id,
  description,
  amount: z.number().finite().optional(),
  currency: z.string().regex(/^[A-Z]{3}$/, 'must be an ISO 4217 code such as USD').optional(),
  userId: id.optional(),
});

export const ScoredCategory = z.strictObject({ category: categoryName, score: z.number().min(0).max(1) });

export const DECISION_SOURCES = ['feedback_user', 'feedback', 'rule', 'mcc', 'gazetteer', 'keyword', 'name_model', 'embedding'] as const;

/** Why a result is what it is: the source that decided and what it matched. */
export const Explanation = z.strictObject({
  source: z.enum(DECISION_SOURCES),
  merchantKey: z.string(),
  method: z.enum(['knn', 'prototypes', 'head']),
  rule: z.strictObject({ id: z.string(), reason: z.string() }).optional(),
  brand: z.strictObject({ name: z.string(), alias: z.string(), how: z.string(), score: z.number() }).optional(),
  mcc: z.strictObject({ code: z.string(), description: z.string() }).optional(),
  keyword: z.strictObject({ words: z.array(z.string()), weight: z.number() }).optional(),
  feedback: z.strictObject({ corrections: z.number().int(), agreeing: z.number().int(), scope: z.enum(['user', 'global']) }).optional(),
  refund: z.boolean().optional(),
  neighbors: z.array(z.strictObject({ text: z.string(), category: z.string(), similarity: z.number() })).optional(),
  /** With "explain": true: how much the winning score drops when each token is left out. */
  attributions: z.array(z.strictObject({ token: z.string(), drop: z.number() })).optional(),
});

export const ClassifyResult = z.strictObject({
  id,
  category: categoryName,
  confidence: z.number().min(0).max(1),
  level: z.enum(['low', 'medium', 'high']),
  top: z.array(ScoredCategory).max(16),
  modelVersion: z.string(),
  prototypeVersion: z.number().int().positive(),
  /** Below the calibrated review threshold: a person should look at it. */
  needsReview: z.boolean().optional(),
  explanation: Explanation.optional(),
  /** True when the answer came from the fleet's result cache rather than being computed. */
  cached: z.boolean().optional(),
});

export const CLASSIFY_JOB = defineJob({
  name: 'classify',
  version: 1,
  queue: 'txcat-classify',
  payload: z.strictObject({
    transactions: z.array(Transaction).min(1, 'give at least one transaction').max(MAX_TRANSACTIONS_PER_JOB, `at most ${MAX_TRANSACTIONS_PER_JOB} transactions per job`),
    /** Add token attributions (occlusion) to each explanation: one extra inference per token. */
    explain: z.boolean().optional(),
  }),
  result: z.strictObject({ results: z.array(ClassifyResult) }),
});

export const FEEDBACK_JOB = defineJob({
  name: 'feedback',
  version: 1,
  queue: 'txcat-feedback',
  payload: z.strictObject({ transactionId: id.optional(), description, category: categoryName, userId: id.optional() }),
  result: z.strictObject({ stored: z.literal(true), merchantKey: z.string() }),
});

export const RETRAIN_JOB = defineJob({
  name: 'retrain',
  version: 1,
  queue: 'txcat-retrain',
  payload: z.strictObject({ reason: z.enum(['manual', 'schedule']).default('manual') }),
  result: z.strictObject({ version: z.number().int().positive(), exampleCount: z.number().int().nonnegative(), categories: z.number().int().nonnegative() }),
});

export type TransactionInput = z.infer<typeof Transaction>;
export type ClassifyResultOutput = z.infer<typeof ClassifyResult>;
