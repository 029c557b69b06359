// Request bodies of the HTTP API, built from the job contracts so both stay one definition.
import { CLASSIFY_JOB, FEEDBACK_JOB, MAX_TRANSACTIONS_PER_JOB, Transaction } from '@txcat/contracts';
import { z } from 'zod';

export const ClassifyRequest = z.strictObject({
  transactions: CLASSIFY_JOB.payload.shape.transactions,
  explain: CLASSIFY_JOB.payload.shape.explain,
  wait: z.boolean().optional(),
});

export const FeedbackRequest = FEEDBACK_JOB.payload;

export const CategoryRequest = z.strictObject({
  name: z.string().trim().regex(/^[A-Z][A-Z0-9_]{1,63}$/, 'must be an upper-case name such as PETS'),
  description: z.string().trim().min(1).max(500),
  examples: z.array(z.string().trim().min(1).max(500)).min(1, 'give at least one example statement line').max(1000),
});

export const ExamplesRequest = z.strictObject({ examples: CategoryRequest.shape.examples });

export { MAX_TRANSACTIONS_PER_JOB, Transaction };
