// Regular expressions for statement text in any script. JavaScript's \b only knows ASCII word
// characters, so /\bFEE\b/ cannot see the edge of Ü or of Thai letters and /\bÜBERWEISUNG/ never
// matches after a space. `re` rewrites \b into a Unicode-aware boundary and NFKC-normalizes the
// source: lines are NFKC-normalized too, and NFKC rewrites some Thai (SARA AM ำ becomes ํา), so a
// pattern written in the ordinary spelling would otherwise never match a normalized line.
// Thai is written without spaces between words; Thai literals are therefore used without \b.

// A \b that opens a word ("\bFEE", "|\b(?:", ".*\b\d") only needs no word character before it, and
// one that closes a word ("FEE\b", ")\b", "\d+\b") only needs none after it. The one-sided forms
// are several times faster than the two-sided boundary. Which side a \b is on is read from the
// source around it: after a letter, digit or closing bracket it closes a word; after a quantifier
// it opens one if a letter, digit, group or class follows; anywhere else (start, |, (?:) it opens.
// Every \b in this package's patterns sits at such an edge, never before "-" or "#", and comes
// before, not after, a lookbehind ("\b(?<!TAX )RETURN"). exactBoundaries() lets tests check this.
const WORD_CHAR = '[\\p{L}\\p{M}\\p{N}]';
const WORD_START = `(?<!${WORD_CHAR})`;
const WORD_END = `(?!${WORD_CHAR})`;
const EXACT = `(?:${WORD_START}(?=${WORD_CHAR})|(?<=${WORD_CHAR})${WORD_END})`;
const CLOSES = /[\p{L}\p{N})}\]]$/u;
const QUANTIFIED = /[*+?]$/;
const OPENS = /^(?:[(\p{L}\p{N}[]|\\[pdw])/u;

function boundary(before: string, after: string): string {
  if (CLOSES.test(before)) return WORD_END;
  if (QUANTIFIED.test(before)) return OPENS.test(after) ? WORD_START : WORD_END;
  return WORD_START;
}

/** A RegExp from `source` with \b made Unicode-aware and the `u` flag always on. */
export function re(source: string, flags = ''): RegExp {
  const unicodeFlags = flags.includes('u') ? flags : `${flags}u`;
  const parts = source.normalize('NFKC').split('\\b');
  const body = parts.reduce((acc, part) => `${acc}${boundary(acc, part)}${part}`);
  return new RegExp(body, unicodeFlags);
}

/** The same pattern with every one-sided boundary made two-sided: what \b means. For tests. */
export function exactBoundaries(pattern: RegExp): RegExp {
  const oneSided = new RegExp(`${escapeRe(WORD_START)}|${escapeRe(WORD_END)}`, 'g');
  return new RegExp(pattern.source.replace(oneSided, EXACT), pattern.flags.replace(/[gy]/g, ''));
}

/** `(?:a|b|c)` from alternatives, longest first so a longer phrase wins over its prefix. */
export function alt(alternatives: readonly string[]): string {
  return `(?:${[...alternatives].sort((a, b) => b.length - a.length).join('|')})`;
}

/** Escapes a literal for use inside a RegExp source. */
export function escapeRe(literal: string): string {
  return literal.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');
}
