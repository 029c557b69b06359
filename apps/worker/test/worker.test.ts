import { createTestDatabase } from '@txcat/infra';
// A real worker process's logic against real Redis, Postgres and the model, fed through BullMQ.
import { randomBytes } from 'node:crypto';
import path from 'node:path';
import { CLASSIFY_JOB, FEEDBACK_JOB, RETRAIN_JOB } from '@txcat/contracts';
import { defaultModelDir } from '@txcat/inference';
import { Queue, QueueEvents } from 'bullmq';
import { Redis } from 'ioredis';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { createWorker, partJobId, type TxcatWorker } from '../src/index.js';

const MODELS = path.resolve(import.meta.dirname, '../../../models');
const prefix = `test-${randomBytes(4).toString('hex')}`;
let worker: TxcatWorker;
let databaseUrl: string;
const queues = new Map<string, { queue: Queue; events: QueueEvents }>();
const connections: Redis[] = [];

function queueOf(name: string) {
  let q = queues.get(name);
  if (!q) {
    const connection = new Redis(inject('redisUrl'), { maxRetriesPerRequest: 1 });
    const blocking = new Redis(inject('redisUrl'), { maxRetriesPerRequest: null });
    connections.push(connection, blocking);
    q = { queue: new Queue(name, { connection, prefix }), events: new QueueEvents(name, { connection: blocking, prefix }) };
    queues.set(name, q);
  }
  return q;
}

async function run(name: string, data: unknown, attempts = 1) {
  const { queue, events } = queueOf(name);
  await events.waitUntilReady();
  const job = await queue.add(name, data, { attempts, backoff: { type: 'exponential', delay: 50 } });
  return { job, result: job.waitUntilFinished(events, 60_000) };
}

beforeAll(async () => {
  databaseUrl = await createTestDatabase(inject('databaseUrl'));
  worker = await createWorker({ redisUrl: inject('redisUrl'), databaseUrl, modelDir: defaultModelDir(MODELS, 'int8'), prefix, threads: 1, retrainCron: '0 * * * *', metricsPort: 0 });
});
afterAll(async () => {
  await worker?.close();
  for (const { queue, events } of queues.values()) await Promise.all([queue.close(), events.close()]);
  await Promise.all(connections.map((c) => c.quit().catch(() => {})));
});

describe('classify jobs', () => {
  it('answer with categories and name the model and prototype version that answered', async () => {
    const { result } = await run(CLASSIFY_JOB.queue, { transactions: [
      { id: 'a', description: 'STARBUCKS COFFEE #11823 SEATTLE WA' }, { id: 'b', description: 'SHELL OIL 57444221', amount: -40, currency: 'USD' },
    ] });
    const out = CLASSIFY_JOB.parseResult(await result);
    expect(out.results.map((r) => [r.id, r.category])).toEqual([['a', 'FOOD_AND_DRINK'], ['b', 'TRANSPORTATION']]);
    expect(out.results[0]!.prototypeVersion).toBe(worker.prototypes.current().active.version);
    expect(out.results[0]!.modelVersion).toBe('all-minilm-l6-v2@int8');
  });

  it('fail a bad payload at once, without retries, naming the field', async () => {
    const { job, result } = await run(CLASSIFY_JOB.queue, { transactions: [{ id: 'a', description: '' }] }, 3);
    await expect(result).rejects.toThrow(/transactions\.0\.description: must not be empty/);
    const failed = await queueOf(CLASSIFY_JOB.queue).queue.getJob(job.id!);
    expect(failed!.attemptsMade).toBe(1);
  });

  it('answer a large job in parts (BullMQ child jobs any worker can take), in the order given', async () => {
    const merchants = ['STARBUCKS COFFEE #11823 SEATTLE WA', 'SHELL OIL 57444221', 'MONTHLY MAINTENANCE FEE', 'UBER *TRIP', 'CVS/PHARMACY #0412'];
    const transactions = Array.from({ length: 230 }, (_, i) => ({ id: `t${i}`, description: merchants[i % merchants.length]! }));
    const { job, result } = await run(CLASSIFY_JOB.queue, { transactions });
    const out = CLASSIFY_JOB.parseResult(await result);
    expect(out.results.map((r) => r.id)).toEqual(transactions.map((t) => t.id));
    expect(out.results.slice(0, 5).map((r) => r.category)).toEqual(['FOOD_AND_DRINK', 'TRANSPORTATION', 'BANK_FEES', 'TRANSPORTATION', 'MEDICAL']);
    expect(out.results[5]!.category).toBe(out.results[0]!.category);
    const parent = await queueOf(CLASSIFY_JOB.queue).queue.getJob(job.id!);
    expect(await parent!.getDependenciesCount()).toMatchObject({ processed: 3, unprocessed: 0 });
    const part = await queueOf(CLASSIFY_JOB.queue).queue.getJob(partJobId(job.id!, 2));
    expect((part!.data as { transactions: unknown[] }).transactions).toHaveLength(30);
  });

  it('are counted in the Prometheus metrics, by queue and outcome', async () => {
    const text = await (await fetch(`http://127.0.0.1:${worker.metricsPort}/metrics`)).text();
    const value = (name: string) => Number(new RegExp(`^${name.replace(/[{}]/g, '\\$&')} (\\d+)`, 'm').exec(text)?.[1] ?? NaN);
    expect(value(`txcat_worker_jobs_total{queue="${CLASSIFY_JOB.queue}",outcome="completed"}`)).toBeGreaterThanOrEqual(1);
    expect(value(`txcat_worker_jobs_total{queue="${CLASSIFY_JOB.queue}",outcome="failed"}`)).toBeGreaterThanOrEqual(1);
    expect(value('txcat_worker_engine_items_total')).toBeGreaterThanOrEqual(2);
    expect(value('txcat_worker_prototype_version')).toBe(worker.prototypes.current().active.version);
  });
});

describe('feedback and retraining', () => {
  it('stores corrections, refuses unknown categories, and a retrain bumps the version every worker answers with', async () => {
    const before = worker.prototypes.current().active.version;
    await expect((await run(FEEDBACK_JOB.queue, { description: 'ZORBLAX', category: 'CRYPTO' }, 3)).result).rejects.toThrow(/unknown category "?CRYPTO"?/);
    const stored = await (await run(FEEDBACK_JOB.queue, { transactionId: 'tx-1', description: 'ZORBLAX 7781 KIOSK', category: 'PERSONAL_CARE' })).result;
    expect(stored).toEqual({ stored: true, merchantKey: 'ZORBLAX KIOSK' });
    // The correction wins for its merchant at once, before any retrain.
    const now = CLASSIFY_JOB.parseResult(await (await run(CLASSIFY_JOB.queue, { transactions: [{ id: 'z', description: 'ZORBLAX 1234 KIOSK' }] })).result);
    expect(now.results[0]).toMatchObject({ category: 'PERSONAL_CARE', explanation: { source: 'feedback', feedback: { corrections: 1, scope: 'global' } } });
    const retrained = RETRAIN_JOB.parseResult(await (await run(RETRAIN_JOB.queue, {})).result);
    expect(retrained.version).toBeGreaterThan(before);
    expect(retrained.categories).toBe(16);
    const out = CLASSIFY_JOB.parseResult(await (await run(CLASSIFY_JOB.queue, { transactions: [{ id: 'z', description: 'ZORBLAX 9912 KIOSK' }] })).result);
    expect(out.results[0]!.prototypeVersion).toBe(retrained.version);
  });

  it('applies a user\'s own correction for that user first, everyone\'s for the others', async () => {
    await (await run(FEEDBACK_JOB.queue, { transactionId: 'u1-1', description: 'GLIMMERQUAD 0042', category: 'TRAVEL', userId: 'u1' })).result;
    await (await run(FEEDBACK_JOB.queue, { transactionId: 'u2-1', description: 'GLIMMERQUAD 0077', category: 'MEDICAL', userId: 'u2' })).result;
    await (await run(FEEDBACK_JOB.queue, { transactionId: 'u2-2', description: 'GLIMMERQUAD 0078', category: 'MEDICAL', userId: 'u2' })).result;
    const ask = (userId?: string) => ({ id: userId ?? 'anyone', description: 'GLIMMERQUAD 9999', ...(userId ? { userId } : {}) });
    const out = CLASSIFY_JOB.parseResult(await (await run(CLASSIFY_JOB.queue, { transactions: [ask('u1'), ask('u2'), ask()] })).result);
    expect(out.results.map((r) => [r.category, r.explanation?.source])).toEqual([['TRAVEL', 'feedback_user'], ['MEDICAL', 'feedback_user'], ['MEDICAL', 'feedback']]);
    // Repeating a correction (same transactionId) replaces it: counts do not grow.
    await (await run(FEEDBACK_JOB.queue, { transactionId: 'u2-2', description: 'GLIMMERQUAD 0078', category: 'MEDICAL', userId: 'u2' })).result;
    const again = CLASSIFY_JOB.parseResult(await (await run(CLASSIFY_JOB.queue, { transactions: [ask()] })).result);
    expect(again.results[0]!.explanation?.feedback).toEqual({ corrections: 3, agreeing: 2, scope: 'global' });
  });

  it('explains on request with token attributions by occlusion', async () => {
    const out = CLASSIFY_JOB.parseResult(await (await run(CLASSIFY_JOB.queue, { explain: true, transactions: [{ id: 'a', description: 'JOES BARBER SHOP 123 MAIN ST' }] })).result);
    const attributions = out.results[0]!.explanation!.attributions!;
    expect(attributions.map((a) => a.token)).toEqual(expect.arrayContaining(['BARBER']));
    const top = [...attributions].sort((a, b) => b.drop - a.drop)[0]!;
    expect(top.token).toBe('BARBER');
  });

  it('registers one retrain scheduler however many workers start', async () => {
    const second = await createWorker({ redisUrl: inject('redisUrl'), databaseUrl, modelDir: defaultModelDir(MODELS, 'int8'), prefix, threads: 1, retrainCron: '0 * * * *', metricsPort: 0 });
    await second.close();
    const schedulers = await queueOf(RETRAIN_JOB.queue).queue.getJobSchedulers();
    expect(schedulers).toHaveLength(1);
    expect(schedulers[0]).toMatchObject({ key: 'retrain-schedule', pattern: '0 * * * *' });
  });
});
