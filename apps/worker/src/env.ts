// The worker's environment, parsed once at start; every problem is printed.
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { z } from 'zod';

const REPO_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');

const EnvSchema = z.object({
  REDIS_URL: z.string().regex(/^rediss?:\/\//, 'REDIS_URL must start with redis:// or rediss://'),
  DATABASE_URL: z.string().regex(/^postgres(ql)?:\/\//, 'DATABASE_URL must start with postgres:// or postgresql://'),
  TXCAT_MODELS_DIR: z.string().min(1).default(path.join(REPO_ROOT, 'models')),
  TXCAT_MODEL_DIR: z.string().min(1).optional(),
  TXCAT_MODEL_VARIANT: z.enum(['fp32', 'int8']).default('int8'),
  TXCAT_QUEUE_PREFIX: z.string().min(1).default('txcat'),
  WORKER_CLASSIFY_CONCURRENCY: z.coerce.number().int().positive().default(64),
  WORKER_THREADS: z.coerce.number().int().positive().optional(),
  /** A classify job of more transactions than this is split into parts that every free worker takes. */
  WORKER_CLASSIFY_PART_SIZE: z.coerce.number().int().positive().default(100),
  RETRAIN_CRON: z.string().min(1).default('0 * * * *'),
  /** How long a job's lock lives without renewal: a killed worker's jobs are retried after it. */
  WORKER_LOCK_DURATION_MS: z.coerce.number().int().positive().default(30_000),
  /** Serve Prometheus metrics on this port; unset = no metrics server. */
  WORKER_METRICS_PORT: z.coerce.number().int().min(0).max(65535).optional(),
  /** What decides when no rule, brand or correction does: knn (default), prototypes or head. */
  CLASSIFY_METHOD: z.enum(['knn', 'prototypes', 'head']).default('knn'),
  /** Share classification results in Redis across the fleet (off: every answer is computed). */
  RESULT_CACHE: z.enum(['on', 'off']).default('on'),
  RESULT_CACHE_TTL_SECONDS: z.coerce.number().int().positive().default(86_400),
});

export type WorkerEnv = z.infer<typeof EnvSchema>;

export function parseWorkerEnv(source: Record<string, string | undefined>): WorkerEnv {
  const picked = Object.fromEntries(Object.keys(EnvSchema.shape).map((k) => [k, source[k] === '' ? undefined : source[k]]));
  const r = EnvSchema.safeParse(picked);
  if (r.success) return r.data;
  throw new Error(`invalid environment:\n  ${r.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('\n  ')}`);
}
