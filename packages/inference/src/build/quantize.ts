// Symmetric per-output-column int8 quantization for com.microsoft DynamicQuantizeMatMul.
// Values are clamped to [-63, 63] rather than [-127, 127]: on AVX2 CPUs without VNNI the u8s8
// kernel sums pairs of products in 16 bits, and 7-bit weights cannot saturate those sums.

export const INT8_WEIGHT_LIMIT = 63;

export interface QuantizedMatrix {
  /** [inDim, outDim], row-major: the layout MatMul's B input takes. */
  values: Int8Array;
  /** One scale per output column. */
  scales: Float32Array;
}

/** Quantizes a torch Linear weight ([outDim, inDim], row-major) into MatMul's [inDim, outDim]. */
export function quantizeLinearWeight(weight: Float32Array, outDim: number, inDim: number): QuantizedMatrix {
  const values = new Int8Array(inDim * outDim);
  const scales = new Float32Array(outDim);
  for (let o = 0; o < outDim; o++) {
    let max = 0;
    for (let i = 0; i < inDim; i++) max = Math.max(max, Math.abs(weight[o * inDim + i] as number));
    const scale = max > 0 ? max / INT8_WEIGHT_LIMIT : 1;
    scales[o] = scale;
    for (let i = 0; i < inDim; i++) {
      const q = Math.round((weight[o * inDim + i] as number) / scale);
      values[i * outDim + o] = Math.max(-INT8_WEIGHT_LIMIT, Math.min(INT8_WEIGHT_LIMIT, q));
    }
  }
  return { values, scales };
}

/** [rows, cols] -> [cols, rows]. */
export function transpose(m: Float32Array, rows: number, cols: number): Float32Array {
  const out = new Float32Array(m.length);
  for (let r = 0; r < rows; r++) for (let c = 0; c < cols; c++) out[c * rows + r] = m[r * cols + c] as number;
  return out;
}
