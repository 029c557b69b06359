import { describe, expect, it } from 'vitest';
import { fitSoftmaxHead, headLogits, softmaxLogits } from './head.js';

/** Three clusters on the unit circle with some spread, and one rare class. */
function data() {
  const xs: Float32Array[] = [];
  const labels: number[] = [];
  const centers = [[1, 0], [-0.5, 0.87], [-0.5, -0.87]];
  for (let i = 0; i < 90; i++) {
    const c = i < 60 ? 0 : i < 85 ? 1 : 2; // class 2 is rare
    const jitter = ((i * 7919) % 100) / 500 - 0.1;
    xs.push(Float32Array.of(centers[c]![0]! + jitter, centers[c]![1]! - jitter));
    labels.push(c);
  }
  return { xs, labels };
}

describe('fitSoftmaxHead', () => {
  it('separates separable classes, rare ones included, and always gives the same weights', () => {
    const { xs, labels } = data();
    const head = fitSoftmaxHead(xs, labels, ['A', 'B', 'C']);
    const predicted = xs.map((x) => { const p = softmaxLogits(headLogits(head, x)); return p.indexOf(Math.max(...p)); });
    expect(predicted).toEqual(labels);
    expect(fitSoftmaxHead(xs, labels, ['A', 'B', 'C']).weights).toEqual(head.weights);
  });

  it('refuses mismatched inputs', () => {
    expect(() => fitSoftmaxHead([Float32Array.of(1)], [], ['A'])).toThrow(/one label per example/);
  });
});
