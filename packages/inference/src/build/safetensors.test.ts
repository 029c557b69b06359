import { describe, expect, it } from 'vitest';
import { quantizeLinearWeight } from './quantize.js';
import { halfToFloat, toFloat32 } from './safetensors.js';

describe('halfToFloat', () => {
  it.each([
    [0x0000, 0], [0x3c00, 1], [0xc000, -2], [0x3555, 0.333251953125], [0x7bff, 65504],
    [0x0001, 2 ** -24], [0x03ff, 1023 * 2 ** -24], [0x7c00, Infinity], [0xfc00, -Infinity],
  ])('0x%s -> %s', (h, v) => expect(halfToFloat(h)).toBe(v));

  it('maps NaN to NaN and up-casts a whole F16 tensor', () => {
    expect(halfToFloat(0x7e00)).toBeNaN();
    const bytes = Buffer.from([0x00, 0x3c, 0x00, 0xc0]);
    expect(Array.from(toFloat32({ dtype: 'F16', shape: [2], bytes }))).toEqual([1, -2]);
    expect(() => toFloat32({ dtype: 'BF16', shape: [2], bytes }, 'w')).toThrow('w: dtype BF16 is not supported');
  });
});

describe('quantizeLinearWeight', () => {
  it('scales each output column by its own max and clamps to [-63, 63]', () => {
    // torch layout [out=2, in=3]
    const w = Float32Array.of(0.5, -1, 0.25, 10, 5, -10);
    const q = quantizeLinearWeight(w, 2, 3);
    expect(Array.from(q.scales)).toEqual([Math.fround(1 / 63), Math.fround(10 / 63)]);
    // MatMul layout [in=3, out=2]
    expect(Array.from(q.values)).toEqual([32, 63, -63, 32, 16, -63]);
  });
});
