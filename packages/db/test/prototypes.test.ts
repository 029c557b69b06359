import { createTestDatabase } from '@txcat/infra';
// Prototype versions against a real Postgres, in a database of this file's own.
import { beforeAll, describe, expect, inject, it } from 'vitest';
import { createDb, loadActivePrototypes, migrate, savePrototypeVersion, seedTaxonomy, type Db, type PrototypeVersionInput } from '../src/index.js';

const CATEGORIES = ['FOOD_AND_DRINK', 'TRANSPORTATION', 'RENT_AND_UTILITIES'];
let store: Db;

beforeAll(async () => {
  const databaseUrl = await createTestDatabase(inject('databaseUrl'));
  await migrate({ databaseUrl });
  store = createDb({ databaseUrl, max: 8 });
  await seedTaxonomy(store.db, CATEGORIES.map((name) => ({ name, description: name.toLowerCase(), examples: [] })));
  return () => store.close();
});

/** Version k: every vector filled with k, every example count k, so a mix of two versions shows. */
const versionOf = (k: number): PrototypeVersionInput => ({
  modelName: 'all-minilm-l6-v2', modelVariant: 'int8',
  prototypes: CATEGORIES.map((category) => ({ category, vector: new Float32Array(384).fill(k), exampleCount: k })),
});

describe('prototype versions', () => {
  it('is null before the first version', async () => {
    expect(await loadActivePrototypes(store.db)).toBeNull();
  });

  it('round-trips 384 float32s exactly, with increasing version numbers', async () => {
    const vector = Float32Array.from({ length: 384 }, (_, i) => Math.fround(Math.sin(i + 0.5) / 7 + i * 1e-9));
    const input = {
      modelName: 'all-minilm-l6-v2', modelVariant: 'fp32', center: vector.map((x) => x / 3), notes: { loo: 0.595 },
      prototypes: [{ category: 'FOOD_AND_DRINK', vector, exampleCount: 2 }, { category: 'TRANSPORTATION', vector: vector.map((x) => -x), exampleCount: 3 }],
    };
    const v1 = await savePrototypeVersion(store.db, input);
    const v2 = await savePrototypeVersion(store.db, input);
    expect(v2).toBeGreaterThan(v1);
    const active = (await loadActivePrototypes(store.db))!;
    expect(active).toMatchObject({ version: v2, exampleCount: 5, modelName: 'all-minilm-l6-v2', modelVariant: 'fp32', categories: ['FOOD_AND_DRINK', 'TRANSPORTATION'] });
    expect(active.createdAt).toBeInstanceOf(Date);
    expect(active.prototypes[0]!.vector).toEqual(vector);
    expect(active.prototypes[1]).toEqual({ category: 'TRANSPORTATION', vector: vector.map((x) => -x), exampleCount: 3 });
    expect(active.center).toEqual(vector.map((x) => x / 3));
  });

  it('defaults the center to zeros and rejects bad input or unknown categories', async () => {
    const v = await savePrototypeVersion(store.db, versionOf(1));
    expect((await loadActivePrototypes(store.db))!).toMatchObject({ version: v, center: new Float32Array(384) });
    await expect(savePrototypeVersion(store.db, { ...versionOf(1), prototypes: [] })).rejects.toMatchObject({ code: 'invalid_input' });
    const ragged = versionOf(1);
    ragged.prototypes[1]!.vector = new Float32Array(3);
    await expect(savePrototypeVersion(store.db, ragged)).rejects.toMatchObject({ code: 'invalid_input' });
    const unknown = versionOf(1);
    unknown.prototypes[0]!.category = 'CRYPTO';
    await expect(savePrototypeVersion(store.db, unknown)).rejects.toMatchObject({ code: 'unknown_category' });
    expect((await loadActivePrototypes(store.db))!.version).toBe(v);
  });

  it('never shows a reader a torn version while versions are being written', async () => {
    let writing = true;
    const writes = (async () => {
      try {
        for (let k = 2; k <= 13; k += 3) await Promise.all([k, k + 1, k + 2].map((n) => savePrototypeVersion(store.db, versionOf(n))));
      } finally {
        writing = false;
      }
    })();
    const seen = new Set<number>();
    let reads = 0;
    while (writing || reads === 0) {
      const r = (await loadActivePrototypes(store.db))!;
      reads++;
      seen.add(r.version);
      const k = r.exampleCounts[0]!;
      expect(r.categories).toEqual([...CATEGORIES].sort());
      expect(r.exampleCount).toBe(k * CATEGORIES.length);
      for (const p of r.prototypes) {
        expect(p.exampleCount).toBe(k);
        expect(p.vector.every((x) => x === k)).toBe(true);
      }
    }
    await writes;
    expect(seen.size).toBeGreaterThan(1); // the reader did overlap the writers
    const versions = [...seen];
    expect(versions).toEqual([...versions].sort((a, b) => a - b)); // and never went back
  });
});
