// Fixed-width truncation: card networks give the merchant name a field of 22-25 characters, so the
// trade word that ends a long name is often cut ("BANGKOK THAI RESTAUR", "ROSE PHARMAC", "QUICK CAR
// WAS"). A word cut at the end of the field still names the lexicon word it starts, when the cut
// is long enough to say which: at least MIN_CUT letters for a word alone (PHARMAC: PHARMACY), at
// least MIN_CUT_IN_PHRASE for the last word of a phrase whose other words are whole (CAR WAS: CAR
// WASH), and only when every lexicon word it could start is of one category (RESTAUR is a
// restaurant, but RESO starts RESORT and nothing shorter is tried; PARKI: only parking).
// Only the word that ends the field may be cut: elsewhere a short word is a word (BAKER, PARK).
// A cut word alone must also keep MIN_CUT_SHARE of the word. Words that are complete words in their own
// right and start a longer trade word (BAKER, a surname, not a bakery; GARDEN, not GARDENING; ACCOUNT,
// not ACCOUNTING) are never read as cut: NOT_CUT, checked against the whole words of real card
// strings (the Toronto train side) that start a lexicon word.
import type { Entry, Token } from './keywords-types.js';

/** Letters a cut word alone needs: four letters start too many unrelated words (PHAR, REST, BAKE). */
export const MIN_CUT = 5;
/** Letters the cut last word of a phrase needs: the whole words before it already narrow it down. */
export const MIN_CUT_IN_PHRASE = 3;

// Whole words (names, ordinary words) that begin a lexicon word of another meaning: never a cut-off.
const NOT_CUT: ReadonlySet<string> = new Set(
  ('BAKER BAKERS GARDEN CUSTOM AUDIO ANIMAL PLANET SPIRIT RADIO PARKS ACCESS CROSS PRIME COACH MULTI MULTIPLE MASON GUARD ' +
    'LIGHT COUNT COUNTER BREAK MARCH BRAND BRANDS WHOLE SMOKE BRASS BELLE ACCOUNT ROADS PARIS WATERS TANKS BROAD STREAM NURSE ' +
    'LIBRE CHAMP MOTOR CARPE PAINTE HOSPICE FLORE').split(' '),
);
/** A cut word alone must keep this share of the word it stands for: GREEN is not a cut GREENGROCER. */
export const MIN_CUT_SHARE = 0.65;

/** The spellings a cut word may have: the word's starts of at least MIN_CUT letters, the whole word excluded. */
export function cutSpellings(word: string): string[] {
  const out: string[] = [];
  for (let n = Math.max(MIN_CUT, Math.ceil(MIN_CUT_SHARE * word.length)); n < word.length; n++) out.push(word.slice(0, n));
  return out;
}

/** The entry a cut word stands for, when all the entries it could start agree on a category; else null. */
export function cutWordAt(entries: readonly Entry[] | undefined): { entry: Entry; words: number } | null {
  if (!entries || entries.length === 0) return null;
  const first = entries[0] as Entry;
  if (first.category === null || entries.some((e) => e.category !== first.category)) return null;
  // The lowest weight of the candidates: the cut word is no surer than its weakest completion.
  const entry = entries.reduce((a, b) => (b.weight < a.weight ? b : a));
  return { entry, words: 1 };
}

/**
 * A phrase entry (two or more words) whose words are whole up to the last, which is cut at a field
 * end: the phrase with the most words among agreeing candidates, or null (none, or categories differ).
 */
export function cutPhraseAt(
  candidates: readonly Entry[], tokens: readonly Token[], i: number, ends: ReadonlySet<number>, text: string,
  wholeWords: (e: Entry, tokens: readonly Token[], i: number, text: string) => number,
): { entry: Entry; words: number } | null {
  const found: Entry[] = [];
  for (const e of candidates) {
    const n = e.words.length;
    const last = tokens[i + n - 1];
    if (n < 2 || e.thai || !last || last.thai || !ends.has(i + n - 1)) continue;
    const word = e.words[n - 1] as Entry['words'][number];
    if (word.mode === 'suffix' || word.mode === 'infix') continue;
    if (last.text.length < MIN_CUT_IN_PHRASE || last.text.length >= word.text.length || !word.text.startsWith(last.text)) continue;
    if (NOT_CUT.has(last.text)) continue;
    // The words before the cut one must match whole: the same entry without its last word, checked by the caller's matcher.
    const head: Entry = { ...e, words: e.words.slice(0, -1) };
    if (wholeWords(head, tokens, i, text) !== n - 1) continue;
    found.push(e);
  }
  if (found.length === 0) return null;
  const first = found[0] as Entry;
  if (first.category === null || found.some((e) => e.category !== first.category)) return null;
  const entry = found.reduce((a, b) => (b.words.length > a.words.length || (b.words.length === a.words.length && b.weight < a.weight) ? b : a));
  return { entry, words: entry.words.length };
}

/** Text with the merchant key normalize.ts made of it: the key's last word ends the merchant field. */
export interface FieldText { text: string; merchantKey?: string }

/**
 * Indices of the tokens that end a field: the text's last Latin token, and the last token of the
 * merchant key where it sits in the text (the location after it is not part of the name).
 */
export function fieldEnds(tokens: readonly Token[], input: string | FieldText, fold: (s: string) => string): Set<number> {
  const ends = new Set<number>();
  const last = tokens.length - 1;
  if (last >= 0 && !(tokens[last] as Token).thai) ends.add(last);
  if (typeof input === 'string' || !input.merchantKey) return ends;
  const keyWords = fold(input.merchantKey).split(/[^\p{L}\p{M}\p{N}&]+/u).filter(Boolean);
  const end = keyWords[keyWords.length - 1];
  if (!end) return ends;
  // The key's words appear in the text in order; its last word's first place after the key's start.
  for (let k = 0; k < tokens.length; k++) {
    if ((tokens[k] as Token).text !== end) continue;
    const start = k - keyWords.length + 1;
    if (start >= 0 && keyWords.every((w, j) => (tokens[start + j] as Token).text === w)) {
      ends.add(k);
      break;
    }
  }
  return ends;
}

/** Whether a cut-off token may stand for a longer word (not one of the whole words in NOT_CUT). */
export const mayBeCut = (token: string): boolean => !NOT_CUT.has(token);
