// The CLI's use of the classifier: prototypes trained by @txcat/classifier, texts classified with
// the line normalization the examples went through.
import { classifyEmbedding, normalizeStatementLine, type PrototypeSet } from '@txcat/classifier';

export { inSlices, trainPrototypes, type LabelledText } from '@txcat/classifier';
export type EmbedFn = (texts: string[]) => Promise<Float32Array[]>;

export type Classification = ReturnType<typeof classifyEmbedding> & { text: string };

export async function classifyTexts(texts: string[], prototypes: PrototypeSet, embed: EmbedFn): Promise<Classification[]> {
  const embeddings = await embed(texts.map(normalizeStatementLine));
  return embeddings.map((embedding, i) => ({ text: texts[i] as string, ...classifyEmbedding(embedding, prototypes) }));
}
