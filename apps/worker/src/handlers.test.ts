// Which failures BullMQ retries (with the job's exponential backoff and jitter) and which it
// fails at once: the one mapping from our errors to job outcomes.
import { ContractError } from '@txcat/contracts';
import { DbError } from '@txcat/db';
import { InferenceError } from '@txcat/inference';
import { UnrecoverableError } from 'bullmq';
import { describe, expect, it } from 'vitest';
import { toJobError } from './handlers.js';

describe('toJobError', () => {
  it('fails for good what a retry cannot fix', () => {
    expect(toJobError(new ContractError('validation', 'transactions.0.description: must not be empty'))).toBeInstanceOf(UnrecoverableError);
    expect(toJobError(new DbError('unknown_category', 'unknown category PETS'))).toBeInstanceOf(UnrecoverableError);
    expect(toJobError(new InferenceError('invalid_input', 'texts must be strings'))).toBeInstanceOf(UnrecoverableError);
  });

  it('leaves transient failures retryable, keeping their message', () => {
    for (const e of [new InferenceError('overloaded', 'queue full'), new Error('connect ECONNREFUSED 127.0.0.1:5432'), new ContractError('retryable', 'postgres is restarting')]) {
      const mapped = toJobError(e);
      expect(mapped).not.toBeInstanceOf(UnrecoverableError);
      expect(mapped.message).toBe(e.message);
    }
    expect(toJobError('plain string').message).toBe('plain string');
  });
});
