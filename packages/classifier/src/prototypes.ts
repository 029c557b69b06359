// Few-shot classification by prototypes: each category's prototype is the L2-normalized mean of its
// examples' embeddings; a text belongs to the category whose prototype is most similar (cosine).
import { ClassifierError } from './classifier-error.js';
import type { CategoryName } from './taxonomy.js';

export interface PrototypeSet {
  categories: CategoryName[];
  /** One unit vector per category, in the centered space. */
  vectors: Float32Array[];
  exampleCounts: number[];
  /**
   * The mean of all examples' embeddings. Embeddings are compared after subtracting it and
   * re-normalizing (SimpleShot's CL2N): the direction every statement line shares otherwise
   * dominates the cosines and one broad category attracts everything.
   */
  center: Float32Array;
  /** Categories asked for (BuildPrototypesOptions.categories) that got no prototype, with the reason. */
  excluded?: ExcludedCategory[];
}

export interface EmbeddedExample {
  category: CategoryName;
  embedding: Float32Array;
}

export type ConfidenceLevel = 'low' | 'medium' | 'high';

export interface ScoredCategory {
  category: CategoryName;
  score: number;
}

/**
 * Softmax temperature over cosine similarities, for votes of the nearest exemplars and for
 * similarities to prototypes alike: at 0.05 a lead of 0.05 in cosine is e times the weight.
 */
export const COSINE_TEMPERATURE = 0.05;

export function normalize(v: Float32Array): Float32Array {
  let norm = 0;
  for (const x of v) norm += x * x;
  const scale = norm > 0 ? 1 / Math.sqrt(norm) : 0;
  return v.map((x) => x * scale);
}

export function dot(a: Float32Array, b: Float32Array): number {
  let s = 0;
  for (let i = 0; i < a.length; i++) s += (a[i] as number) * (b[i] as number);
  return s;
}

export interface BuildPrototypesOptions {
  /**
   * The categories that should get a prototype (e.g. the taxonomy). Any of them without examples is
   * left out of the set and listed in `excluded` with the reason, instead of vanishing silently.
   */
  categories?: Iterable<CategoryName>;
  /** Subtract the mean of all examples before averaging (CL2N, default true); false gives plain normalized means. */
  center?: boolean;
}

export interface ExcludedCategory {
  category: CategoryName;
  reason: string;
}

function checkEmbedding(embedding: unknown, dims: number, what: string): Float32Array {
  if (!(embedding instanceof Float32Array)) throw new ClassifierError('invalid_input', `${what} is not a Float32Array`);
  if (embedding.length !== dims) throw new ClassifierError('invalid_input', `${what} has ${embedding.length} dimensions, expected ${dims}: were the embeddings made by different models?`);
  for (const x of embedding) if (!Number.isFinite(x)) throw new ClassifierError('invalid_input', `${what} contains a non-finite value (NaN or Infinity)`);
  return embedding;
}

export function buildPrototypes(examples: EmbeddedExample[], options: BuildPrototypesOptions = {}): PrototypeSet {
  if (examples.length === 0) throw new ClassifierError('no_examples', 'no examples to build prototypes from: seed the taxonomy or add examples');
  const dims = (examples[0] as EmbeddedExample).embedding.length;
  if (dims === 0) throw new ClassifierError('invalid_input', 'the first example has an empty embedding');
  examples.forEach((e, i) => checkEmbedding(e.embedding, dims, `the embedding of example ${i} (${e.category})`));
  const center = new Float32Array(dims);
  if (options.center ?? true) {
    for (const { embedding } of examples) for (let i = 0; i < dims; i++) center[i] = (center[i] as number) + (embedding[i] as number) / examples.length;
  }
  const sums = new Map<CategoryName, { sum: Float32Array; count: number }>();
  for (const { category, embedding } of examples) {
    const centered = centerEmbedding(embedding, center);
    const entry = sums.get(category) ?? { sum: new Float32Array(dims), count: 0 };
    for (let i = 0; i < dims; i++) entry.sum[i] = (entry.sum[i] as number) + (centered[i] as number);
    entry.count += 1;
    sums.set(category, entry);
  }
  const excluded: ExcludedCategory[] = [...new Set(options.categories ?? [])]
    .filter((c) => !sums.has(c))
    .sort()
    .map((category) => ({ category, reason: `${category} has no examples: add examples (or corrections) for it to get a prototype` }));
  for (const [category, { sum }] of sums) {
    // All examples identical to the center leave a zero mean: no direction to compare against.
    if (dot(sum, sum) === 0) excluded.push({ category, reason: `${category}'s examples average to the center of all examples: give it more distinct examples` });
  }
  const categories = [...sums.keys()].filter((c) => !excluded.some((e) => e.category === c)).sort();
  if (categories.length === 0) throw new ClassifierError('no_examples', `no category has a usable prototype: ${excluded.map((e) => e.reason).join('; ')}`);
  return {
    categories,
    vectors: categories.map((c) => normalize(sums.get(c)!.sum)),
    exampleCounts: categories.map((c) => sums.get(c)!.count),
    center,
    excluded,
  };
}

/** x - center, L2-normalized: the space prototypes live in. */
export function centerEmbedding(embedding: Float32Array, center: Float32Array): Float32Array {
  return normalize(embedding.map((x, i) => x - (center[i] as number)));
}

/** Softmax of similarities / temperature, computed stably. */
export function softmax(similarities: number[], temperature: number): number[] {
  const scaled = similarities.map((s) => s / temperature);
  const max = Math.max(...scaled);
  const exps = scaled.map((s) => Math.exp(s - max));
  const total = exps.reduce((a, b) => a + b, 0);
  return exps.map((e) => e / total);
}
