// Decisions for many transactions at once: normalize each line, embed all in one call (the
// engine batches), decide each. Token attributions, on request, by occlusion: each token of the
// line left out in turn and the line decided again.
import { normalizeLine, type NormalizedLine } from '@txcat/merchant';
import type { EmbedFn } from './embed.js';
import { decide, type DecideOptions, type Decision, type Knowledge, type Lookups } from './decide.js';
import { embeddingText } from './knowledge.js';

export interface DecideRequest {
  description: string;
  amount?: number;
  /** The description already normalized, when the caller needed it first (cache keys, memory). */
  line?: NormalizedLine;
}

export interface Attribution {
  token: string;
  /** The winning category's score with every token, minus its score without this one. */
  drop: number;
}

function scoreOf(d: Decision, category: string): number {
  return d.top.find((t) => t.category === category)?.score ?? (d.category === category ? d.confidence : 0);
}

function without(line: NormalizedLine, index: number): NormalizedLine {
  const words = line.text.split(' ');
  const token = words[index] as string;
  const text = words.filter((_, i) => i !== index).join(' ');
  const key = line.merchantKey.split(' ').filter((w) => w !== token).join(' ');
  return { ...line, text, merchantKey: key === '' ? line.merchantKey : key };
}

export function createDecider({ embed, lookups, options = {} }: { embed: EmbedFn; lookups: Lookups; options?: DecideOptions }) {
  async function decideMany(requests: DecideRequest[], knowledge: Knowledge): Promise<Decision[]> {
    const lines = requests.map((r) => r.line ?? normalizeLine(r.description));
    const vectors = await embed(lines.map(embeddingText));
    return lines.map((line, i) => decide({ line, embedding: vectors[i] as Float32Array, amount: requests[i]!.amount }, knowledge, lookups, options));
  }

  /** How much each token of the line carries the decision (one extra embedding per token). */
  async function attribute(request: DecideRequest, decision: Decision, knowledge: Knowledge): Promise<Attribution[]> {
    const line = request.line ?? normalizeLine(request.description);
    const tokens = line.text.split(' ').filter(Boolean);
    if (tokens.length < 2) return tokens.map((token) => ({ token, drop: decision.confidence }));
    const variants = tokens.map((_, i) => without(line, i));
    const vectors = await embed(variants.map(embeddingText));
    return tokens.map((token, i) => {
      const d = decide({ line: variants[i]!, embedding: vectors[i] as Float32Array, amount: request.amount }, knowledge, lookups, options);
      return { token, drop: Math.round((decision.confidence - scoreOf(d, decision.category)) * 1000) / 1000 };
    });
  }

  return { decideMany, attribute };
}

export type Decider = ReturnType<typeof createDecider>;
