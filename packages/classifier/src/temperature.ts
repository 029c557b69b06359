// Temperature scaling: one scalar T so that softmax(similarities / T) gives calibrated confidences.
// Fitted on held-out rows by minimizing the negative log-likelihood of the true labels.
import { ClassifierError } from './classifier-error.js';

/** -log softmax(row / t)[label], computed stably with log-sum-exp. */
function rowNll(row: number[], label: number, t: number): number {
  let max = -Infinity;
  for (const s of row) max = Math.max(max, s / t);
  let total = 0;
  for (const s of row) total += Math.exp(s / t - max);
  return max + Math.log(total) - (row[label] as number) / t;
}

function checkRows(similarityRows: number[][], labels: number[], range: [number, number]): void {
  const invalid = (message: string) => new ClassifierError('invalid_input', message);
  if (similarityRows.length === 0) throw invalid('fitTemperature needs at least one row of similarities (held-out examples)');
  if (similarityRows.length !== labels.length) throw invalid(`fitTemperature needs one label per row: got ${similarityRows.length} rows and ${labels.length} labels`);
  similarityRows.forEach((row, i) => {
    const label = labels[i] as number;
    if (!Number.isInteger(label) || label < 0 || label >= row.length) throw invalid(`label ${label} of row ${i} is not an index into its ${row.length} similarities`);
    if (!row.every(Number.isFinite)) throw invalid(`row ${i} contains a non-finite similarity`);
  });
  if (!(range[0] > 0 && range[1] > range[0])) throw new ClassifierError('invalid_option', `the temperature range must satisfy 0 < low < high, got [${range[0]}, ${range[1]}]`);
}

/**
 * The temperature in `range` minimizing the mean NLL of `labels` (indexes into each row) under
 * softmax(row / T). The NLL is convex in 1/T, hence unimodal in log T: a golden-section search on
 * log T finds it without randomness, so the same data always gives the same temperature.
 */
export function fitTemperature(similarityRows: number[][], labels: number[], range: [number, number] = [0.001, 1]): number {
  checkRows(similarityRows, labels, range);
  const nll = (logT: number) => {
    const t = Math.exp(logT);
    return similarityRows.reduce((sum, row, i) => sum + rowNll(row, labels[i] as number, t), 0);
  };
  let [a, b] = [Math.log(range[0]), Math.log(range[1])];
  const phi = (Math.sqrt(5) - 1) / 2;
  for (let i = 0; i < 100 && b - a > 1e-9; i++) {
    const c = b - phi * (b - a);
    const d = a + phi * (b - a);
    if (nll(c) < nll(d)) b = d;
    else a = c;
  }
  return Math.exp((a + b) / 2);
}
