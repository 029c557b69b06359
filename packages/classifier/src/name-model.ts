// The merchant-name model: multinomial logistic regression over hashed features of a merchant's
// name, fastText-style: its words, its word pairs, and the character n-grams of each word with
// word boundaries ("<PHARMAC>" shares "PHAR", "HARM" with "<PHARMACY>", so a name cut at the
// field's end still reads). MiniLM knows little about proper names; 20,000 real card-statement
// strings teach which spellings go with which trade. Trained by AdaGrad SGD with L2 on the
// touched weights, in a fixed seeded order, from zero weights: the same examples give the same
// weights, bit for bit. A home-made learner because no maintained npm library fits: ml-logistic-
// regression is dense (2^18 features x 16 classes per gradient step), and the fastText bindings
// need a native binary or train multi-threaded (not deterministic) through files.
import { ClassifierError } from './classifier-error.js';

export interface NgramConfig {
  /** Character n-grams of each word (with < > boundaries), from minN to maxN characters. */
  minN: number;
  maxN: number;
  /** Also the pairs of adjacent words. */
  wordPairs: boolean;
}

/** A trained model, plain data: what a version stores (see nameModelToJSON). */
export interface NameModel {
  /** log2 of the number of hashed features. */
  bits: number;
  categories: string[];
  /** (2^bits) x categories.length, feature-major: a feature's weights for every category side by side. */
  weights: Float32Array;
  bias: Float32Array;
  /** Applied to logits: fitted on held-out merchants (NLL). */
  temperature: number;
  ngrams: NgramConfig;
}

export interface NameExample {
  text: string;
  category: string;
  /** How much the example counts (default 1). */
  weight?: number;
}

export interface TrainNameOptions {
  bits?: number;
  ngrams?: NgramConfig;
  epochs?: number;
  learningRate?: number;
  l2?: number;
  seed?: number;
}

export const NAME_MODEL_DEFAULTS = {
  // Chosen on the Toronto inner validation (scripts/tune-name-model.mjs): 2^16 features score as
  // 2^18 do there, at 4 MB of weights instead of 16.
  bits: 16, ngrams: { minN: 2, maxN: 5, wordPairs: true }, epochs: 4, learningRate: 0.2, l2: 1e-6, seed: 20190701,
} as const satisfies Required<TrainNameOptions>;

/** FNV-1a over UTF-16 code units. */
function fnv1a(s: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) h = Math.imul(h ^ s.charCodeAt(i), 0x01000193);
  return h >>> 0;
}

/** Words of a name: letters and digits, upper-cased; all-digit words (store numbers) say nothing. */
export function nameWords(text: string): string[] {
  return text.toUpperCase().split(/[^\p{L}\p{N}]+/u).filter((w) => w !== '' && !/^\d+$/.test(w));
}

export interface Features {
  index: Int32Array;
  /** 1/sqrt(number of features): a long name's features count no more in total than a short one's. */
  value: number;
}

/** The hashed feature indexes of a name, each once. */
export function nameFeatures(text: string, bits: number, ngrams: NgramConfig): Features {
  const mask = (1 << bits) - 1;
  const seen = new Set<number>();
  const words = nameWords(text);
  words.forEach((w, i) => {
    seen.add(fnv1a(`w${w}`) & mask);
    if (ngrams.wordPairs && i > 0) seen.add(fnv1a(`p${words[i - 1]} ${w}`) & mask);
    const bounded = `<${w}>`;
    for (let n = ngrams.minN; n <= ngrams.maxN; n++) {
      for (let s = 0; s + n <= bounded.length; s++) if (n < bounded.length) seen.add(fnv1a(`c${bounded.slice(s, s + n)}`) & mask);
    }
  });
  const index = Int32Array.from(seen);
  return { index, value: index.length > 0 ? 1 / Math.sqrt(index.length) : 0 };
}

function logitsInto(out: Float64Array, f: Features, weights: Float32Array, bias: Float32Array, C: number): void {
  for (let c = 0; c < C; c++) out[c] = bias[c] as number;
  for (const j of f.index) {
    const o = j * C;
    for (let c = 0; c < C; c++) out[c] = (out[c] as number) + f.value * (weights[o + c] as number);
  }
}

function softmaxInPlace(z: Float64Array, temperature: number): void {
  let max = -Infinity;
  for (const v of z) if (v > max) max = v;
  let total = 0;
  for (let c = 0; c < z.length; c++) total += z[c] = Math.exp(((z[c] as number) - max) / temperature);
  for (let c = 0; c < z.length; c++) z[c] = (z[c] as number) / total;
}

/** Deterministic pseudo-random numbers (mulberry32) for the training order. */
function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function shuffled(n: number, random: () => number): Int32Array {
  const order = Int32Array.from({ length: n }, (_, i) => i);
  for (let i = n - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [order[i], order[j]] = [order[j] as number, order[i] as number];
  }
  return order;
}

export function trainNameModel(examples: NameExample[], categories: string[], options: TrainNameOptions = {}): NameModel {
  const o = { ...NAME_MODEL_DEFAULTS, ...options };
  if (categories.length < 2) throw new ClassifierError('invalid_input', `the name model needs at least two categories, got ${categories.length}`);
  if (!(Number.isInteger(o.bits) && o.bits >= 8 && o.bits <= 22)) throw new ClassifierError('invalid_input', `name model bits must be an integer from 8 to 22, got ${o.bits}`);
  const byName = new Map(categories.map((c, i) => [c, i]));
  const rows = examples.filter((e) => byName.has(e.category) && (e.weight ?? 1) > 0)
    .map((e) => ({ f: nameFeatures(e.text, o.bits, o.ngrams), y: byName.get(e.category) as number, w: e.weight ?? 1 }))
    .filter((r) => r.f.index.length > 0);
  const C = categories.length;
  const weights = new Float32Array((1 << o.bits) * C);
  const bias = new Float32Array(C);
  // AdaGrad: each weight's step shrinks with the gradients it has seen (rare n-grams keep large steps).
  const g2 = new Float32Array(weights.length).fill(1e-8);
  const b2 = new Float64Array(C).fill(1e-8);
  const z = new Float64Array(C);
  const random = mulberry32(o.seed);
  for (let epoch = 0; epoch < o.epochs; epoch++) {
    for (const i of shuffled(rows.length, random)) {
      const { f, y, w } = rows[i]!;
      logitsInto(z, f, weights, bias, C);
      softmaxInPlace(z, 1);
      for (let c = 0; c < C; c++) {
        const g = w * ((z[c] as number) - (c === y ? 1 : 0));
        // A category the model already rules out learns nothing from this example: skip its weights.
        if (g > -1e-4 && g < 1e-4) continue;
        b2[c] = (b2[c] as number) + g * g;
        bias[c] = (bias[c] as number) - (o.learningRate * g) / Math.sqrt(b2[c] as number);
        for (const j of f.index) {
          const k = j * C + c;
          const grad = g * f.value + o.l2 * (weights[k] as number);
          g2[k] = (g2[k] as number) + grad * grad;
          weights[k] = (weights[k] as number) - (o.learningRate * grad) / Math.sqrt(g2[k] as number);
        }
      }
    }
  }
  return { bits: o.bits, categories: [...categories], weights, bias, temperature: 1, ngrams: { ...o.ngrams } };
}

/** The model's probability of each of its categories for a name (temperature applied). */
export function nameProbabilities(model: NameModel, text: string): number[] {
  const z = new Float64Array(model.categories.length);
  logitsInto(z, nameFeatures(text, model.bits, model.ngrams), model.weights, model.bias, model.categories.length);
  softmaxInPlace(z, model.temperature);
  return Array.from(z);
}

/** A model as JSON-safe data: weights as base64 of their little-endian float32 bytes. */
export interface NameModelJSON {
  format: 'txcat-name-model/1';
  bits: number;
  categories: string[];
  weights: string;
  bias: number[];
  temperature: number;
  ngrams: NgramConfig;
}

export function nameModelToJSON(m: NameModel): NameModelJSON {
  return {
    format: 'txcat-name-model/1', bits: m.bits, categories: m.categories, temperature: m.temperature, ngrams: m.ngrams, bias: Array.from(m.bias),
    weights: Buffer.from(m.weights.buffer, m.weights.byteOffset, m.weights.byteLength).toString('base64'),
  };
}

export function nameModelFromJSON(j: NameModelJSON): NameModel {
  if (j.format !== 'txcat-name-model/1') throw new ClassifierError('invalid_input', `unknown name model format "${String(j.format)}"; expected txcat-name-model/1`);
  const bytes = Buffer.from(j.weights, 'base64');
  const expected = (1 << j.bits) * j.categories.length * 4;
  if (bytes.length !== expected) throw new ClassifierError('invalid_input', `name model weights have ${bytes.length} bytes, ${expected} expected for 2^${j.bits} x ${j.categories.length}`);
  const weights = new Float32Array(expected / 4);
  new Uint8Array(weights.buffer).set(bytes);
  return { bits: j.bits, categories: [...j.categories], weights, bias: Float32Array.from(j.bias), temperature: j.temperature, ngrams: { ...j.ngrams } };
}
