/**
 * Mean of each member's token vectors over its real tokens (the first `lengths[b]` positions:
 * padding is always at the end), then L2-normalized. `hidden` is [batch, seqLen, dims].
 */
export function meanPoolNormalize(hidden: Float32Array, lengths: number[], seqLen: number, dims: number): Float32Array[] {
  return lengths.map((length, b) => {
    const v = new Float32Array(dims);
    for (let s = 0; s < length; s++) {
      const offset = (b * seqLen + s) * dims;
      for (let d = 0; d < dims; d++) v[d] = (v[d] as number) + (hidden[offset + d] as number);
    }
    let norm = 0;
    for (let d = 0; d < dims; d++) norm += (v[d] as number) ** 2;
    const scale = norm > 0 ? 1 / Math.sqrt(norm) : 0;
    for (let d = 0; d < dims; d++) v[d] = (v[d] as number) * scale;
    return v;
  });
}
