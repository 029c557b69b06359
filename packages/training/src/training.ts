// Prototype versions from what Postgres holds: seed examples plus user feedback, embedded by the
// model, written as one new version in one transaction. Serialized across processes by an
// advisory lock, so concurrent retrains queue up instead of racing.
import { DEFAULT_TAXONOMY, inSlices, loadSeedExamples, trainPrototypes, type EmbedFn } from '@txcat/classifier';
import { listExamples, listFeedback, loadActivePrototypes, savePrototypeVersion, seedTaxonomy, type ActivePrototypes, type Database } from '@txcat/db';
import { sql } from 'drizzle-orm';

export interface ModelIdentity {
  /** e.g. all-minilm-l6-v2@<sha256 prefix>: a version built by another model is not reused. */
  name: string;
  variant: string;
}

const RETRAIN_LOCK = 0x72657472; // "retr"
/** Postgres channel on which every new prototype version is announced (payload: the version). */
export const PROTOTYPES_CHANNEL = 'txcat_prototypes';

/** Seeds the default taxonomy and its examples (idempotent). */
export async function seedDefaultTaxonomy(db: Database): Promise<void> {
  const examples = await loadSeedExamples();
  await seedTaxonomy(db, DEFAULT_TAXONOMY.map((c) => ({
    name: c.name, description: c.description, examples: examples.filter((e) => e.category === c.name).map((e) => e.text),
  })));
}

async function trainingExamples(db: Database) {
  return [
    ...(await listExamples(db)).map((e) => ({ category: e.category, text: e.text })),
    ...(await listFeedback(db)).map((f) => ({ category: f.category, text: f.description })),
  ];
}

/** Builds a new prototype version from every example and correction, and returns it. */
export async function retrain(db: Database, embed: EmbedFn, model: ModelIdentity, options: { onlyIfStale?: boolean } = {}): Promise<ActivePrototypes> {
  return db.transaction(async (tx) => {
    await tx.execute(sql`SELECT pg_advisory_xact_lock(${RETRAIN_LOCK})`);
    const examples = await trainingExamples(db);
    if (options.onlyIfStale) {
      // Checked under the lock: of several processes starting at once, one builds, the rest reuse.
      const active = await loadActivePrototypes(db);
      if (active && active.modelName === model.name && active.modelVariant === model.variant && active.exampleCount === examples.length) return active;
    }
    const prototypes = await trainPrototypes(examples, inSlices(embed));
    await savePrototypeVersion(db, {
      modelName: model.name, modelVariant: model.variant, center: prototypes.center,
      prototypes: prototypes.categories.map((category, i) => ({ category, vector: prototypes.vectors[i] as Float32Array, exampleCount: prototypes.exampleCounts[i] ?? 0 })),
    });
    const active = await loadActivePrototypes(db);
    if (!active) throw new Error('the prototype version just saved is not visible; check the prototype_versions table');
    await db.execute(sql`SELECT pg_notify(${PROTOTYPES_CHANNEL}, ${String(active.version)})`);
    return active;
  });
}

/** The active version when it was built by this model from the current examples; else a new one. */
export async function ensurePrototypes(db: Database, embed: EmbedFn, model: ModelIdentity): Promise<ActivePrototypes> {
  return retrain(db, embed, model, { onlyIfStale: true });
}
