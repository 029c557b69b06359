import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { parseLabelledRows, type EmbeddingMethod } from '@txcat/classifier';
import { parseCommandArgs, parseVariant } from '../args.js';
import type { CommandContext } from '../command.js';
import { errorMessage, UsageError } from '../errors.js';
import { learningCurve, robustness, scoreFolds, scoreRows, summarize } from '../eval/run.js';
import { splitFigures, splitNames } from '../eval/splits.js';
import { writeEvalReport } from '../eval/report.js';
import { cachedEmbed } from '../local-knowledge.js';
import { openEmbedder } from '../model.js';
import { formatTable } from '../output.js';

export const evalHelp = `Usage: txcat eval --data FILE.csv [--data FILE2.csv ...] [--feedback FILE.csv] [--folds K] [--learning-curve] [--perturb]
                 [--report DIR] [--method knn|prototypes|head] [--json] [--variant fp32|int8]
Classifies every row of --data (CSV with a header and at least description,category; optional
amount, user_id) as the fleet would, and reports accuracy, macro F1, expected calibration error,
precision of "high", which source decided (with its ECE and precision of "high"), per-category
figures and the confusion matrix. Several --data files are pooled and also reported one by one
(by_split, named by file).
--feedback FILE   rows applied first as user corrections
--folds K         stratified k-fold over --data: each fold scored with the other folds as corrections
--learning-curve  accuracy after 0, 1, 2, 4, 8 corrections per category (taken from --data)
--perturb         accuracy under case changes, truncation, extra digits, reference numbers, swapped prefixes
--report DIR      reliability diagram and confusion heat-map (SVG) and a markdown summary`;

async function readLabelled(flag: string, file: string) {
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (error) {
    const reason = (error as NodeJS.ErrnoException).code === 'ENOENT' ? 'no such file' : errorMessage(error);
    throw new UsageError(`${flag} ${file}: ${reason}; give the path of a CSV file with columns description,category`, { cause: error });
  }
  try {
    return parseLabelledRows(text, { source: file });
  } catch (error) {
    throw new UsageError(`${flag} ${file}: ${errorMessage(error)}`, { cause: error });
  }
}

export async function runEval(argv: string[], { env, output }: CommandContext): Promise<number> {
  const { values } = parseCommandArgs('eval', argv, {
    data: { type: 'string', multiple: true },
    feedback: { type: 'string' },
    folds: { type: 'string' },
    'learning-curve': { type: 'boolean', default: false },
    perturb: { type: 'boolean', default: false },
    report: { type: 'string' },
    method: { type: 'string', default: 'knn' },
    json: { type: 'boolean', default: false },
    variant: { type: 'string' },
    help: { type: 'boolean', default: false },
  });
  if (values.help) return output.out(evalHelp), 0;
  if (values.data === undefined || values.data.length === 0) throw new UsageError('txcat eval: --data FILE.csv is required (columns description,category)');
  const method = values.method as EmbeddingMethod;
  if (!['knn', 'prototypes', 'head'].includes(method)) throw new UsageError(`--method must be knn, prototypes or head, got "${values.method}"`);
  const folds = values.folds === undefined ? undefined : Number(values.folds);
  if (folds !== undefined && !(Number.isInteger(folds) && folds >= 2)) throw new UsageError(`--folds must be an integer >= 2, got "${values.folds}"`);
  const files = values.data;
  const parts = await Promise.all(files.map((f) => readLabelled('--data', f)));
  const data = { rows: parts.flatMap((p) => p.rows), unknownCategoryRows: parts.flatMap((p) => p.unknownCategoryRows) };
  const splitOf = splitNames(files, parts.map((p) => p.rows));
  const feedback = values.feedback === undefined ? undefined : await readLabelled('--feedback', values.feedback);
  if (data.rows.length === 0) throw new UsageError(`--data ${files.join(', ')}: no rows with a known category to evaluate`);

  const embedder = await openEmbedder(env, parseVariant(values.variant));
  try {
    const embed = await cachedEmbed(env, embedder);
    const base = (feedback?.rows ?? []).map((r) => ({ description: r.description, category: r.category, ...(r.userId ? { userId: r.userId } : {}) }));
    const log = (l: string) => output.err(l);
    const run = folds ? await scoreFolds(embed, data.rows, folds, base, method, log) : await scoreRows(embed, data.rows, base, method);
    const summary = summarize(run.scored, run.categories);
    const learning = values['learning-curve'] ? await learningCurve(embed, data.rows, [0, 1, 2, 4, 8], base, method, log) : undefined;
    const robust = values.perturb ? await robustness(embed, data.rows, base, method) : undefined;
    const bySplit = files.length > 1 ? splitFigures(run.scored, splitOf) : undefined;
    const report = {
      ...summary,
      ...(bySplit ? { by_split: bySplit } : {}),
      method,
      folds: folds ?? null,
      feedback_applied: base.length,
      ...(learning ? { learning_curve: learning } : {}),
      ...(robust ? { robustness: robust } : {}),
      rows: run.scored.map((s) => ({ ...(bySplit ? { split: splitOf.get(s.row) } : {}), description: s.row.description, actual: s.row.category, predicted: s.decision.category, confidence: s.decision.confidence, level: s.decision.level, source: s.decision.explanation.source, top: s.decision.top })),
      unknown_category_rows: [...data.unknownCategoryRows, ...(feedback?.unknownCategoryRows ?? [])],
      model: embedder.modelDir,
    };
    if (values.report) {
      const written = await writeEvalReport(values.report, {
        title: `Evaluation of ${files.map((f) => path.basename(f)).join(', ')}${folds ? ` (${folds}-fold feedback)` : ''}`,
        command: `txcat eval ${argv.join(' ')}`,
        summary, ...(bySplit ? { by_split: bySplit } : {}), per_category: summary.per_category, reliability: summary.reliability, confusion: summary.confusion,
        ...(learning ? { learning_curve: learning } : {}), ...(robust ? { robustness: robust } : {}),
      });
      log(`report: ${written.join(', ')}`);
    }
    output.out(values.json ? JSON.stringify(report) : formatReport(report));
    return 0;
  } finally {
    await embedder.close();
  }
}

type Report = ReturnType<typeof summarize> & { by_split?: ReturnType<typeof splitFigures>; unknown_category_rows: unknown[]; feedback_applied: number; learning_curve?: Array<{ corrections_per_category: number; accuracy: number }>; robustness?: { clean: number; perturbations: Array<{ perturbation: string; accuracy: number; drop: number }> } };

function formatReport(report: Report): string {
  const rows = Object.entries(report.per_category).map(([category, m]) => [
    category, m.precision.toFixed(3), m.recall.toFixed(3), m.f1.toFixed(3), String(m.support),
  ]);
  return [
    `n=${report.n}  accuracy=${report.accuracy.toFixed(3)}  macro_f1=${report.macro_f1.toFixed(3)}  ece=${report.ece.toFixed(3)}  high_precision=${report.high_precision.toFixed(3)}  high_coverage=${report.high_coverage.toFixed(3)}  feedback_applied=${report.feedback_applied}`,
    `decided by: ${Object.entries(report.by_source).map(([k, v]) => `${k} ${v.n} (accuracy ${v.accuracy.toFixed(2)}, ece ${v.ece.toFixed(2)}, high ${v.high_precision.toFixed(2)} of ${v.high_coverage.toFixed(2)})`).join(', ')}`,
    ...Object.entries(report.by_split ?? {}).map(([k, v]) => `split ${k}: n=${v.n}  accuracy=${v.accuracy.toFixed(3)}  ece=${v.ece.toFixed(3)}  high_precision=${v.high_precision.toFixed(3)}  high_coverage=${v.high_coverage.toFixed(3)}`),
    formatTable(['category', 'precision', 'recall', 'f1', 'support'], rows),
    report.learning_curve ? `learning curve: ${report.learning_curve.map((p) => `${p.corrections_per_category} -> ${p.accuracy.toFixed(3)}`).join(', ')}` : '',
    report.robustness ? `robustness: clean ${report.robustness.clean.toFixed(3)}; ${report.robustness.perturbations.map((p) => `${p.perturbation} -${p.drop.toFixed(3)}`).join(', ')}` : '',
    report.unknown_category_rows.length > 0 ? `${report.unknown_category_rows.length} row(s) with a category outside the taxonomy were not scored (see --json)` : '',
  ].filter(Boolean).join('\n');
}
