// The CLI without services: seed examples (plus corrections) from the repo, example embeddings
// cached on disk per model so that a call does not re-embed ~1,000 examples.
import path from 'node:path';
import { applyCorrections, loadSeedExamples, type PrototypeSet } from '@txcat/classifier';
import type { Env } from './env.js';
import { openEmbeddingFileCache } from './embedding-file-cache.js';
import { classifyTexts, inSlices, trainPrototypes, type Classification } from './knowledge.js';
import { modelFingerprint, type Embedder } from './model.js';

export interface LocalKnowledge {
  prototypes: PrototypeSet;
  classify(texts: string[]): Promise<Classification[]>;
}

export async function loadLocalKnowledge(
  env: Env,
  embedder: Embedder,
  corrections: Array<{ description: string; category: string }> = [],
): Promise<LocalKnowledge> {
  const examples = applyCorrections(await loadSeedExamples(), corrections);
  const cache = await openEmbeddingFileCache(path.join(env.TXCAT_DATA_DIR, 'cache'), await modelFingerprint(embedder.modelDir));
  const embed = inSlices((texts) => embedder.embed(texts));
  const prototypes = await trainPrototypes(examples, (texts) => cache.embedAll(texts, embed));
  return { prototypes, classify: (texts) => classifyTexts(texts, prototypes, embed) };
}
