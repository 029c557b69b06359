// Evaluation metrics as scikit-learn defines them: accuracy, macro F1 over the labels present in
// y_true or y_pred, and expected calibration error over equal-width confidence bins.
import type { CategoryName } from './taxonomy.js';

export interface Prediction {
  actual: CategoryName;
  predicted: CategoryName;
  confidence: number;
}

export interface CategoryMetrics {
  precision: number;
  recall: number;
  f1: number;
  support: number;
}

export interface Evaluation {
  n: number;
  accuracy: number;
  macro_f1: number;
  ece: number;
  per_category: Record<CategoryName, CategoryMetrics>;
  confusion: Record<CategoryName, Record<CategoryName, number>>;
}

const ratio = (a: number, b: number) => (b === 0 ? 0 : a / b);

/** Expected calibration error: sum over bins of |accuracy - mean confidence| weighted by bin size. */
export function expectedCalibrationError(predictions: Prediction[], bins = 10): number {
  if (predictions.length === 0) return 0;
  const acc = new Array<number>(bins).fill(0);
  const conf = new Array<number>(bins).fill(0);
  const count = new Array<number>(bins).fill(0);
  for (const p of predictions) {
    // Bins are (lo, hi], with 0 falling into the first.
    const b = Math.min(bins - 1, Math.max(0, Math.ceil(p.confidence * bins) - 1));
    count[b] = (count[b] as number) + 1;
    conf[b] = (conf[b] as number) + p.confidence;
    acc[b] = (acc[b] as number) + (p.actual === p.predicted ? 1 : 0);
  }
  let ece = 0;
  for (let b = 0; b < bins; b++) {
    const n = count[b] as number;
    if (n > 0) ece += (n / predictions.length) * Math.abs((acc[b] as number) / n - (conf[b] as number) / n);
  }
  return ece;
}

export function evaluate(predictions: Prediction[], categories: Iterable<CategoryName> = []): Evaluation {
  const labels = [...new Set([...categories, ...predictions.flatMap((p) => [p.actual, p.predicted])])].sort();
  const confusion: Evaluation['confusion'] = Object.fromEntries(labels.map((a) => [a, Object.fromEntries(labels.map((p) => [p, 0]))]));
  for (const p of predictions) (confusion[p.actual] as Record<string, number>)[p.predicted] = ((confusion[p.actual] as Record<string, number>)[p.predicted] ?? 0) + 1;
  const per_category: Evaluation['per_category'] = {};
  for (const label of labels) {
    const tp = confusion[label]?.[label] ?? 0;
    const support = Object.values(confusion[label] ?? {}).reduce((a, b) => a + b, 0);
    const predicted = labels.reduce((s, a) => s + (confusion[a]?.[label] ?? 0), 0);
    const precision = ratio(tp, predicted);
    const recall = ratio(tp, support);
    per_category[label] = { precision, recall, f1: ratio(2 * precision * recall, precision + recall), support };
  }
  const present = labels.filter((l) => predictions.some((p) => p.actual === l || p.predicted === l));
  const correct = predictions.filter((p) => p.actual === p.predicted).length;
  return {
    n: predictions.length,
    accuracy: ratio(correct, predictions.length),
    macro_f1: ratio(present.reduce((s, l) => s + (per_category[l]?.f1 ?? 0), 0), present.length),
    ece: expectedCalibrationError(predictions),
    per_category,
    confusion,
  };
}
