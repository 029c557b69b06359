// The category of an unknown small business from words in its name: "SMITH FAMILY DENTAL" is
// MEDICAL, "ADLER-APOTHEKE" too, "ร้านตัดผมชาย" is PERSONAL_CARE. The gazetteer knows brands and
// rules.ts knows bank wording (fees, interest, transfers, salary, loans); this is the fallback for
// the long tail of independent shops, restaurants and trades, whose names usually say what they do.
// The word lists and their weights live in keywords-lexicon.ts.
//
// Matching: the text is folded like normalizeLine folds it (NFKC, upper case, Ä → AE, no accents or
// apostrophes), then scanned once, left to right, with one compiled alternation, longest alternative
// first. Latin words match whole words (Unicode-aware \b from regex.ts): BAR is not found in BARBER,
// SPA not in SPAR or SPANISH, TAX not in TAXI, ART not in MARTIN. Matches do not overlap, so a phrase
// hides the words in it: "RENT A CAR" is TRAVEL, not also RENT; "FOOD COURT" not also COURT.
import { KEYWORD_GROUPS, NEUTRAL_PHRASES } from './keywords-lexicon.js';
import { alt, escapeRe, re } from './regex.js';

export interface KeywordHit {
  category: string;
  /** The lexicon word or stem that matched (without its * markers). */
  keyword: string;
  /** In (0, 1]: how reliably the word alone indicates the category. */
  weight: number;
}

export interface KeywordCategory {
  category: string;
  /** In (0, 1]: the category's summed weight capped at 1, scaled down by the runner-up's share (see combineHits). */
  weight: number;
  /** The keywords that voted for the category, best first. */
  keywords: string[];
}

/** The winner's summed weight must be at least this many times the runner-up's... */
export const MIN_RATIO = 1.5;
/** ...and ahead of it by at least this much: "HOTEL BAR" (TRAVEL 0.4, FOOD_AND_DRINK 0.5) decides nothing. */
export const MIN_LEAD = 0.2;

interface Entry {
  category: string | null; // null: a neutral phrase, matched only to hide the keywords inside it
  keyword: string;
  weight: number;
  source: string;
}

const THAI = /[\u0E00-\u0E7F]/;
const LETTERS = '[\\p{L}\\p{M}]*';

/** The text in the spelling the lexicon uses, as normalizeLine's `text` already is. */
export function foldText(s: string): string {
  let t = s.normalize('NFKC').toUpperCase();
  t = t.replace(/Ä/g, 'AE').replace(/Ö/g, 'OE').replace(/Ü/g, 'UE');
  t = t.normalize('NFD').replace(/[\u0300-\u036f]/g, '').normalize('NFC');
  return t.replace(/[‘’`´']/g, '').replace(/[\p{Cc}\p{Cf}\s]+/gu, ' ').trim();
}

/** The regex source of one lexicon word (see keywords-lexicon.ts for the notation). */
function entrySource(word: string): string {
  if (THAI.test(word)) {
    // Thai is matched anywhere; "<" asks for the start of a run of letters (วัด but not จังหวัด).
    return word.startsWith('<') ? `\\b${escapeRe(word.slice(1))}` : escapeRe(word);
  }
  const suffixStem = word.startsWith('*');
  const prefixStem = word.endsWith('*');
  const core = word.replace(/^\*|\*$/g, '');
  // A space in a phrase also matches a hyphen or nothing: CAR WASH, CAR-WASH, CARWASH.
  const body = core.split(' ').map(escapeRe).join('[ -]?');
  return `\\b${suffixStem ? LETTERS : ''}${body}${prefixStem ? LETTERS : ''}\\b`;
}

function buildEntries(): Entry[] {
  const entries: Entry[] = [];
  for (const [category, weight, words] of KEYWORD_GROUPS) {
    for (const raw of words.split(',')) {
      const word = foldText(raw);
      if (word === '') continue;
      entries.push({ category, keyword: word.replace(/^[*<]|\*$/g, ''), weight, source: entrySource(word) });
    }
  }
  for (const phrase of NEUTRAL_PHRASES) {
    const word = foldText(phrase);
    entries.push({ category: null, keyword: word, weight: 0, source: entrySource(word) });
  }
  return entries;
}

interface Compiled {
  entries: Entry[];
  pattern: RegExp;
}

let compiled: Compiled | null = null;

/** Builds the lexicon's one regex on first use: each entry is a named group k0000, k0001, ... */
function compile(): Compiled {
  if (compiled) return compiled;
  const entries = buildEntries();
  const groups = entries.map((e, i) => `(?<k${String(i).padStart(4, '0')}>${e.source})`);
  // alt() puts longer alternatives first; the group names all have the same length, so a phrase is
  // tried before a word it starts with (BAR & GRILL before BAR, ค่าน้ำมัน before ค่าน้ำ).
  compiled = { entries, pattern: re(alt(groups), 'g') };
  return compiled;
}

/** Every lexicon entry as [keyword, category, weight]; for tests and diagnostics. */
export function lexiconEntries(): Array<{ keyword: string; category: string; weight: number }> {
  return compile().entries.flatMap((e) => (e.category === null ? [] : [{ keyword: e.keyword, category: e.category, weight: e.weight }]));
}

/**
 * All category words in the text, best (highest weight) first, each keyword once. `text` is
 * normally NormalizedLine.text; raw text works too, it is folded the same way first.
 */
export function matchKeywords(text: string): KeywordHit[] {
  const { entries, pattern } = compile();
  const folded = foldText(text);
  const hits: KeywordHit[] = [];
  const seen = new Set<string>();
  for (const m of folded.matchAll(pattern)) {
    const name = Object.keys(m.groups ?? {}).find((k) => m.groups?.[k] !== undefined);
    const entry = name === undefined ? undefined : entries[Number(name.slice(1))];
    if (!entry || entry.category === null) continue;
    const id = `${entry.category}\u0000${entry.keyword}`;
    if (seen.has(id)) continue;
    seen.add(id);
    hits.push({ category: entry.category, keyword: entry.keyword, weight: entry.weight });
  }
  // Array.prototype.sort is stable: equal weights keep their order in the line.
  return hits.sort((a, b) => b.weight - a.weight);
}

/**
 * The category the text's keywords agree on: weights are summed per category, and the best
 * category is returned only if it clearly beats the runner-up (MIN_RATIO and MIN_LEAD); a tie or
 * near-tie, or no keyword at all, gives null.
 */
export function keywordCategory(text: string): KeywordCategory | null {
  return combineHits(matchKeywords(text));
}

/** keywordCategory's vote over hits already found. */
export function combineHits(hits: readonly KeywordHit[]): KeywordCategory | null {
  const totals = new Map<string, { sum: number; keywords: string[] }>();
  for (const h of hits) {
    const t = totals.get(h.category) ?? { sum: 0, keywords: [] };
    t.sum += h.weight;
    t.keywords.push(h.keyword);
    totals.set(h.category, t);
  }
  const ranked = [...totals.entries()].sort((a, b) => b[1].sum - a[1].sum);
  const best = ranked[0];
  if (!best) return null;
  const runnerUp = ranked[1]?.[1].sum ?? 0;
  const [category, { sum, keywords }] = best;
  if (runnerUp > 0 && (sum < runnerUp * MIN_RATIO || sum - runnerUp < MIN_LEAD)) return null;
  // A lone category keeps its summed weight; a runner-up at half the winner's sum takes a quarter off.
  const weight = Math.min(1, sum) * (1 - runnerUp / (2 * sum));
  return { category, weight: Math.round(weight * 1000) / 1000, keywords };
}
