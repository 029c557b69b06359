import { createTestDatabase } from '@txcat/infra';
// Seeding, retraining and the version lifecycle against a real Postgres and the real model.
import path from 'node:path';
import { createDecider, fromStored, loadLookups } from '@txcat/classifier';
import { createDb, listCategories, migrate, upsertFeedback } from '@txcat/db';
import { createEmbedder, defaultModelDir, type Embedder } from '@txcat/inference';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { ensurePrototypes, retrain, seedDefaultTaxonomy } from '../src/index.js';

const MODELS = path.resolve(import.meta.dirname, '../../../models');
const model = { name: 'all-minilm-l6-v2', variant: 'fp32' };
let embedder: Embedder;
let store: ReturnType<typeof createDb>;

beforeAll(async () => {
  embedder = await createEmbedder({ modelDir: defaultModelDir(MODELS, 'fp32') });
  const databaseUrl = await createTestDatabase(inject('databaseUrl'));
  await migrate({ databaseUrl });
  store = createDb({ databaseUrl, max: 6 });
  await seedDefaultTaxonomy(store.db);
  await seedDefaultTaxonomy(store.db);
});
afterAll(async () => {
  await store.close();
  await embedder.close();
});

const embed = (texts: string[]) => embedder.embed(texts);

describe('training', () => {
  it('seeds the 16 default categories once and builds a version only when something changed', async () => {
    expect((await listCategories(store.db)).map((c) => c.name)).toHaveLength(16);
    const first = await ensurePrototypes(store.db, embed, model);
    const again = await ensurePrototypes(store.db, embed, model);
    expect(again.version).toBe(first.version);
    expect(first.categories).toHaveLength(16);
    const other = await ensurePrototypes(store.db, embed, { ...model, variant: 'int8' });
    expect(other.version).toBeGreaterThan(first.version);
  });

  it('learns from feedback: a retrain after corrections moves the merchant toward its category', async () => {
    const line = 'ZORBLAX 7781 KIOSK';
    const before = await ensurePrototypes(store.db, embed, model);
    // Decided as a worker decides with each version (no rules or brands know this merchant).
    const decider = createDecider({ embed, lookups: await loadLookups(), options: { topK: 16 } });
    const decision = async (v: typeof before) => (await decider.decideMany([{ description: line }], fromStored(v)))[0]!;
    const score = async (v: typeof before) => (await decision(v)).top.find((t) => t.category === 'PERSONAL_CARE')?.score ?? 0;
    for (const [i, d] of ['ZORBLAX 1101 KIOSK', 'ZORBLAX 2290 KIOSK', 'ZORBLAX KIOSK NYC'].entries()) {
      await upsertFeedback(store.db, { transactionId: `tx-${i}`, description: d, merchantKey: 'zorblax kiosk', category: 'PERSONAL_CARE' });
    }
    const after = await retrain(store.db, embed, model);
    expect(after.version).toBeGreaterThan(before.version);
    expect(after.exampleCount).toBe(before.exampleCount + 3);
    expect(await score(after)).toBeGreaterThan(await score(before));
    expect(await decision(after)).toMatchObject({ category: 'PERSONAL_CARE', explanation: { source: 'embedding' } });
  });

  it('stores exemplars, the softmax head and a calibration whose ECE on held-out seed lines meets the target', async () => {
    // As the fleet builds it: held-out lines are decided with the brand gazetteer and the MCC table.
    const lookups = await loadLookups();
    const v = await retrain(store.db, embed, model, { lookups });
    expect(v.exemplars).toHaveLength(v.exampleCount);
    const head = v.head as { categories: string[]; dim: number; weights: number[] };
    expect(head.categories).toEqual(v.categories);
    expect(head.weights).toHaveLength(16 * (384 + 1));
    const c = v.calibration as { temperature: number; highThreshold: number; heldOut: { n: number; ece: number; highPrecision: number } };
    expect(c.heldOut.n).toBe(v.exampleCount);
    expect(c.heldOut.ece).toBeLessThanOrEqual(0.05);
    expect(c.heldOut.highPrecision).toBeGreaterThanOrEqual(0.97);
    expect(c.temperature).toBeGreaterThan(0);
  });

  it('runs concurrent retrains one after another, each writing a complete version', async () => {
    const results = await Promise.all([retrain(store.db, embed, model), retrain(store.db, embed, model)]);
    expect(results[0]!.version).not.toBe(results[1]!.version);
    for (const r of results) expect(r.categories).toHaveLength(16);
  });
});

describe('several processes starting at once', () => {
  it('build one version between them, not one each', async () => {
    await upsertFeedback(store.db, { transactionId: 'tx-race', description: 'QWERTY 1', merchantKey: 'qwerty', category: 'TRAVEL' });
    const versions = await Promise.all([1, 2, 3].map(() => ensurePrototypes(store.db, embed, model)));
    expect(new Set(versions.map((v) => v.version)).size).toBe(1);
  });
});
