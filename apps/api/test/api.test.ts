import { createTestDatabase } from '@txcat/infra';
// The API through real HTTP, against real Redis and Postgres (no worker: jobs stay queued).
import { randomBytes } from 'node:crypto';
import { CLASSIFY_JOB } from '@txcat/contracts';
import { createDb, migrate } from '@txcat/db';
import { seedDefaultTaxonomy } from '@txcat/training';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { createServer, type TxcatServer } from '../src/index.js';

let server: TxcatServer;
let base: string;

beforeAll(async () => {
  const databaseUrl = await createTestDatabase(inject('databaseUrl'));
  await migrate({ databaseUrl });
  const store = createDb({ databaseUrl });
  await seedDefaultTaxonomy(store.db);
  await store.close();
  server = await createServer({ redisUrl: inject('redisUrl'), databaseUrl, prefix: `api-${randomBytes(4).toString('hex')}`, waitTimeoutMs: 300 });
  base = await server.app.listen({ port: 0, host: '127.0.0.1' });
});
afterAll(() => server?.close());

const post = (path: string, body: unknown, raw = false) =>
  fetch(base + path, { method: 'POST', headers: { 'content-type': 'application/json' }, body: raw ? (body as string) : JSON.stringify(body) });

describe('POST /v1/classify', () => {
  it('answers 202 with a job id, and the job is in Redis with the validated payload', async () => {
    const res = await post('/v1/classify', { transactions: [{ id: 't1', description: '  UBER *TRIP ', amount: -12.5, currency: 'USD' }] });
    expect(res.status).toBe(202);
    const { jobId } = (await res.json()) as { jobId: string };
    const job = await server.queues.classify.getJob(jobId);
    expect(CLASSIFY_JOB.parsePayload(job!.data).transactions[0]!.description).toBe('UBER *TRIP');
    expect(job!.opts.attempts).toBe(5);
    const status = await (await fetch(`${base}/v1/jobs/${jobId}`)).json();
    expect(status).toEqual({ state: 'waiting' });
  });

  it('with wait: true and no worker, gives up after the bounded wait and answers 202', async () => {
    const res = await post('/v1/classify', { transactions: [{ id: 't1', description: 'SHELL OIL' }], wait: true });
    expect(res.status).toBe(202);
  });

  it.each([
    ['{"transactions": [', 400, /not valid JSON/],
    [JSON.stringify({ transactions: [{ id: 't1', description: '' }] }), 422, /transactions\.0\.description: must not be empty/],
    [JSON.stringify({ transactions: [{ id: 't1', description: 'x'.repeat(501) }] }), 422, /at most 500 characters/],
    [JSON.stringify({ transactions: [{ id: 't1', description: 'x', tip: 1 }] }), 422, /Unrecognized key: "tip"/],
    [JSON.stringify({ transactions: [{ id: 1, description: 'x' }] }), 422, /transactions\.0\.id/],
    [JSON.stringify({ transactions: [], extra: true }), 422, /extra|at least one/],
    [JSON.stringify({ transactions: Array.from({ length: 1001 }, (_, i) => ({ id: `t${i}`, description: 'x' })) }), 413, /at most 1000 per request/],
  ])('%s -> %i naming what to fix', async (body, status, message) => {
    const res = await post('/v1/classify', body, true);
    expect(res.status).toBe(status);
    expect(((await res.json()) as { error: string }).error).toMatch(message);
  });
});

describe('feedback, retrain, jobs', () => {
  it('queues a correction for a known category and refuses an unknown one with 422', async () => {
    expect((await post('/v1/feedback', { transactionId: 'tx-9', description: 'ZORBLAX 1', category: 'PERSONAL_CARE' })).status).toBe(202);
    const bad = await post('/v1/feedback', { description: 'ZORBLAX 1', category: 'CRYPTO' });
    expect(bad.status).toBe(422);
    expect(((await bad.json()) as { error: string }).error).toMatch(/unknown category CRYPTO/);
  });

  it('queues a retrain and reports unknown jobs as 404', async () => {
    const res = await post('/v1/retrain', {});
    expect(res.status).toBe(202);
    expect((await fetch(`${base}/v1/jobs/${((await res.json()) as { jobId: string }).jobId}`)).status).toBe(200);
    expect((await fetch(`${base}/v1/jobs/no-such-job`)).status).toBe(404);
  });
});

describe('categories', () => {
  it('lists the taxonomy, adds a category once, and adds examples to it', async () => {
    const list = (await (await fetch(`${base}/v1/categories`)).json()) as { categories: Array<{ name: string }> };
    expect(list.categories).toHaveLength(16);
    const create = { name: 'PETS', description: 'Pet food, vets and grooming', examples: ['PETCO 1234', 'CHEWY.COM'] };
    expect((await post('/v1/categories', create)).status).toBe(201);
    expect((await post('/v1/categories', create)).status).toBe(409);
    const added = await post('/v1/categories/PETS/examples', { examples: ['PETSMART #441', 'CHEWY.COM'] });
    expect(await added.json()).toMatchObject({ added: 1 });
    expect((await post('/v1/categories/NOPE/examples', { examples: ['x'] })).status).toBe(404);
    expect((await post('/v1/categories', { name: 'pets', description: 'x', examples: [] })).status).toBe(422);
  });
});

describe('operations', () => {
  it('answers liveness, and readiness with the failing check (no worker connected)', async () => {
    expect((await fetch(`${base}/health/live`)).status).toBe(200);
    const ready = await fetch(`${base}/health/ready`);
    expect(ready.status).toBe(503);
    expect(await ready.json()).toMatchObject({ checks: { redis: 'ok', postgres: 'ok', workers: 'no classify worker is connected' } });
  });

  it('serves Prometheus metrics, the OpenAPI document and Bull Board', async () => {
    const metrics = await (await fetch(`${base}/metrics`)).text();
    expect(metrics).toContain('txcat_api_request_duration_seconds_bucket');
    expect(metrics).toMatch(/txcat_queue_jobs\{queue="txcat-classify",state="waiting"\} [1-9]/);
    const docs = (await (await fetch(`${base}/docs`)).json()) as { openapi: string; paths: Record<string, unknown> };
    expect(docs.openapi).toBe('3.1.0');
    expect(Object.keys(docs.paths)).toContain('/v1/classify');
    const board = await fetch(`${base}/admin/queues`);
    expect(board.status).toBe(200);
    expect(await board.text()).toMatch(/<html/i);
  });
});
