// The benchmarks' naive baseline classifier, what one writes first: one prototype per category
// (the centered mean of its examples' embeddings) and the most similar wins; no rules, brands,
// exemplars or calibration. The fleet benchmark's naive workers answer with it, and the inference
// benchmark compares int8 with fp32 embeddings through it, where no rule can hide a difference.
import {
  buildPrototypes, centerEmbedding, COSINE_TEMPERATURE, DEFAULT_CALIBRATION, dot, embeddingText, levelFor, softmax, type EmbedFn, type PrototypeSet,
} from '@txcat/classifier';
import { normalizeLine } from '@txcat/merchant';

/** What the baseline embeds for a line: the fleet's text (its merchant key), so the fleet's versions fit. */
export const naiveText = (description: string): string => embeddingText(normalizeLine(description));

export async function trainNaive(examples: Array<{ category: string; text: string }>, embed: EmbedFn): Promise<PrototypeSet> {
  const vectors = await embed(examples.map((e) => naiveText(e.text)));
  return buildPrototypes(examples.map((e, i) => ({ category: e.category, embedding: vectors[i] as Float32Array })));
}

export function classifyNaive(embedding: Float32Array, prototypes: PrototypeSet, topK = 3) {
  const centered = centerEmbedding(embedding, prototypes.center);
  const scores = softmax(prototypes.vectors.map((v) => dot(centered, v)), COSINE_TEMPERATURE);
  const top = prototypes.categories.map((category, i) => ({ category, score: scores[i] as number })).sort((a, b) => b.score - a.score).slice(0, topK);
  const { category, score: confidence } = top[0]!;
  return { category, confidence, level: levelFor(confidence, DEFAULT_CALIBRATION), top };
}
