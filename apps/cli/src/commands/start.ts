import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { createEmbeddingCache } from '@txcat/cache';
import { createAnswerer, createDecider, fromStored, inSlices, loadLookups, parseCsv, withNameModel } from '@txcat/classifier';
import { createDb, migrate } from '@txcat/db';
import { startEmbedded } from '@txcat/infra';
import { ensurePrototypes, seedDefaultTaxonomy } from '@txcat/training';
import { Redis } from 'ioredis';
import { availableParallelism } from 'node:os';
import { parseCommandArgs } from '../args.js';
import { startFleet } from '../fleet.js';
import type { CommandContext } from '../command.js';
import { REPO_ROOT } from '../env.js';
import { UsageError } from '../errors.js';
import { modelFingerprint, openEmbedder } from '../model.js';
import { formatTable } from '../output.js';

export const startHelp = `Usage: txcat start [--sample FILE.csv] [--once]
Starts Redis and Postgres (unless REDIS_URL / DATABASE_URL are set) and the fleet: the API on PORT
(3000) and WORKERS worker processes (one per core), prints the URLs, classifies a sample statement
through the API and runs until SIGINT/SIGTERM.
--once: no fleet; classify the sample in this process (migrations, taxonomy, prototype version in
Postgres, embeddings cached in Redis) and exit.`;

const DEFAULT_SAMPLE = path.join(REPO_ROOT, 'apps/cli/data/sample-statement.csv');

export async function runStart(argv: string[], { env, output }: CommandContext): Promise<number> {
  const { values } = parseCommandArgs('start', argv, {
    sample: { type: 'string' }, once: { type: 'boolean', default: false }, help: { type: 'boolean', default: false },
  });
  if (values.help) return output.out(startHelp), 0;
  const sample = await readSample(values.sample ?? DEFAULT_SAMPLE);
  if (!values.once) return runFleet(sample, { env, output });

  const services = await startEmbedded({
    dataDir: env.TXCAT_DATA_DIR, redisUrl: env.REDIS_URL, databaseUrl: env.DATABASE_URL, log: (line: string) => output.err(line),
  });
  output.err(`redis    ${services.redisUrl}${services.started.redis ? ' (embedded)' : ''}`);
  output.err(`postgres ${redactPassword(services.databaseUrl)}${services.started.postgres ? ' (embedded)' : ''}`);
  const redis = new Redis(services.redisUrl, { maxRetriesPerRequest: 1, lazyConnect: true });
  const store = createDb({ databaseUrl: services.databaseUrl });
  const embedder = await openEmbedder(env);
  try {
    await redis.connect();
    await migrate({ databaseUrl: services.databaseUrl });
    await seedDefaultTaxonomy(store.db);
    const cache = createEmbeddingCache({ redis, model: await modelFingerprint(embedder.modelDir) });
    const embed = cache.wrap(inSlices((texts) => embedder.embed(texts)));
    const lookups = await loadLookups();
    const model = { name: embedder.manifest.name, variant: embedder.manifest.variant };
    const version = await ensurePrototypes(store.db, embed, model, { lookups });
    // The fleet's answer path in this process (no result cache, no corrections memory).
    const decisions = await createAnswerer({ decider: createDecider({ embed, lookups }) })
      .answer(sample.map((description, i) => ({ id: String(i), description })), { model: `${model.name}@${model.variant}`, version: version.version, knowledge: await withNameModel(fromStored(version), version) });
    output.out(formatTable(
      ['description', 'category', 'confidence', 'level', 'decided by'],
      decisions.map((r, i) => [sample[i] as string, r.category, r.confidence.toFixed(3), r.level, r.explanation.source]),
    ));
    const results = decisions;
    const { localHits, redisHits, misses } = cache.stats();
    output.out(`\n${results.length} lines classified with prototype version ${version.version} (${version.exampleCount} examples); embedding cache: ${redisHits} Redis hits, ${localHits} local hits, ${misses} misses`);
    return 0;
  } finally {
    await embedder.close();
    await store.close();
    redis.disconnect();
    await services.close();
  }
}

async function runFleet(sample: string[], { env, output }: Pick<CommandContext, 'env' | 'output'>): Promise<number> {
  const services = await startEmbedded({
    dataDir: env.TXCAT_DATA_DIR, redisUrl: env.REDIS_URL, databaseUrl: env.DATABASE_URL, log: (line: string) => output.err(line),
  });
  const workers = env.WORKERS ?? availableParallelism();
  let fleet: Awaited<ReturnType<typeof startFleet>> | undefined;
  const stop = async () => {
    await fleet?.close();
    await services.close();
  };
  try {
    output.err(`starting the API and ${workers} worker process(es)...`);
    fleet = await startFleet({ redisUrl: services.redisUrl, databaseUrl: services.databaseUrl, port: env.PORT, workers, env: process.env, log: (l) => output.err(l) });
    output.out(`txcat is running\n  API          ${fleet.url}/v1/classify\n  OpenAPI      ${fleet.url}/docs\n  Bull Board   ${fleet.url}/admin/queues\n  metrics      ${fleet.url}/metrics\n  redis        ${services.redisUrl}\n  postgres     ${redactPassword(services.databaseUrl)}`);
    const res = await fetch(`${fleet.url}/v1/classify`, {
      method: 'POST', headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ wait: true, transactions: sample.map((description, i) => ({ id: String(i + 1), description })) }),
    });
    const body = (await res.json()) as { results?: Array<{ id: string; category: string; confidence: number; level: string; prototypeVersion: number }> };
    const results = body.results ?? [];
    output.out(formatTable(['description', 'category', 'confidence', 'level'], results.map((r, i) => [sample[i] ?? r.id, r.category, r.confidence.toFixed(3), r.level])));
    output.out(`\n${results.length} sample lines classified by the fleet (prototype version ${results[0]?.prototypeVersion ?? '?'}). Ctrl-C stops it.`);
  } catch (error) {
    await stop();
    throw error;
  }
  await new Promise<void>((resolve) => {
    const onSignal = (signal: string) => {
      output.err(`${signal}: stopping the fleet`);
      void stop().then(resolve);
    };
    process.once('SIGINT', onSignal);
    process.once('SIGTERM', onSignal);
  });
  return 0;
}

async function readSample(file: string): Promise<string[]> {
  const text = await readFile(file, 'utf8').catch((error: unknown) => {
    throw new UsageError(`--sample ${file}: cannot read it; give a CSV file with a description column`, { cause: error });
  });
  const [header, ...rows] = parseCsv(text);
  const column = (header ?? []).findIndex((h) => h.trim().toLowerCase() === 'description');
  if (column < 0) throw new UsageError(`--sample ${file}: the header needs a description column`);
  return rows.map((r) => (r[column] ?? '').trim()).filter((d) => d !== '');
}

function redactPassword(url: string): string {
  return url.replace(/\/\/([^:/@]+):[^@]*@/, '//$1:***@');
}
