// The embedded default: whatever is not given by URL is started here, with its data under one
// folder. With both URLs given, nothing is started and the same code talks to real servers.
import { checkDataDir, checkLog, checkUrl } from './options.js';
import { startPostgres } from './postgres.js';
import { startRedis, type RunningServer } from './redis.js';

export interface EmbeddedOptions {
  /** One folder for everything started: <dataDir>/redis, <dataDir>/postgres. */
  dataDir: string;
  /** A running Redis to use instead of starting one. */
  redisUrl?: string;
  /** A running Postgres to use instead of starting one. */
  databaseUrl?: string;
  log?: (line: string) => void;
}

export interface Embedded {
  redisUrl: string;
  databaseUrl: string;
  /** What this call started (and close() stops); false means the given URL is used. */
  started: { redis: boolean; postgres: boolean };
  close(): Promise<void>;
}

export async function startEmbedded(options: EmbeddedOptions): Promise<Embedded> {
  const dataDir = checkDataDir(options.dataDir);
  const redisUrl = checkUrl('redisUrl', options.redisUrl, ['redis', 'rediss']);
  const databaseUrl = checkUrl('databaseUrl', options.databaseUrl, ['postgres', 'postgresql']);
  const log = checkLog(options.log);
  const opts = options.log ? { dataDir, log } : { dataDir };
  const [redis, postgres] = await Promise.allSettled([
    redisUrl ? undefined : startRedis(opts),
    databaseUrl ? undefined : startPostgres(opts),
  ]);
  const running = [redis, postgres].flatMap((r) => (r.status === 'fulfilled' && r.value ? [r.value] : []));
  let closing: Promise<void> | undefined;
  const close = () => (closing ??= Promise.allSettled(running.map((s: RunningServer) => s.close())).then(() => {}));
  const failure = [redis, postgres].find((r) => r.status === 'rejected');
  if (failure) {
    await close();
    throw failure.reason;
  }
  const url = (r: typeof redis, given: string | undefined) => given ?? (r.status === 'fulfilled' ? r.value!.url : '');
  if (redisUrl && databaseUrl) log('REDIS_URL and DATABASE_URL given: starting nothing');
  return {
    redisUrl: url(redis, redisUrl),
    databaseUrl: url(postgres, databaseUrl),
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
