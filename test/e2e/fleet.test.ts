// The fleet as its users meet it: HTTP API in front, a worker behind, real Redis and Postgres.
import { randomBytes } from 'node:crypto';
import path from 'node:path';
import { createServer, type TxcatServer } from '@txcat/api';
import { createClient } from '@txcat/client';
import { defaultModelDir } from '@txcat/inference';
import { provideTestServices } from '@txcat/infra';
import { createWorker, type TxcatWorker } from '@txcat/worker';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const MODELS = path.resolve(import.meta.dirname, '../../models');
let services: Awaited<ReturnType<typeof provideTestServices>>;
let server: TxcatServer;
let worker: TxcatWorker;
let base: string;
let prefix: string;

beforeAll(async () => {
  services = await provideTestServices({ redisUrl: process.env.REDIS_URL, databaseUrl: process.env.DATABASE_URL });
  prefix = `fleet-${randomBytes(4).toString('hex')}`;
  worker = await createWorker({ redisUrl: services.redisUrl, databaseUrl: services.databaseUrl, modelDir: defaultModelDir(MODELS, 'int8'), prefix, threads: 1, retrainCron: null });
  server = await createServer({ redisUrl: services.redisUrl, databaseUrl: services.databaseUrl, prefix, waitTimeoutMs: 30_000 });
  base = await server.app.listen({ port: 0, host: '127.0.0.1' });
});
afterAll(async () => {
  await server?.close();
  await worker?.close();
  await services?.close();
});

const post = async (p: string, body: unknown) => {
  const res = await fetch(base + p, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
  return { status: res.status, body: (await res.json()) as Record<string, unknown> };
};

async function finished(jobId: string) {
  for (let i = 0; i < 300; i++) {
    const body = (await (await fetch(`${base}/v1/jobs/${jobId}`)).json()) as { state: string };
    if (body.state === 'completed' || body.state === 'failed') return body;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`job ${jobId} did not finish`);
}

describe('the fleet over HTTP', () => {
  it('is ready once a worker is connected', async () => {
    const ready = await fetch(`${base}/health/ready`);
    expect(ready.status).toBe(200);
  });

  it('classifies with wait: true, and without wait through GET /v1/jobs/:id', async () => {
    const waited = await post('/v1/classify', { wait: true, transactions: [{ id: 'a', description: 'STARBUCKS COFFEE #11823 SEATTLE WA' }, { id: 'b', description: 'SHELL OIL 57444221' }] });
    expect(waited.status).toBe(200);
    const results = waited.body.results as Array<{ id: string; category: string; prototypeVersion: number; modelVersion: string }>;
    expect(results.map((r) => r.category)).toEqual(['FOOD_AND_DRINK', 'TRANSPORTATION']);
    const queued = await post('/v1/classify', { transactions: [{ id: 'c', description: 'UBER *TRIP' }] });
    expect(queued.status).toBe(202);
    const done = (await finished(queued.body.jobId as string)) as { state: string; results: Array<{ category: string }> };
    expect(done.state).toBe('completed');
    expect(done.results[0]!.category).toBe('TRANSPORTATION');
  });

  it('answers a 1,000-transaction request in parts, every answer in its place', async () => {
    const lines = ['STARBUCKS COFFEE #11823 SEATTLE WA', 'SHELL OIL 57444221', 'UBER *TRIP', 'MONTHLY MAINTENANCE FEE'];
    const transactions = Array.from({ length: 1000 }, (_, i) => ({ id: `big-${i}`, description: `${lines[i % 4]} ${1000 + i}` }));
    const queued = await post('/v1/classify', { transactions });
    expect(queued.status).toBe(202);
    const done = (await finished(queued.body.jobId as string)) as { state: string; results: Array<{ id: string; category: string }> };
    expect(done.state).toBe('completed');
    expect(done.results.map((r) => r.id)).toEqual(transactions.map((t) => t.id));
    expect(done.results.slice(0, 4).map((r) => r.category)).toEqual(['FOOD_AND_DRINK', 'TRANSPORTATION', 'TRANSPORTATION', 'BANK_FEES']);
    expect(done.results[999]!.category).toBe('BANK_FEES');
  });

  it('learns from feedback: corrections, then a retrain, bump the version that answers', async () => {
    const before = (await (await fetch(`${base}/v1/prototypes`)).json()) as { version: number };
    for (const [i, d] of ['ZORBLAX 1101 KIOSK', 'ZORBLAX 2290 KIOSK', 'ZORBLAX KIOSK NYC'].entries()) {
      expect((await finished((await post('/v1/feedback', { transactionId: `z-${i}`, description: d, category: 'PERSONAL_CARE' })).body.jobId as string)).state).toBe('completed');
    }
    expect((await finished((await post('/v1/retrain', {})).body.jobId as string)).state).toBe('completed');
    const after = (await (await fetch(`${base}/v1/prototypes`)).json()) as { version: number; exampleCount: number };
    expect(after.version).toBeGreaterThan(before.version);
    const answer = await post('/v1/classify', { wait: true, transactions: [{ id: 'z', description: 'ZORBLAX 7781 KIOSK' }] });
    expect((answer.body.results as Array<{ prototypeVersion: number }>)[0]!.prototypeVersion).toBe(after.version);
  });

  it('answers a repeated merchant from the result cache without a job; DELETE /v1/cache empties it', async () => {
    const line = [{ id: 'r', description: `QUIXOTIC LAUNDROMAT ${[...randomBytes(6)].map((b) => String.fromCharCode(65 + (b % 26))).join('')}` }];
    const before = worker.results!.stats();
    const first = await post('/v1/classify', { wait: true, transactions: line });
    expect(typeof first.body.jobId).toBe('string');
    // Another store of the same merchant, in other case: the same answer, straight from the API.
    const second = await post('/v1/classify', { wait: true, transactions: [{ ...line[0], id: 'r2', description: `${line[0]!.description.toLowerCase()} #4471` }] });
    expect(second.body.jobId).toBeNull();
    expect(worker.results!.stats().misses - before.misses).toBe(1);
    const [a, b] = [first, second].map((r) => (r.body.results as Array<Record<string, unknown>>)[0]!);
    const { cached, ...rest } = b!;
    expect([a!.cached, cached]).toEqual([undefined, true]);
    expect({ ...rest, id: 'r' }).toEqual(a);
    const cleared = (await (await fetch(`${base}/v1/cache`, { method: 'DELETE' })).json()) as { removed: number };
    expect(cleared.removed).toBeGreaterThanOrEqual(1);
    const third = await post('/v1/classify', { wait: true, transactions: line });
    expect(typeof third.body.jobId).toBe('string');
    expect(worker.results!.stats().misses - before.misses).toBe(2);
  });

  it('reports the active version\'s calibration: high means the target precision on held-out lines', async () => {
    const c = (await (await fetch(`${base}/v1/calibration`)).json()) as { version: number; targetHighPrecision: number; highThreshold: number; heldOut: { ece: number; highPrecision: number; bins: unknown[] } };
    expect(c.targetHighPrecision).toBe(0.97);
    expect(c.heldOut.highPrecision).toBeGreaterThanOrEqual(0.97);
    expect(c.heldOut.ece).toBeLessThanOrEqual(0.05);
    expect(c.heldOut.bins).toHaveLength(10);
    const r = await post('/v1/classify', { wait: true, transactions: [{ id: 'x', description: 'CHECKCARD 0412 SAFEWAY #1234 OAKLAND CA', amount: -64.2 }] });
    expect((r.body.results as Array<Record<string, unknown>>)[0]).toMatchObject({ category: 'FOOD_AND_DRINK', explanation: { source: 'gazetteer', brand: { name: 'Safeway' } } });
  });

  it('lists the model variants under models/ with verified checksums', async () => {
    const { models } = (await (await fetch(`${base}/v1/models`)).json()) as { models: Array<{ id: string; verified: boolean; manifest: { variant: string } }> };
    expect(models.map((m) => [m.id, m.verified, m.manifest.variant])).toEqual([['all-minilm-l6-v2', true, 'fp32'], ['all-minilm-l6-v2-int8', true, 'int8']]);
  });

  it('serves another Node service that enqueues directly with the typed client', async () => {
    const client = createClient({ connection: services.redisUrl, prefix });
    try {
      const { results } = await client.classify({ transactions: [{ id: 'x', description: 'NETFLIX.COM 866-579-7172 CA' }] });
      expect(results[0]).toMatchObject({ id: 'x', category: 'ENTERTAINMENT' });
      await expect(client.classify({ transactions: [] })).rejects.toThrow(/give at least one transaction/);
      expect(await client.feedback({ transactionId: 'c-1', description: 'ZORBLAX #1', category: 'PERSONAL_CARE' })).toEqual({ stored: true, merchantKey: 'ZORBLAX' });
    } finally {
      await client.close();
    }
  });
});
