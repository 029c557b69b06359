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

export function buildPrototypes(examples: EmbeddedExample[]): PrototypeSet {
  if (examples.length === 0) throw new ClassifierError('no_examples', 'no examples to build prototypes from: seed the taxonomy or add examples');
  const dims = (examples[0] as EmbeddedExample).embedding.length;
  const center = new Float32Array(dims);
  for (const { embedding } of examples) for (let i = 0; i < dims; i++) center[i] = (center[i] as number) + (embedding[i] as number) / examples.length;
  const sums = new Map<CategoryName, { sum: Float32Array; count: number }>();
  for (const example of examples) {
    const { category } = example;
    if (example.embedding.length !== dims) throw new ClassifierError('invalid_input', `an example of ${category} has ${example.embedding.length} dimensions, expected ${dims}`);
    const embedding = centerEmbedding(example.embedding, center);
    const entry = sums.get(category) ?? { sum: new Float32Array(dims), count: 0 };
    for (let i = 0; i < dims; i++) entry.sum[i] = (entry.sum[i] as number) + (embedding[i] as number);
    entry.count += 1;
    sums.set(category, entry);
  }
  const categories = [...sums.keys()].sort();
  return {
    categories,
    vectors: categories.map((c) => normalize(sums.get(c)!.sum)),
    exampleCounts: categories.map((c) => sums.get(c)!.count),
    center,
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

export function classifyEmbedding(embedding: Float32Array, prototypes: PrototypeSet, options: ClassifyOptions = {}): Classification {
  const o = { ...CLASSIFY_DEFAULTS, ...options };
  if (!(o.temperature > 0)) throw new ClassifierError('invalid_option', `temperature must be > 0, got ${o.temperature}`);
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

/**
 * The temperature that minimizes the negative log-likelihood of the true labels (temperature
 * scaling), found by golden-section search on log T: deterministic, no randomness.
 */
export function fitTemperature(similarityRows: number[][], labels: number[], range: [number, number] = [0.001, 1]): number {
  if (similarityRows.length === 0 || similarityRows.length !== labels.length) {
    throw new ClassifierError('invalid_input', 'fitTemperature needs one label per row of similarities, and at least one row');
  }
  const nll = (logT: number) => {
    const t = Math.exp(logT);
    return similarityRows.reduce((sum, row, i) => sum - Math.log(Math.max(softmax(row, t)[labels[i] as number] as number, 1e-300)), 0);
  };
  let [a, b] = [Math.log(range[0]), Math.log(range[1])];
  const phi = (Math.sqrt(5) - 1) / 2;
  for (let i = 0; i < 80; i++) {
    const c = b - phi * (b - a);
    const d = a + phi * (b - a);
    if (nll(c) < nll(d)) b = d;
    else a = c;
  }
  return Math.exp((a + b) / 2);
}
