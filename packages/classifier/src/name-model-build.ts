// What the merchant-name model learns from, and how a version's model is built: the Toronto
// p-card train split (data/pcard/train.csv, 23,000 real card-statement strings labelled by their
// MCC), the version's examples (seed lines, MCC descriptions, users' corrections) and the brand
// gazetteer's names. Its temperature is fitted on an inner validation split of the Toronto train
// side, held out by merchant; the frozen test split (data/pcard/test.csv) is never read here.
import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { normalizeLine } from '@txcat/merchant';
import { fitScoreTemperature } from './calibration.js';
import { parseLabelledRows } from './labelled-rows.js';
import { nameProbabilities, trainNameModel, type NameExample, type NameModel, type TrainNameOptions } from './name-model.js';

export const PCARD_TRAIN_FILE = fileURLToPath(new URL('../data/pcard/train.csv', import.meta.url));

/**
 * The frozen merchant key of scripts/split-pcard.mjs (first two letter-only words, upper-cased):
 * it decides which side of a split a line is on and must never change with the normalizer.
 */
export function pcardSplitKey(description: string): string {
  return description.toUpperCase().replace(/[^A-Z]+/g, ' ').trim().split(' ').slice(0, 2).join(' ');
}

/** One merchant in five of the train side is held out for validation (all its lines together). */
export function isInnerValidation(description: string): boolean {
  return (createHash('sha1').update(`inner|${pcardSplitKey(description)}`).digest()[0] as number) % 5 === 0;
}

/** The text the name model reads for a line: its merchant key, as the normalizer peels it. */
export function nameText(description: string): string {
  return normalizeLine(description).merchantKey;
}

export interface LabelledText { text: string; category: string }

export interface NameTrainingData {
  /** Toronto train-side lines (description, category). */
  pcard: LabelledText[];
  /** The version's examples: seed, MCC descriptions, corrections. */
  examples: LabelledText[];
  /** Brand names with their category (gazetteer). */
  brands: LabelledText[];
}

/** How much each kind of example counts, chosen on the inner validation split. */
export const SOURCE_WEIGHTS = { pcard: 1, examples: 2, brands: 0.5 } as const;

export async function loadPcardTrain(file = PCARD_TRAIN_FILE): Promise<LabelledText[]> {
  return parseLabelledRows(await readFile(file, 'utf8'), { source: file }).rows.map((r) => ({ text: r.description, category: r.category }));
}

interface GazetteerFile { brands: Array<[string, string, string, string[], string[]]> }

/** Brand names and their first aliases from @txcat/merchant's data/gazetteer.json. */
export async function loadBrandNames(file: string | URL = new URL('../data/gazetteer.json', import.meta.resolve('@txcat/merchant'))): Promise<LabelledText[]> {
  const data = JSON.parse(await readFile(file, 'utf8')) as GazetteerFile;
  return data.brands.flatMap(([name, category, , aliases]) => [...new Set([name.toUpperCase(), ...aliases.slice(0, 2)])].map((text) => ({ text, category })));
}

function asExamples(rows: LabelledText[], weight: number): NameExample[] {
  return rows.map((r) => ({ text: nameText(r.text), category: r.category, weight }));
}

export interface BuildNameOptions extends TrainNameOptions {
  weights?: { pcard: number; examples: number; brands: number };
  /** How far the Toronto lines' class frequencies are flattened: weight ∝ count^-balance (default PCARD_BALANCE). */
  balance?: number;
}

/**
 * A city's spending is not a consumer's (a quarter of the Toronto lines are services): with its
 * frequencies left in, the model's biases would push every unknown name towards them. Each
 * Toronto line is weighted by (count of its category / mean count)^-balance; 0.5 halves the skew
 * on a log scale. Chosen a priori, not tuned: the Toronto validation, having the same frequencies,
 * can only prefer 0.
 */
export const PCARD_BALANCE = 0.5;

/** Toronto lines weighted so their class frequencies are flattened by `balance`. */
export function balancedPcard(rows: LabelledText[], weight: number, balance: number): NameExample[] {
  const counts = new Map<string, number>();
  for (const r of rows) counts.set(r.category, (counts.get(r.category) ?? 0) + 1);
  const mean = rows.length / Math.max(1, counts.size);
  return rows.map((r) => ({ text: nameText(r.text), category: r.category, weight: weight * ((counts.get(r.category) as number) / mean) ** -balance }));
}

/** Mean negative log-likelihood and accuracy of a model on labelled lines. */
export function scoreNameModel(model: NameModel, rows: LabelledText[]): { nll: number; accuracy: number; n: number } {
  const index = new Map(model.categories.map((c, i) => [c, i]));
  let nll = 0, correct = 0, n = 0;
  for (const r of rows) {
    const y = index.get(r.category);
    if (y === undefined) continue;
    const p = nameProbabilities(model, nameText(r.text));
    nll -= Math.log(Math.max(p[y] as number, 1e-12));
    correct += p.indexOf(Math.max(...p)) === y ? 1 : 0;
    n++;
  }
  return { nll: nll / Math.max(1, n), accuracy: correct / Math.max(1, n), n };
}

/**
 * The model a version decides with: trained without the inner-validation merchants to fit the
 * temperature on them, then trained again on everything and given that temperature.
 */
export function buildNameModel(data: NameTrainingData, categories: string[], options: BuildNameOptions = {}): NameModel {
  const w = options.weights ?? SOURCE_WEIGHTS;
  const fitRows = data.pcard.filter((r) => !isInnerValidation(r.text));
  const validation = data.pcard.filter((r) => isInnerValidation(r.text));
  // In a canonical order: the fleet lists a version's examples from Postgres, the CLI from files;
  // both must train the same weights.
  const examples = [...data.examples].sort((a, b) => (a.text < b.text ? -1 : a.text > b.text ? 1 : a.category < b.category ? -1 : a.category > b.category ? 1 : 0));
  const others = [...asExamples(examples, w.examples), ...asExamples(data.brands, w.brands)];
  const balance = options.balance ?? PCARD_BALANCE;
  const held = trainNameModel([...balancedPcard(fitRows, w.pcard, balance), ...others], categories, options);
  const full = trainNameModel([...balancedPcard(data.pcard, w.pcard, balance), ...others], categories, options);
  const index = new Map(categories.map((c, i) => [c, i]));
  const rows = validation.filter((r) => index.has(r.category)).map((r) => ({ scores: nameProbabilities(held, nameText(r.text)), label: index.get(r.category) as number }));
  return { ...full, temperature: rows.length > 0 ? fitScoreTemperature(rows) : 1 };
}

let pcardOnce: Promise<LabelledText[]> | undefined;
let brandsOnce: Promise<LabelledText[]> | undefined;

/** The name model for a version's examples and categories, from the shipped Toronto split and gazetteer. */
export async function nameModelFor(examples: LabelledText[], categories: string[], options: BuildNameOptions = {}): Promise<NameModel> {
  pcardOnce ??= loadPcardTrain();
  brandsOnce ??= loadBrandNames();
  return buildNameModel({ pcard: await pcardOnce, examples, brands: await brandsOnce }, categories, options);
}
