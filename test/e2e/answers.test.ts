// One answer path, three callers: a worker computing (POST /v1/classify with wait), the API
// answering from the result cache, and the CLI's in-process answerer with the same version's
// knowledge. Real HTTP, worker, Redis, Postgres and model; users' corrections included, so the
// review threshold that corrections re-decide matters.
import { randomBytes } from 'node:crypto';
import path from 'node:path';
import { createServer, type TxcatServer } from '@txcat/api';
import { localAnswerer } from '@txcat/cli';
import { createEmbedder, defaultModelDir, type Embedder } from '@txcat/inference';
import { provideTestServices } from '@txcat/infra';
import { createWorker, type TxcatWorker } from '@txcat/worker';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const MODELS = path.resolve(import.meta.dirname, '../../models');
let services: Awaited<ReturnType<typeof provideTestServices>>;
let server: TxcatServer;
let worker: TxcatWorker;
let embedder: Embedder;
let base: string;

beforeAll(async () => {
  services = await provideTestServices({ redisUrl: process.env.REDIS_URL, databaseUrl: process.env.DATABASE_URL });
  const prefix = `answers-${randomBytes(4).toString('hex')}`;
  worker = await createWorker({ redisUrl: services.redisUrl, databaseUrl: services.databaseUrl, modelDir: defaultModelDir(MODELS, 'int8'), prefix, threads: 1, retrainCron: null });
  server = await createServer({ redisUrl: services.redisUrl, databaseUrl: services.databaseUrl, prefix, waitTimeoutMs: 30_000 });
  base = await server.app.listen({ port: 0, host: '127.0.0.1' });
  embedder = await createEmbedder({ modelDir: defaultModelDir(MODELS, 'int8') });
});
afterAll(async () => {
  await embedder?.close();
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

interface Result { id: string; category: string; confidence: number; level: string; needsReview?: boolean; cached?: boolean; explanation?: { source: string; attributions?: unknown[] } }

// Made-up merchants: one corrected by its user alone, one whose corrections disagree (a vote of
// 0.5, which the version's review threshold flags or not), beside a brand, a rule and the model.
const corrections = [
  { transactionId: 'c1', description: 'PLIMWORTH 0042', category: 'TRAVEL', userId: 'u1' },
  { transactionId: 'c2', description: 'QUENDIBAR 7', category: 'MEDICAL' },
  { transactionId: 'c3', description: 'QUENDIBAR 7', category: 'TRAVEL' },
  { transactionId: 'c4', description: 'QUENDIBAR 7', category: 'ENTERTAINMENT' },
];
const transactions = [
  { id: 'brand', description: 'STARBUCKS COFFEE #11823 SEATTLE WA', amount: -4.5 },
  { id: 'rule', description: 'MONTHLY MAINTENANCE FEE', amount: -12 },
  { id: 'model', description: 'VELMORA TRADING 551', amount: -30 },
  { id: 'user', description: 'PLIMWORTH 0042', amount: -80, userId: 'u1' },
  { id: 'split', description: 'QUENDIBAR 7', amount: -15 },
];

describe('the three answer paths', () => {
  it('give the same category, confidence, level and needsReview for the same lines and version', async () => {
    for (const c of corrections) expect((await finished((await post('/v1/feedback', c)).body.jobId as string)).state).toBe('completed');
    const computed = await post('/v1/classify', { wait: true, transactions });
    expect(computed.status).toBe(200);
    expect(computed.body.jobId).not.toBeNull();
    const fresh = computed.body.results as Result[];
    expect(fresh.map((r) => r.explanation?.source)).toEqual(['gazetteer', 'rule', 'name_model', 'feedback_user', 'feedback']);
    expect(fresh.every((r) => r.cached === undefined)).toBe(true);

    // Again: every line is in the result cache, so the API answers without a job.
    const again = await post('/v1/classify', { wait: true, transactions });
    expect(again.body.jobId).toBeNull();
    expect(again.body.results).toEqual(fresh.map((r) => ({ ...r, cached: true })));

    // The CLI's in-process answer path with the version the worker answered with.
    const { active, knowledge } = worker.prototypes.current();
    const answer = await localAnswerer((texts) => embedder.embed(texts), knowledge, corrections);
    const local = await answer(transactions);
    const figures = (r: Result) => [r.category, r.level, r.needsReview];
    expect(local.map(figures)).toEqual(fresh.map(figures));
    local.forEach((r, i) => expect(r.confidence).toBeCloseTo(fresh[i]!.confidence, 5));

    // What corrections decide is flagged against this version's threshold, not a default.
    const { reviewThreshold } = knowledge.calibration;
    const split = fresh.find((r) => r.id === 'split')!;
    expect(split).toMatchObject({ confidence: 0.5, needsReview: 0.5 < reviewThreshold, prototypeVersion: active.version });
  });

  it('lets a job answer when attributions are asked for, even for cached lines', async () => {
    const explained = await post('/v1/classify', { wait: true, explain: true, transactions: transactions.slice(0, 1) });
    expect(explained.status).toBe(200);
    expect(explained.body.jobId).not.toBeNull();
    const [r] = explained.body.results as Result[];
    expect(r!.cached).toBeUndefined();
    expect(r!.explanation?.attributions?.length).toBeGreaterThan(0);
  });
});
