import { describe, expect, it } from 'vitest';
import { createClassifier } from './classifier.js';
import { buildPrototypes } from './prototypes.js';

// A real (if tiny) embedding function: one dimension per keyword, so the expected categories are obvious.
const KEYWORDS = ['COFFEE', 'FUEL', 'RENT', 'SALARY'];
const embed = async (texts: string[]) =>
  texts.map((t) => Float32Array.from(KEYWORDS.map((k) => (t.includes(k) ? 1 : 0.05))));

const examples = [
  ['FOOD_AND_DRINK', 'COFFEE'], ['TRANSPORTATION', 'FUEL'], ['RENT_AND_UTILITIES', 'RENT'], ['INCOME', 'SALARY'],
].map(([category, keyword]) => ({ category: category as string, embedding: Float32Array.from(KEYWORDS.map((k) => (k === keyword ? 1 : 0.05))) }));

describe('createClassifier', () => {
  const prototypes = buildPrototypes(examples);

  it('embeds normalized statement lines and classifies each against the prototypes', async () => {
    const seen: string[][] = [];
    const classifier = createClassifier({ embed: async (texts) => (seen.push(texts), embed(texts)), prototypes });
    const results = await classifier.classify(['SQ *JOES COFFEE #1234 SEATTLE WA', 'POS 0412 FUEL STOP 5521', 'MONTHLY RENT']);
    expect(seen).toEqual([['JOES COFFEE', 'FUEL STOP', 'MONTHLY RENT']]);
    expect(results.map((r) => r.category)).toEqual(['FOOD_AND_DRINK', 'TRANSPORTATION', 'RENT_AND_UTILITIES']);
    for (const r of results) {
      expect(r.top).toHaveLength(3);
      expect(r.confidence).toBeGreaterThan(0.25);
      expect(r.confidence).toBeLessThanOrEqual(1);
    }
    expect(await classifier.classify([])).toEqual([]);
    await classifier.close();
  });

  it('applies the temperature: lower is more confident', async () => {
    const [cold] = await createClassifier({ embed, prototypes, temperature: 0.01 }).classify(['COFFEE']);
    const [warm] = await createClassifier({ embed, prototypes, temperature: 1 }).classify(['COFFEE']);
    expect(cold!.confidence).toBeGreaterThan(warm!.confidence);
    expect(cold!.level).toBe('high');
  });

  it('checks its options and what embed returns', async () => {
    expect(() => createClassifier({ embed, prototypes, temperature: -1 })).toThrow('temperature must be a positive number');
    expect(() => createClassifier({ embed: undefined as never, prototypes })).toThrow('embed must be a function');
    const short = createClassifier({ embed: async () => [], prototypes });
    await expect(short.classify(['COFFEE'])).rejects.toThrow('embed returned 0 embeddings for 1 texts');
  });
});
