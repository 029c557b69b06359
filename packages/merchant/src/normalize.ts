// A raw bank statement line taken apart into what rules read (`text`), the merchant's name
// (`merchantKey`, the cache, feedback-memory and gazetteer key), and the payment processor, channel
// and MCC printed around it. Banks in the US, UK, Australia, Canada, Germany/EU, Thailand and
// Singapore wrap the same merchant in very different noise; the steps below peel it off in an
// order where each step can rely on the previous ones (see normalizeLine).
import { stripLocation } from './normalize-location.js';
import {
  type Channel, ANCHOR, CARD_PREFIX, CARD_PROCESSORS, CHANNEL_PATTERNS, CUT, CUT_PATTERNS, EXPANSIONS, KEY_CHANNEL_PREFIX,
  KEY_NOISE, KEY_REFUND_PREFIX, KEY_REFUND_SUFFIX, LEGAL_PREFIX, LEGAL_SUFFIXES, NOISE_PATTERNS, PROCESSOR_NAMES,
  PROCESSOR_PREFIX,
} from './normalize-patterns.js';
import { re } from './regex.js';

export type { Channel };

export interface NormalizedLine {
  /** The input, unchanged. */
  raw: string;
  /** NFKC, upper-cased, noise removed, meaning-carrying words (FEE, ATM, TRANSFER, SALARY...) kept: what rules read. */
  text: string;
  /** Just the merchant's name ("SAFEWAY", "AMZN MKTP"); never empty. */
  merchantKey: string;
  /** SQUARE for "SQ *", TOAST for "TST*", PAYPAL for "PAYPAL *"...; null when no processor prefix was seen. */
  processor: string | null;
  channel: Channel | null;
  /** A 4-digit merchant category code printed on the line ("MCC 5411", "MCC:5812"), else null. */
  mcc: string | null;
}

const MAX_LENGTH = 500;
const MARKS = /[\uE000\uE001]/g;
const MCC = re('\\bMCC\\s?[:#=-]?\\s?(\\d{4})\\b');
// Chase prints ACH entries as fields: the company name and the entry description are all that count.
const CHASE_ACH = /ORIG CO NAME:\s*(.+?)\s+ORIG ID:.*?(?:CO ENTRY DESCR:\s*(.+?)\s+SEC:.*|$)/;
// India's UPI lines are fields joined by / or -: UPI, a direction or type (P2M, DR), a reference,
// the payee, the payee's VPA (name@bank), an IFSC bank code and a free-text note. The payee names
// the merchant; the note ("Payment", "Recharge") only describes it.
const UPI_LINE = /^UPI[/-]/;
const UPI_NOISE = /^(?:UPI|P2M|P2A|P2P|DR|CR|[A-Z]{4}0[A-Z0-9]{6}|[0-9A-Z]*[0-9]{6,}[0-9A-Z]*)$/;
// N26 and other EU app banks: "Card transaction of 9.80 EUR issued by Uber Trip".
const ISSUED_BY = /^(?:CARD TRANSACTION|CARD PAYMENT|PAYMENT) OF [0-9.,]+ ?[A-Z]{3} ISSUED BY\s+/;
// 7-Eleven is written 7-11, 7 ELEVEN, 7ELEVEN; "7-11" would otherwise read as the 7th of November.
const SEVEN_ELEVEN = re('\\b(?:7[- ]?(?:ELEVEN|11)|SEVEN[- ]?ELEVEN)\\b', 'g');
const URL_TOKEN =
  /^(?:HTTPS?:\/\/)?(?:WWW\d?\.)?(?:[A-Z0-9-]+\.)*?([A-Z0-9-]+)\.(?:COM|NET|ORG|IO|CO|APP|TV|ME|AI|BIZ|INFO|SHOP|STORE|ONLINE|DE|UK|AU|SG|TH|CA|NZ|FR|NL|IE|ES|IT|EU|US|JP|HK|MY)(?:\.[A-Z]{2,3})*(?:\/\S*)?$/;
const HAS_WORD = /[\p{L}\p{N}]/u;

/** Upper case in one canonical spelling: NFKC folds full-width and compatibility forms (ＳＱ＊ → SQ*). */
function prepare(raw: string): string {
  // Statement descriptions run to a few hundred characters at most; a cap keeps every pattern's
  // cost bounded on hostile or corrupt input.
  let s = raw.slice(0, MAX_LENGTH).replace(MARKS, ' ').normalize('NFKC').toUpperCase();
  // German lines spell umlauts both ways (MÜLLER, MUELLER); fold to the ASCII spelling.
  s = s.replace(/Ä/g, 'AE').replace(/Ö/g, 'OE').replace(/Ü/g, 'UE');
  // Other Latin accents go (CAFÉ → CAFE); Thai vowel marks are outside U+0300-036F and stay.
  s = s.normalize('NFD').replace(/[\u0300-\u036f]/g, '').normalize('NFC');
  s = s.replace(/[‘’`´]/g, "'").replace(/[‐‑‒–—−]/g, '-');
  // Format characters include the zero-width space Thai text uses between words.
  return s.replace(/[\p{Cc}\p{Cf}\s]+/gu, ' ').trim();
}

function detectChannel(s: string, processor: string | null, mcc: string | null): Channel | null {
  for (const [pattern, channel] of CHANNEL_PATTERNS) if (pattern.test(s)) return channel;
  // Card acquirers and MCCs only appear on card payments.
  return (processor !== null && CARD_PROCESSORS.has(processor)) || mcc !== null ? 'card' : null;
}

/** Keeps digits that are part of a name (7-ELEVEN, 24 HOUR FITNESS, O2, F45, 1-800-FLOWERS); the rest are store, card or reference numbers. */
function keepsDigits(token: string): boolean {
  if (!/[0-9]/.test(token)) return true;
  if (/^[0-9]{1,2}$/.test(token)) return true;
  if (/^[0-9]{1,2}(?:-[0-9]{1,3})*-?[A-Z]{3,}$/.test(token)) return true;
  return token.length <= 4 && (token.match(/[0-9]/g) ?? []).length <= 2 && /[A-Z]/.test(token);
}

/** Splits into tokens, turning number-like tokens into ANCHORs and collapsing runs of them. */
function tokenize(s: string): string[] {
  const out: string[] = [];
  for (const raw of s.split(' ')) {
    const t = raw === ANCHOR || raw === CUT ? raw : raw.replace(/^[-./+]+|[-./+]+$/g, '');
    if (t === '') continue;
    const token = keepsDigits(t) ? t : ANCHOR;
    if (token === ANCHOR && out[out.length - 1] === ANCHOR) continue;
    out.push(token);
  }
  return out;
}

/** Removes leading markers and card/terminal prefixes, as long as a word remains after them. */
function stripLeading(s: string, prefix: RegExp): string {
  for (;;) {
    const before = s;
    s = s.replace(/^[\uE000\uE001\s]+/, '');
    const m = prefix.exec(s);
    if (m && HAS_WORD.test(s.slice(m[0].length).replace(MARKS, ''))) s = s.slice(m[0].length);
    if (s === before) return s;
  }
}

/** Whether only channel or refund words ("REFUND", "DIRECT DEBIT") come before token i. */
function onlyLeadWordsBefore(tokens: readonly string[], i: number): boolean {
  const lead = tokens.slice(0, i).filter((t) => t !== ANCHOR && t !== CUT).join(' ');
  return lead === '' || stripLeading(`${lead} X`.replace(KEY_REFUND_PREFIX, ''), KEY_CHANNEL_PREFIX) === 'X';
}

/** A URL leading the line names the merchant (NETFLIX.COM → NETFLIX); later ones are help pages (HELP.UBER.COM). */
function resolveUrls(tokens: string[]): string[] {
  return tokens.flatMap((t, i) => {
    const url = URL_TOKEN.exec(t);
    if (url) return onlyLeadWordsBefore(tokens, i) ? [url[1] as string] : [ANCHOR];
    return t.includes('/') ? t.split('/').filter((p) => p !== '') : [t];
  });
}

/** Text with ANCHOR/CUT markers still in it: everything after processor, noise and prefix removal. */
function markedText(s: string): { marked: string; processor: string | null } {
  let processor: string | null = null;
  s = s.replace(PROCESSOR_PREFIX, (_m, p: string) => {
    processor ??= PROCESSOR_NAMES.get(p) ?? p;
    return ' ';
  });
  for (const p of CUT_PATTERNS) s = s.replace(p, ` ${CUT} `);
  for (const p of NOISE_PATTERNS) s = s.replace(p, ` ${ANCHOR} `);
  // Some terminals glue the store number to a name ("BP#1234567CIRCLE K", "WALMART12345"): split them.
  s = s.replace(/(?<=(?:^|[\s#*])[0-9]{3,})(?=[A-Z]{3})|(?<=(?:^|[\s#*])[A-Z]{4,})(?=[0-9]{4})/g, ' ');
  // Apostrophes join (MCDONALD'S is MCDONALDS). Other punctuation separates, stars included: a star
  // left after processor prefixes splits a brand from a product or a reference (UBER *TRIP, US*2K4XY12).
  s = s.replace(/'/g, '').replace(/[^\p{L}\p{M}\p{N}\s&\-./+\uE000\uE001]/gu, ' ');
  s = stripLeading(tokenize(s).join(' '), CARD_PREFIX);
  for (const [pattern, replacement] of EXPANSIONS) s = s.replace(pattern, replacement);
  return { marked: resolveUrls(tokenize(s)).join(' '), processor };
}

const clean = (s: string): string => s.replace(MARKS, ' ').replace(/\s+/g, ' ').trim();

/** The merchant's name from marked text: the part before any tagged field, without channel words, place or legal form. */
function keyFrom(marked: string, cardLine: boolean, anyLine: boolean): string {
  const cut = marked.split(CUT).find((part) => HAS_WORD.test(part.replace(MARKS, ''))) ?? '';
  let s = stripLeading(cut.replace(KEY_NOISE, ' '), KEY_CHANNEL_PREFIX);
  // Dots go inside names too: "B.V." is BV, "U.S. BANK" is US BANK (URLs were resolved before).
  s = s.replace(KEY_REFUND_PREFIX, '').replace(KEY_REFUND_SUFFIX, '').replace(/\./g, '');
  // "GOOGLE *GOOGLE STORAGE": a brand repeated around the star is said once.
  let tokens = tokenize(s).filter((t, i, all) => t !== all[i - 1]);
  for (let i = 0; i < 4; i++) {
    const before = tokens.join(' ');
    tokens = stripLocation(tokens, { cardLine, anyLine });
    while (tokens.length > 1 && LEGAL_SUFFIXES.has(tokens[tokens.length - 1] as string)) tokens.pop();
    if (tokens.join(' ') === before) break;
  }
  return clean(tokens.join(' ').replace(LEGAL_PREFIX, ''));
}

function normalizeOnce(raw: string): NormalizedLine {
  let s = prepare(raw);
  const mccMatch = MCC.exec(s);
  const mcc = mccMatch ? (mccMatch[1] as string) : null;
  if (mccMatch) s = s.replace(MCC, ' ');
  const ach = CHASE_ACH.exec(s);
  if (ach) s = `${ach[1]} ${CUT} ${ach[2] ?? ''}`.trim();
  if (UPI_LINE.test(s)) {
    const fields = s.split(/[/]|-(?=\S)/).map((f) => f.trim()).filter((f) => f !== '' && !f.includes('@') && !UPI_NOISE.test(f));
    if (fields.length > 0) s = `UPI ${fields[0]} ${CUT} ${fields.slice(1).join(' ')}`.trim();
  }
  s = s.replace(ISSUED_BY, 'CARD PAYMENT ');
  s = s.replace(SEVEN_ELEVEN, '7-ELEVEN');
  const { marked, processor } = markedText(s);
  // Channel words are looked for without processor prefixes: "DD *DOORDASH" is not a direct debit.
  const channel = detectChannel(s.replace(PROCESSOR_PREFIX, ' '), processor, mcc);
  const text = clean(marked) || s;
  const fallback = text || s || 'UNKNOWN';
  // Transfers and debits name a person or biller, not a shop with a place: their words all stay.
  const key = keyFrom(marked, channel === 'card', channel === 'card' || channel === null);
  return { raw, text, merchantKey: key || fallback, processor, channel, mcc };
}

/** Normalizes one statement line. Pure; the merchant key is a fixed point (merchantKey(key) === key). */
export function normalizeLine(raw: string): NormalizedLine {
  const line = normalizeOnce(raw);
  // Re-normalizing a key may strip more (a legal form can hide a state code behind it): iterate to
  // a fixed point so a key stored from one line equals the key of that key.
  let key = line.merchantKey;
  for (let i = 0; i < 5; i++) {
    const next = normalizeOnce(key).merchantKey;
    if (next === key) break;
    key = next;
  }
  return { ...line, merchantKey: key };
}

/** Just the merchant key of a raw line. */
export function merchantKey(raw: string): string {
  return normalizeLine(raw).merchantKey;
}
