// The schema, migrations and repository functions against a real Postgres.
import { execFile } from 'node:child_process';
import { cp, mkdir, mkdtemp, readdir, rm } from 'node:fs/promises';
import path from 'node:path';
import { promisify } from 'node:util';
import { beforeAll, describe, expect, inject, it } from 'vitest';
import {
  createDb, listExamples, listFeedback, loadActivePrototypes, migrate, MIGRATIONS_FOLDER, savePrototypeVersion, seedTaxonomy, upsertFeedback,
} from '../src/index.js';
import { freshDatabase } from './fresh-database.js';

let databaseUrl: string;
const seed = [
  { name: 'FOOD_AND_DRINK', description: 'food', examples: ['STARBUCKS', 'MCDONALDS'] },
  { name: 'TRANSPORTATION', description: 'getting around', examples: ['SHELL OIL', 'UBER TRIP'] },
];

beforeAll(async () => {
  await mkdir(path.resolve(import.meta.dirname, '../.vitest'), { recursive: true });
  databaseUrl = await freshDatabase(inject('databaseUrl'));
  await migrate({ databaseUrl });
});

describe('migrate', () => {
  it('is a no-op the second time and safe from several processes at once', async () => {
    const url = await freshDatabase(inject('databaseUrl'));
    await Promise.all([migrate({ databaseUrl: url }), migrate({ databaseUrl: url }), migrate({ databaseUrl: url })]);
    await migrate({ databaseUrl: url });
    const store = createDb({ databaseUrl: url });
    const { rows } = await store.pool.query('SELECT count(*)::int AS n FROM drizzle.__drizzle_migrations');
    expect(rows[0].n).toBe((await readdir(MIGRATIONS_FOLDER)).filter((f) => f.endsWith('.sql')).length);
    await store.close();
  });

  it('has no drift: drizzle-kit finds nothing to generate from the schema', async () => {
    // drizzle-kit takes --out relative to its working folder: copy the migrations next to it.
    const cwd = path.resolve(import.meta.dirname, '..');
    const out = path.relative(cwd, await mkdtemp(path.join(cwd, '.vitest', 'drift-')));
    await cp(MIGRATIONS_FOLDER, path.join(cwd, out), { recursive: true });
    try {
      const { stdout, stderr } = await promisify(execFile)('npx', ['drizzle-kit', 'generate', '--dialect', 'postgresql', '--schema', 'src/schema.ts', '--out', out], { cwd });
      expect(stdout + stderr).toContain('No schema changes');
    } finally {
      await rm(path.join(cwd, out), { recursive: true, force: true });
    }
  });
});

describe('repository', () => {
  it('seeds the taxonomy idempotently', async () => {
    const store = createDb({ databaseUrl });
    await seedTaxonomy(store.db, seed);
    await seedTaxonomy(store.db, seed);
    expect((await listExamples(store.db)).map((e) => e.text)).toEqual(['STARBUCKS', 'MCDONALDS', 'SHELL OIL', 'UBER TRIP']);
    await store.close();
  });

  it('replaces feedback for the same transactionId instead of counting it twice', async () => {
    const store = createDb({ databaseUrl });
    await seedTaxonomy(store.db, seed);
    const first = { transactionId: 'tx-42', description: 'ZORBLAX 1', merchantKey: 'zorblax', category: 'FOOD_AND_DRINK' };
    await upsertFeedback(store.db, first);
    await upsertFeedback(store.db, { ...first, category: 'TRANSPORTATION' });
    await upsertFeedback(store.db, { description: 'NO ID', merchantKey: 'no id', category: 'FOOD_AND_DRINK' });
    const rows = (await listFeedback(store.db)).filter((r) => r.transactionId === 'tx-42');
    expect(rows).toHaveLength(1);
    expect(rows[0]!.category).toBe('TRANSPORTATION');
    await expect(upsertFeedback(store.db, { ...first, category: 'CRYPTO' })).rejects.toMatchObject({ code: 'unknown_category' });
    await store.close();
  });

  it('round-trips prototype vectors exactly, with increasing versions', async () => {
    const store = createDb({ databaseUrl });
    await seedTaxonomy(store.db, seed);
    const vector = Float32Array.from({ length: 384 }, (_, i) => Math.fround(Math.sin(i) / 7));
    const input = {
      modelName: 'all-minilm-l6-v2', modelVariant: 'fp32', center: vector.map((x) => x / 2),
      prototypes: [{ category: 'FOOD_AND_DRINK', vector, exampleCount: 2 }, { category: 'TRANSPORTATION', vector: vector.map((x) => -x), exampleCount: 3 }],
    };
    const v1 = await savePrototypeVersion(store.db, input);
    const v2 = await savePrototypeVersion(store.db, input);
    expect(v2).toBeGreaterThan(v1);
    const active = await loadActivePrototypes(store.db);
    expect(active!.version).toBe(v2);
    expect(active!.exampleCount).toBe(5);
    expect(active!.categories).toEqual(['FOOD_AND_DRINK', 'TRANSPORTATION']);
    expect(active!.vectors[0]).toEqual(vector);
    expect(active!.center).toEqual(vector.map((x) => x / 2));
    await store.close();
  });

  it('never shows a reader a torn version while versions are being written', async () => {
    const store = createDb({ databaseUrl, max: 8 });
    await seedTaxonomy(store.db, seed);
    const make = (k: number) => ({
      modelName: 'm', modelVariant: 'fp32', center: new Float32Array(4),
      prototypes: ['FOOD_AND_DRINK', 'TRANSPORTATION'].map((category) => ({ category, vector: Float32Array.of(k, k, k, k), exampleCount: k })),
    });
    const writes = Promise.all([1, 2, 3, 4, 5, 6].map((k) => savePrototypeVersion(store.db, make(k))));
    const reads: Array<Awaited<ReturnType<typeof loadActivePrototypes>>> = [];
    for (let i = 0; i < 30; i++) reads.push(await loadActivePrototypes(store.db));
    await writes;
    for (const r of reads) {
      expect(r!.categories).toHaveLength(2);
      expect(r!.vectors[0]![0]).toBe(r!.vectors[1]![0]);
      expect(r!.exampleCount).toBe(r!.exampleCounts[0]! * 2);
    }
    await store.close();
  });
});
