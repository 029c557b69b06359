import { createTestDatabase } from '@txcat/infra';
// Prototype versions against a real Postgres, in a database of this file's own.
import { beforeAll, describe, expect, inject, it } from 'vitest';
import { ContractError, type PrototypeVersionInput } from '@txcat/contracts';
import { sql } from 'drizzle-orm';
import { createDb, listActiveVersions, loadActivePrototypes, migrate, savePrototypeVersion, schema, seedTaxonomy, type Db } from '../src/index.js';

const CATEGORIES = ['FOOD_AND_DRINK', 'TRANSPORTATION', 'RENT_AND_UTILITIES'];
const int8 = { name: 'all-minilm-l6-v2', variant: 'int8' };
const fp32 = { name: 'all-minilm-l6-v2', variant: 'fp32' };
const empty = { center: new Float32Array(384), exemplars: [], head: null, calibration: null, replaces: null };
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
  ...empty, model: int8,
  prototypes: CATEGORIES.map((category) => ({ category, vector: new Float32Array(384).fill(k), exampleCount: k })),
});

describe('prototype versions', () => {
  it('is null before the first version', async () => {
    expect(await loadActivePrototypes(store.db, int8)).toBeNull();
    expect(await listActiveVersions(store.db)).toEqual([]);
  });

  it('round-trips 384 float32s exactly, with increasing version numbers', async () => {
    const vector = Float32Array.from({ length: 384 }, (_, i) => Math.fround(Math.sin(i + 0.5) / 7 + i * 1e-9));
    const input: PrototypeVersionInput = {
      ...empty, model: fp32, center: vector.map((x) => x / 3),
      head: { categories: ['FOOD_AND_DRINK', 'TRANSPORTATION'], dim: 384, weights: Float32Array.from({ length: 2 * 385 }, (_, i) => Math.fround(i / 1000)) },
      calibration: { temperature: 0.5, highThreshold: 0.8, mediumThreshold: 0.5, reviewThreshold: 0.55, targetHighPrecision: 0.97 },
      exemplars: [{ category: 'FOOD_AND_DRINK', text: 'corner cafe', vector }],
      prototypes: [{ category: 'FOOD_AND_DRINK', vector, exampleCount: 2 }, { category: 'TRANSPORTATION', vector: vector.map((x) => -x), exampleCount: 3 }],
    };
    const v1 = await savePrototypeVersion(store.db, input);
    const v2 = await savePrototypeVersion(store.db, input);
    expect(v2).toBeGreaterThan(v1);
    const active = (await loadActivePrototypes(store.db, fp32))!;
    expect(active).toMatchObject({ version: v2, exampleCount: 5, model: fp32, replaces: null, calibration: input.calibration, exemplars: input.exemplars });
    expect(active.head).toEqual(input.head);
    expect(active.createdAt).toBeInstanceOf(Date);
    expect(active.prototypes[0]!.vector).toEqual(vector);
    expect(active.prototypes[1]).toEqual({ category: 'TRANSPORTATION', vector: vector.map((x) => -x), exampleCount: 3 });
    expect(active.center).toEqual(vector.map((x) => x / 3));
  });

  it('defaults the center to zeros and rejects bad input or unknown categories', async () => {
    const v = await savePrototypeVersion(store.db, versionOf(1));
    expect((await loadActivePrototypes(store.db, int8))!).toMatchObject({ version: v, center: new Float32Array(384) });
    await expect(savePrototypeVersion(store.db, { ...versionOf(1), prototypes: [] })).rejects.toMatchObject({ code: 'invalid_input' });
    const ragged = versionOf(1);
    ragged.prototypes[1]!.vector = new Float32Array(3);
    await expect(savePrototypeVersion(store.db, ragged)).rejects.toMatchObject({ code: 'invalid_input' });
    const unknown = versionOf(1);
    unknown.prototypes[0]!.category = 'CRYPTO';
    await expect(savePrototypeVersion(store.db, unknown)).rejects.toMatchObject({ code: 'unknown_category' });
    expect((await loadActivePrototypes(store.db, int8))!.version).toBe(v);
  });

  it('keeps each model to its own versions', async () => {
    const mine = await savePrototypeVersion(store.db, versionOf(1));
    const other = await savePrototypeVersion(store.db, { ...versionOf(2), model: fp32 });
    expect(other).toBeGreaterThan(mine);
    expect((await loadActivePrototypes(store.db, int8))!.version).toBe(mine);
    expect((await loadActivePrototypes(store.db, fp32))!.version).toBe(other);
    expect(await loadActivePrototypes(store.db, { name: 'all-minilm-l6-v2', variant: 'fp16' })).toBeNull();
    expect((await listActiveVersions(store.db)).map((s) => [s.model.variant, s.version])).toEqual([['fp32', other], ['int8', mine]]);
  });

  it('refuses, on save, a version that breaks the contract, naming the field', async () => {
    const badHead = { ...versionOf(1), head: { categories: CATEGORIES, dim: 384, weights: new Float32Array(5) } };
    await expect(savePrototypeVersion(store.db, badHead)).rejects.toMatchObject({ code: 'invalid_input', message: expect.stringMatching(/head\.weights: weights must hold categories\.length x \(dim \+ 1\)/) });
    const nan = versionOf(1);
    nan.prototypes[0]!.vector[3] = Number.NaN;
    await expect(savePrototypeVersion(store.db, nan)).rejects.toThrow(/prototypes\.0\.vector: must hold finite numbers/);
  });

  it('fails to load a stored version that does not match the contract, saying which and what', async () => {
    const model = { name: 'all-minilm-l6-v2', variant: 'broken' };
    const v = await savePrototypeVersion(store.db, { ...versionOf(1), model });
    await store.db.execute(sql`UPDATE ${schema.prototypeVersions} SET calibration = '{"temperature": "hot"}'::jsonb WHERE version = ${v}`);
    const load = loadActivePrototypes(store.db, model);
    await expect(load).rejects.toBeInstanceOf(ContractError);
    await expect(load).rejects.toThrow(new RegExp(`stored prototype version ${v} \\(all-minilm-l6-v2@broken\\) does not match the prototype version contract: calibration\\.temperature: .*build a new one`));
    await store.db.execute(sql`UPDATE ${schema.prototypeVersions} SET calibration = NULL, head = '{"categories": ["FOOD_AND_DRINK"], "dim": 384, "weights": [1, 2]}'::jsonb WHERE version = ${v}`);
    await expect(loadActivePrototypes(store.db, model)).rejects.toThrow(/head\.weights: weights must hold/);
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
      const r = (await loadActivePrototypes(store.db, int8))!;
      reads++;
      seen.add(r.version);
      const k = r.prototypes[0]!.exampleCount;
      expect(r.prototypes.map((p) => p.category)).toEqual([...CATEGORIES].sort());
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
