import type { NormalizedLine } from '@txcat/merchant';
// A statement line reduced to what names the merchant: processor and channel prefixes, tokens
// carrying digits (store, card and reference numbers, dates) and a trailing city + state/country
// code go; case is folded. Examples and incoming lines both pass through it, so prototypes are
// built from, and compared with, the same kind of text. (Issue 5 grows this into merchant keys.)

const REGION_CODES = new Set(
  ('AL AK AZ AR CA CO CT DE FL GA HI ID IL IN IA KS KY LA ME MD MA MI MN MS MO MT NE NV NH NJ NM NY NC ND OH OK OR PA ' +
    'RI SC SD TN TX UT VT VA WA WV WI WY DC ON BC AB QC NSW VIC QLD GB UK US TH AU NZ SG FR').split(' '),
);
const PROCESSOR_STAR = /\b(?:SQ|TST|SP|PAYPAL|DD|IZ|PY|BT)\s?\*\s*/g;
const CHANNEL_PREFIX =
  /^(?:(?:CHECKCARD|POS DEBIT|POS PURCHASE|POS|PURCHASE|DEBIT CARD PURCHASE|CARD PAYMENT TO|CARD PURCHASE|CONTACTLESS|KARTENZAHLUNG|CB|EFTPOS|VISA DEBIT|RECURRING PAYMENT)\b\s*)+/;

export function normalizeStatementLine(text: string): string {
  let t = ` ${text.normalize('NFC').toUpperCase()} `;
  t = t.replace(PROCESSOR_STAR, ' ');
  t = t.replace(/\s\S*\d\S*/g, ' ');
  t = t.replace(/[#*]+/g, ' ').replace(/\s+/g, ' ').trim();
  t = t.replace(CHANNEL_PREFIX, '');
  const words = t.split(' ');
  if (words.length > 2 && REGION_CODES.has(words[words.length - 1] as string)) words.splice(-2, 2);
  const result = words.join(' ').trim();
  return result === '' ? text.trim().toUpperCase() : result;
}

/**
 * What a cached answer is keyed by: everything the decision reads from a transaction (the
 * normalized text, the merchant key, a printed MCC, the amount's direction). The worker stores and
 * the API looks up with this one function, so they can never disagree.
 */
export function answerKeyText(line: NormalizedLine, amount?: number): string {
  const direction = amount === undefined ? '' : amount < 0 ? 'out' : 'in';
  return [line.text, line.merchantKey, line.mcc ?? '', direction].join('\u0000');
}
