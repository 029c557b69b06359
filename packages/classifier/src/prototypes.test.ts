import { describe, expect, it } from 'vitest';
import { applyCorrections, loadSeedExamples } from './examples.js';
import { buildPrototypes, centerEmbedding, dot } from './prototypes.js';
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

  it('without centering, makes each prototype the plain normalized mean of its examples', () => {
    const set = buildPrototypes(examples, { center: false });
    expect(Array.from(set.center)).toEqual([0, 0, 0]);
    // Each example is L2-normalized first (model embeddings already are), then averaged.
    const [a, b] = [[1, 0.1, 0], [0.9, 0, 0.1]].map((e) => e.map((x) => x / Math.hypot(...e)));
    const sum = a!.map((x, i) => x + b![i]!);
    const norm = Math.hypot(...sum);
    Array.from(set.vectors[0]!).forEach((x, i) => expect(x).toBeCloseTo(sum[i]! / norm, 6));
  });

  it('reports categories without examples instead of dropping them silently', () => {
    const set = buildPrototypes(examples, { categories: ['A', 'B', 'C', 'D'] });
    expect(set.categories).toEqual(['A', 'B', 'C']);
    expect(set.excluded).toEqual([{ category: 'D', reason: 'D has no examples: add examples (or corrections) for it to get a prototype' }]);
  });

  it('rejects embeddings of mixed sizes or with NaN', () => {
    expect(() => buildPrototypes([...examples, { category: 'D', embedding: v(1, 0) }])).toThrow('has 2 dimensions, expected 3');
    expect(() => buildPrototypes([{ category: 'A', embedding: v(1, Number.NaN, 0) }])).toThrow('non-finite');
  });

  it('refuses to build from nothing', () => {
    expect(() => buildPrototypes([])).toThrow('no examples to build prototypes from');
  });
});

describe('seed examples', () => {
  it('load, cover every taxonomy category with at least 20 examples, and have no duplicates', async () => {
    const seed = await loadSeedExamples();
    const names = new Set(DEFAULT_TAXONOMY.map((c) => c.name));
    for (const e of seed) expect(names.has(e.category)).toBe(true);
    for (const name of names) {
      const count = seed.filter((e) => e.category === name).length;
      expect(count, name).toBeGreaterThanOrEqual(20);
      expect(count, name).toBeLessThanOrEqual(100);
    }
    for (const e of seed) expect(e.text.trim()).not.toBe('');
    expect(new Set(seed.map((e) => e.text.toUpperCase())).size).toBe(seed.length);
  });

  it('cover the brands the CLI must get right as statement lines', async () => {
    const texts = (await loadSeedExamples()).map((e) => `${e.category} ${e.text}`);
    for (const brand of ['STARBUCKS', 'COSTA COFFEE', 'DUNKIN', 'TIM HORTONS']) expect(texts.some((t) => t.startsWith('FOOD_AND_DRINK') && t.includes(brand)), brand).toBe(true);
    for (const brand of ['SHELL', 'BP', 'CHEVRON', 'EXXON', 'ESSO', 'TEXACO']) expect(texts.some((t) => t.startsWith('TRANSPORTATION') && t.includes(brand)), brand).toBe(true);
  });

  it('take corrections as user examples and refuse an unknown category', () => {
    const added = applyCorrections([], [{ description: ' ZORBLAX KIOSK ', category: 'personal care' }]);
    expect(added).toEqual([{ category: 'PERSONAL_CARE', text: 'ZORBLAX KIOSK', source: 'user' }]);
    expect(() => applyCorrections([], [{ description: 'X', category: 'CRYPTO' }])).toThrow(/unknown category CRYPTO/);
  });
});
