// The merchant-name model on names written for this test (none from an evaluation file).
import { describe, expect, it } from 'vitest';
import { combineFallback, nameOutvotes, nameThresholds, NAME_THRESHOLDS } from './name-decision.js';
import { buildNameModel, isInnerValidation, pcardSplitKey } from './name-model-build.js';
import { nameFeatures, nameModelFromJSON, nameModelToJSON, nameProbabilities, nameWords, trainNameModel, type NameExample } from './name-model.js';

const CATEGORIES = ['FOOD_AND_DRINK', 'MEDICAL', 'TRANSPORTATION', 'HOME_IMPROVEMENT'];
const EXAMPLES: NameExample[] = [
  ['GREENLEAF BAKERY', 'FOOD_AND_DRINK'], ['GREENLEAF BAKERY KING ST', 'FOOD_AND_DRINK'], ['SUNNYSIDE BAKERY', 'FOOD_AND_DRINK'],
  ['ORCHARD BISTRO', 'FOOD_AND_DRINK'], ['HARBOUR BISTRO', 'FOOD_AND_DRINK'], ['LANTERN NOODLE BAR', 'FOOD_AND_DRINK'],
  ['ELMWOOD PHARMACY', 'MEDICAL'], ['BIRCHVIEW PHARMACY', 'MEDICAL'], ['CEDARGATE PHARMACY', 'MEDICAL'], ['NORTHSIDE DENTAL CLINIC', 'MEDICAL'],
  ['CITYLINK TAXI', 'TRANSPORTATION'], ['CITYLINK TAXI 42', 'TRANSPORTATION'], ['BLUELINE CABS', 'TRANSPORTATION'], ['PARKRIGHT PARKING', 'TRANSPORTATION'],
  ['STONEBRIDGE LUMBER', 'HOME_IMPROVEMENT'], ['OAKRIDGE LUMBER YARD', 'HOME_IMPROVEMENT'], ['IRONCLAD HARDWARE', 'HOME_IMPROVEMENT'], ['KEYSTONE HARDWARE', 'HOME_IMPROVEMENT'],
].map(([text, category]) => ({ text: text as string, category: category as string }));

const top = (p: number[]) => CATEGORIES[p.indexOf(Math.max(...p))];

describe('name features', () => {
  it('drops store numbers and keeps words, word pairs and character n-grams', () => {
    expect(nameWords('Citylink Taxi #0042')).toEqual(['CITYLINK', 'TAXI']);
    const f = nameFeatures('CITYLINK TAXI', 16, { minN: 2, maxN: 5, wordPairs: true });
    const g = nameFeatures('CITYLINK TAXI 0042', 16, { minN: 2, maxN: 5, wordPairs: true });
    expect([...f.index].sort()).toEqual([...g.index].sort());
    expect(f.index.length).toBeGreaterThan(20);
    expect(f.value).toBeCloseTo(1 / Math.sqrt(f.index.length));
    expect(nameFeatures('1234', 16, { minN: 2, maxN: 5, wordPairs: true }).index.length).toBe(0);
  });
});

describe('trainNameModel', () => {
  const model = trainNameModel(EXAMPLES, CATEGORIES, { bits: 14, epochs: 20 });

  it('gives unseen variants of its merchants and trades their category', () => {
    expect(top(nameProbabilities(model, 'GREENLEAF BAKERY QUEEN'))).toBe('FOOD_AND_DRINK');
    expect(top(nameProbabilities(model, 'CITYLINK'))).toBe('TRANSPORTATION');
    // A trade word cut at the field's end still shares most of its n-grams.
    expect(top(nameProbabilities(model, 'MAPLEHURST PHARMAC'))).toBe('MEDICAL');
    expect(top(nameProbabilities(model, 'WILLOWBROOK HARDWAR'))).toBe('HOME_IMPROVEMENT');
  });

  it('answers a probability distribution over its categories', () => {
    const p = nameProbabilities(model, 'SOMETHING ELSE ENTIRELY');
    expect(p).toHaveLength(CATEGORIES.length);
    expect(p.reduce((a, b) => a + b, 0)).toBeCloseTo(1, 6);
  });

  it('is deterministic: two trainings give identical weights', () => {
    const again = trainNameModel(EXAMPLES, CATEGORIES, { bits: 14, epochs: 20 });
    expect(Buffer.from(again.weights.buffer).equals(Buffer.from(model.weights.buffer))).toBe(true);
    expect(Array.from(again.bias)).toEqual(Array.from(model.bias));
    const reseeded = trainNameModel(EXAMPLES, CATEGORIES, { bits: 14, epochs: 20, seed: 7 });
    expect(Buffer.from(reseeded.weights.buffer).equals(Buffer.from(model.weights.buffer))).toBe(false);
  });

  it('round-trips through JSON', () => {
    const back = nameModelFromJSON(JSON.parse(JSON.stringify(nameModelToJSON({ ...model, temperature: 1.3 }))));
    expect(back.temperature).toBe(1.3);
    expect(Buffer.from(back.weights.buffer).equals(Buffer.from(model.weights.buffer))).toBe(true);
    expect(nameProbabilities(back, 'ELMWOOD PHARMACY')).toEqual(nameProbabilities({ ...model, temperature: 1.3 }, 'ELMWOOD PHARMACY'));
    const json = nameModelToJSON(model);
    expect(() => nameModelFromJSON({ ...json, weights: json.weights.slice(0, 100) })).toThrow(/bytes/);
    expect(() => nameModelFromJSON({ ...json, format: 'other' as 'txcat-name-model/1' })).toThrow(/format/);
  });

  it('says what is wrong with its settings', () => {
    expect(() => trainNameModel(EXAMPLES, ['FOOD_AND_DRINK'])).toThrow(/two categories/);
    expect(() => trainNameModel(EXAMPLES, CATEGORIES, { bits: 40 })).toThrow(/bits/);
  });
});

describe('buildNameModel', () => {
  it('fits a temperature on held-out merchants and trains on all', () => {
    // Many merchants, so that the inner-validation hash holds some of them out.
    const trades = [['BAKERY', 'FOOD_AND_DRINK'], ['PHARMACY', 'MEDICAL'], ['TAXI', 'TRANSPORTATION'], ['LUMBER', 'HOME_IMPROVEMENT']];
    const names = ['ALDER', 'BRAMBLE', 'COPPER', 'DUNMORE', 'EVERTON', 'FAIRVIEW', 'GLENROSE', 'HOLLOW', 'INGLEWOOD', 'JUNIPER', 'KESTREL', 'LARKSPUR'];
    const pcard = names.flatMap((n) => trades.map(([t, category]) => ({ text: `${n} ${t} #12`, category: category as string })));
    expect(pcard.some((r) => isInnerValidation(r.text))).toBe(true);
    const model = buildNameModel({ pcard, examples: [], brands: [] }, CATEGORIES, { bits: 12, epochs: 5 });
    expect(model.temperature).toBeGreaterThan(0);
    expect(model.temperature).not.toBe(1);
    expect(top(nameProbabilities(model, 'MOSSGROVE PHARMACY'))).toBe('MEDICAL');
    // The examples' order does not change the weights (the fleet and the CLI list them differently).
    const a = buildNameModel({ pcard, examples: EXAMPLES, brands: [] }, CATEGORIES, { bits: 12, epochs: 2 });
    const b = buildNameModel({ pcard, examples: [...EXAMPLES].reverse(), brands: [] }, CATEGORIES, { bits: 12, epochs: 2 });
    expect(Buffer.from(a.weights.buffer).equals(Buffer.from(b.weights.buffer))).toBe(true);
  });

  it('keys the split on a frozen merchant key', () => {
    expect(pcardSplitKey('SQ *Harbour Bistro #12 Toronto')).toBe('SQ HARBOUR');
    expect(isInnerValidation('KESTREL TAXI #1')).toBe(isInnerValidation('KESTREL TAXI #2 WEST'));
  });
});

describe('the name model in a decision', () => {
  it('outvotes a brand or trade word only when it firmly says otherwise', () => {
    const firm = [0.05, 0.85, 0.05, 0.05];
    const unsure = [0.3, 0.4, 0.2, 0.1];
    const sure = [0.02, 0.94, 0.02, 0.02];
    expect(nameOutvotes(sure, CATEGORIES, { source: 'keyword', category: 'FOOD_AND_DRINK' })).toBe(true);
    expect(nameOutvotes(sure, CATEGORIES, { source: 'keyword', category: 'MEDICAL' })).toBe(false);
    expect(nameOutvotes(sure, CATEGORIES, { source: 'gazetteer', category: 'FOOD_AND_DRINK' })).toBe(false);
    expect(nameOutvotes(unsure, CATEGORIES, { source: 'keyword', category: 'FOOD_AND_DRINK' })).toBe(false);
    expect(nameOutvotes(firm, CATEGORIES, { source: 'rule', category: 'FOOD_AND_DRINK' })).toBe(false);
  });

  it('combines with the embedding log-linearly and raises the thresholds', () => {
    const p = combineFallback([0.7, 0.1, 0.1, 0.1], [0.1, 0.7, 0.1, 0.1], { name: 1, embedding: 0.2 });
    expect(p.reduce((a, b) => a + b, 0)).toBeCloseTo(1, 9);
    expect(p[0]).toBeGreaterThan(p[1] as number);
    expect(combineFallback([0.7, 0.1, 0.1, 0.1], [0.1, 0.7, 0.1, 0.1], { name: 1, embedding: 0 })[0]).toBeCloseTo(0.7, 9);
    const t = nameThresholds({ highThreshold: 0.8, mediumThreshold: 0.3, reviewThreshold: 0.3 });
    expect(t.highThreshold).toBe(NAME_THRESHOLDS.high);
    expect(t.reviewThreshold).toBe(NAME_THRESHOLDS.medium);
  });
});
