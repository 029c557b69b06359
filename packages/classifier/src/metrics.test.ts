import { describe, expect, it } from 'vitest';
import { evaluate, expectedCalibrationError, type Prediction } from './metrics.js';

const p = (actual: string, predicted: string, confidence = 0.9): Prediction => ({ actual, predicted, confidence });

describe('evaluate', () => {
  it('matches scikit-learn on a small example', () => {
    // y_true = [A, A, B, B, C], y_pred = [A, B, B, B, A]
    // sklearn: accuracy 0.6; precision A=0.5 B=0.667 C=0; recall A=0.5 B=1 C=0;
    // f1 A=0.5 B=0.8 C=0; macro F1 = 0.4333
    const r = evaluate([p('A', 'A'), p('A', 'B'), p('B', 'B'), p('B', 'B'), p('C', 'A')]);
    expect(r.n).toBe(5);
    expect(r.accuracy).toBeCloseTo(0.6, 10);
    expect(r.per_category.A).toEqual({ precision: 0.5, recall: 0.5, f1: 0.5, support: 2 });
    expect(r.per_category.B!.precision).toBeCloseTo(2 / 3, 10);
    expect(r.per_category.B!.f1).toBeCloseTo(0.8, 10);
    expect(r.per_category.C).toEqual({ precision: 0, recall: 0, f1: 0, support: 1 });
    expect(r.macro_f1).toBeCloseTo(1.3 / 3, 10);
    expect(r.confusion.A).toEqual({ A: 1, B: 1, C: 0 });
    expect(r.confusion.C).toEqual({ A: 1, B: 0, C: 0 });
  });

  it('averages macro F1 over labels present in y_true or y_pred only', () => {
    const r = evaluate([p('A', 'A')], ['A', 'B', 'C']);
    expect(r.macro_f1).toBe(1);
    expect(r.per_category.B!.support).toBe(0);
  });
});

describe('expectedCalibrationError', () => {
  it('is 0 when confidence equals accuracy in every bin', () => {
    const preds = [...Array(8)].map((_, i) => p('A', i < 6 ? 'A' : 'B', 0.75));
    expect(expectedCalibrationError(preds)).toBeCloseTo(0, 10);
  });

  it('measures overconfidence: 0.95 confidence at 50% accuracy is 0.45', () => {
    const preds = [...Array(10)].map((_, i) => p('A', i % 2 === 0 ? 'A' : 'B', 0.95));
    expect(expectedCalibrationError(preds)).toBeCloseTo(0.45, 10);
  });

  it('weights bins by their size', () => {
    // 2 items at 0.9 all right (gap 0.1), 2 items at 0.3 all wrong (gap 0.3): ECE = 0.5*0.1 + 0.5*0.3
    const preds = [p('A', 'A', 0.9), p('A', 'A', 0.9), p('A', 'B', 0.3), p('A', 'B', 0.3)];
    expect(expectedCalibrationError(preds)).toBeCloseTo(0.2, 10);
  });
});
