import { describe, expect, it } from 'vitest';
import { softmax } from './prototypes.js';
import { fitTemperature } from './temperature.js';

/** mulberry32: a small seeded generator, so the synthetic data is the same on every run. */
function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Rows of 16 cosine-like similarities, each label drawn from softmax(row / temperature). */
function synthetic(temperature: number, n: number, seed: number) {
  const rand = random(seed);
  const rows: number[][] = [];
  const labels: number[] = [];
  for (let i = 0; i < n; i++) {
    const row = Array.from({ length: 16 }, () => rand() * 0.6 - 0.1);
    const u = rand();
    let acc = 0;
    const label = softmax(row, temperature).findIndex((p) => (acc += p) > u);
    rows.push(row);
    labels.push(label < 0 ? 15 : label);
  }
  return { rows, labels };
}

describe('fitTemperature', () => {
  it.each([0.03, 0.1, 0.3])('recovers the temperature %s that generated the labels', (temperature) => {
    const { rows, labels } = synthetic(temperature, 4000, 7);
    const fitted = fitTemperature(rows, labels);
    expect(Math.abs(fitted - temperature) / temperature).toBeLessThan(0.1);
  });

  it('is deterministic', () => {
    const { rows, labels } = synthetic(0.1, 500, 3);
    expect(fitTemperature(rows, labels)).toBe(fitTemperature(rows, labels));
  });

  it('says what is wrong with its input', () => {
    expect(() => fitTemperature([], [])).toThrow('at least one row');
    expect(() => fitTemperature([[0.1, 0.2]], [0, 1])).toThrow('got 1 rows and 2 labels');
    expect(() => fitTemperature([[0.1, 0.2]], [2])).toThrow('label 2 of row 0 is not an index');
    expect(() => fitTemperature([[0.1, 0.2]], [0], [1, 0.5])).toThrow('0 < low < high');
  });
});
