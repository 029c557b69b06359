// k-nearest exemplars: every labelled example (seed and feedback) kept as its own point, so a
// category with several kinds of member (FOOD_AND_DRINK: groceries, bars, coffee) is not squeezed
// into one mean. Votes are weighted by exp(similarity / temperature) over the k nearest.
import { ClassifierError } from './classifier-error.js';
import { centerEmbedding, COSINE_TEMPERATURE } from './prototypes.js';

export interface ExemplarIndex {
  categories: string[];
  /** Category index of each exemplar. */
  labels: Int32Array;
  texts: string[];
  /** Centered, normalized exemplar vectors, row after row (n x dim). */
  vectors: Float32Array;
  dim: number;
  center: Float32Array;
}

export interface Neighbor {
  text: string;
  category: string;
  similarity: number;
}

export const KNN_DEFAULTS = { k: 10, temperature: COSINE_TEMPERATURE } as const;

export function buildExemplarIndex(
  examples: Array<{ category: string; text: string; embedding: Float32Array }>,
  center: Float32Array,
  categories: string[],
): ExemplarIndex {
  const dim = center.length;
  const byName = new Map(categories.map((c, i) => [c, i]));
  const kept = examples.filter((e) => byName.has(e.category));
  const vectors = new Float32Array(kept.length * dim);
  kept.forEach((e, i) => {
    if (e.embedding.length !== dim) throw new ClassifierError('invalid_input', `exemplar "${e.text}" has ${e.embedding.length} dimensions, the center ${dim}`);
    vectors.set(centerEmbedding(e.embedding, center), i * dim);
  });
  return { categories, labels: Int32Array.from(kept.map((e) => byName.get(e.category) as number)), texts: kept.map((e) => e.text), vectors, dim, center };
}

/** Per-category vote shares (summing to 1) from the k nearest exemplars, and those neighbours. */
export function knnScores(centered: Float32Array, index: ExemplarIndex, k: number = KNN_DEFAULTS.k, temperature: number = KNN_DEFAULTS.temperature) {
  const n = index.labels.length;
  const sims = new Float32Array(n);
  // The hot loop of every decision (n exemplars x 384): locals, not property reads, and four
  // independent sums so the multiplications pipeline.
  const { vectors, dim } = index;
  const tail = dim - (dim % 4);
  for (let i = 0, off = 0; i < n; i++, off += dim) {
    let s0 = 0, s1 = 0, s2 = 0, s3 = 0;
    let j = 0;
    for (; j < tail; j += 4) {
      s0 += (centered[j] as number) * (vectors[off + j] as number);
      s1 += (centered[j + 1] as number) * (vectors[off + j + 1] as number);
      s2 += (centered[j + 2] as number) * (vectors[off + j + 2] as number);
      s3 += (centered[j + 3] as number) * (vectors[off + j + 3] as number);
    }
    for (; j < dim; j++) s0 += (centered[j] as number) * (vectors[off + j] as number);
    sims[i] = s0 + s1 + s2 + s3;
  }
  const order = topIndexes(sims, Math.min(k, n));
  const scores = new Array<number>(index.categories.length).fill(0);
  const top = sims[order[0] as number] ?? 0;
  for (const i of order) scores[index.labels[i] as number]! += Math.exp(((sims[i] as number) - top) / temperature);
  const total = scores.reduce((a, b) => a + b, 0) || 1;
  return {
    scores: scores.map((s) => s / total),
    neighbors: order.map((i): Neighbor => ({ text: index.texts[i] as string, category: index.categories[index.labels[i] as number] as string, similarity: sims[i] as number })),
  };
}

/** Indexes of the k largest values, largest first (partial selection, no full sort). */
function topIndexes(values: Float32Array, k: number): number[] {
  const best: number[] = [];
  for (let i = 0; i < values.length; i++) {
    if (best.length < k || (values[i] as number) > (values[best[best.length - 1] as number] as number)) {
      let p = best.length < k ? best.length : best.length - 1;
      if (best.length < k) best.push(i);
      while (p > 0 && (values[best[p - 1] as number] as number) < (values[i] as number)) {
        best[p] = best[p - 1] as number;
        p--;
      }
      best[p] = i;
    }
  }
  return best;
}

