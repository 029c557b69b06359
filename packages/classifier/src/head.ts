// A softmax-regression head over centered embeddings: W x + b, trained by full-batch gradient
// descent with class weights (rare categories count as much as common ones) and L2. Deterministic:
// zero initial weights, fixed step count, examples in their given order.
import { ClassifierError } from './classifier-error.js';

export interface SoftmaxHead {
  categories: string[];
  dim: number;
  /** categories.length x (dim + 1): each row is a category's weights, then its bias. */
  weights: Float32Array;
}

export interface FitHeadOptions {
  l2?: number;
  steps?: number;
  learningRate?: number;
}

export const HEAD_DEFAULTS = { l2: 1e-3, steps: 300, learningRate: 2 } as const;
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
  const dim = (xs[0] as Float32Array).length;
  const C = categories.length;
  const stride = dim + 1;
  const counts = new Array<number>(C).fill(0);
  for (const l of labels) counts[l]! += 1;
  // Balanced class weights: n / (C_present * count), so every category's examples weigh the same in total.
  const present = counts.filter((c) => c > 0).length;
  const classWeight = counts.map((c) => (c > 0 ? xs.length / (present * c) : 0));
  const head: SoftmaxHead = { categories, dim, weights: new Float32Array(C * stride) };
  const grad = new Float64Array(C * stride);
  for (let step = 0; step < o.steps; step++) {
    grad.fill(0);
    xs.forEach((x, i) => {
      const p = softmaxLogits(headLogits(head, x));
      const w = classWeight[labels[i] as number] as number;
      for (let c = 0; c < C; c++) {
        const g = w * ((p[c] as number) - (c === labels[i] ? 1 : 0));
        if (g === 0) continue;
        const off = c * stride;
        for (let j = 0; j < dim; j++) grad[off + j]! += g * (x[j] as number);
        grad[off + dim]! += g;
      }
    });
    const lr = o.learningRate / (1 + step / 100);
    for (let k = 0; k < head.weights.length; k++) {
      const isBias = k % stride === dim;
      const reg = isBias ? 0 : o.l2 * (head.weights[k] as number);
      head.weights[k] = (head.weights[k] as number) - lr * ((grad[k] as number) / xs.length + reg);
    }
  }
  return head;
}
