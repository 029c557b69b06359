import { readFile } from 'node:fs/promises';
import { evaluate, parseLabelledRows } from '@txcat/classifier';
import { parseCommandArgs, parseVariant } from '../args.js';
import type { CommandContext } from '../command.js';
import { errorMessage, UsageError } from '../errors.js';
import { loadLocalKnowledge } from '../local-knowledge.js';
import { openEmbedder } from '../model.js';
import { formatTable } from '../output.js';

export const evalHelp = `Usage: txcat eval --data FILE.csv [--feedback FILE.csv] [--json] [--variant fp32|int8]
Classifies every row of --data (CSV with a header and at least the columns description,category)
and reports accuracy, macro F1, expected calibration error, per-category figures and the confusion
matrix. Rows of --feedback (same columns) are applied first as user corrections.`;

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
    data: { type: 'string' },
    feedback: { type: 'string' },
    json: { type: 'boolean', default: false },
    variant: { type: 'string' },
    help: { type: 'boolean', default: false },
  });
  if (values.help) return output.out(evalHelp), 0;
  if (values.data === undefined) throw new UsageError('txcat eval: --data FILE.csv is required (columns description,category)');
  const data = await readLabelled('--data', values.data);
  const feedback = values.feedback === undefined ? undefined : await readLabelled('--feedback', values.feedback);
  if (data.rows.length === 0) throw new UsageError(`--data ${values.data}: no rows with a known category to evaluate`);

  const embedder = await openEmbedder(env, parseVariant(values.variant));
  try {
    const corrections = (feedback?.rows ?? []).map((r) => ({ description: r.description, category: r.category }));
    const knowledge = await loadLocalKnowledge(env, embedder, corrections);
    const results = await knowledge.classify(data.rows.map((r) => r.description));
    const report = {
      ...evaluate(
        results.map((r, i) => ({ actual: data.rows[i]?.category as string, predicted: r.category, confidence: r.confidence })),
        knowledge.prototypes.categories,
      ),
      feedback_applied: corrections.length,
      rows: results.map((r, i) => ({
        description: r.text, actual: data.rows[i]?.category, predicted: r.category, confidence: r.confidence, top: r.top,
      })),
      unknown_category_rows: [...data.unknownCategoryRows, ...(feedback?.unknownCategoryRows ?? [])],
      model: embedder.modelDir,
    };
    output.out(values.json ? JSON.stringify(report) : formatReport(report));
    return 0;
  } finally {
    await embedder.close();
  }
}

function formatReport(report: ReturnType<typeof evaluate> & { unknown_category_rows: unknown[]; feedback_applied: number }): string {
  const rows = Object.entries(report.per_category).map(([category, m]) => [
    category, m.precision.toFixed(3), m.recall.toFixed(3), m.f1.toFixed(3), String(m.support),
  ]);
  return [
    `n=${report.n}  accuracy=${report.accuracy.toFixed(3)}  macro_f1=${report.macro_f1.toFixed(3)}  ece=${report.ece.toFixed(3)}  feedback_applied=${report.feedback_applied}`,
    formatTable(['category', 'precision', 'recall', 'f1', 'support'], rows),
    report.unknown_category_rows.length > 0 ? `${report.unknown_category_rows.length} row(s) with a category outside the taxonomy were not scored (see --json)` : '',
  ].filter(Boolean).join('\n');
}
