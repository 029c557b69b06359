// Prototype versions from what Postgres holds: seed examples plus user feedback, embedded by the
// model, written as one new version in one transaction. Serialized across processes by an
// advisory lock, so concurrent retrains queue up instead of racing.
import { buildKnowledge, DEFAULT_TAXONOMY, inSlices, loadDefaultExamples, toStored, type EmbedFn, type EmbeddingMethod, type Lookups } from '@txcat/classifier';
import { listCategories, listExamples, listFeedback, loadActivePrototypes, savePrototypeVersion, seedTaxonomy, type ActivePrototypes, type Database } from '@txcat/db';
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
  const examples = await loadDefaultExamples();
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

export interface RetrainOptions {
  /** Reuse the active version when it was built by this model from the same examples. */
  onlyIfStale?: boolean;
  /** Brands and MCCs: the calibration decides held-out lines as the fleet will. */
  lookups?: Lookups;
  method?: EmbeddingMethod;
}

/**
 * Builds a new version from every example and correction, from scratch: prototypes, exemplars,
 * the softmax head (with enough examples) and the calibration; returns it.
 */
export async function retrain(db: Database, embed: EmbedFn, model: ModelIdentity, options: RetrainOptions = {}): Promise<ActivePrototypes> {
  return db.transaction(async (tx) => {
    await tx.execute(sql`SELECT pg_advisory_xact_lock(${RETRAIN_LOCK})`);
    const examples = await trainingExamples(db);
    if (options.onlyIfStale) {
      // Checked under the lock: of several processes starting at once, one builds, the rest reuse.
      const active = await loadActivePrototypes(db);
      const current = active && active.modelName === model.name && active.modelVariant === model.variant;
      if (current && active.exampleCount === examples.length && active.exemplars.length === examples.length && active.calibration) return active;
    }
    const categories = (await listCategories(db)).map((c) => c.name);
    const knowledge = await buildKnowledge(examples, inSlices(embed), { categories, lookups: options.lookups, method: options.method });
    const stored = toStored(knowledge);
    await savePrototypeVersion(db, {
      modelName: model.name, modelVariant: model.variant, center: stored.center, prototypes: stored.prototypes,
      exemplars: stored.exemplars, head: stored.head, calibration: stored.calibration,
    });
    const active = await loadActivePrototypes(db);
    if (!active) throw new Error('the prototype version just saved is not visible; check the prototype_versions table');
    await db.execute(sql`SELECT pg_notify(${PROTOTYPES_CHANNEL}, ${String(active.version)})`);
    return active;
  });
}

/** The active version when it was built by this model from the current examples; else a new one. */
export async function ensurePrototypes(db: Database, embed: EmbedFn, model: ModelIdentity, options: Omit<RetrainOptions, 'onlyIfStale'> = {}): Promise<ActivePrototypes> {
  return retrain(db, embed, model, { ...options, onlyIfStale: true });
}
