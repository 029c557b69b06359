// The one thing the classifier needs from a model: texts in, unit vectors out (the worker's
// engine, the CLI's embedder, a Redis-cached wrapper of either).
export type EmbedFn = (texts: string[]) => Promise<Float32Array[]>;

/** Embeds in slices so that one huge input does not become one huge padded batch. */
export function inSlices(embed: EmbedFn, size = 64): EmbedFn {
  return async (texts) => {
    const out: Float32Array[] = [];
    for (let i = 0; i < texts.length; i += size) out.push(...(await embed(texts.slice(i, i + size))));
    return out;
  };
}
