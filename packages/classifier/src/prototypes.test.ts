import { describe, expect, it } from 'vitest';
import { applyCorrections, loadSeedExamples } from './examples.js';
import { normalizeStatementLine } from './normalize.js';
import { buildPrototypes, centerEmbedding, classifyEmbedding, dot, fitTemperature, softmax } from './prototypes.js';
import { DEFAULT_TAXONOMY } from './taxonomy.js';

const v = (...xs: number[]) => Float32Array.from(xs);

describe('buildPrototypes', () => {
  const examples = [
    { category: 'A', embedding: v(1, 0.1, 0) },
    { category: 'A', embedding: v(0.9, 0, 0.1) },
    { category: 'B', embedding: v(0, 1, 0) },
    { category: 'C', embedding: v(0, 0, 1) },
  ];

  it('makes each prototype the unit mean of its centered examples', () => {
    const set = buildPrototypes(examples);
    expect(set.categories).toEqual(['A', 'B', 'C']);
    expect(set.exampleCounts).toEqual([2, 1, 1]);
    expect(Array.from(set.center)).toEqual(Array.from(v(1.9 / 4, 1.1 / 4, 1.1 / 4)));
    for (const p of set.vectors) expect(dot(p, p)).toBeCloseTo(1, 6);
    const expectedA = centerEmbedding(Float32Array.from(
      centerEmbedding(examples[0]!.embedding, set.center).map((x, i) => x + centerEmbedding(examples[1]!.embedding, set.center)[i]!),
    ), new Float32Array(3));
    Array.from(set.vectors[0]!).forEach((x, i) => expect(x).toBeCloseTo(expectedA[i]!, 6));
  });

  it('classifies by the nearest prototype with a sorted top 3 and a confidence in [0, 1]', () => {
    const set = buildPrototypes(examples);
    const r = classifyEmbedding(v(0.1, 0.95, 0.05), set);
    expect(r.category).toBe('B');
    expect(r.top.map((t) => t.category)[0]).toBe('B');
    expect(r.top).toHaveLength(3);
    expect(r.top[0]!.score).toBeGreaterThanOrEqual(r.top[1]!.score);
    expect(r.top[1]!.score).toBeGreaterThanOrEqual(r.top[2]!.score);
    expect(r.confidence).toBeGreaterThan(0);
    expect(r.confidence).toBeLessThanOrEqual(1);
    expect(r.level).toBe(r.confidence >= 0.8 ? 'high' : r.confidence >= 0.5 ? 'medium' : 'low');
  });

  it('refuses to build from nothing and to compare vectors of different models', () => {
    expect(() => buildPrototypes([])).toThrow('no examples to build prototypes from');
    expect(() => classifyEmbedding(v(1, 0), buildPrototypes(examples))).toThrow('another model');
  });
});

describe('fitTemperature', () => {
  it('recovers the temperature that generated the labels', () => {
    // Rows of similarities whose labels are drawn (deterministically, by quantiles) from softmax(row / 0.1).
    const rows: number[][] = [];
    const labels: number[] = [];
    for (let i = 0; i < 400; i++) {
      const row = [Math.sin(i) * 0.3, Math.cos(i * 1.7) * 0.3, Math.sin(i * 2.3 + 1) * 0.3];
      const probs = softmax(row, 0.1);
      const u = ((i * 0.6180339887) % 1 + 1) % 1;
      let acc = 0;
      const label = probs.findIndex((q) => (acc += q) > u);
      rows.push(row);
      labels.push(label < 0 ? 2 : label);
    }
    expect(fitTemperature(rows, labels)).toBeCloseTo(0.1, 1);
  });
});

describe('seed examples', () => {
  it('load, cover every taxonomy category with at least 20 examples, and have no duplicates', async () => {
    const seed = await loadSeedExamples();
    const names = new Set(DEFAULT_TAXONOMY.map((c) => c.name));
    for (const e of seed) expect(names.has(e.category)).toBe(true);
    for (const name of names) expect(seed.filter((e) => e.category === name).length).toBeGreaterThanOrEqual(20);
    expect(new Set(seed.map((e) => e.text.toUpperCase())).size).toBe(seed.length);
  });

  it('take corrections as user examples and refuse an unknown category', () => {
    const added = applyCorrections([], [{ description: ' ZORBLAX KIOSK ', category: 'personal care' }]);
    expect(added).toEqual([{ category: 'PERSONAL_CARE', text: 'ZORBLAX KIOSK', source: 'user' }]);
    expect(() => applyCorrections([], [{ description: 'X', category: 'CRYPTO' }])).toThrow(/unknown category CRYPTO/);
  });
});

describe('normalizeStatementLine', () => {
  it.each([
    ['STARBUCKS COFFEE #11823 SEATTLE WA', 'STARBUCKS COFFEE'],
    ['CHECKCARD 0412 SAFEWAY #1234 OAKLAND CA', 'SAFEWAY'],
    ['SQ *BLUE BOTTLE COFFEE', 'BLUE BOTTLE COFFEE'],
    ['PAYPAL *SPOTIFY 4029357733', 'SPOTIFY'],
    ['POS 4421 TESCO STORES 3297', 'TESCO STORES'],
    ['Monthly Service Fee', 'MONTHLY SERVICE FEE'],
    ['ATM WITHDRAWAL 0423 MAIN ST', 'ATM WITHDRAWAL MAIN ST'],
    ['12345', '12345'],
  ])('%s -> %s', (input, expected) => expect(normalizeStatementLine(input)).toBe(expected));
});
