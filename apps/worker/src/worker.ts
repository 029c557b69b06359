// createWorker(): one worker process. It applies migrations, seeds the taxonomy, loads, verifies
// and warms the model, makes sure a prototype version exists, then consumes the classify,
// feedback and retrain queues. Ready means all of that is done.
import { answeringKey, createEmbeddingCache, createFeedbackMemory, createResultCache, feedbackMemoryPrefix, resultCachePrefix } from '@txcat/cache';
import { createAnswerer, createDecider, loadLookups, type CachedAnswer, type EmbeddingMethod } from '@txcat/classifier';
import { CLASSIFY_JOB, FEEDBACK_JOB, RETRAIN_JOB } from '@txcat/contracts';
import { createDb, migrate } from '@txcat/db';
import { createEngine, verifyModelDir } from '@txcat/inference';
import { ensurePrototypes, seedDefaultTaxonomy } from '@txcat/training';
import { Queue, Worker, type Job } from 'bullmq';
import { Redis, type RedisOptions } from 'ioredis';
import { classifyInParts } from './parts.js';
import { handleClassify, handleFeedback, handleRetrain, toJobError, type HandlerContext } from './handlers.js';
import { createWorkerMetrics } from './metrics.js';
import { createPrototypeStore } from './prototype-store.js';

export interface WorkerOptions {
  redisUrl: string;
  databaseUrl: string;
  modelDir: string;
  /** BullMQ key prefix: producers and workers of one fleet share it. */
  prefix?: string;
  /** Classify jobs in flight: enough to keep the micro-batcher's batches full. */
  classifyConcurrency?: number;
  /** Engine threads (default: the cores). */
  threads?: number;
  /**
   * Job lock lifetime; a worker that dies (SIGKILL, power loss) stops renewing it and BullMQ's
   * stalled-job check hands its jobs to another worker after about this long.
   */
  lockDurationMs?: number;
  /** Cron pattern of the retrain job scheduler; null registers none. */
  retrainCron?: string | null;
  /** Share classification results in Redis (default true; false computes every answer). */
  resultCache?: boolean;
  resultCacheTtlSeconds?: number;
  /** What decides when no rule, brand or correction does: k-nearest exemplars (default), prototypes or the trained head. */
  method?: EmbeddingMethod;
  /** Serve Prometheus metrics on this port (0 = any free port); undefined = no server. */
  metricsPort?: number;
  /** A classify job with more transactions than this is answered in parts of this size by every free worker. */
  partSize?: number;
  log?: (line: string) => void;
}

export const WORKER_DEFAULTS = { prefix: 'txcat', classifyConcurrency: 64, retrainCron: '0 * * * *', lockDurationMs: 30_000, resultCache: true, method: 'knn', partSize: 100 } as const;

/** ioredis options from a redis:// or rediss:// URL, for workers (maxRetriesPerRequest: null). */
export function redisOptions(url: string): RedisOptions {
  const u = new URL(url);
  return {
    host: u.hostname,
    port: Number(u.port || 6379),
    ...(u.username ? { username: decodeURIComponent(u.username) } : {}),
    ...(u.password ? { password: decodeURIComponent(u.password) } : {}),
    db: Number(u.pathname.slice(1) || 0),
    ...(u.protocol === 'rediss:' ? { tls: {} } : {}),
    maxRetriesPerRequest: null,
  };
}

export async function createWorker(options: WorkerOptions) {
  const o = { ...WORKER_DEFAULTS, ...Object.fromEntries(Object.entries(options).filter(([, v]) => v !== undefined)) } as WorkerOptions & typeof WORKER_DEFAULTS;
  const log = o.log ?? (() => {});
  const check = await verifyModelDir(o.modelDir);
  if (!check.ok) throw new Error(`model ${o.modelDir} failed verification: ${check.files.filter((f) => !f.ok).map((f) => `${f.file} ${f.reason}`).join('; ')}; rebuild it with npm run build`);
  await migrate({ databaseUrl: o.databaseUrl });
  const store = createDb({ databaseUrl: o.databaseUrl });
  await seedDefaultTaxonomy(store.db);
  const engine = await createEngine({ modelDir: o.modelDir, threads: o.threads });
  await engine.warm();
  // Producers fail fast; workers wait for Redis forever (BullMQ's "going to production" guide).
  const redis = new Redis(o.redisUrl, { maxRetriesPerRequest: null });
  redis.on('error', (e) => log(`redis: ${e.message}`));
  const sha = engine.manifest.files['onnx/model.onnx']?.sha256.slice(0, 16) ?? 'custom';
  const model = { name: engine.manifest.name, variant: engine.manifest.variant };
  const cache = createEmbeddingCache({ redis, model: `${model.name}-${model.variant}-${sha}` });
  const embed = cache.wrap((texts) => engine.embedMany(texts));
  // Brand and MCC knowledge: loaded once, the same in every version.
  const lookups = await loadLookups();
  const retrainOptions = { lookups, method: o.method };
  await ensurePrototypes(store.db, embed, model, retrainOptions);
  const modelVersion = `${model.name}@${model.variant}`;
  // Tell the API which answers are current, so it can serve cached ones without a job. The
  // newest version wins when workers of several versions overlap during a switch.
  const announce = async (active: { version: number }) => {
    if (!o.resultCache) return;
    const key = answeringKey(o.prefix);
    const current = JSON.parse((await redis.get(key)) ?? 'null') as { model: string; version: number } | null;
    if (!current || current.model !== modelVersion || current.version < active.version) await redis.set(key, JSON.stringify({ model: modelVersion, version: active.version }));
  };
  const prototypes = createPrototypeStore({ db: store.db, databaseUrl: o.databaseUrl, model, log, onChange: announce });
  await prototypes.start();

  const results = o.resultCache ? createResultCache<CachedAnswer>({ redis, keyPrefix: resultCachePrefix(o.prefix), ttlSeconds: o.resultCacheTtlSeconds }) : undefined;
  const memory = createFeedbackMemory(redis, feedbackMemoryPrefix(o.prefix));
  const decider = createDecider({ embed, lookups, options: { method: o.method } });
  const answerer = createAnswerer({ decider, results, memory });
  const ctx: HandlerContext = { db: store.db, embed, prototypes, model, answerer, memory, retrainOptions };
  const metrics = createWorkerMetrics({ engine, embeddingCache: cache, resultCache: results, prototypeVersion: () => { try { return prototypes.current().active.version; } catch { return null; } } });
  const metricsPort = o.metricsPort === undefined ? undefined : await metrics.listen(o.metricsPort);
  // One place where a job's outcome is counted and its error mapped to a BullMQ outcome.
  const processor = (handler: (job: Job, token?: string) => Promise<unknown>) => (job: Job, token?: string) =>
    metrics.observe(job.queueName, async () => {
      try {
        return await handler(job, token);
      } catch (error) {
        throw toJobError(error);
      }
    });
  // BullMQ gets options, not our instance: it then owns (and closes) the connections it makes.
  const common = { connection: redisOptions(o.redisUrl), prefix: o.prefix };
  const locks = { lockDuration: o.lockDurationMs, stalledInterval: Math.max(1000, Math.floor(o.lockDurationMs / 2)) };
  // Parts of large jobs go back into the classify queue, for whichever workers are free.
  const classifyQueue = new Queue(CLASSIFY_JOB.queue, common);
  const transactionCount = (data: unknown) => {
    const transactions = (data as { transactions?: unknown } | null)?.transactions;
    return Array.isArray(transactions) ? transactions.length : 0;
  };
  const classify = processor((job, token) =>
    transactionCount(job.data) > o.partSize ? classifyInParts(job, token, classifyQueue, o.partSize) : handleClassify(job.data, ctx));
  const workers = [
    new Worker(CLASSIFY_JOB.queue, classify, { ...common, ...locks, concurrency: o.classifyConcurrency }),
    new Worker(FEEDBACK_JOB.queue, processor((job) => handleFeedback(job.data, ctx)), { ...common, ...locks, concurrency: 8 }),
    new Worker(RETRAIN_JOB.queue, processor((job) => handleRetrain(job.data, ctx)), { ...common, ...locks, concurrency: 1 }),
  ];
  for (const w of workers) w.on('error', (e) => log(`worker ${w.name}: ${e.message}`));
  if (o.retrainCron) {
    // upsertJobScheduler is idempotent: however many processes start, one scheduler exists.
    const queue = new Queue(RETRAIN_JOB.queue, common);
    await queue.upsertJobScheduler('retrain-schedule', { pattern: o.retrainCron }, { name: RETRAIN_JOB.name, data: { reason: 'schedule' } });
    await queue.close();
  }
  log(`worker ready: model ${model.name} ${model.variant}, prototype version ${prototypes.current().active.version}${metricsPort ? `, metrics on :${metricsPort}/metrics` : ''}`);
  return {
    model,
    engine,
    cache,
    results,
    prototypes,
    metrics,
    metricsPort,
    /** Stops taking jobs, lets active ones finish, then releases the model, Redis and Postgres. */
    async close(): Promise<void> {
      await Promise.all(workers.map((w) => w.close()));
      await classifyQueue.close();
      await metrics.close();
      await prototypes.close();
      await engine.close();
      await store.close();
      await redis.quit().catch(() => {});
    },
  };
}

export type TxcatWorker = Awaited<ReturnType<typeof createWorker>>;
