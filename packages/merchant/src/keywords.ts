// The category of an unknown small business from words in its name: "SMITH FAMILY DENTAL" is
// MEDICAL, "ADLER-APOTHEKE" too, "ร้านตัดผมชาย" is PERSONAL_CARE. The gazetteer knows brands and
// rules.ts knows bank wording (fees, interest, transfers, salary, loans); this is the fallback for
// the long tail of independent shops, restaurants and trades, whose names usually say what they do.
// The word lists and their weights live in keywords-lexicon.ts.
//
// Matching: the text is folded like normalizeLine folds it (NFKC, upper case, Ä → AE, no accents or
// apostrophes) and cut into words. Latin entries match whole words, so BAR is not found in BARBER, SPA
// not in SPAR or SPANISH, TAX not in TAXI, ART not in MARTIN; stems match word starts (APOTHEK*) or
// ends (*STEUER). Thai entries match inside runs of Thai letters. Scanning goes left to right and
// takes the longest entry at each place, without overlaps, so a phrase hides the words in it:
// "RENT A CAR" is TRAVEL and not also RENT, "FOOD COURT" not also COURT, ค่าน้ำมัน (fuel) not ค่าน้ำ.
// A word index rather than one big alternation: 1,700 alternatives with Unicode-aware boundaries
// took seconds to compile and ~10 ms a line; the index takes microseconds.
import { KEYWORD_GROUPS, NEUTRAL_PHRASES } from './keywords-lexicon.js';
import { re } from './regex.js';
import { cutPhraseAt, cutSpellings, cutWordAt, fieldEnds, mayBeCut, type FieldText } from './keywords-truncation.js';
import type { Entry, Token, WordMatcher } from './keywords-types.js';

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
/** A cut-off word is a little less sure than the whole word: PHARMAC is almost surely PHARMACY, but not quite. */
export const CUT_WEIGHT = 0.9;

interface Index {
  entries: Entry[];
  byExact: Map<string, Entry[]>; // Latin entries by their first word
  byPrefix: Map<string, Entry[]>; // ...whose first word is a STEM*, by the stem
  scanned: Entry[]; // ...whose first word is *STEM or *STEM*: tried on every word
  thai: Entry[];
  byCut: Map<string, Entry[]>; // one-word Latin entries by each cut-off spelling (see truncation.ts)
}

const THAI = /[\u0E00-\u0E7F]/;
const TOKEN = re('[\\p{L}\\p{M}\\p{N}]+|&', 'g');
const PHRASE_GAP = /^[ -]*$/; // between the words of a phrase: a space, a hyphen or nothing

/** The text in the spelling the lexicon uses (normalizeLine's `text` already is; raw text becomes so). */
export function foldText(s: string): string {
  let t = s.normalize('NFKC').toUpperCase();
  t = t.replace(/Ä/g, 'AE').replace(/Ö/g, 'OE').replace(/Ü/g, 'UE');
  t = t.normalize('NFD').replace(/[\u0300-\u036f]/g, '').normalize('NFC');
  return t.replace(/[‘’`´']/g, '').replace(/[\p{Cc}\p{Cf}\s]+/gu, ' ').trim();
}

function matcher(word: string): WordMatcher {
  const suffix = word.startsWith('*');
  const prefix = word.endsWith('*') && word.length > 1;
  const text = word.replace(/^\*|\*$/g, '');
  return { text, mode: suffix && prefix ? 'infix' : suffix ? 'suffix' : prefix ? 'prefix' : 'exact' };
}

function wordMatches(m: WordMatcher, token: string): boolean {
  switch (m.mode) {
    case 'exact': return token === m.text;
    case 'prefix': return token.startsWith(m.text);
    case 'suffix': return token.endsWith(m.text);
    case 'infix': return token.includes(m.text);
  }
}

/** Lexicon entries, plus the run-together spelling of each phrase (CAR WASH → CARWASH). */
function buildEntries(): Entry[] {
  const entries: Entry[] = [];
  const add = (category: string | null, weight: number, raw: string): void => {
    const word = foldText(raw);
    if (word === '') return;
    if (THAI.test(word)) {
      const text = word.replace(/^</, '');
      entries.push({ category, keyword: text, weight, words: [{ text, mode: word.startsWith('<') ? 'prefix' : 'infix' }], thai: true });
      return;
    }
    // "&" is a word of its own, so LOCK & KEY, LOCK&KEY and B&B cut into the same words as the text.
    const parts = word.replace(/&/g, ' & ').split(/[ -]+/).filter((w) => w !== '');
    const keyword = word.replace(/^\*|\*$/g, '');
    entries.push({ category, keyword, weight, words: parts.map(matcher), thai: false });
    if (parts.length > 1 && !parts.includes('&')) entries.push({ category, keyword, weight, words: [matcher(parts.join(''))], thai: false });
  };
  for (const [category, weight, words] of KEYWORD_GROUPS) for (const w of words.split(',')) add(category, weight, w);
  for (const phrase of NEUTRAL_PHRASES) add(null, 0, phrase);
  return entries;
}

let index: Index | null = null;

/** The word index, built on first use (importing the module does no work). */
function getIndex(): Index {
  if (index) return index;
  const built: Index = { entries: buildEntries(), byExact: new Map(), byPrefix: new Map(), scanned: [], thai: [], byCut: new Map() };
  const push = (map: Map<string, Entry[]>, key: string, e: Entry): void => {
    map.set(key, [...(map.get(key) ?? []), e]);
  };
  for (const e of built.entries) {
    const first = e.words[0] as WordMatcher;
    if (e.thai) built.thai.push(e);
    else if (first.mode === 'exact') push(built.byExact, first.text, e);
    else if (first.mode === 'prefix') push(built.byPrefix, first.text, e);
    else built.scanned.push(e);
    if (!e.thai && e.words.length === 1 && first.mode !== 'suffix' && first.mode !== 'infix') {
      for (const cut of cutSpellings(first.text)) push(built.byCut, cut, e);
    }
  }
  index = built;
  return built;
}

function tokenize(text: string): Token[] {
  return [...text.matchAll(TOKEN)].map((m) => ({ text: m[0], start: m.index, end: m.index + m[0].length, thai: THAI.test(m[0]) }));
}

/** How many words a Latin entry covers from token i, or 0 when it does not match there. */
function matchAt(e: Entry, tokens: readonly Token[], i: number, text: string): number {
  for (let j = 0; j < e.words.length; j++) {
    const t = tokens[i + j];
    if (!t || t.thai || !wordMatches(e.words[j] as WordMatcher, t.text)) return 0;
    if (j > 0 && !PHRASE_GAP.test(text.slice((tokens[i + j - 1] as Token).end, t.start))) return 0;
  }
  return e.words.length;
}

/** The entries found in one run of Thai letters: leftmost first, the longest at each place, no overlaps. */
function thaiMatches(run: string, entries: readonly Entry[]): Entry[] {
  const found: Array<{ at: number; e: Entry }> = [];
  for (const e of entries) {
    const { text, mode } = e.words[0] as WordMatcher;
    if (mode === 'prefix') {
      if (run.startsWith(text)) found.push({ at: 0, e });
      continue;
    }
    for (let at = run.indexOf(text); at >= 0; at = run.indexOf(text, at + 1)) found.push({ at, e });
  }
  found.sort((a, b) => a.at - b.at || b.e.keyword.length - a.e.keyword.length);
  const out: Entry[] = [];
  let next = 0;
  for (const f of found) {
    if (f.at < next) continue;
    out.push(f.e);
    next = f.at + f.e.keyword.length;
  }
  return out;
}

/** The entries found in folded text, in line order, without overlaps; `ends`: tokens that end a fixed-width field. */
function findEntries(text: string, ends: (tokens: readonly Token[]) => ReadonlySet<number>): Array<{ e: Entry; cut: boolean }> {
  const idx = getIndex();
  const tokens = tokenize(text);
  const cutAt = ends(tokens);
  const out: Array<{ e: Entry; cut: boolean }> = [];
  for (let i = 0; i < tokens.length; ) {
    const t = tokens[i] as Token;
    if (t.thai) {
      out.push(...thaiMatches(t.text, idx.thai).map((e) => ({ e, cut: false })));
      i++;
      continue;
    }
    const candidates = [...(idx.byExact.get(t.text) ?? []), ...idx.scanned];
    for (let len = t.text.length; len >= 2; len--) candidates.push(...(idx.byPrefix.get(t.text.slice(0, len)) ?? []));
    let best: Entry | null = null;
    let bestLen = 0;
    for (const e of candidates) {
      const n = matchAt(e, tokens, i, text);
      // The entry covering the most words wins, then the longer keyword (BAECKEREI over a shorter stem).
      if (n > bestLen || (n > 0 && n === bestLen && best !== null && e.keyword.length > best.keyword.length)) {
        best = e;
        bestLen = n;
      }
    }
    // A word cut off at the end of the field ("THAI RESTAUR", "CAR WAS") stands for the lexicon word it starts.
    const cut = cutAt.size > 0 ? cutPhraseAt(candidates, tokens, i, cutAt, text, matchAt) ?? (bestLen === 0 && cutAt.has(i) && mayBeCut(t.text) ? cutWordAt(idx.byCut.get(t.text)) : null) : null;
    if (cut && cut.words > bestLen) {
      out.push({ e: cut.entry, cut: true });
      i += cut.words;
      continue;
    }
    if (best) out.push({ e: best, cut: false });
    i += Math.max(1, bestLen);
  }
  return out;
}

/** Every lexicon entry once, as written in keywords-lexicon.ts (folded, without * and <); for tests. */
export function lexiconEntries(): KeywordHit[] {
  const seen = new Set<string>();
  const out: KeywordHit[] = [];
  for (const e of getIndex().entries) {
    const id = `${e.category}\u0000${e.keyword}`;
    if (e.category === null || seen.has(id)) continue;
    seen.add(id);
    out.push({ category: e.category, keyword: e.keyword, weight: e.weight });
  }
  return out;
}

/**
 * All category words in the text, best (highest weight) first, each keyword once. `text` is
 * normally NormalizedLine.text; raw text works too, it is folded the same way first. A line
 * ({ text, merchantKey }) also lets a word cut off at the end of the merchant field match
 * ("ROSE PHARMAC SYDNEY AU"); with a bare string only the text's last word may be cut off.
 */
export function matchKeywords(input: string | FieldText): KeywordHit[] {
  const text = typeof input === 'string' ? input : input.text;
  const hits: KeywordHit[] = [];
  const seen = new Set<string>();
  for (const { e, cut } of findEntries(foldText(text), (tokens) => fieldEnds(tokens, input, foldText))) {
    if (e.category === null) continue;
    const id = `${e.category}\u0000${e.keyword}`;
    if (seen.has(id)) continue;
    seen.add(id);
    hits.push({ category: e.category, keyword: e.keyword, weight: cut ? Math.round(e.weight * CUT_WEIGHT * 1000) / 1000 : e.weight });
  }
  // Array.prototype.sort is stable: equal weights keep their order in the line.
  return hits.sort((a, b) => b.weight - a.weight);
}

/**
 * The category the text's keywords agree on: weights are summed per category, and the best
 * category is returned only if it clearly beats the runner-up (MIN_RATIO and MIN_LEAD); a tie or
 * near-tie, or no keyword at all, gives null.
 */
export function keywordCategory(input: string | FieldText): KeywordCategory | null {
  return combineHits(matchKeywords(input));
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
