import { createTestDatabase } from '@txcat/infra';
// Taxonomy and feedback against a real Postgres, in a database of this file's own.
import { beforeAll, describe, expect, inject, it } from 'vitest';
import { addExamples, createDb, listCategories, listExamples, listFeedback, migrate, seedTaxonomy, upsertFeedback, type Db } from '../src/index.js';

const seed = [
  { name: 'FOOD_AND_DRINK', description: 'food', examples: ['STARBUCKS', 'MCDONALDS'] },
  { name: 'TRANSPORTATION', description: 'getting around', examples: ['SHELL OIL', 'UBER TRIP'] },
];

let store: Db;
beforeAll(async () => {
  const databaseUrl = await createTestDatabase(inject('databaseUrl'));
  await migrate({ databaseUrl });
  store = createDb({ databaseUrl });
  return () => store.close();
});

describe('taxonomy', () => {
  it('seeds idempotently', async () => {
    await seedTaxonomy(store.db, seed);
    await seedTaxonomy(store.db, seed);
    expect((await listCategories(store.db)).map((c) => c.name)).toEqual(['FOOD_AND_DRINK', 'TRANSPORTATION']);
    expect(await listExamples(store.db)).toEqual([
      { category: 'FOOD_AND_DRINK', text: 'STARBUCKS', source: 'seed' }, { category: 'FOOD_AND_DRINK', text: 'MCDONALDS', source: 'seed' },
      { category: 'TRANSPORTATION', text: 'SHELL OIL', source: 'seed' }, { category: 'TRANSPORTATION', text: 'UBER TRIP', source: 'seed' },
    ]);
  });

  it('rejects a seed without names', async () => {
    await expect(seedTaxonomy(store.db, [{ name: '', description: '', examples: [] }])).rejects.toMatchObject({ code: 'invalid_input' });
  });
});

describe('user examples', () => {
  it('adds new texts as source user, skips known ones, and rejects unknown categories', async () => {
    await seedTaxonomy(store.db, seed);
    expect(await addExamples(store.db, 'FOOD_AND_DRINK', ['BLUE BOTTLE', 'STARBUCKS', 'BLUE BOTTLE'])).toBe(1);
    expect(await listExamples(store.db)).toContainEqual({ category: 'FOOD_AND_DRINK', text: 'BLUE BOTTLE', source: 'user' });
    await expect(addExamples(store.db, 'CRYPTO', ['COINBASE'])).rejects.toMatchObject({ code: 'unknown_category' });
  });
});

describe('feedback', () => {
  it('replaces feedback for the same transactionId instead of counting it twice', async () => {
    await seedTaxonomy(store.db, seed);
    const first = { transactionId: 'tx-42', description: 'ZORBLAX 1', merchantKey: 'zorblax', category: 'FOOD_AND_DRINK' };
    await upsertFeedback(store.db, first);
    await upsertFeedback(store.db, { ...first, category: 'TRANSPORTATION', userId: 'u1' });
    const rows = (await listFeedback(store.db)).filter((r) => r.transactionId === 'tx-42');
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ category: 'TRANSPORTATION', userId: 'u1' });
    expect(rows[0]!.updatedAt.getTime()).toBeGreaterThanOrEqual(rows[0]!.createdAt.getTime());
  });

  it('keeps every feedback without a transactionId', async () => {
    const before = (await listFeedback(store.db)).length;
    await upsertFeedback(store.db, { description: 'NO ID', merchantKey: 'no id', category: 'FOOD_AND_DRINK' });
    await upsertFeedback(store.db, { description: 'NO ID', merchantKey: 'no id', category: 'FOOD_AND_DRINK' });
    expect(await listFeedback(store.db)).toHaveLength(before + 2);
  });

  it('rejects an unknown category with code unknown_category, naming the known ones', async () => {
    const attempt = upsertFeedback(store.db, { transactionId: 'tx-43', description: 'X', merchantKey: 'x', category: 'CRYPTO' });
    await expect(attempt).rejects.toMatchObject({ name: 'DbError', code: 'unknown_category', message: expect.stringContaining('FOOD_AND_DRINK') });
    expect((await listFeedback(store.db)).some((r) => r.transactionId === 'tx-43')).toBe(false);
  });

  it('rejects empty input with code invalid_input', async () => {
    await expect(upsertFeedback(store.db, { description: '', merchantKey: '', category: 'FOOD_AND_DRINK' })).rejects.toMatchObject({ code: 'invalid_input' });
  });
});
