// Entry point of a worker process: wiring, start, graceful shutdown on SIGTERM/SIGINT.
import { defaultModelDir } from '@txcat/inference';
import { parseWorkerEnv } from './env.js';
import { createWorker } from './worker.js';

const log = (line: string) => console.log(`[worker ${process.pid}] ${line}`);
let env;
try {
  env = parseWorkerEnv(process.env);
} catch (error) {
  console.error(error instanceof Error ? error.message : String(error));
  process.exit(1);
}
const worker = await createWorker({
  redisUrl: env.REDIS_URL,
  databaseUrl: env.DATABASE_URL,
  modelDir: env.TXCAT_MODEL_DIR ?? defaultModelDir(env.TXCAT_MODELS_DIR, env.TXCAT_MODEL_VARIANT),
  prefix: env.TXCAT_QUEUE_PREFIX,
  classifyConcurrency: env.WORKER_CLASSIFY_CONCURRENCY,
  partSize: env.WORKER_CLASSIFY_PART_SIZE,
  threads: env.WORKER_THREADS,
  retrainCron: env.RETRAIN_CRON,
  lockDurationMs: env.WORKER_LOCK_DURATION_MS,
  resultCache: env.RESULT_CACHE === 'on',
  method: env.CLASSIFY_METHOD,
  metricsPort: env.WORKER_METRICS_PORT,
  resultCacheTtlSeconds: env.RESULT_CACHE_TTL_SECONDS,
  log,
});
for (const signal of ['SIGTERM', 'SIGINT'] as const) {
  process.once(signal, () => {
    log(`${signal}: finishing active jobs`);
    void worker.close().then(() => process.exit(0));
  });
}
