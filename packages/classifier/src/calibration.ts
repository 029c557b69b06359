// Honest confidence. The embedding's scores are sharpened or softened by one temperature fitted
// on held-out labelled lines (NLL, see fitScoreTemperature below); `high` starts where held-out precision
// reaches the target (97%), and lines below `reviewThreshold` are flagged for review. The
// reliability figures measured on the held-out lines travel with the version (GET /v1/calibration).
import type { Calibration, ReliabilityBin } from '@txcat/contracts';
import { ClassifierError } from './classifier-error.js';
import type { ConfidenceLevel } from './prototypes.js';

// The shapes are the version contract's (@txcat/contracts): a calibration is stored with its version.
export type { Calibration, ReliabilityBin };

export const DEFAULT_CALIBRATION: Calibration = { temperature: 1, highThreshold: 0.9, mediumThreshold: 0.6, reviewThreshold: 0.6, targetHighPrecision: 0.97 };

export function calibrate(scores: number[], c: Pick<Calibration, 'temperature'>): number[] {
  if (c.temperature === 1) return scores;
  const logs = scores.map((s) => Math.log(Math.max(s, 1e-12)) / c.temperature);
  const max = Math.max(...logs);
  const e = logs.map((l) => Math.exp(l - max));
  const total = e.reduce((a, b) => a + b, 0);
  return e.map((v) => v / total);
}

export function levelFor(confidence: number, c: Pick<Calibration, 'highThreshold' | 'mediumThreshold'>): ConfidenceLevel {
  if (confidence >= c.highThreshold) return 'high';
  return confidence >= c.mediumThreshold ? 'medium' : 'low';
}

/** Expected calibration error over `bins` equal-width bins, with the bins themselves. */
export function reliability(rows: Array<{ confidence: number; correct: boolean }>, bins = 10): { ece: number; bins: ReliabilityBin[] } {
  const out: ReliabilityBin[] = Array.from({ length: bins }, (_, i) => ({ from: i / bins, to: (i + 1) / bins, count: 0, meanConfidence: 0, accuracy: 0 }));
  for (const r of rows) {
    const b = out[Math.min(bins - 1, Math.floor(r.confidence * bins))] as ReliabilityBin;
    b.count += 1;
    b.meanConfidence += r.confidence;
    b.accuracy += r.correct ? 1 : 0;
  }
  let ece = 0;
  for (const b of out) {
    if (b.count === 0) continue;
    b.meanConfidence /= b.count;
    b.accuracy /= b.count;
    ece += (b.count / Math.max(1, rows.length)) * Math.abs(b.accuracy - b.meanConfidence);
  }
  return { ece, bins: out };
}

/** Lower end of the Wilson score interval for `correct` of `n` (one-sided, z standard errors): what the precision is at least. */
export function wilsonLower(correct: number, n: number, z: number): number {
  if (n === 0) return 0;
  const p = correct / n;
  const z2 = z * z;
  return (p + z2 / (2 * n) - z * Math.sqrt((p * (1 - p)) / n + z2 / (4 * n * n))) / (1 + z2 / n);
}

/** One-sided 95%: `high` promises its precision with this confidence, not only on average over the held-out lines. */
export const HIGH_PRECISION_Z = 1.645;

/**
 * The lowest threshold t such that predictions with confidence >= t reach `precision` (with at
 * least `minSupport` of them). With z > 0 the precision must hold at the lower end of its Wilson
 * interval: held-out lines are fewer and cleaner than real ones, so a point estimate promises too much.
 */
export function thresholdForPrecision(rows: Array<{ confidence: number; correct: boolean }>, precision: number, minSupport = 20, z = 0): number {
  const sorted = [...rows].sort((a, b) => b.confidence - a.confidence);
  let correct = 0;
  let best = 1;
  sorted.forEach((r, i) => {
    correct += r.correct ? 1 : 0;
    const n = i + 1;
    const next = sorted[i + 1];
    // Only cut between distinct confidences, and require the precision of everything above.
    if (n >= minSupport && (z > 0 ? wilsonLower(correct, n, z) : correct / n) >= precision && (!next || next.confidence < r.confidence)) best = Math.min(best, r.confidence);
  });
  return best;
}

/** Temperature on log-scores minimizing NLL of the held-out labels (golden-section on log T). */
export function fitScoreTemperature(rows: Array<{ scores: number[]; label: number }>): number {
  if (rows.length === 0) throw new ClassifierError('invalid_input', 'calibration needs held-out rows');
  const nll = (logT: number) => {
    const t = Math.exp(logT);
    let sum = 0;
    for (const r of rows) sum -= Math.log(Math.max(calibrate(r.scores, { temperature: t })[r.label] as number, 1e-12));
    return sum;
  };
  let [a, b] = [Math.log(0.05), Math.log(20)];
  const phi = (Math.sqrt(5) - 1) / 2;
  for (let i = 0; i < 80 && b - a > 1e-6; i++) {
    const c = b - phi * (b - a);
    const d = a + phi * (b - a);
    if (nll(c) <= nll(d)) b = d;
    else a = c;
  }
  return Math.exp((a + b) / 2);
}

/**
 * A calibration from held-out rows: the embedding's raw scores with their true label, and the
 * final decisions' confidences (after the temperature) to choose thresholds and report figures.
 */
export function fitCalibration(
  embeddingRows: Array<{ scores: number[]; label: number }>,
  decide: (temperature: number) => Array<{ confidence: number; correct: boolean }>,
  targetHighPrecision = 0.97,
): Calibration {
  const temperature = fitScoreTemperature(embeddingRows);
  const decided = decide(temperature);
  const highThreshold = Math.max(0.5, thresholdForPrecision(decided, targetHighPrecision, 20, HIGH_PRECISION_Z));
  const mediumThreshold = Math.min(highThreshold, Math.max(0.3, thresholdForPrecision(decided, 0.8)));
  const { ece, bins } = reliability(decided);
  const high = decided.filter((r) => r.confidence >= highThreshold);
  return {
    temperature, highThreshold, mediumThreshold, reviewThreshold: mediumThreshold, targetHighPrecision,
    heldOut: {
      n: decided.length,
      accuracy: decided.filter((r) => r.correct).length / Math.max(1, decided.length),
      ece,
      highPrecision: high.filter((r) => r.correct).length / Math.max(1, high.length),
      highCoverage: high.length / Math.max(1, decided.length),
      bins,
    },
  };
}
