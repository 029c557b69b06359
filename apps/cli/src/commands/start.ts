import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { createEmbeddingCache } from '@txcat/cache';
import { DEFAULT_TAXONOMY, loadSeedExamples, parseCsv } from '@txcat/classifier';
import { createDb, listExamples, listFeedback, loadActivePrototypes, migrate, savePrototypeVersion, seedTaxonomy } from '@txcat/db';
import { startEmbedded } from '@txcat/infra';
import { Redis } from 'ioredis';
import { parseCommandArgs } from '../args.js';
import type { CommandContext } from '../command.js';
import { REPO_ROOT } from '../env.js';
import { UsageError } from '../errors.js';
import { classifyTexts, inSlices, trainPrototypes, type EmbedFn } from '../knowledge.js';
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
    await seedTaxonomy(store.db, await defaultTaxonomyWithExamples());
    const cache = createEmbeddingCache({ redis, model: await modelFingerprint(embedder.modelDir) });
    const embed = cache.wrap(inSlices((texts) => embedder.embed(texts)));
    const version = await ensurePrototypes(store.db, embed, embedder.manifest.name, embedder.manifest.variant);
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

async function defaultTaxonomyWithExamples() {
  const examples = await loadSeedExamples();
  return DEFAULT_TAXONOMY.map((c) => ({
    name: c.name,
    description: c.description,
    examples: examples.filter((e) => e.category === c.name).map((e) => e.text),
  }));
}

type Db = ReturnType<typeof createDb>['db'];

/** Reuses the active prototype version when it was built by this model from the same examples. */
async function ensurePrototypes(db: Db, embed: EmbedFn, modelName: string, modelVariant: string) {
  const examples = [
    ...(await listExamples(db)).map((e) => ({ category: e.category, text: e.text })),
    ...(await listFeedback(db)).map((f) => ({ category: f.category, text: f.description })),
  ];
  const active = await loadActivePrototypes(db);
  if (active && active.modelName === modelName && active.modelVariant === modelVariant && active.exampleCount === examples.length) {
    return active;
  }
  const prototypes = await trainPrototypes(examples, embed);
  await savePrototypeVersion(db, {
    modelName, modelVariant, center: prototypes.center,
    prototypes: prototypes.categories.map((category, i) => ({
      category, vector: prototypes.vectors[i] as Float32Array, exampleCount: prototypes.exampleCounts[i] ?? 0,
    })),
  });
  const saved = await loadActivePrototypes(db);
  if (!saved) throw new Error('the prototype version just saved is not active; check the prototype_versions table');
  return saved;
}

function redactPassword(url: string): string {
  return url.replace(/\/\/([^:/@]+):[^@]*@/, '//$1:***@');
}
