// Training is embedding: examples (seed plus corrections) go through the same normalization and
// model as incoming lines, and become one prototype per category. The CLI and the fleet's retrain
// job both call this.
import type { EmbedFn } from './classifier.js';
import { normalizeStatementLine } from './normalize.js';
import { buildPrototypes, type BuildPrototypesOptions, type PrototypeSet } from './prototypes.js';
import type { CategoryName } from './taxonomy.js';

export interface LabelledText {
  category: CategoryName;
  text: string;
}

export interface TrainOptions extends BuildPrototypesOptions {
  /** Must be what incoming lines go through before embedding (default normalizeStatementLine). */
  prepare?: (text: string) => string;
}

export async function trainPrototypes(examples: LabelledText[], embed: EmbedFn, options: TrainOptions = {}): Promise<PrototypeSet> {
  const { prepare = normalizeStatementLine, ...build } = options;
  const vectors = await embed(examples.map((e) => prepare(e.text)));
  return buildPrototypes(examples.map((e, i) => ({ category: e.category, embedding: vectors[i] as Float32Array })), build);
}

/** Embeds in slices so that one huge input does not become one huge padded batch. */
export function inSlices(embed: EmbedFn, size = 64): EmbedFn {
  return async (texts) => {
    const out: Float32Array[] = [];
    for (let i = 0; i < texts.length; i += size) out.push(...(await embed(texts.slice(i, i + size))));
    return out;
  };
}
