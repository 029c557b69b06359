import { describe, expect, it } from 'vitest';
import { CLASSIFY_JOB, ContractError, FEEDBACK_JOB, RETRAIN_JOB, type PayloadOf } from './index.js';

describe('job contracts', () => {
  it('accept a valid classify payload and trim descriptions', () => {
    const p: PayloadOf<typeof CLASSIFY_JOB> = CLASSIFY_JOB.parsePayload({ transactions: [{ id: 't1', description: '  UBER *TRIP ', amount: -12.5, currency: 'USD' }] });
    expect(p.transactions[0]!.description).toBe('UBER *TRIP');
  });

  it.each([
    [{ transactions: [] }, /transactions: give at least one transaction/],
    [{ transactions: [{ id: 't1', description: '' }] }, /transactions\.0\.description: must not be empty/],
    [{ transactions: [{ id: 't1', description: 'x'.repeat(501) }] }, /at most 500 characters/],
    [{ transactions: [{ id: 't1', description: 'x', colour: 'red' }] }, /transactions\.0: Unrecognized key: "colour"/],
    [{ transactions: [{ id: 't1', description: 'x', currency: 'usd' }] }, /currency: must be an ISO 4217 code/],
    [{ transactions: Array.from({ length: 1001 }, (_, i) => ({ id: `t${i}`, description: 'x' })) }, /at most 1000 transactions per job/],
    ['not an object', /\(root\)/],
  ])('reject %j naming the field', (input, message) => {
    const error = (() => { try { CLASSIFY_JOB.parsePayload(input); } catch (e) { return e; } })();
    expect(error).toBeInstanceOf(ContractError);
    expect((error as ContractError).kind).toBe('validation');
    expect((error as ContractError).message).toMatch(message);
  });

  it('define feedback and retrain with their queues and versions', () => {
    expect(FEEDBACK_JOB.parsePayload({ description: 'ZORBLAX', category: 'PERSONAL_CARE' })).toEqual({ description: 'ZORBLAX', category: 'PERSONAL_CARE' });
    expect(() => FEEDBACK_JOB.parsePayload({ description: 'ZORBLAX', category: 'food' })).toThrow(/category: must be an upper-case category name/);
    expect(RETRAIN_JOB.parsePayload({})).toEqual({ reason: 'manual' });
    expect(new Set([CLASSIFY_JOB.queue, FEEDBACK_JOB.queue, RETRAIN_JOB.queue]).size).toBe(3);
  });
});
