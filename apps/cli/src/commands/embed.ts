import { parseCommandArgs, parseVariant, requireTexts } from '../args.js';
import type { CommandContext } from '../command.js';
import { openEmbedder } from '../model.js';

export const embedHelp = `Usage: txcat embed [--json] [--variant fp32|int8] TEXT...
Prints each text's 384-dimension sentence embedding (mean-pooled, L2-normalized).`;

export async function runEmbed(argv: string[], { env, output }: CommandContext): Promise<number> {
  const { values, positionals } = parseCommandArgs('embed', argv, {
    json: { type: 'boolean', default: false },
    variant: { type: 'string' },
    help: { type: 'boolean', default: false },
  });
  if (values.help) return output.out(embedHelp), 0;
  const texts = requireTexts('embed', positionals);
  const embedder = await openEmbedder(env, parseVariant(values.variant));
  try {
    const vectors = await embedder.embed(texts);
    if (values.json) {
      output.out(JSON.stringify(texts.map((text, i) => ({ text, embedding: Array.from(vectors[i] ?? []) }))));
    } else {
      texts.forEach((text, i) => {
        const v = vectors[i] ?? new Float32Array();
        output.out(`${text}\n  ${v.length} dims: [${Array.from(v.slice(0, 5), (x) => x.toFixed(5)).join(', ')}, ...]`);
      });
    }
    return 0;
  } finally {
    await embedder.close();
  }
}
