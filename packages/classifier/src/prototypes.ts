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

export interface Classification {
  category: CategoryName;
  confidence: number;
  level: ConfidenceLevel;
  /** The best categories, best first, scores in [0, 1] (softmax over all categories). */
  top: ScoredCategory[];
  /** Cosine similarity to the winning prototype (in the centered space). */
  similarity: number;
}

export interface ClassifyOptions {
  /** Softmax temperature over cosine similarities: lower is more confident. */
  temperature?: number;
  highThreshold?: number;
  mediumThreshold?: number;
  topK?: number;
}

export const CLASSIFY_DEFAULTS = { temperature: 0.05, highThreshold: 0.8, mediumThreshold: 0.5, topK: 3 } as const;

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

export function levelOf(confidence: number, o: { highThreshold: number; mediumThreshold: number }): ConfidenceLevel {
  if (confidence >= o.highThreshold) return 'high';
  return confidence >= o.mediumThreshold ? 'medium' : 'low';
}

/** Options merged with the defaults and checked, with messages that say what is wrong. */
export function parseClassifyOptions(options: ClassifyOptions = {}): Required<ClassifyOptions> {
  const o = { ...CLASSIFY_DEFAULTS, ...options };
  const invalid = (message: string) => new ClassifierError('invalid_option', message);
  if (!(typeof o.temperature === 'number' && o.temperature > 0 && Number.isFinite(o.temperature))) throw invalid(`temperature must be a positive number, got ${o.temperature}`);
  for (const key of ['highThreshold', 'mediumThreshold'] as const) {
    if (!(typeof o[key] === 'number' && o[key] >= 0 && o[key] <= 1)) throw invalid(`${key} must be a number in [0, 1], got ${o[key]}`);
  }
  if (o.mediumThreshold > o.highThreshold) throw invalid(`mediumThreshold (${o.mediumThreshold}) must not exceed highThreshold (${o.highThreshold})`);
  if (!(Number.isInteger(o.topK) && o.topK >= 1)) throw invalid(`topK must be a positive integer, got ${o.topK}`);
  return o;
}

export function classifyEmbedding(embedding: Float32Array, prototypes: PrototypeSet, options: ClassifyOptions = {}): Classification {
  return classifyWith(embedding, prototypes, parseClassifyOptions(options));
}

/** classifyEmbedding with options already parsed: what a loop over many embeddings calls. */
export function classifyWith(embedding: Float32Array, prototypes: PrototypeSet, o: Required<ClassifyOptions>): Classification {
  if (prototypes.categories.length === 0) throw new ClassifierError('no_examples', 'the prototype set is empty');
  if (embedding.length !== prototypes.center.length) {
    throw new ClassifierError('invalid_input', `the embedding has ${embedding.length} dimensions but the prototypes ${prototypes.center.length}: were they built with another model?`);
  }
  const centered = centerEmbedding(embedding, prototypes.center);
  const similarities = prototypes.vectors.map((v) => dot(centered, v));
  const probabilities = softmax(similarities, o.temperature);
  const order = similarities.map((_, i) => i).sort((a, b) => (similarities[b] as number) - (similarities[a] as number));
  const best = order[0] as number;
  const confidence = probabilities[best] as number;
  return {
    category: prototypes.categories[best] as CategoryName,
    confidence,
    level: levelOf(confidence, o),
    top: order.slice(0, o.topK).map((i) => ({ category: prototypes.categories[i] as CategoryName, score: probabilities[i] as number })),
    similarity: similarities[best] as number,
  };
}
