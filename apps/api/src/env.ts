import { z } from 'zod';

const EnvSchema = z.object({
  REDIS_URL: z.string().regex(/^rediss?:\/\//, 'REDIS_URL must start with redis:// or rediss://'),
  DATABASE_URL: z.string().regex(/^postgres(ql)?:\/\//, 'DATABASE_URL must start with postgres:// or postgresql://'),
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  TXCAT_QUEUE_PREFIX: z.string().min(1).default('txcat'),
  TXCAT_MODELS_DIR: z.string().min(1).optional(),
  CLASSIFY_WAIT_TIMEOUT_MS: z.coerce.number().int().positive().default(10_000),
});

export type ApiEnv = z.infer<typeof EnvSchema>;

export function parseApiEnv(source: Record<string, string | undefined>): ApiEnv {
  const picked = Object.fromEntries(Object.keys(EnvSchema.shape).map((k) => [k, source[k] === '' ? undefined : source[k]]));
  const r = EnvSchema.safeParse(picked);
  if (r.success) return r.data;
  throw new Error(`invalid environment:\n  ${r.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('\n  ')}`);
}
