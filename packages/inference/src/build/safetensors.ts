// Reads the safetensors format: an 8-byte little-endian header length, a JSON header naming each
// tensor's dtype, shape and byte range, then the raw bytes.
import { readFile } from 'node:fs/promises';
import { InferenceError } from '../inference-error.js';

export interface RawTensor {
  dtype: string;
  shape: number[];
  bytes: Buffer;
}

export async function readSafetensors(file: string): Promise<Map<string, RawTensor>> {
  const buf = await readFile(file);
  const headerLength = Number(buf.readBigUInt64LE(0));
  if (headerLength <= 0 || 8 + headerLength > buf.length) {
    throw new InferenceError('invalid_input', `${file} is not a safetensors file (header length ${headerLength})`);
  }
  const header = JSON.parse(buf.subarray(8, 8 + headerLength).toString('utf8')) as Record<string, unknown>;
  const base = 8 + headerLength;
  const tensors = new Map<string, RawTensor>();
  for (const [name, entry] of Object.entries(header)) {
    if (name === '__metadata__') continue;
    const { dtype, shape, data_offsets: [start, end] } = entry as { dtype: string; shape: number[]; data_offsets: [number, number] };
    tensors.set(name, { dtype, shape, bytes: buf.subarray(base + start, base + end) });
  }
  return tensors;
}

/** IEEE 754 half precision to a JavaScript number (exact: every half is a representable double). */
export function halfToFloat(h: number): number {
  const sign = h & 0x8000 ? -1 : 1;
  const exponent = (h >> 10) & 0x1f;
  const mantissa = h & 0x3ff;
  if (exponent === 0) return sign * mantissa * 2 ** -24;
  if (exponent === 31) return mantissa === 0 ? sign * Infinity : NaN;
  return sign * (1 + mantissa / 1024) * 2 ** (exponent - 15);
}

/** A tensor's values as float32, up-casting F16; F32 is copied as is. */
export function toFloat32(tensor: RawTensor, name = 'tensor'): Float32Array {
  const { dtype, bytes } = tensor;
  if (dtype === 'F32') return new Float32Array(bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength));
  if (dtype !== 'F16') throw new InferenceError('invalid_input', `${name}: dtype ${dtype} is not supported (F16 or F32 expected)`);
  const out = new Float32Array(bytes.length / 2);
  for (let i = 0; i < out.length; i++) out[i] = halfToFloat(bytes.readUInt16LE(i * 2));
  return out;
}
