// The one answer path: the worker's classify job, the API's cached answers and the CLI all turn
// transactions into results here. Each line is normalized once; its key looks up the result
// cache; what is missing is decided with the version's knowledge and stored; users' corrections
// are applied last, on every read, so a correction takes effect at once and no cache is
// invalidated. The cache and the memory are small interfaces (Redis-backed ones come from
// @txcat/cache, the CLI's live in memory): this package knows no Redis.
import { normalizeLine, type NormalizedLine } from '@txcat/merchant';
import { ClassifierError } from './classifier-error.js';
import { applyMemory, type Decision, type Explanation, type Knowledge, type MemoryHit } from './decide.js';
import type { Decider } from './decider.js';
import type { ConfidenceLevel, ScoredCategory } from './prototypes.js';

export interface AnswerRequest {
  id: string;
  description: string;
  amount?: number;
  userId?: string;
}

/**
 * An answer as the result cache holds it: the decision before users' corrections, what made it,
 * and the version's review threshold. The threshold travels with the answer because corrections
 * are applied on read and decide `needsReview` anew: a reader without the version loaded (the
 * API) then flags exactly what the worker flags, and an answer can never meet the threshold of
 * another version (which announcing thresholds next to the current version could not promise).
 */
export interface CachedAnswer {
  category: string;
  confidence: number;
  level: ConfidenceLevel;
  needsReview: boolean;
  top: ScoredCategory[];
  explanation: Explanation;
  modelVersion: string;
  prototypeVersion: number;
  reviewThreshold: number;
}

/** What callers get: the cached answer with corrections applied; `cached` when it was read, not computed. */
export type Answer = Omit<CachedAnswer, 'reviewThreshold'> & { id: string; cached?: true };

export interface AnswerKey {
  description: string;
  model: string;
  version: number;
}

/** Shared answers (@txcat/cache's createResultCache satisfies it). */
export interface AnswerCache {
  getMany(keys: AnswerKey[]): Promise<Array<CachedAnswer | undefined>>;
  setMany(entries: Array<{ key: AnswerKey; value: CachedAnswer }>): Promise<void>;
}

/** Users' corrections per merchant key (@txcat/cache's createFeedbackMemory satisfies it). */
export interface CorrectionMemory {
  lookup(items: Array<{ merchantKey: string; userId?: string }>): Promise<MemoryHit[]>;
}

export interface AnswerWith {
  /** The model the answers name (e.g. all-minilm-l6-v2@int8): part of the cache key. */
  model: string;
  /** The prototype version: part of the cache key, so a retrain moves everyone to new keys. */
  version: number;
  /** Token attributions: computed fresh and never cached (one embedding per token). */
  explain?: boolean;
}

/**
 * What a cached answer is keyed by: everything the decision reads from a transaction (the
 * normalized text, the merchant key, a printed MCC, the amount's direction).
 */
export function answerKeyText(line: NormalizedLine, amount?: number): string {
  const direction = amount === undefined ? '' : amount < 0 ? 'out' : 'in';
  return [line.text, line.merchantKey, line.mcc ?? '', direction].join('\u0000');
}

/** An entry from before review thresholds travelled with answers counts as missing. */
const usable = (v: CachedAnswer | undefined): v is CachedAnswer => v !== undefined && typeof v.reviewThreshold === 'number';

export function createAnswerer({ decider, results, memory }: { decider?: Decider; results?: AnswerCache; memory?: CorrectionMemory }) {
  function prepare(transactions: AnswerRequest[], o: AnswerWith) {
    const lines = transactions.map((t) => normalizeLine(t.description));
    const keys = lines.map((line, i) => ({ description: answerKeyText(line, transactions[i]!.amount), model: o.model, version: o.version }));
    return { lines, keys };
  }

  async function read(keys: AnswerKey[]): Promise<Array<CachedAnswer | undefined>> {
    const found = (await results?.getMany(keys)) ?? [];
    return keys.map((_, i) => (usable(found[i]) ? found[i] : undefined));
  }

  async function withCorrections(transactions: AnswerRequest[], lines: NormalizedLine[], entries: CachedAnswer[], fromCache: boolean[]): Promise<Answer[]> {
    const hits = (await memory?.lookup(transactions.map((t, i) => ({ merchantKey: lines[i]!.merchantKey, userId: t.userId })))) ?? [];
    return transactions.map((t, i) => {
      const { reviewThreshold, modelVersion, prototypeVersion, ...decision } = entries[i]!;
      const d = applyMemory(decision, hits[i], reviewThreshold);
      return {
        id: t.id, category: d.category, confidence: d.confidence, level: d.level, needsReview: d.needsReview, top: d.top, explanation: d.explanation,
        modelVersion, prototypeVersion, ...(fromCache[i] ? { cached: true as const } : {}),
      };
    });
  }

  const toCached = (d: Decision, o: AnswerWith, knowledge: Knowledge): CachedAnswer => ({
    category: d.category, confidence: d.confidence, level: d.level, needsReview: d.needsReview, top: d.top, explanation: d.explanation,
    modelVersion: o.model, prototypeVersion: o.version, reviewThreshold: knowledge.calibration.reviewThreshold,
  });

  return {
    /** Every transaction's answer: from the cache where it has one, decided with `knowledge` where not. */
    async answer(transactions: AnswerRequest[], o: AnswerWith & { knowledge: Knowledge }): Promise<Answer[]> {
      if (!decider) throw new ClassifierError('invalid_option', 'this answerer has no decider: give createAnswerer one to compute answers, or call cached()');
      const { lines, keys } = prepare(transactions, o);
      const found = o.explain ? keys.map(() => undefined) : await read(keys);
      const missing = found.flatMap((f, i) => (f === undefined ? [i] : []));
      const requests = missing.map((i) => ({ ...transactions[i]!, line: lines[i]! }));
      const decisions = requests.length > 0 ? await decider.decideMany(requests, o.knowledge) : [];
      if (o.explain) {
        for (const [j, d] of decisions.entries()) d.explanation.attributions = await decider.attribute(requests[j]!, d, o.knowledge);
      }
      const fresh = missing.map((i, j) => ({ key: keys[i]!, value: toCached(decisions[j]!, o, o.knowledge) }));
      if (!o.explain) await results?.setMany(fresh);
      const entries = [...found];
      missing.forEach((i, j) => (entries[i] = fresh[j]!.value));
      return withCorrections(transactions, lines, entries as CachedAnswer[], found.map((f) => f !== undefined));
    },

    /**
     * Every transaction's answer from the cache alone, or null when any is missing or `explain` is
     * asked for (attributions are never cached): then a job answers.
     */
    async cached(transactions: AnswerRequest[], o: AnswerWith): Promise<Answer[] | null> {
      if (o.explain || !results) return null;
      const { lines, keys } = prepare(transactions, o);
      const found = await read(keys);
      if (!found.every(usable)) return null;
      return withCorrections(transactions, lines, found, found.map(() => true));
    },
  };
}

export type Answerer = ReturnType<typeof createAnswerer>;
