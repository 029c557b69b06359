// A softmax-regression head over centered embeddings: W x + b, trained by full-batch gradient
// descent with class weights (rare categories count as much as common ones) and L2. Deterministic:
// zero initial weights, fixed step count, examples in their given order.
import type { SoftmaxHead } from '@txcat/contracts';
import { ClassifierError } from './classifier-error.js';

// The shape is the version contract's (@txcat/contracts): a head is stored with its version.
export type { SoftmaxHead };

export interface FitHeadOptions {
  l2?: number;
  steps?: number;
  learningRate?: number;
}

export const HEAD_DEFAULTS = { l2: 1e-3, steps: 100, learningRate: 4 } as const;
/** Fewer labelled examples than this and the head is not fitted (prototypes and kNN decide). */
export const MIN_HEAD_EXAMPLES = 100;

export function headLogits(head: SoftmaxHead, x: Float32Array): number[] {
  const stride = head.dim + 1;
  return head.categories.map((_, c) => {
    let s = head.weights[c * stride + head.dim] as number;
    for (let j = 0; j < head.dim; j++) s += (head.weights[c * stride + j] as number) * (x[j] as number);
    return s;
  });
}

export function softmaxLogits(logits: number[]): number[] {
  const max = Math.max(...logits);
  const e = logits.map((l) => Math.exp(l - max));
  const total = e.reduce((a, b) => a + b, 0);
  return e.map((v) => v / total);
}

export function fitSoftmaxHead(xs: Float32Array[], labels: number[], categories: string[], options: FitHeadOptions = {}): SoftmaxHead {
  const o = { ...HEAD_DEFAULTS, ...options };
  if (xs.length === 0 || xs.length !== labels.length) throw new ClassifierError('invalid_input', `fitSoftmaxHead needs one label per example: ${xs.length} examples, ${labels.length} labels`);
  const n = xs.length;
  const dim = (xs[0] as Float32Array).length;
  const C = categories.length;
  const stride = dim + 1;
  // One flat matrix and flat weights: this loop runs steps x n x C x dim times, so no closures in it.
  const X = new Float64Array(n * dim);
  xs.forEach((x, i) => X.set(x, i * dim));
  const counts = new Array<number>(C).fill(0);
  for (const l of labels) counts[l]! += 1;
  // Balanced class weights: n / (C_present * count), so every category's examples weigh the same in total.
  const present = counts.filter((c) => c > 0).length;
  const classWeight = counts.map((c) => (c > 0 ? n / (present * c) : 0));
  const W = new Float64Array(C * stride);
  const grad = new Float64Array(C * stride);
  const logits = new Float64Array(C);
  for (let step = 0; step < o.steps; step++) {
    grad.fill(0);
    for (let i = 0; i < n; i++) {
      const xo = i * dim;
      let max = -Infinity;
      for (let c = 0; c < C; c++) {
        const wo = c * stride;
        let z = W[wo + dim] as number;
        for (let j = 0; j < dim; j++) z += (W[wo + j] as number) * (X[xo + j] as number);
        logits[c] = z;
        if (z > max) max = z;
      }
      let total = 0;
      for (let c = 0; c < C; c++) total += logits[c] = Math.exp((logits[c] as number) - max);
      const w = classWeight[labels[i] as number] as number;
      for (let c = 0; c < C; c++) {
        const g = w * ((logits[c] as number) / total - (c === labels[i] ? 1 : 0));
        const wo = c * stride;
        for (let j = 0; j < dim; j++) grad[wo + j] = (grad[wo + j] as number) + g * (X[xo + j] as number);
        grad[wo + dim] = (grad[wo + dim] as number) + g;
      }
    }
    const lr = o.learningRate / (1 + step / 100);
    for (let k = 0; k < W.length; k++) {
      const reg = k % stride === dim ? 0 : o.l2 * (W[k] as number);
      W[k] = (W[k] as number) - lr * ((grad[k] as number) / n + reg);
    }
  }
  return { categories, dim, weights: Float32Array.from(W) };
}
