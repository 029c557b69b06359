// One decision per transaction from every source txcat has, in order of how much each knows:
// rules (fees, interest, transfers...), an MCC printed on the line, a known brand, and last the
// embedding model (kNN over exemplars, prototypes or the trained head). The first source that
// speaks decides; the embedding's distribution fills in the runner-ups. Users' corrections
// (applyMemory) win over all of them. Every result says why.
import type { Gazetteer, GazetteerMatch, KeywordCategory, NormalizedLine, RuleMatch } from '@txcat/merchant';
import { isRefund, keywordCategory, matchRule } from '@txcat/merchant';
import { calibrate, DEFAULT_CALIBRATION, levelFor, type Calibration } from './calibration.js';
import { headLogits, softmaxLogits, type SoftmaxHead } from './head.js';
import { knnScores, type ExemplarIndex, type Neighbor } from './knn.js';
import { centerEmbedding, COSINE_TEMPERATURE, dot, softmax, type ConfidenceLevel, type PrototypeSet, type ScoredCategory } from './prototypes.js';
import { combineFallback, nameDistribution, nameOutvotes, nameThresholds } from './name-decision.js';
import type { NameModel } from './name-model.js';

export type EmbeddingMethod = 'knn' | 'prototypes' | 'head';
export type DecisionSource = 'feedback_user' | 'feedback' | 'rule' | 'mcc' | 'gazetteer' | 'keyword' | 'name_model' | 'embedding';

/** What a version knows: built by the retrain job, identical in every worker. */
export interface Knowledge {
  prototypes: PrototypeSet;
  exemplars?: ExemplarIndex;
  head?: SoftmaxHead;
  /** The merchant-name model (name-model.ts): outvotes the embedding where no other source decides. */
  nameModel?: NameModel;
  calibration: Calibration;
}

/** Merchant knowledge that does not change with versions. */
export interface Lookups {
  gazetteer?: Gazetteer;
  mcc?: ReadonlyMap<string, { description: string; category: string }>;
}

/** Corrections users made for this merchant key: category -> count. */
export interface MemoryHit {
  user?: Record<string, number>;
  global?: Record<string, number>;
}

export interface Explanation {
  source: DecisionSource;
  merchantKey: string;
  rule?: { id: string; reason: string };
  brand?: { name: string; alias: string; how: string; score: number };
  mcc?: { code: string; description: string };
  /** Words of the line that name a kind of business (BARBER, APOTHEKE, ร้านกาแฟ...). */
  keyword?: { words: string[]; weight: number };
  feedback?: { corrections: number; agreeing: number; scope: 'user' | 'global' };
  refund?: boolean;
  /** The nearest labelled examples (kNN), best first. */
  neighbors?: Neighbor[];
  method: EmbeddingMethod;
  /** On request: how much the winning score drops when each token is left out. */
  attributions?: Array<{ token: string; drop: number }>;
}

export interface Decision {
  category: string;
  confidence: number;
  level: ConfidenceLevel;
  needsReview: boolean;
  top: ScoredCategory[];
  explanation: Explanation;
}

export interface DecideOptions {
  method?: EmbeddingMethod;
  topK?: number;
  /** Neighbours listed in the explanation. */
  neighbors?: number;
}

export const DECIDE_DEFAULTS = { method: 'knn', topK: 3, neighbors: 3 } as const satisfies Required<DecideOptions>;

/** The embedding model's distribution over the version's categories. */
export function embeddingScores(embedding: Float32Array, k: Knowledge, method: EmbeddingMethod): { scores: number[]; neighbors?: Neighbor[] } {
  const centered = centerEmbedding(embedding, k.prototypes.center);
  if (method === 'head' && k.head) return { scores: alignTo(k.prototypes.categories, k.head.categories, softmaxLogits(headLogits(k.head, centered))) };
  if (method === 'knn' && k.exemplars && k.exemplars.labels.length > 0) {
    const { scores, neighbors } = knnScores(centered, k.exemplars);
    // Blend with the prototypes: kNN alone is brittle where a category has few exemplars.
    const proto = softmax(k.prototypes.vectors.map((v) => dot(centered, v)), COSINE_TEMPERATURE);
    const knn = alignTo(k.prototypes.categories, k.exemplars.categories, scores);
    return { scores: knn.map((s, i) => 0.7 * s + 0.3 * (proto[i] as number)), neighbors };
  }
  return { scores: softmax(k.prototypes.vectors.map((v) => dot(centered, v)), COSINE_TEMPERATURE) };
}

function alignTo(target: string[], source: string[], scores: number[]): number[] {
  const at = new Map(source.map((c, i) => [c, scores[i] as number]));
  return target.map((c) => at.get(c) ?? 0);
}

function memoryVote(hit: Record<string, number> | undefined, known: Set<string>) {
  const entries = Object.entries(hit ?? {}).filter(([c, n]) => n > 0 && known.has(c));
  if (entries.length === 0) return undefined;
  entries.sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]));
  const total = entries.reduce((s, [, n]) => s + n, 0);
  const [category, agreeing] = entries[0] as [string, number];
  // A lone correction is strong evidence for its merchant; agreement between several is stronger.
  const confidence = Math.min(0.995, 0.9 + 0.09 * (agreeing / total) * (1 - 1 / (1 + agreeing)));
  return { category, confidence: agreeing / total >= 0.5 ? confidence : 0.5, corrections: total, agreeing };
}

interface Verdict { category: string; confidence: number; source: DecisionSource; explanation: Partial<Explanation> }

function ruleVerdict(rule: RuleMatch | null, known: Set<string>): Verdict | undefined {
  if (!rule || !known.has(rule.category)) return undefined;
  return { category: rule.category, confidence: rule.confidence, source: 'rule', explanation: { rule: { id: rule.rule, reason: rule.reason } } };
}

/** A keyword verdict needs at least this weight to decide on its own; weaker ones only tilt the embedding. */
const KEYWORD_DECIDES = 0.75;

function brandVerdict(brand: GazetteerMatch): Verdict {
  return {
    category: brand.category, confidence: 0.8 + 0.15 * Math.min(1, Math.max(0, (brand.score - 0.6) / 0.4)), source: 'gazetteer',
    explanation: { brand: { name: brand.brand, alias: brand.alias, how: brand.how, score: brand.score } },
  };
}

function keywordVerdict(kw: KeywordCategory): Verdict {
  return { category: kw.category, confidence: 0.6 + 0.25 * kw.weight, source: 'keyword', explanation: { keyword: { words: kw.keywords, weight: kw.weight } } };
}

/** The brand's alias covers only part of the key ("RAFFLES" of "RAFFLES MEDICAL GROUP"). */
function partialBrand(brand: GazetteerMatch, line: NormalizedLine): boolean {
  const words = (t: string) => t.split(/\s+/).filter(Boolean).length;
  return words(line.merchantKey) > words(brand.alias);
}

/** What decide reads from a line once and every source shares. */
interface LineFacts {
  kw: KeywordCategory | null;
  refund: boolean;
  country?: string;
}

/** The verdict of the most knowledgeable source that has one, or undefined (the embedding decides). */
function firstVerdict(line: NormalizedLine, amount: number | undefined, lookups: Lookups, known: Set<string>, { kw, refund, country }: LineFacts): Verdict | undefined {
  // Money coming in is not paid to a business: its trade words do not make it a purchase.
  const moneyIn = amount !== undefined && amount > 0 && !refund;
  const usableKw = kw && known.has(kw.category) && !(moneyIn && !INFLOW.has(kw.category)) ? kw : null;
  const rule = ruleVerdict(matchRule(line, amount), known);
  // A transfer paid to a business is a purchase from it (Plaid labels by purpose): a standing
  // order to a landlord is rent, a PromptPay to a barber is personal care.
  if (rule && rule.category === 'TRANSFER_OUT' && rule.explanation.rule?.id.startsWith('transfer') && usableKw && !INFLOW.has(usableKw.category)) return keywordVerdict(usableKw);
  if (rule) return rule;
  const mcc = line.mcc ? lookups.mcc?.get(line.mcc) : undefined;
  if (mcc && known.has(mcc.category)) return { category: mcc.category, confidence: 0.93, source: 'mcc', explanation: { mcc: { code: line.mcc as string, description: mcc.description } } };
  const brand = lookups.gazetteer?.match(line.merchantKey, country ? { country } : undefined);
  if (brand && known.has(brand.category)) {
    // A brand name followed by words that say another trade is most likely a namesake:
    // "ADLER APOTHEKE" is a pharmacy, not the clothes shop Adler.
    if (usableKw && usableKw.category !== brand.category && partialBrand(brand, line)) return keywordVerdict(usableKw);
    return brandVerdict(brand);
  }
  if (usableKw && usableKw.weight >= KEYWORD_DECIDES) return keywordVerdict(usableKw);
  return undefined;
}

/** A weak keyword still tilts the embedding's distribution towards its category. */
function keywordPrior(scores: number[], categories: readonly string[], kw: KeywordCategory | null): number[] {
  if (!kw) return scores;
  const weighted = scores.map((s, i) => (categories[i] === kw.category ? s * (1 + 10 * kw.weight) : s));
  const total = weighted.reduce((a, b) => a + b, 0) || 1;
  return weighted.map((w) => w / total);
}

const TRANSFERS = new Set(['TRANSFER_IN', 'TRANSFER_OUT']);

/**
 * Users' corrections for this merchant key win over everything the model knows: the user's own
 * first, then everyone's. Applied after the (cacheable) decision, so corrections take effect at
 * once without invalidating any cache.
 */
export function applyMemory(decision: Decision, memory: MemoryHit | undefined, reviewThreshold = DEFAULT_CALIBRATION.reviewThreshold): Decision {
  // Corrections name categories of the taxonomy (Postgres checks it), also ones added since the
  // version was built: a user can teach a new category before the next retrain.
  const known = { has: (_: string) => true } as Set<string>;
  for (const scope of ['user', 'global'] as const) {
    const vote = memoryVote(memory?.[scope], known);
    if (!vote) continue;
    // A counterparty both paid and paid by (a broker, a friend) is remembered as "a transfer"; which
    // way is the line's own wording, as its rule read it.
    if (decision.explanation.source === 'rule' && TRANSFERS.has(vote.category) && TRANSFERS.has(decision.category)) return decision;
    const rest = decision.top.filter((t) => t.category !== vote.category);
    const restTotal = rest.reduce((sum, t) => sum + t.score, 0) || 1;
    return {
      category: vote.category,
      confidence: vote.confidence,
      level: vote.confidence >= 0.9 ? 'high' : 'medium',
      needsReview: vote.confidence < reviewThreshold,
      top: [{ category: vote.category, score: vote.confidence }, ...rest.map((t) => ({ category: t.category, score: ((1 - vote.confidence) * t.score) / restTotal }))].slice(0, decision.top.length),
      explanation: { ...decision.explanation, source: scope === 'user' ? 'feedback_user' : 'feedback', feedback: { corrections: vote.corrections, agreeing: vote.agreeing, scope } },
    };
  }
  return decision;
}

/** Categories money comes in through; everything else is money going out (or a refund of it). */
const INFLOW = new Set(['INCOME', 'TRANSFER_IN']);
/** How much more likely an inflow category is for money in (and less for money out) before the line is read. */
const DIRECTION_ODDS = 20;

/**
 * The amount's sign as a prior on the embedding's distribution: money in is mostly income or a
 * transfer in, money out never is. Soft (odds, not a filter): a refund or an odd export can still win.
 */
export function directionPrior(scores: number[], categories: readonly string[], amount: number | undefined, refund: boolean): number[] {
  if (amount === undefined || amount === 0) return scores;
  const moneyIn = amount > 0 && !refund;
  const weighted = scores.map((s, i) => s * (INFLOW.has(categories[i] as string) === moneyIn ? DIRECTION_ODDS : 1));
  const total = weighted.reduce((a, b) => a + b, 0) || 1;
  return weighted.map((w) => w / total);
}

/**
 * Brands and trade words are right most of the time, not always (namesakes, odd trades): when the
 * model agrees with them, the two independent signals make the answer surer; when it disagrees,
 * less sure. Rules and MCCs are left alone: they read what the line literally says.
 */
function corroborate(verdict: Verdict | undefined, modelTop: string): Verdict | undefined {
  if (!verdict || (verdict.source !== 'gazetteer' && verdict.source !== 'keyword')) return verdict;
  const confidence = verdict.category === modelTop ? verdict.confidence + (1 - verdict.confidence) * 0.5 : verdict.confidence * 0.85;
  return { ...verdict, confidence };
}

export interface DecideInput {
  line: NormalizedLine;
  embedding: Float32Array;
  amount?: number;
  country?: string;
}

export function decide(input: DecideInput, knowledge: Knowledge, lookups: Lookups, options: DecideOptions = {}): Decision {
  const o = { ...DECIDE_DEFAULTS, ...options };
  const categories = knowledge.prototypes.categories;
  const known = new Set(categories);
  const facts: LineFacts = { kw: keywordCategory(input.line), refund: isRefund(input.line), country: input.country };
  const first = firstVerdict(input.line, input.amount, lookups, known, facts);
  // --- merchant-name model (name-decision.ts): outvotes a brand or trade word it firmly contradicts ---
  const name = knowledge.nameModel ? nameDistribution(knowledge.nameModel, input.line, categories) : undefined;
  const verdict = name && nameOutvotes(name, categories, first) ? undefined : first;
  // The nearest-exemplar search is most of a decision's CPU; where a rule or an MCC decides (and
  // nothing is corroborated), the prototypes are enough to rank the runner-ups.
  const literal = verdict !== undefined && (verdict.source === 'rule' || verdict.source === 'mcc');
  const emb = embeddingScores(input.embedding, knowledge, literal && o.method === 'knn' ? 'prototypes' : o.method);
  // --- merchant-name model: combined with the embedding's distribution (name-decision.ts) ---
  const embedded = calibrate(emb.scores, knowledge.calibration);
  const model = name ? combineFallback(name, embedded) : embedded;
  const fallbackSource: DecisionSource = name ? 'name_model' : 'embedding';
  // --- end of the name model's part ---
  const calibrated = keywordPrior(directionPrior(model, categories, input.amount, facts.refund), categories, facts.kw);
  const ranked = categories.map((category, i) => ({ category, score: calibrated[i] as number })).sort((a, b) => b.score - a.score);
  const winner = corroborate(verdict, ranked[0]!.category) ?? { category: ranked[0]!.category, confidence: ranked[0]!.score, source: fallbackSource, explanation: {} };
  // Runner-ups: the embedding's other categories, sharing what the winner leaves.
  const rest = ranked.filter((r) => r.category !== winner.category);
  const restTotal = rest.reduce((s, r) => s + r.score, 0) || 1;
  const top = [{ category: winner.category, score: winner.confidence }, ...rest.map((r) => ({ category: r.category, score: ((1 - winner.confidence) * r.score) / restTotal }))].slice(0, o.topK);
  const thresholds = winner.source === 'name_model' ? nameThresholds(knowledge.calibration) : knowledge.calibration;
  const level = levelFor(winner.confidence, thresholds);
  return {
    category: winner.category,
    confidence: winner.confidence,
    level,
    needsReview: winner.confidence < thresholds.reviewThreshold,
    top,
    explanation: {
      source: winner.source, merchantKey: input.line.merchantKey, method: o.method, ...winner.explanation,
      ...(facts.refund ? { refund: true } : {}),
      ...(emb.neighbors ? { neighbors: emb.neighbors.slice(0, o.neighbors) } : {}),
    },
  };
}
