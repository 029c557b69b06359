// The embedded default: whatever is not given by URL is started here, with its data under one
// folder. With both URLs given, nothing is started and the same code talks to real servers.
import path from 'node:path';
import { startPostgres } from './postgres.js';
import { startRedis, type RunningServer } from './redis.js';

export interface EmbeddedOptions {
  dataDir: string;
  redisUrl?: string;
  databaseUrl?: string;
  log?: (line: string) => void;
}

export interface Embedded {
  redisUrl: string;
  databaseUrl: string;
  started: { redis: boolean; postgres: boolean };
  close(): Promise<void>;
}

export async function startEmbedded({ dataDir, redisUrl, databaseUrl, log }: EmbeddedOptions): Promise<Embedded> {
  const dir = path.resolve(dataDir);
  const opts = log ? { dataDir: dir, log } : { dataDir: dir };
  const [redis, postgres] = await Promise.allSettled([
    redisUrl ? undefined : startRedis(opts),
    databaseUrl ? undefined : startPostgres(opts),
  ]);
  const started = [redis, postgres].flatMap((r) => (r.status === 'fulfilled' && r.value ? [r.value] : []));
  const close = async () => {
    await Promise.allSettled(started.map((s: RunningServer) => s.close()));
  };
  const failure = [redis, postgres].find((r) => r.status === 'rejected');
  if (failure) {
    await close();
    throw failure.reason;
  }
  const value = (r: typeof redis) => (r.status === 'fulfilled' ? r.value : undefined);
  return {
    redisUrl: redisUrl ?? (value(redis) as RunningServer).url,
    databaseUrl: databaseUrl ?? (value(postgres) as RunningServer).url,
    started: { redis: !redisUrl, postgres: !databaseUrl },
    close,
  };
}

/** Lends the embedded services to `fn` and stops them afterwards, whatever happens. */
export async function withEmbedded<T>(options: EmbeddedOptions, fn: (services: Embedded) => Promise<T>): Promise<T> {
  const services = await startEmbedded(options);
  try {
    return await fn(services);
  } finally {
    await services.close();
  }
}
