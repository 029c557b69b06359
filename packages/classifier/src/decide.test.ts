// The decision order with the real rules, gazetteer and keyword lexicon; the embedding side is a
// small synthetic space (categories on axes), so each test controls what the model "thinks".
import { normalizeLine } from '@txcat/merchant';
import { beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_CALIBRATION } from './calibration.js';
import { applyMemory, decide, directionPrior, type Knowledge, type Lookups } from './decide.js';
import { buildExemplarIndex } from './knn.js';
import { loadLookups } from './lookups.js';

const CATEGORIES = ['BANK_FEES', 'FOOD_AND_DRINK', 'GENERAL_MERCHANDISE', 'INCOME', 'MEDICAL', 'PERSONAL_CARE', 'TRANSFER_IN', 'TRANSFER_OUT', 'TRANSPORTATION'];
const axis = (c: string) => Float32Array.from(CATEGORIES, (x) => (x === c ? 1 : 0));
let lookups: Lookups;
let knowledge: Knowledge;

beforeAll(async () => {
  lookups = await loadLookups();
  const prototypes = { categories: CATEGORIES, vectors: CATEGORIES.map(axis), exampleCounts: CATEGORIES.map(() => 1), center: new Float32Array(CATEGORIES.length) };
  const exemplars = buildExemplarIndex(CATEGORIES.map((c) => ({ category: c, text: `${c} example`, embedding: axis(c) })), prototypes.center, CATEGORIES);
  knowledge = { prototypes, exemplars, calibration: DEFAULT_CALIBRATION };
});

/** The model "thinks" `c`. */
const thinks = (c: string) => axis(c);
const at = (description: string, model: string, amount?: number) => decide({ line: normalizeLine(description), embedding: thinks(model), amount }, knowledge, lookups);

describe('decide', () => {
  it('lets a rule decide over the model and says which', () => {
    const d = at('MONTHLY MAINTENANCE FEE', 'FOOD_AND_DRINK', -12);
    expect(d).toMatchObject({ category: 'BANK_FEES', explanation: { source: 'rule', rule: { id: expect.stringMatching(/^fee-/) } } });
  });

  it('lets a known brand decide over the model', () => {
    expect(at('CHECKCARD 0412 SAFEWAY #1234 OAKLAND CA', 'TRANSPORTATION', -64)).toMatchObject({ category: 'FOOD_AND_DRINK', explanation: { source: 'gazetteer', brand: { name: 'Safeway' } } });
  });

  it('prefers trade words after a namesake brand: a pharmacy named like a shop is a pharmacy', () => {
    const d = at('Kartenzahlung Adler-Apotheke Inh. K. Braun//Bonn/DE', 'GENERAL_MERCHANDISE', -20);
    expect(d).toMatchObject({ category: 'MEDICAL', explanation: { source: 'keyword' } });
  });

  it('a transfer paid to a business takes its trade; money received does not', () => {
    expect(at('PromptPay ร้านตัดผม บาร์เบอร์', 'TRANSFER_OUT', -150).category).toBe('PERSONAL_CARE');
    expect(at('FASTER PAYMENT FROM J SMITH PIZZA MONEY', 'FOOD_AND_DRINK', 20).category).toBe('TRANSFER_IN');
  });

  it('falls back to the model with its nearest exemplars and runner-ups', () => {
    const d = at('QWXZ VORBLE', 'MEDICAL', -10);
    expect(d.explanation.source).toBe('embedding');
    expect(d.category).toBe('MEDICAL');
    expect(d.explanation.neighbors?.[0]).toMatchObject({ category: 'MEDICAL' });
    expect(d.top).toHaveLength(3);
    expect(d.top[0]!.score).toBeGreaterThan(d.top[1]!.score);
  });

  it('reads the amount\'s sign as a prior: money in leans to income and transfers in', () => {
    const scores = CATEGORIES.map((c) => (c === 'FOOD_AND_DRINK' ? 0.6 : c === 'INCOME' ? 0.3 : 0.1 / 7));
    const moneyIn = directionPrior(scores, CATEGORIES, 100, false);
    expect(moneyIn[CATEGORIES.indexOf('INCOME')]!).toBeGreaterThan(moneyIn[CATEGORIES.indexOf('FOOD_AND_DRINK')]!);
    const refund = directionPrior(scores, CATEGORIES, 100, true);
    expect(refund[CATEGORIES.indexOf('FOOD_AND_DRINK')]!).toBeGreaterThan(refund[CATEGORIES.indexOf('INCOME')]!);
    expect(directionPrior(scores, CATEGORIES, undefined, false)).toBe(scores);
  });
});

describe('applyMemory', () => {
  it('lets the user\'s own correction win, then everyone\'s, and keeps the runner-ups summing below 1', () => {
    const d = at('CHECKCARD 0412 SAFEWAY #1234 OAKLAND CA', 'TRANSPORTATION', -64);
    const user = applyMemory(d, { user: { GENERAL_MERCHANDISE: 1 }, global: { MEDICAL: 5 } });
    expect(user).toMatchObject({ category: 'GENERAL_MERCHANDISE', explanation: { source: 'feedback_user', feedback: { corrections: 1, scope: 'user' } } });
    const global = applyMemory(d, { global: { MEDICAL: 3, FOOD_AND_DRINK: 1 } });
    expect(global).toMatchObject({ category: 'MEDICAL', explanation: { source: 'feedback', feedback: { corrections: 4, agreeing: 3 } } });
    expect(global.top.reduce((s, t) => s + t.score, 0)).toBeLessThanOrEqual(1 + 1e-9);
    expect(applyMemory(d, undefined)).toBe(d);
  });

  it('remembers a counterparty as a transfer but leaves the direction to the line\'s wording', () => {
    const out = at('TRANSFER TO PRIYA SHAH', 'FOOD_AND_DRINK', -300);
    expect(out).toMatchObject({ category: 'TRANSFER_OUT', explanation: { source: 'rule' } });
    expect(applyMemory(out, { global: { TRANSFER_IN: 2 } })).toBe(out);
    // A correction to another kind of category still wins over the rule.
    expect(applyMemory(out, { global: { LOAN_PAYMENTS: 2 } }).category).toBe('LOAN_PAYMENTS');
  });
});
