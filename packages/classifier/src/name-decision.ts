// Where no rule, MCC, brand or strong trade word decides, the merchant-name model and the
// embedding's distribution are combined log-linearly: p ∝ p_name^a · p_embedding^b. The weights
// were fitted (NLL) on the Toronto train side's inner validation merchants, which neither model
// was trained on (apps/cli/src/bench/tune-fallback.ts); on real lines the name model is much
// better than the kNN, so it carries most of the weight.
import type { NormalizedLine } from '@txcat/merchant';
import { nameProbabilities, type NameModel } from './name-model.js';

export const FALLBACK_WEIGHTS = { name: 0.8, embedding: 0.1 } as const;

/**
 * Where the name model decides, `high` and review start higher than the version's calibration
 * (fitted on dressed seed lines, cleaner than real ones): on the inner validation merchants,
 * 97% precision at the Wilson lower bound needs 0.955, 80% needs 0.53 (rounded up: the version's
 * model is trained on those merchants too, so it is a little surer than the held-out one).
 */
export const NAME_THRESHOLDS = { high: 0.96, medium: 0.6 } as const;

/**
 * A trade-word verdict the name model contradicts with at least this probability is set aside and
 * the combined distribution decides: on the inner validation merchants the name model was right
 * 9 times of 11 where it overrode a trade word at 0.8 (the word 2). Brands are not overridden:
 * the Toronto labels are a city's card codes, the gazetteer says what a brand sells to anyone
 * (overriding brands gained on Toronto and lost on the consumer-like dev regression set).
 */
export const NAME_OVERRIDES = 0.8;

/** Whether the name model's distribution outvotes a keyword verdict for another category. */
export function nameOutvotes(name: number[], categories: readonly string[], verdict: { source: string; category: string } | undefined): boolean {
  if (!verdict || verdict.source !== 'keyword') return false;
  const top = name.indexOf(Math.max(...name));
  return categories[top] !== verdict.category && (name[top] as number) >= NAME_OVERRIDES;
}

/** Floor for a category the name model was not trained on (a category users added since). */
const UNSEEN = 1e-4;

/** The name model's distribution over `categories` (the version's), for a normalized line. */
export function nameDistribution(model: NameModel, line: NormalizedLine, categories: readonly string[]): number[] {
  const p = nameProbabilities(model, line.merchantKey);
  const at = new Map(model.categories.map((c, i) => [c, p[i] as number]));
  const aligned = categories.map((c) => at.get(c) ?? UNSEEN);
  const total = aligned.reduce((a, b) => a + b, 0) || 1;
  return aligned.map((v) => v / total);
}

/** p_name^a · p_embedding^b, renormalized. */
export function combineFallback(name: number[], embedding: number[], weights: { name: number; embedding: number } = FALLBACK_WEIGHTS): number[] {
  const logs = name.map((p, i) => weights.name * Math.log(Math.max(p, 1e-12)) + weights.embedding * Math.log(Math.max(embedding[i] as number, 1e-12)));
  const max = Math.max(...logs);
  const e = logs.map((l) => Math.exp(l - max));
  const total = e.reduce((a, b) => a + b, 0);
  return e.map((v) => v / total);
}

/** The version's thresholds, raised to NAME_THRESHOLDS for a decision the name model made. */
export function nameThresholds(c: { highThreshold: number; mediumThreshold: number; reviewThreshold: number }) {
  const medium = Math.max(c.mediumThreshold, NAME_THRESHOLDS.medium);
  return { highThreshold: Math.max(c.highThreshold, NAME_THRESHOLDS.high), mediumThreshold: medium, reviewThreshold: Math.max(c.reviewThreshold, medium) };
}
