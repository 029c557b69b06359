// Token-level comparison of a merchant key with a brand alias, for the spellings banks produce:
// truncation at a fixed width ('BED BATH BEYON'), vowel-dropping abbreviation ('WHOLEFDS MKT' for
// WHOLE FOODS MARKET), words run together or split apart ('WALMART' / 'WAL MART', 'MCDONALD S').

/** Upper-case words without diacritics or apostrophes; letters of any script, digits and combining marks. */
export function wordsOf(text: string): string[] {
  return text
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '') // Latin diacritics only: Thai and other scripts keep their marks
    .normalize('NFC')
    .toUpperCase()
    .replace(/['\u2018\u2019`]/g, '')
    .split(/[^\p{L}\p{N}\p{M}]+/u)
    .filter(Boolean);
}

/** First letter, then the consonants and digits: the shape of an abbreviation ('AMAZON' -> 'AMZN'). */
export function skeleton(word: string): string {
  let out = word.slice(0, 1);
  for (const ch of word.slice(1)) if (!'AEIOU'.includes(ch) && ch !== out[out.length - 1]) out += ch;
  return out;
}

export const isLatin = (text: string): boolean => /^[A-Z0-9]*$/.test(text);

const isSubsequence = (short: string, long: string): boolean => {
  let i = 0;
  for (const ch of long) if (ch === short[i]) i++;
  return i === short.length;
};

export interface Alignment {
  /** 0..1: how well the matched key words spell the alias words they stand for. */
  quality: number;
  /** Share of the alias's letters that the key accounts for (trailing alias words may be cut off). */
  coverage: number;
  /** Key words after the alias (city, 'STORE', 'COM'). */
  extra: number;
  abbreviated: boolean;
}

interface Piece { q: number; abbr: boolean }

/** How a piece of a key word stands for one alias word; `last`: the piece ends the key, so it may be cut short. */
function pieceMatch(piece: string, word: string, last: boolean): Piece | null {
  if (piece === word) return { q: 1, abbr: false };
  if (piece[0] !== word[0] || piece.length < 2) return null;
  if (last && word.startsWith(piece) && piece.length >= Math.min(3, word.length - 1)) {
    return { q: 0.6 + (0.4 * piece.length) / word.length, abbr: false };
  }
  if (piece.length >= 3 && piece.length < word.length && isSubsequence(piece, word)) {
    // The exact consonant skeleton (or its start) is a deliberate abbreviation; other subsequences less so.
    return { q: skeleton(word).startsWith(piece) ? 0.75 : 0.65, abbr: true };
  }
  return null;
}

/** One key word standing for one to three consecutive alias words ('WHOLEFDS' = WHOLE + FOODS). */
function wordSpans(key: string, alias: readonly string[], j: number, last: boolean): Array<{ next: number; p: Piece; chars: number }> {
  const out: Array<{ next: number; p: Piece; chars: number }> = [];
  const split = (rest: string, at: number, qs: number, chars: number, abbr: boolean): void => {
    const word = alias[at];
    if (word === undefined || at - j >= 3) return;
    for (let cut = rest.length; cut >= 1; cut--) {
      const end = cut === rest.length;
      const p = pieceMatch(rest.slice(0, cut), word, last && end);
      if (!p) continue;
      const q = qs + p.q * word.length;
      if (end) out.push({ next: at + 1, p: { q, abbr: abbr || p.abbr }, chars: chars + word.length });
      else split(rest.slice(cut), at + 1, q, chars + word.length, abbr || p.abbr);
    }
  };
  split(key, j, 0, 0, false);
  return out.map((s) => ({ ...s, p: { q: s.p.q / s.chars, abbr: s.p.abbr } }));
}

/** Several key words run into one alias word ('WAL MART' = WALMART, 'MCDONALD S' = MCDONALDS). */
function joinedSpan(key: readonly string[], i: number, word: string): { next: number; p: Piece } | null {
  let joined = key[i] ?? '';
  for (let k = i + 1; k < key.length && k - i < 4; k++) {
    joined += key[k];
    if (joined === word) return { next: k + 1, p: { q: 1, abbr: false } };
    if (!word.startsWith(joined)) return null;
  }
  return null;
}

interface State { q: number; chars: number; abbr: boolean }

/** Best left-to-right alignment of key words onto alias words, or null when the key does not spell the alias. */
export function align(key: readonly string[], alias: readonly string[]): Alignment | null {
  const total = alias.reduce((n, w) => n + w.length, 0);
  let best: Alignment | null = null;
  const visit = (i: number, j: number, s: State): void => {
    const done = j === alias.length;
    if (done || i === key.length) {
      // A key that stops early must still have named at least two alias words and half its letters.
      if (!done && (j < 2 || s.chars < total / 2)) return;
      const a = { quality: s.q / s.chars, coverage: s.chars / total, extra: key.length - i, abbreviated: s.abbr };
      if (!best || alignmentScore(a) > alignmentScore(best)) best = a;
      return;
    }
    const word = alias[j] as string;
    const joined = joinedSpan(key, i, word);
    if (joined) visit(joined.next, j + 1, { q: s.q + word.length, chars: s.chars + word.length, abbr: s.abbr });
    for (const span of wordSpans(key[i] as string, alias, j, i === key.length - 1)) {
      visit(i + 1, span.next, { q: s.q + span.p.q * span.chars, chars: s.chars + span.chars, abbr: s.abbr || span.p.abbr });
    }
  };
  visit(0, 0, { q: 0, chars: 0, abbr: false });
  return best;
}

/** The 0..1 score of an alignment: quality, less for cut-off aliases and for trailing key words. */
export function alignmentScore(a: Alignment): number {
  return 0.9 * a.quality * (0.7 + 0.3 * a.coverage) - 0.04 * Math.min(a.extra, 3);
}
