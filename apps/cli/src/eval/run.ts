// Evaluation runs: classify labelled rows with knowledge built from seed examples plus
// corrections, exactly as the fleet decides; k-fold feedback; a learning curve; perturbations.
import { evaluate, reliability, stratifiedFolds, type Answer, type EmbedFn, type EmbeddingMethod, type LabelledRow } from '@txcat/classifier';
import { knowledgeFrom, type Correction } from '../local-knowledge.js';
import { perturb, PERTURBATIONS } from './perturb.js';

export interface Scored {
  row: LabelledRow;
  decision: Answer;
}

export function summarize(scored: Scored[], categories: string[]) {
  const evaluation = evaluate(scored.map((s) => ({ actual: s.row.category, predicted: s.decision.category, confidence: s.decision.confidence })), categories);
  const rel = reliability(scored.map((s) => ({ confidence: s.decision.confidence, correct: s.decision.category === s.row.category })));
  const high = scored.filter((s) => s.decision.level === 'high');
  const groups = new Map<string, Scored[]>();
  for (const s of scored) {
    const group = groups.get(s.decision.explanation.source);
    if (group) group.push(s);
    else groups.set(s.decision.explanation.source, [s]);
  }
  const bySource: Record<string, SourceFigures> = {};
  for (const [source, group] of groups) bySource[source] = sourceFigures(group);
  return {
    ...evaluation,
    reliability: rel.bins,
    high_precision: high.filter((s) => s.decision.category === s.row.category).length / Math.max(1, high.length),
    high_coverage: high.length / Math.max(1, scored.length),
    needs_review: scored.filter((s) => s.decision.needsReview).length / Math.max(1, scored.length),
    by_source: bySource,
  };
}

export interface SourceFigures { n: number; accuracy: number; ece: number; high_precision: number; high_coverage: number }

/** The figures of one group of rows (a source, a split): how often right, how honest, how good `high` is. */
export function sourceFigures(scored: Scored[]): SourceFigures {
  const rows = scored.map((s) => ({ confidence: s.decision.confidence, correct: s.decision.category === s.row.category }));
  const high = scored.filter((s) => s.decision.level === 'high');
  return {
    n: scored.length,
    accuracy: rows.filter((r) => r.correct).length / Math.max(1, rows.length),
    ece: reliability(rows).ece,
    high_precision: high.filter((s) => s.decision.category === s.row.category).length / Math.max(1, high.length),
    high_coverage: high.length / Math.max(1, scored.length),
  };
}

const asCorrections = (rows: LabelledRow[]): Correction[] => rows.map((r) => ({ description: r.description, category: r.category, ...(r.userId ? { userId: r.userId } : {}) }));

export async function scoreRows(embed: EmbedFn, rows: LabelledRow[], corrections: Correction[], method: EmbeddingMethod) {
  const local = await knowledgeFrom(embed, corrections, method);
  const decisions = await local.answer(rows.map((r) => ({ description: r.description, amount: r.amount, userId: r.userId })));
  return { scored: rows.map((row, i) => ({ row, decision: decisions[i]! })), categories: local.knowledge.prototypes.categories, calibration: local.knowledge.calibration };
}

/** Stratified k-fold: each fold scored with the other folds' rows applied as corrections. */
export async function scoreFolds(embed: EmbedFn, rows: LabelledRow[], k: number, base: Correction[], method: EmbeddingMethod, log: (l: string) => void) {
  const fold = stratifiedFolds(rows.map((r) => r.category), k);
  const scored: Scored[] = [];
  let categories: string[] = [];
  for (let f = 0; f < k; f++) {
    const train = rows.filter((_, i) => fold[i] !== f);
    const test = rows.filter((_, i) => fold[i] === f);
    const r = await scoreRows(embed, test, [...base, ...asCorrections(train)], method);
    categories = r.categories;
    scored.push(...r.scored);
    log(`fold ${f + 1}/${k}: ${test.length} rows, ${train.length} corrections, accuracy ${(r.scored.filter((s) => s.decision.category === s.row.category).length / test.length).toFixed(3)}`);
  }
  return { scored, categories };
}

/**
 * Accuracy after n corrections per category (the first n rows of each category in file order),
 * always measured on the rows no step used, so the points are comparable.
 */
export async function learningCurve(embed: EmbedFn, rows: LabelledRow[], steps: number[], base: Correction[], method: EmbeddingMethod, log: (l: string) => void) {
  const max = Math.max(...steps);
  const rank = new Map<LabelledRow, number>();
  const seen = new Map<string, number>();
  for (const r of rows) {
    const n = seen.get(r.category) ?? 0;
    rank.set(r, n);
    seen.set(r.category, n + 1);
  }
  const test = rows.filter((r) => (rank.get(r) as number) >= max);
  const points: Array<{ corrections_per_category: number; accuracy: number; n: number }> = [];
  for (const n of steps) {
    const train = rows.filter((r) => (rank.get(r) as number) < n);
    const r = await scoreRows(embed, test, [...base, ...asCorrections(train)], method);
    const accuracy = r.scored.filter((s) => s.decision.category === s.row.category).length / Math.max(1, test.length);
    points.push({ corrections_per_category: n, accuracy, n: test.length });
    log(`learning curve: ${n} correction(s) per category -> accuracy ${accuracy.toFixed(3)} on ${test.length} rows`);
  }
  return points;
}

/** Accuracy on the rows as given and under each perturbation, with the drop. */
export async function robustness(embed: EmbedFn, rows: LabelledRow[], base: Correction[], method: EmbeddingMethod) {
  const local = await knowledgeFrom(embed, base, method);
  const accuracyOf = async (descriptions: string[]) => {
    const d = await local.answer(descriptions.map((description, i) => ({ description, amount: rows[i]!.amount })));
    return d.filter((x, i) => x.category === rows[i]!.category).length / Math.max(1, rows.length);
  };
  const clean = await accuracyOf(rows.map((r) => r.description));
  const out: Array<{ perturbation: string; accuracy: number; drop: number }> = [];
  for (const name of PERTURBATIONS) {
    const accuracy = await accuracyOf(rows.map((r, i) => perturb(name, r.description, i)));
    out.push({ perturbation: name, accuracy, drop: clean - accuracy });
  }
  return { clean, perturbations: out };
}
