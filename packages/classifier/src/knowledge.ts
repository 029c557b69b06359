// Building a version's knowledge from labelled examples (seed + feedback): prototypes, the
// exemplar index, the softmax head once there are enough examples, and a calibration fitted on
// held-out folds of the examples dressed as statement lines (clean names are easier than real
// lines; dressing them with card prefixes, store numbers and places keeps the fit honest).
import type { PrototypeVersionInput } from '@txcat/contracts';
import { normalizeLine, type NormalizedLine } from '@txcat/merchant';
import { DEFAULT_CALIBRATION, fitCalibration, type Calibration } from './calibration.js';
import type { EmbedFn } from './embed.js';
import { decide, embeddingScores, type EmbeddingMethod, type Knowledge, type Lookups } from './decide.js';
import { fitSoftmaxHead, MIN_HEAD_EXAMPLES } from './head.js';
import { buildExemplarIndex } from './knn.js';
import { buildPrototypes, centerEmbedding } from './prototypes.js';
import { nameModelFor } from './name-model-build.js';

export interface LabelledExample {
  category: string;
  text: string;
}

/**
 * What is embedded for a line: its merchant key, lower-cased. Words about the payment itself
 * (FEE, TRANSFER, SALARY...) are the rules' business; left in, the format words a bank prints
 * around every merchant pull lines of one bank together, whatever they bought.
 */
export function embeddingText(line: NormalizedLine): string {
  return line.merchantKey.toLowerCase();
}

const DRESS_PREFIXES = ['POS DEBIT ', 'CHECKCARD 0412 ', 'CARD PAYMENT TO ', '', 'SQ *', 'PURCHASE AUTHORIZED ON 03/14 ', 'VISA DEBIT PURCHASE CARD 4421 ', 'Kartenzahlung '];
const DRESS_SUFFIXES = [' #1234 SEATTLE WA', ' 0034 AUSTIN TX', ' LONDON GB ON 12-03', ' REF 88213409', '', ' BANGKOK TH', ' 3297 SYDNEY AU'];

/** A clean example written the way a bank would print it (deterministic per index). */
export function dressAsStatementLine(text: string, i: number): string {
  return `${DRESS_PREFIXES[i % DRESS_PREFIXES.length]}${text}${DRESS_SUFFIXES[(i * 3) % DRESS_SUFFIXES.length]}`.trim();
}

export interface BuildKnowledgeOptions {
  categories?: string[];
  method?: EmbeddingMethod;
  lookups?: Lookups;
  /** Held-out folds for the calibration (default 5). */
  folds?: number;
  targetHighPrecision?: number;
  /** Train the merchant-name model (default true; seconds, from the shipped Toronto train split). */
  nameModel?: boolean;
}

async function embedExamples(examples: LabelledExample[], embed: EmbedFn) {
  const vectors = await embed(examples.map((e) => embeddingText(normalizeLine(e.text))));
  return examples.map((e, i) => ({ category: e.category, text: e.text, embedding: vectors[i] as Float32Array }));
}

/** Prototypes, exemplars and (with enough examples) the head; calibration left at its default. */
export function fitKnowledge(embedded: Array<{ category: string; text: string; embedding: Float32Array }>, categories?: string[], withHead = true): Knowledge {
  const prototypes = buildPrototypes(embedded, { categories });
  const exemplars = buildExemplarIndex(embedded, prototypes.center, prototypes.categories);
  const knowledge: Knowledge = { prototypes, exemplars, calibration: DEFAULT_CALIBRATION };
  if (withHead && embedded.length >= MIN_HEAD_EXAMPLES) {
    const index = new Map(prototypes.categories.map((c, i) => [c, i]));
    const rows = embedded.filter((e) => index.has(e.category));
    knowledge.head = fitSoftmaxHead(rows.map((e) => centerEmbedding(e.embedding, prototypes.center)), rows.map((e) => index.get(e.category) as number), prototypes.categories);
  }
  return knowledge;
}

/** Stratified fold of each example: every category spread over all folds. */
export function stratifiedFolds(labels: string[], k: number): number[] {
  const seen = new Map<string, number>();
  return labels.map((l) => {
    const n = seen.get(l) ?? 0;
    seen.set(l, n + 1);
    return n % k;
  });
}

export interface BuiltKnowledge extends Knowledge {
  /** The examples with their raw embeddings: what a version stores as exemplars. */
  embedded: Array<{ category: string; text: string; embedding: Float32Array }>;
}

export async function buildKnowledge(examples: LabelledExample[], embed: EmbedFn, options: BuildKnowledgeOptions = {}): Promise<BuiltKnowledge> {
  const method = options.method ?? 'knn';
  const embedded = await embedExamples(examples, embed);
  const knowledge = fitKnowledge(embedded, options.categories);
  const k = options.folds ?? 5;
  const fold = stratifiedFolds(examples.map((e) => e.category), k);
  const dressedText = examples.map((e, i) => dressAsStatementLine(e.text, i));
  const dressedLines = dressedText.map((t) => normalizeLine(t));
  const dressedVectors = await embed(dressedLines.map(embeddingText));
  const heldOut: Array<{ i: number; part: Knowledge }> = [];
  for (let f = 0; f < k; f++) {
    const train = embedded.filter((_, i) => fold[i] !== f);
    if (train.length === 0) continue;
    const part = fitKnowledge(train, options.categories, false);
    examples.forEach((_, i) => fold[i] === f && heldOut.push({ i, part }));
  }
  const embeddingRows = heldOut.flatMap(({ i, part }) => {
    const label = part.prototypes.categories.indexOf(examples[i]!.category);
    return label < 0 ? [] : [{ scores: embeddingScores(dressedVectors[i] as Float32Array, part, method === 'head' ? 'knn' : method).scores, label }];
  });
  const decideAll = (temperature: number) => heldOut.map(({ i, part }) => {
    const d = decide({ line: dressedLines[i]!, embedding: dressedVectors[i] as Float32Array }, { ...part, calibration: { ...part.calibration, temperature } }, options.lookups ?? {}, { method: method === 'head' ? 'knn' : method });
    return { confidence: d.confidence, correct: d.category === examples[i]!.category };
  });
  const calibration: Calibration = embeddingRows.length > 0 ? fitCalibration(embeddingRows, decideAll, options.targetHighPrecision) : knowledge.calibration;
  // The name model is left out of the held-out folds above: it was trained on every example, so
  // on them it would look better than it is; its temperature is fitted on held-out real merchants.
  const nameModel = options.nameModel === false ? undefined : await nameModelFor(examples, knowledge.prototypes.categories);
  return { ...knowledge, calibration, embedded, ...(nameModel ? { nameModel } : {}) };
}

/**
 * A stored version with its merchant-name model, rebuilt from the version's examples (its
 * exemplars): deterministic, so every worker and the CLI decide with the weights the retrain had.
 */
export async function withNameModel(knowledge: Knowledge, stored: Pick<StoredKnowledge, 'exemplars'>): Promise<Knowledge> {
  if (knowledge.nameModel) return knowledge;
  const nameModel = await nameModelFor(stored.exemplars.map((e) => ({ category: e.category, text: e.text })), knowledge.prototypes.categories);
  return { ...knowledge, nameModel };
}

/** The knowledge parts of a version (the contract of @txcat/contracts, less model and lineage). */
export type StoredKnowledge = Pick<PrototypeVersionInput, 'center' | 'prototypes' | 'exemplars' | 'head' | 'calibration'>;

/** The parts of a knowledge that go into a version, in the contract's shape. */
export function toStored(k: BuiltKnowledge): StoredKnowledge {
  const p = k.prototypes;
  return {
    center: p.center,
    prototypes: p.categories.map((category, i) => ({ category, vector: p.vectors[i] as Float32Array, exampleCount: p.exampleCounts[i] ?? 0 })),
    exemplars: k.embedded.map((e) => ({ category: e.category, text: e.text, vector: e.embedding })),
    head: k.head ?? null,
    calibration: k.calibration,
  };
}

/** Knowledge from a stored version (already parsed by the contract); no calibration = the default. */
export function fromStored(s: StoredKnowledge): Knowledge {
  const categories = s.prototypes.map((p) => p.category);
  const prototypes = { categories, vectors: s.prototypes.map((p) => p.vector), exampleCounts: s.prototypes.map((p) => p.exampleCount), center: s.center };
  return {
    prototypes,
    // Exemplar vectors are stored raw: centering happens here, with the version's center.
    exemplars: s.exemplars.length > 0 ? buildExemplarIndex(s.exemplars.map((e) => ({ category: e.category, text: e.text, embedding: e.vector })), s.center, categories) : undefined,
    ...(s.head ? { head: s.head } : {}),
    calibration: s.calibration ?? DEFAULT_CALIBRATION,
  };
}
