// The version contract on its own: what it accepts, what it refuses and how it says so.
import { describe, expect, it } from 'vitest';
import { ContractError } from './errors.js';
import { modelLabel, parseModelLabel, parsePrototypeVersion, parsePrototypeVersionInput, parsePrototypeVersionNotice } from './prototype-version.js';

const dim = 4;
const input = () => ({
  model: { name: 'tiny-model', variant: 'int8' },
  center: new Float32Array(dim),
  prototypes: [{ category: 'GROCERIES', vector: Float32Array.of(1, 0, 0, 0), exampleCount: 2 }, { category: 'TRAVEL', vector: Float32Array.of(0, 1, 0, 0), exampleCount: 1 }],
  exemplars: [{ category: 'GROCERIES', text: 'green grocer', vector: Float32Array.of(1, 0, 0, 0) }],
  head: { categories: ['GROCERIES', 'TRAVEL'], dim, weights: new Float32Array(2 * (dim + 1)) },
  calibration: { temperature: 0.7, highThreshold: 0.85, mediumThreshold: 0.5, reviewThreshold: 0.5, targetHighPrecision: 0.97 },
  replaces: null,
});

describe('the prototype version contract', () => {
  it('accepts a whole version and, read back, its number and time', () => {
    expect(parsePrototypeVersionInput(input()).prototypes).toHaveLength(2);
    const stored = parsePrototypeVersion({ ...input(), version: 3, createdAt: new Date(), exampleCount: 3 });
    expect(stored.head?.weights).toBeInstanceOf(Float32Array);
  });

  it('refuses a head of the wrong size and plain arrays for vectors, naming each field', () => {
    const v = input();
    v.head.weights = new Float32Array(3);
    (v.exemplars[0] as { vector: unknown }).vector = [1, 0, 0, 0];
    expect(() => parsePrototypeVersionInput(v)).toThrow(ContractError);
    expect(() => parsePrototypeVersionInput(v)).toThrow(/exemplars\.0\.vector: must be a Float32Array.*head\.weights: weights must hold categories\.length x \(dim \+ 1\)/);
  });

  it('refuses vectors of another length than the center and a category twice', () => {
    const v = input();
    v.prototypes[1]!.vector = new Float32Array(3);
    v.prototypes.push({ ...v.prototypes[0]! });
    expect(() => parsePrototypeVersionInput(v)).toThrow(/prototypes\.1\.vector: TRAVEL: must have 4 numbers, like center; prototypes\.2\.category: GROCERIES appears twice/);
  });

  it('says which stored version is wrong and what to do', () => {
    expect(() => parsePrototypeVersion({ ...input(), version: 9, createdAt: new Date(), exampleCount: 3, calibration: { temperature: -1 } }, 'stored version 9', 'rebuild it'))
      .toThrow(/^stored version 9 does not match the prototype version contract: calibration\.temperature: .*; rebuild it$/);
  });

  it('names a model as name@variant and reads it back', () => {
    expect(modelLabel({ name: 'all-minilm-l6-v2', variant: 'int8' })).toBe('all-minilm-l6-v2@int8');
    expect(parseModelLabel('all-minilm-l6-v2@int8')).toEqual({ name: 'all-minilm-l6-v2', variant: 'int8' });
    for (const bad of ['all-minilm-l6-v2', '@int8', 'all-minilm-l6-v2@']) expect(parseModelLabel(bad)).toBeNull();
  });

  it('reads a NOTIFY payload as a notice, or null when it is not one', () => {
    expect(parsePrototypeVersionNotice('{"version":4,"model":{"name":"m","variant":"fp32"}}')).toEqual({ version: 4, model: { name: 'm', variant: 'fp32' } });
    for (const bad of ['4', 'not json', undefined, '{"version":4}']) expect(parsePrototypeVersionNotice(bad)).toBeNull();
  });
});
