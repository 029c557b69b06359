// createServer(): the HTTP API. It validates and enqueues; workers do the work. Health, readiness,
// Prometheus metrics, the OpenAPI document at /docs and Bull Board at /admin/queues.
import { fileURLToPath } from 'node:url';
import { createBullBoard } from '@bull-board/api';
import { BullMQAdapter } from '@bull-board/api/bullMQAdapter';
import { FastifyAdapter } from '@bull-board/fastify';
import { CLASSIFY_JOB, FEEDBACK_JOB, RETRAIN_JOB } from '@txcat/contracts';
import { createDb } from '@txcat/db';
import { discoverModels } from '@txcat/inference';
import { Queue, QueueEvents } from 'bullmq';
import Fastify from 'fastify';
import { Redis } from 'ioredis';
import { collectDefaultMetrics, Gauge, Histogram, Registry } from 'prom-client';
import { createCachedAnswers } from './cached-answers.js';
import { sendError } from './http-errors.js';
import { openApiDocument } from './openapi.js';
import { registerRoutes } from './routes.js';

/** The repository's models/ folder (apps/api/dist/server.js -> ../../../models). */
export const DEFAULT_MODELS_DIR = fileURLToPath(new URL('../../../models', import.meta.url));

export interface ServerOptions {
  redisUrl: string;
  databaseUrl: string;
  prefix?: string;
  /** How long `"wait": true` waits for the result before answering 202. */
  waitTimeoutMs?: number;
  logger?: boolean;
  /** Where model variants live (GET /v1/models lists and verifies them). */
  modelsDir?: string;
}

export async function createServer({ redisUrl, databaseUrl, prefix = 'txcat', waitTimeoutMs = 10_000, logger = false, modelsDir = DEFAULT_MODELS_DIR }: ServerOptions) {
  // Per-request log lines cost more CPU than a cached answer; errors are still logged.
  const app = Fastify({ logger, disableRequestLogging: true, bodyLimit: 1 << 20 });
  const store = createDb({ databaseUrl });
  // Producers fail fast when Redis is away (503), rather than queueing commands in memory.
  const connection = new Redis(redisUrl, { maxRetriesPerRequest: 1, enableOfflineQueue: false });
  connection.on('error', () => {});
  await new Promise<void>((resolve, reject) => { connection.once('ready', resolve); connection.once('error', reject); });
  const queues = {
    classify: new Queue(CLASSIFY_JOB.queue, { connection, prefix }),
    feedback: new Queue(FEEDBACK_JOB.queue, { connection, prefix }),
    retrain: new Queue(RETRAIN_JOB.queue, { connection, prefix }),
  };
  // BullMQ does not close connections it is handed: keep this one to close it ourselves.
  const eventsConnection = new Redis(redisUrl, { maxRetriesPerRequest: null });
  eventsConnection.on('error', () => {});
  const classifyEvents = new QueueEvents(CLASSIFY_JOB.queue, { connection: eventsConnection, prefix });
  await classifyEvents.waitUntilReady();

  const registry = new Registry();
  collectDefaultMetrics({ register: registry, prefix: 'txcat_api_' });
  const duration = new Histogram({ name: 'txcat_api_request_duration_seconds', help: 'HTTP request duration', labelNames: ['method', 'route', 'status'], registers: [registry] });
  new Gauge({
    name: 'txcat_queue_jobs', help: 'Jobs per queue and state', labelNames: ['queue', 'state'], registers: [registry],
    async collect() {
      for (const q of Object.values(queues)) for (const [state, n] of Object.entries(await q.getJobCounts())) this.set({ queue: q.name, state }, n);
    },
  });
  app.addHook('onResponse', async (request, reply) => {
    duration.observe({ method: request.method, route: request.routeOptions.url ?? 'unknown', status: String(reply.statusCode) }, reply.elapsedTime / 1000);
  });

  app.setErrorHandler(sendError);
  app.setNotFoundHandler((request, reply) => reply.status(404).send({ error: `no route ${request.method} ${request.url}; see /docs` }));
  registerRoutes(app, { db: store.db, queues, classifyEvents, waitTimeoutMs, redis: connection, prefix, modelsDir, cachedAnswers: createCachedAnswers(connection, prefix) });
  app.get('/health/live', async () => ({ status: 'ok' }));
  app.get('/health/ready', async (_request, reply) => {
    const checks = {
      redis: await connection.ping().then(() => 'ok', (e: Error) => e.message),
      postgres: await store.pool.query('SELECT 1').then(() => 'ok', (e: Error) => e.message),
      model: await discoverModels(modelsDir).then((ms) => (ms.some((m) => m.verified) ? 'ok' : `no verified model under ${modelsDir}; run npm run build`), (e: Error) => e.message),
      workers: await queues.classify.getWorkersCount().then((n) => (n > 0 ? 'ok' : 'no classify worker is connected'), (e: Error) => e.message),
    };
    const ok = Object.values(checks).every((c) => c === 'ok');
    return reply.status(ok ? 200 : 503).send({ status: ok ? 'ready' : 'not ready', checks });
  });
  app.get('/metrics', async (_request, reply) => reply.type(registry.contentType).send(await registry.metrics()));
  app.get('/docs', async () => openApiDocument());

  const board = new FastifyAdapter();
  board.setBasePath('/admin/queues');
  createBullBoard({ queues: Object.values(queues).map((q) => new BullMQAdapter(q)), serverAdapter: board });
  await app.register(board.registerPlugin(), { prefix: '/admin/queues' });

  return {
    app,
    queues,
    async close(): Promise<void> {
      await app.close();
      await classifyEvents.close();
      await Promise.all(Object.values(queues).map((q) => q.close()));
      await eventsConnection.quit().catch(() => {});
      await connection.quit().catch(() => {});
      await store.close();
    },
  };
}

export type TxcatServer = Awaited<ReturnType<typeof createServer>>;
