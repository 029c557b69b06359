// Prototype versions from what Postgres holds: seed examples plus user feedback, embedded by the
// model, written as one new version of that model. Serialized across processes by an advisory
// lock: every query of a retrain runs on the lock's transaction, so a second retrain starts only
// after the first has committed, and sees its version.
import { buildKnowledge, DEFAULT_TAXONOMY, inSlices, loadDefaultExamples, toStored, type EmbedFn, type EmbeddingMethod, type Lookups } from '@txcat/classifier';
import type { ModelIdentity, PrototypeVersion } from '@txcat/contracts';
import { listCategories, listExamples, listFeedback, loadActivePrototypes, savePrototypeVersion, seedTaxonomy, withAdvisoryLock, type Database } from '@txcat/db';

export type { ModelIdentity };

const RETRAIN_LOCK = 0x72657472; // "retr"

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
  /** Reuse the model's active version when it was built from the same examples. */
  onlyIfStale?: boolean;
  /** Brands and MCCs: the calibration decides held-out lines as the fleet will. */
  lookups?: Lookups;
  method?: EmbeddingMethod;
  /**
   * How long the retrain's transaction may sit idle between queries while it embeds and fits
   * (default: the server's idle_in_transaction_session_timeout). A process that hangs mid-build
   * is cut off after this long and the lock passes to the next retrain.
   */
  lockIdleTimeoutMs?: number;
}

/**
 * Builds a new version of `model` from every example and correction, from scratch: prototypes,
 * exemplars, the softmax head (with enough examples) and the calibration; returns it. Versions of
 * other models are neither read nor replaced.
 */
export async function retrain(db: Database, embed: EmbedFn, model: ModelIdentity, options: RetrainOptions = {}): Promise<PrototypeVersion> {
  return withAdvisoryLock(db, RETRAIN_LOCK, async (tx) => {
    const examples = await trainingExamples(tx);
    // Read under the lock: of several processes starting at once, one builds, the rest reuse.
    const active = await loadActivePrototypes(tx, model);
    const current = active && active.exampleCount === examples.length && active.exemplars.length === examples.length && active.calibration;
    if (options.onlyIfStale && current) return active;
    const categories = (await listCategories(tx)).map((c) => c.name);
    const knowledge = await buildKnowledge(examples, inSlices(embed), { categories, lookups: options.lookups, method: options.method });
    const version = await savePrototypeVersion(tx, { model, ...toStored(knowledge), replaces: active?.version ?? null });
    const saved = await loadActivePrototypes(tx, model);
    if (saved?.version !== version) throw new Error(`prototype version ${version} was saved but reads back as ${String(saved?.version)}; check the prototype_versions table`);
    return saved;
  }, { idleTimeoutMs: options.lockIdleTimeoutMs });
}

/** The model's active version when it was built from the current examples; else a new one. */
export async function ensurePrototypes(db: Database, embed: EmbedFn, model: ModelIdentity, options: Omit<RetrainOptions, 'onlyIfStale'> = {}): Promise<PrototypeVersion> {
  return retrain(db, embed, model, { ...options, onlyIfStale: true });
}
