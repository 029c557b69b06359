import { parseCommandArgs, parseVariant, requireTexts } from '../args.js';
import type { CommandContext } from '../command.js';
import { loadLocalKnowledge } from '../local-knowledge.js';
import { openEmbedder } from '../model.js';
import { formatTable } from '../output.js';

export const classifyHelp = `Usage: txcat classify [--json] [--variant fp32|int8] TEXT...
Classifies statement lines into the taxonomy, with a confidence, a level, the top 3 categories and why\n(the rule, brand, MCC or nearest example that decided).`;

export async function runClassify(argv: string[], { env, output }: CommandContext): Promise<number> {
  const { values, positionals } = parseCommandArgs('classify', argv, {
    json: { type: 'boolean', default: false },
    variant: { type: 'string' },
    help: { type: 'boolean', default: false },
  });
  if (values.help) return output.out(classifyHelp), 0;
  const texts = requireTexts('classify', positionals);
  const embedder = await openEmbedder(env, parseVariant(values.variant));
  try {
    const knowledge = await loadLocalKnowledge(env, embedder);
    const results = (await knowledge.answer(texts.map((description) => ({ description })))).map((d, i) => ({ text: texts[i] as string, ...d }));
    if (values.json) {
      output.out(JSON.stringify(results.map(({ text, category, confidence, level, needsReview, top, explanation }) => ({ text, category, confidence, level, needsReview, top, explanation }))));
    } else {
      const why = (r: (typeof results)[number]) => r.explanation.rule?.id ?? r.explanation.brand?.name ?? r.explanation.mcc?.code ?? r.explanation.neighbors?.[0]?.text ?? '';
      const rows = results.map((r) => [r.text, r.category, r.confidence.toFixed(3), r.level, `${r.explanation.source}${why(r) ? `: ${why(r)}` : ''}`, r.top.slice(1).map((t) => t.category).join(', ')]);
      output.out(formatTable(['text', 'category', 'confidence', 'level', 'why', 'runners-up'], rows));
    }
    return 0;
  } finally {
    await embedder.close();
  }
}
