// What txcat classifies with: examples (seed plus corrections) embedded by the model and turned into
// one prototype per category. The CLI and the fleet's retrain job both go through these functions.
import { buildPrototypes, classifyEmbedding, normalizeStatementLine, type PrototypeSet } from '@txcat/classifier';

export type EmbedFn = (texts: string[]) => Promise<Float32Array[]>;

export interface LabelledText {
  category: string;
  text: string;
}

export type Classification = ReturnType<typeof classifyEmbedding> & { text: string };

/** Embeds in slices so that one huge input does not become one huge padded batch. */
export function inSlices(embed: EmbedFn, size = 64): EmbedFn {
  return async (texts) => {
    const out: Float32Array[] = [];
    for (let i = 0; i < texts.length; i += size) out.push(...(await embed(texts.slice(i, i + size))));
    return out;
  };
}

/** Examples and incoming lines are embedded in the same normalized form. */
export async function trainPrototypes(examples: LabelledText[], embed: EmbedFn): Promise<PrototypeSet> {
  const vectors = await embed(examples.map((e) => normalizeStatementLine(e.text)));
  return buildPrototypes(examples.map((e, i) => ({ category: e.category, embedding: vectors[i] as Float32Array })));
}

export async function classifyTexts(texts: string[], prototypes: PrototypeSet, embed: EmbedFn): Promise<Classification[]> {
  const embeddings = await embed(texts.map(normalizeStatementLine));
  return embeddings.map((embedding, i) => ({ text: texts[i] as string, ...classifyEmbedding(embedding, prototypes) }));
}
