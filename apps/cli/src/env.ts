// The CLI's environment, parsed once at start. Packages never read process.env; this file does.
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { z } from 'zod';
import { UsageError } from './errors.js';

/** The repository root, found from this file's place in apps/cli/{src,dist}. */
export const REPO_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');

const optionalUrl = (name: string, schemes: string[]) =>
  z
    .string()
    .trim()
    .min(1)
    .optional()
    .refine((v) => v === undefined || schemes.some((s) => v.startsWith(`${s}://`)), {
      message: `${name} must be a URL starting with ${schemes.map((s) => `${s}://`).join(' or ')}`,
    });

const EnvSchema = z.object({
  REDIS_URL: optionalUrl('REDIS_URL', ['redis', 'rediss']),
  DATABASE_URL: optionalUrl('DATABASE_URL', ['postgres', 'postgresql']),
  TXCAT_DATA_DIR: z.string().min(1).default(path.join(REPO_ROOT, '.txcat')),
  TXCAT_MODELS_DIR: z.string().min(1).default(path.join(REPO_ROOT, 'models')),
  TXCAT_MODEL_DIR: z.string().min(1).optional(),
  TXCAT_MODEL_VARIANT: z.enum(['fp32', 'int8'], { message: 'TXCAT_MODEL_VARIANT must be fp32 or int8' }).default('fp32'),
  PORT: z.coerce.number({ message: 'PORT must be a port number' }).int().min(0).max(65535).default(3000),
  WORKERS: z.coerce.number({ message: 'WORKERS must be a positive integer' }).int().positive().optional(),
});

export type Env = z.infer<typeof EnvSchema>;

/** Validates the environment; every problem is listed in one error. */
export function parseEnv(source: Record<string, string | undefined>): Env {
  const blank = (v: string | undefined) => (v === undefined || v.trim() === '' ? undefined : v);
  const picked = Object.fromEntries(Object.keys(EnvSchema.shape).map((k) => [k, blank(source[k])]));
  const result = EnvSchema.safeParse(picked);
  if (result.success) return result.data;
  const problems = result.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`);
  throw new UsageError(`invalid environment: ${problems.join('; ')}`);
}
