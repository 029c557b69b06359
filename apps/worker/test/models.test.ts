import { createTestDatabase } from '@txcat/infra';
// Two models on one database: an fp32 version (as `txcat start --once` builds one) and int8
// workers. Vectors embedded by one model mean nothing to the other, so the int8 worker builds a
// version of its own, ignores every fp32 version however new, and follows its own model's.
import { randomBytes } from 'node:crypto';
import path from 'node:path';
import { CLASSIFY_JOB } from '@txcat/contracts';
import { createDb, listActiveVersions, migrate, type Db } from '@txcat/db';
import { createEmbedder, defaultModelDir, type Embedder } from '@txcat/inference';
import { ensurePrototypes, retrain, seedDefaultTaxonomy } from '@txcat/training';
import { Queue, QueueEvents } from 'bullmq';
import { Redis } from 'ioredis';
import { afterAll, beforeAll, describe, expect, inject, it, vi } from 'vitest';
import { createWorker, type TxcatWorker } from '../src/index.js';

const MODELS = path.resolve(import.meta.dirname, '../../../models');
const fp32 = { name: 'all-minilm-l6-v2', variant: 'fp32' };
const int8 = { name: 'all-minilm-l6-v2', variant: 'int8' };
const prefix = `test-${randomBytes(4).toString('hex')}`;
let store: Db;
let fp32Embedder: Embedder;
let worker: TxcatWorker;
let queue: Queue;
let events: QueueEvents;
const connections: Redis[] = [];

beforeAll(async () => {
  const databaseUrl = await createTestDatabase(inject('databaseUrl'));
  await migrate({ databaseUrl });
  store = createDb({ databaseUrl });
  await seedDefaultTaxonomy(store.db);
  fp32Embedder = await createEmbedder({ modelDir: defaultModelDir(MODELS, 'fp32') });
  await ensurePrototypes(store.db, (t) => fp32Embedder.embed(t), fp32);
  worker = await createWorker({ redisUrl: inject('redisUrl'), databaseUrl, modelDir: defaultModelDir(MODELS, 'int8'), prefix, threads: 1, retrainCron: null, resultCache: false });
  connections.push(new Redis(inject('redisUrl'), { maxRetriesPerRequest: 1 }), new Redis(inject('redisUrl'), { maxRetriesPerRequest: null }));
  queue = new Queue(CLASSIFY_JOB.queue, { connection: connections[0]!, prefix });
  events = new QueueEvents(CLASSIFY_JOB.queue, { connection: connections[1]!, prefix });
  await events.waitUntilReady();
});
afterAll(async () => {
  await worker?.close();
  await Promise.all([queue?.close(), events?.close()]);
  await Promise.all(connections.map((c) => c.quit().catch(() => {})));
  await fp32Embedder?.close();
  await store?.close();
});

async function classify(description: string) {
  const job = await queue.add(CLASSIFY_JOB.name, { transactions: [{ id: 'a', description }] });
  return CLASSIFY_JOB.parseResult(await job.waitUntilFinished(events, 60_000)).results[0]!;
}

/** The model that built a version, from Postgres itself. */
async function builtBy(version: number): Promise<string> {
  const { rows } = await store.pool.query<{ model: string }>("SELECT model_name || '@' || model_variant AS model FROM prototype_versions WHERE version = $1", [version]);
  return rows[0]!.model;
}

describe('an fp32 version and int8 workers on one database', () => {
  it('the int8 worker builds its own version instead of taking the fp32 one', async () => {
    const mine = worker.prototypes.current().active;
    expect(mine.model).toEqual(int8);
    expect(await builtBy(mine.version)).toBe('all-minilm-l6-v2@int8');
    const r = await classify('STARBUCKS COFFEE #11823 SEATTLE WA');
    expect(r).toMatchObject({ modelVersion: 'all-minilm-l6-v2@int8', prototypeVersion: mine.version });
  });

  it('a newer fp32 version, announced on NOTIFY, is never answered with', async () => {
    const mine = worker.prototypes.current().active.version;
    const newer = await retrain(store.db, (t) => fp32Embedder.embed(t), fp32);
    expect(newer.version).toBeGreaterThan(mine);
    await worker.prototypes.reload(); // as the poll and a reconnect would
    const r = await classify('SHELL OIL 57444221');
    expect(r.prototypeVersion).toBe(mine);
    expect(await builtBy(r.prototypeVersion)).toBe('all-minilm-l6-v2@int8');
    expect(r.modelVersion).toBe('all-minilm-l6-v2@int8');
    expect((await listActiveVersions(store.db)).map((v) => [`${v.model.name}@${v.model.variant}`, v.version]))
      .toEqual([['all-minilm-l6-v2@fp32', newer.version], ['all-minilm-l6-v2@int8', mine]]);
  });

  it('a new int8 version built by another process reaches the worker on NOTIFY', async () => {
    const embedder = await createEmbedder({ modelDir: defaultModelDir(MODELS, 'int8') });
    try {
      const next = await retrain(store.db, (t) => embedder.embed(t), int8);
      // Well before the 30 s poll: the notification did it.
      await vi.waitFor(() => expect(worker.prototypes.current().active.version).toBe(next.version), { timeout: 10_000 });
      const r = await classify('UBER *TRIP');
      expect(r).toMatchObject({ modelVersion: 'all-minilm-l6-v2@int8', prototypeVersion: next.version });
    } finally {
      await embedder.close();
    }
  });
});
