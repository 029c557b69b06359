// A worker process killed with SIGKILL in the middle of a job loses nothing: its lock expires, the
// stalled job (here: the parts of a 1,000-transaction job it held) goes back to the queue, and
// another worker process completes it.
import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import path from 'node:path';
import { CLASSIFY_JOB } from '@txcat/contracts';
import { provideTestServices } from '@txcat/infra';
import { partJobId } from '@txcat/worker';
import { Queue, QueueEvents } from 'bullmq';
import { Redis } from 'ioredis';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const WORKER = path.resolve(import.meta.dirname, '../../apps/worker/dist/main.js');
let services: Awaited<ReturnType<typeof provideTestServices>>;
const prefix = `crash-${randomBytes(4).toString('hex')}`;
const children: ChildProcess[] = [];

function startWorker(): Promise<ChildProcess> {
  const child = spawn(process.execPath, [WORKER], {
    env: {
      ...process.env, REDIS_URL: services.redisUrl, DATABASE_URL: services.databaseUrl, TXCAT_QUEUE_PREFIX: prefix,
      TXCAT_MODEL_VARIANT: 'int8', WORKER_THREADS: '1', WORKER_LOCK_DURATION_MS: '3000', RETRAIN_CRON: '0 3 * * *',
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  children.push(child);
  return new Promise((resolve, reject) => {
    let out = '';
    child.stdout!.on('data', (d: Buffer) => {
      out += d.toString();
      if (out.includes('worker ready')) resolve(child);
    });
    child.stderr!.on('data', (d: Buffer) => (out += d.toString()));
    child.once('exit', (code) => reject(new Error(`worker exited with ${code} before it was ready: ${out.slice(-2000)}`)));
  });
}

beforeAll(async () => {
  services = await provideTestServices({ redisUrl: process.env.REDIS_URL, databaseUrl: process.env.DATABASE_URL });
});
afterAll(async () => {
  for (const c of children) if (c.exitCode === null && c.signalCode === null) c.kill('SIGTERM');
  await Promise.all(children.map((c) => (c.exitCode !== null || c.signalCode !== null ? undefined : new Promise((r) => c.once('exit', r)))));
  await services?.close();
});

describe('a worker killed with SIGKILL mid-job', () => {
  it('loses no job: the stalled job is retried by another worker and completes', async () => {
    const first = await startWorker();
    const connection = new Redis(services.redisUrl, { maxRetriesPerRequest: 1 });
    const eventsConnection = new Redis(services.redisUrl, { maxRetriesPerRequest: null });
    const queue = new Queue(CLASSIFY_JOB.queue, { connection, prefix });
    const events = new QueueEvents(CLASSIFY_JOB.queue, { connection: eventsConnection, prefix });
    try {
      await events.waitUntilReady();
      const transactions = Array.from({ length: 1000 }, (_, i) => ({ id: `t${i}`, description: `GROCERY OUTLET ${i} ${randomBytes(3).toString('hex').toUpperCase()} OAKLAND CA` }));
      const job = await queue.add(CLASSIFY_JOB.name, { transactions }, { attempts: 3 });
      // 1,000 transactions are answered in parts (child jobs): kill the worker while parts are active.
      const partsActive = async () => (await job.getState()) === 'waiting-children' && (await queue.getActiveCount()) > 0;
      for (let i = 0; i < 400 && !(await partsActive()); i++) await new Promise((r) => setTimeout(r, 25));
      expect(await partsActive()).toBe(true);
      first.kill('SIGKILL');
      await new Promise((r) => first.once('exit', r));
      await startWorker();
      const result = CLASSIFY_JOB.parseResult(await job.waitUntilFinished(events, 120_000));
      expect(result.results.map((r) => r.id)).toEqual(transactions.map((t) => t.id));
      // The killed worker's parts were found stalled and handed over, not lost or answered twice.
      const parts = await Promise.all(Array.from({ length: 10 }, (_, i) => queue.getJob(partJobId(job.id!, i))));
      expect(parts.every((p) => p !== undefined)).toBe(true);
      expect(parts.some((p) => (p!.stalledCounter ?? 0) > 0)).toBe(true);
    } finally {
      await events.close();
      await queue.close();
      await Promise.all([connection.quit(), eventsConnection.quit()]);
    }
  });
});
