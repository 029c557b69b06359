// Entry point of the API process: wiring, listen, graceful shutdown.
import { parseApiEnv } from './env.js';
import { createServer } from './server.js';

let env;
try {
  env = parseApiEnv(process.env);
} catch (error) {
  console.error(error instanceof Error ? error.message : String(error));
  process.exit(1);
}
const server = await createServer({ redisUrl: env.REDIS_URL, databaseUrl: env.DATABASE_URL, prefix: env.TXCAT_QUEUE_PREFIX, waitTimeoutMs: env.CLASSIFY_WAIT_TIMEOUT_MS, modelsDir: env.TXCAT_MODELS_DIR, logger: true });
await server.app.listen({ port: env.PORT, host: '0.0.0.0' });
for (const signal of ['SIGTERM', 'SIGINT'] as const) process.once(signal, () => void server.close().then(() => process.exit(0)));
