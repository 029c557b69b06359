import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { createEmbeddingCache } from '@txcat/cache';
import { parseCsv } from '@txcat/classifier';
import { createDb, migrate } from '@txcat/db';
import { startEmbedded } from '@txcat/infra';
import { ensurePrototypes, seedDefaultTaxonomy } from '@txcat/training';
import { Redis } from 'ioredis';
import { parseCommandArgs } from '../args.js';
import type { CommandContext } from '../command.js';
import { REPO_ROOT } from '../env.js';
import { UsageError } from '../errors.js';
import { classifyTexts, inSlices } from '../knowledge.js';
import { modelFingerprint, openEmbedder } from '../model.js';
import { formatTable } from '../output.js';

export const startHelp = `Usage: txcat start [--sample FILE.csv]
Starts Redis and Postgres (unless REDIS_URL / DATABASE_URL are set), applies migrations, seeds the
taxonomy, builds the prototypes as a version in Postgres, classifies a sample statement and prints it.`;

const DEFAULT_SAMPLE = path.join(REPO_ROOT, 'apps/cli/data/sample-statement.csv');

export async function runStart(argv: string[], { env, output }: CommandContext): Promise<number> {
  const { values } = parseCommandArgs('start', argv, { sample: { type: 'string' }, help: { type: 'boolean', default: false } });
  if (values.help) return output.out(startHelp), 0;
  const sample = await readSample(values.sample ?? DEFAULT_SAMPLE);

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
    const version = await ensurePrototypes(store.db, embed, { name: embedder.manifest.name, variant: embedder.manifest.variant });
    const results = await classifyTexts(sample, version, embed);
    output.out(formatTable(
      ['description', 'category', 'confidence', 'level'],
      results.map((r) => [r.text, r.category, r.confidence.toFixed(3), r.level]),
    ));
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
