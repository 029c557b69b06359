// The CLI without services: the same decisions the fleet makes (rules, MCC, brands, kNN exemplars,
// calibration, feedback memory), built in-process from the repo's seed examples plus corrections.
// Embeddings of examples are cached on disk per model so that a call does not re-embed them.
import path from 'node:path';
import {
  applyMemory, buildKnowledge, createDecider, inSlices, loadDefaultExamples, loadLookups, type BuiltKnowledge, type Decision, type EmbedFn, type EmbeddingMethod, type MemoryHit,
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
  decide(requests: LocalRequest[]): Promise<Decision[]>;
}


/** Corrections counted per merchant key, as the fleet's feedback memory does. */
export function memoryOf(corrections: Correction[]): (request: LocalRequest) => MemoryHit | undefined {
  const global = new Map<string, Record<string, number>>();
  const users = new Map<string, Record<string, number>>();
  const bump = (map: Map<string, Record<string, number>>, key: string, category: string) => {
    const counts = map.get(key) ?? {};
    counts[category] = (counts[category] ?? 0) + 1;
    map.set(key, counts);
  };
  for (const c of corrections) {
    const key = merchantKey(c.description);
    bump(global, key, c.category);
    if (c.userId) bump(users, `${c.userId}\u0000${key}`, c.category);
  }
  return (r) => {
    const key = merchantKey(r.description);
    const hit = { global: global.get(key), user: r.userId ? users.get(`${r.userId}\u0000${key}`) : undefined };
    return hit.global || hit.user ? hit : undefined;
  };
}

/** An embed function caching on disk under TXCAT_DATA_DIR, keyed by the model's sha256. */
export async function cachedEmbed(env: Env, embedder: Embedder): Promise<EmbedFn> {
  const cache = await openEmbeddingFileCache(path.join(env.TXCAT_DATA_DIR, 'cache'), await modelFingerprint(embedder.modelDir));
  const embed = inSlices((texts) => embedder.embed(texts));
  return (texts) => cache.embedAll(texts, embed);
}

export async function knowledgeFrom(
  embed: EmbedFn,
  corrections: Correction[] = [],
  method: EmbeddingMethod = 'knn',
): Promise<LocalKnowledge> {
  const seed = (await loadDefaultExamples()).map((e) => ({ category: e.category, text: e.text }));
  const lookups = await loadLookups();
  const knowledge = await buildKnowledge([...seed, ...corrections.map((c) => ({ category: c.category, text: c.description }))], embed, { lookups, method });
  const decider = createDecider({ embed, lookups, options: { method } });
  const memory = memoryOf(corrections);
  return {
    knowledge,
    async decide(requests) {
      const decisions = await decider.decideMany(requests, knowledge);
      return decisions.map((d, i) => applyMemory(d, memory(requests[i]!), knowledge.calibration.reviewThreshold));
    },
  };
}

export async function loadLocalKnowledge(env: Env, embedder: Embedder, corrections: Correction[] = [], method: EmbeddingMethod = 'knn'): Promise<LocalKnowledge> {
  return knowledgeFrom(await cachedEmbed(env, embedder), corrections, method);
}
