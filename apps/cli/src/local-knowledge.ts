// The CLI without services: the fleet's answer path (createAnswerer: rules, MCC, brands, kNN
// exemplars, calibration, users' corrections) with knowledge built in-process from the repo's seed
// examples plus corrections, and the corrections counted in memory instead of Redis. Embeddings
// of examples are cached on disk per model so that a call does not re-embed them.
import path from 'node:path';
import {
  buildKnowledge, createAnswerer, createDecider, inSlices, loadDefaultExamples, loadLookups,
  type Answer, type BuiltKnowledge, type CorrectionMemory, type EmbedFn, type EmbeddingMethod, type Knowledge, type Lookups,
} from '@txcat/classifier';
import { merchantKey } from '@txcat/merchant';
import type { Env } from './env.js';
import { openEmbeddingFileCache } from './embedding-file-cache.js';
import { modelFingerprint, type Embedder } from './model.js';

export interface Correction {
  description: string;
  category: string;
  userId?: string;
}

export interface LocalRequest {
  description: string;
  amount?: number;
  userId?: string;
}

export interface LocalKnowledge {
  knowledge: BuiltKnowledge;
  answer(requests: LocalRequest[]): Promise<Answer[]>;
}

/** Corrections counted per merchant key (and per user), as the fleet's feedback memory holds them. */
export function memoryOf(corrections: Correction[]): CorrectionMemory {
  const counts = new Map<string, Record<string, number>>();
  const bump = (key: string, category: string) => {
    const c = counts.get(key) ?? {};
    c[category] = (c[category] ?? 0) + 1;
    counts.set(key, c);
  };
  for (const c of corrections) {
    const key = merchantKey(c.description);
    bump(`g\u0000${key}`, c.category);
    if (c.userId) bump(`u\u0000${c.userId}\u0000${key}`, c.category);
  }
  return {
    lookup: async (items) => items.map(({ merchantKey: key, userId }) => {
      const global = counts.get(`g\u0000${key}`);
      const user = userId ? counts.get(`u\u0000${userId}\u0000${key}`) : undefined;
      return { ...(global ? { global } : {}), ...(user ? { user } : {}) };
    }),
  };
}

/** An embed function caching on disk under TXCAT_DATA_DIR, keyed by the model's sha256. */
export async function cachedEmbed(env: Env, embedder: Embedder): Promise<EmbedFn> {
  const cache = await openEmbeddingFileCache(path.join(env.TXCAT_DATA_DIR, 'cache'), await modelFingerprint(embedder.modelDir));
  const embed = inSlices((texts) => embedder.embed(texts));
  return (texts) => cache.embedAll(texts, embed);
}

export interface LocalAnswerOptions {
  method?: EmbeddingMethod;
  lookups?: Lookups;
  /** What the answers name; nothing is cached in-process, so these only label them. */
  model?: string;
  version?: number;
}

/** Answers with `knowledge` and `corrections` in this process, as a worker answers with a version. */
export async function localAnswerer(embed: EmbedFn, knowledge: Knowledge, corrections: Correction[] = [], o: LocalAnswerOptions = {}) {
  const lookups = o.lookups ?? (await loadLookups());
  const answerer = createAnswerer({ decider: createDecider({ embed, lookups, options: { method: o.method ?? 'knn' } }), memory: memoryOf(corrections) });
  const at = { model: o.model ?? 'local', version: o.version ?? 0, knowledge };
  return (requests: LocalRequest[]): Promise<Answer[]> => answerer.answer(requests.map((r, i) => ({ id: String(i), ...r })), at);
}

export async function knowledgeFrom(embed: EmbedFn, corrections: Correction[] = [], method: EmbeddingMethod = 'knn'): Promise<LocalKnowledge> {
  const seed = (await loadDefaultExamples()).map((e) => ({ category: e.category, text: e.text }));
  const lookups = await loadLookups();
  const knowledge = await buildKnowledge([...seed, ...corrections.map((c) => ({ category: c.category, text: c.description }))], embed, { lookups, method });
  return { knowledge, answer: await localAnswerer(embed, knowledge, corrections, { method, lookups }) };
}

export async function loadLocalKnowledge(env: Env, embedder: Embedder, corrections: Correction[] = [], method: EmbeddingMethod = 'knn'): Promise<LocalKnowledge> {
  return knowledgeFrom(await cachedEmbed(env, embedder), corrections, method);
}
