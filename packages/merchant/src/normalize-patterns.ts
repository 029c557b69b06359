// The vocabulary normalize.ts uses to take a statement line apart: channel words, processor
// prefixes, bank abbreviations and the shapes of noise (dates, card and phone numbers, amounts,
// reference fields). Data only, compiled once at import; no other side effects.
import { alt, escapeRe, re } from './regex.js';

/** Marks where noise (a number, a date, a card number) was removed: store numbers usually sit between the merchant and its city. */
export const ANCHOR = '\uE000';
/** Marks the start of a tagged field (DES:, SVWZ+, REF 123, //city): the merchant name ends there. */
export const CUT = '\uE001';

// Payment processors and facilitators print their own short name and a star before the merchant's.
// The merchant is what follows; the processor is kept apart (it says how, not what, was bought).
const PROCESSORS: ReadonlyArray<readonly [string, string]> = [
  ['SQ', 'SQUARE'], ['SQU', 'SQUARE'], ['TST', 'TOAST'], ['PAYPAL', 'PAYPAL'], ['PP', 'PAYPAL'],
  ['SP', 'SHOPIFY'], ['IZ', 'ZETTLE'], ['IZETTLE', 'ZETTLE'], ['ZTL', 'ZETTLE'], ['ZETTLE', 'ZETTLE'],
  ['SUMUP', 'SUMUP'], ['SUM UP', 'SUMUP'], ['WL', 'WORLDLINE'], ['STRIPE', 'STRIPE'],
  ['DD', 'DOORDASH'], ['EB', 'EVENTBRITE'], ['FS', 'FASTSPRING'], ['PADDLE.NET', 'PADDLE'], ['PADDLE', 'PADDLE'],
  ['CKO', 'CHECKOUT.COM'], ['2CO.COM', '2CHECKOUT'], ['2CO', '2CHECKOUT'],
];
export const PROCESSOR_NAMES: ReadonlyMap<string, string> = new Map(PROCESSORS);
/** A processor prefix at a token start, its star, and at least one character after it. */
export const PROCESSOR_PREFIX = re(`(?<=^|\\s)(${alt(PROCESSORS.map(([p]) => escapeRe(p)))}) ?\\*\\s*(?=\\S)`, 'g');
/** Card acquirers (not PayPal or Stripe, which also take bank debits): their prefix means a card payment. */
export const CARD_PROCESSORS: ReadonlySet<string> = new Set(['SQUARE', 'TOAST', 'ZETTLE', 'SUMUP', 'WORLDLINE']);

/** How a payment was made, as the line's wording or processor says. */
export type Channel = 'card' | 'direct_debit' | 'transfer' | 'atm' | 'cheque' | 'standing_order';

// First match wins, so the order settles lines carrying several channel words: an ATM or a cheque
// is the most specific, card words come last because PURCHASE and CARD also appear in other lines.
export const CHANNEL_PATTERNS: ReadonlyArray<readonly [RegExp, Channel]> = [
  [re('\\b(?:ATM|ABM|CASHPOINT|CASH MACHINE|CASH WITHDRAWAL|CASH WDL|GELDAUTOMAT|BARGELDAUSZAHLUNG|BARGELD|RETRAIT DAB' +
    '|RETRAIT|GEA|PRELIEVO|CAJERO)\\b|^CPT\\b|ถอนเงิน'), 'atm'],
  [re('\\b(?:CHQ|CHEQUE|SCHECK|CHECK DEPOSIT|MOBILE DEPOSIT|CHECK ?(?:#|NO\\.?|NUMBER)? ?\\d+)\\b'), 'cheque'],
  [re('\\b(?:STANDING ORDER|STO|S/O|DAUERAUFTRAG|ORDRE PERMANENT)\\b|^SO\\s'), 'standing_order'],
  [re('\\b(?:DIRECT DEBIT|DDR|D/D|\\p{L}*LASTSCHRIFT|ACH DEBIT|ACH WITHDRAWAL|ACH PMT|ACH PAYMENT|PRE-?AUTHORI[SZ]ED DEBIT' +
    '|PRLV|PRELEVEMENT|INCASSO|ADDEBITO|RECIBO|(?<!BANK )GIRO(?! CREDIT)|DEBIT ORDER|DEBICHECK|MAGTAPE|ACB DEBIT|NAEDO)\\b|^DD\\s|หักบัญชี'), 'direct_debit'],
  [re('\\b(?:TRANSFER|TRANSFERENCIA|\\p{L}*UEBERWEISUNG|GUTSCHRIFT|VIREMENT|VIR SEPA|VIR INST|OVERBOEKING|BONIFICO|FASTER PAYMENTS?' +
    '|FPS|FPI|FPO|BGC|BANK GIRO CREDIT|BACS|TFR|TRF|XFER|XFR|ZELLE|VENMO|CASH APP|E-?TRANSFER|E-TRF|OSKO|PAYID|NPP|PROMPT ?PAY' +
    '|PAYNOW|FAST PAYMENT|FAST TRANSFER|INWARD CREDIT|DIRECT CREDIT|ACH CREDIT|ACH DEPOSIT|WIRE|MOBILE PAYMENT|TRANSFERWISE' +
    '|WESTERN UNION|MONEYGRAM|REMITLY)\\b|โอน|พร้อมเพย์'), 'transfer'],
  [re('\\b(?:CHECKCARD|CHECK CARD|EFTPOS|CONTACTLESS|KARTENZAHLUNG|GIROCARD|EC-KARTE|APPLE PAY|APLPAY|GOOGLE PAY|GPAY' +
    '|INTERAC PURCHASE|INTERAC RETAIL PURCHASE|IDP PURCHASE|POINT OF SALE|POINT-OF-SALE|PRE-?AUTH)\\b|^(?:POS|CARD|CARD PAYMENT' +
    '|CARD PURCHASE|DEBIT CARD|DEBIT PURCHASE|VISA DEBIT|VISA PURCHASE|PURCHASE|RECURRING PAYMENT|CB|CARTE|BEA|COMPRA' +
    '|OPOS|FPOS|VIS|NETS|PAGAMENTO POS|FACTURE CARTE|PAIEMENT CB)\\b'), 'card'],
];

// Words a card terminal or bank prints before the merchant. They say nothing about the category
// (the embedding and the rules would only be distracted), so they go from `text` as well as the key.
// PURCHASE stays when RETURN/REFUND/INTEREST follows: "PURCHASE RETURN", "PURCHASE INTEREST".
const CARD_PREFIXES = [
  'CHECKCARD', 'CHECK CARD', 'CHECK CRD', 'DEBIT CARD PURCHASE', 'DEBIT CARD TRANSACTION', 'DEBIT CARD PAYMENT TO', 'DEBIT CARD PAYMENT', 'DEBIT CARD', 'DEBIT PURCHASE', 'DEBIT POS',
  'POS PURCHASE', 'POS DEBIT', 'POS TRANSACTION', 'POS', 'EFTPOS PURCHASE', 'EFTPOS DEBIT', 'EFTPOS', 'CONTACTLESS PAYMENT', 'CONTACTLESS',
  'CARD PAYMENT TO', 'CARD PAYMENT', 'CARD PURCHASE WITH PIN', 'CARD PURCHASE', 'CARD TRANSACTION',
  'PURCHASE AUTHORIZED ON', 'PURCHASE AUTHORISED ON', 'PURCHASE AUTHORIZED', 'PURCHASE AUTHORISED',
  'RECURRING PAYMENT AUTHORIZED ON', 'RECURRING PAYMENT AUTHORIZED', 'RECURRING PAYMENT', 'RECURRING CARD PAYMENT',
  'VISA DEBIT PURCHASE CARD', 'VISA DEBIT PURCHASE', 'VISA PURCHASE', 'VISA DEBIT', 'DEBIT VISA', 'VISA POS', 'DEBIT MASTERCARD', 'MC DEBIT',
  'VISA', 'MASTERCARD',
  'PRE-AUTH', 'PREAUTH', 'PRE AUTH', 'PRE-AUTHORIZATION', 'PRE-AUTHORISATION',
  'KARTENZAHLUNG', 'GIROCARD', 'EC-KARTE', 'EC KARTE', 'CB', 'PAIEMENT CB', 'PAIEMENT PAR CARTE', 'FACTURE CARTE', 'BEA', 'COMPRA TARJETA', 'COMPRA', 'PAGAMENTO POS',
  'POINT OF SALE - INTERAC RETAIL PURCHASE', 'POINT OF SALE INTERAC RETAIL PURCHASE', 'POINT OF SALE - INTERAC', 'POINT OF SALE', 'POINT-OF-SALE TRANSACTION',
  'INTERAC RETAIL PURCHASE', 'INTERAC PURCHASE', 'IDP PURCHASE', 'IDP', 'OPOS', 'FPOS', 'VIS',
  'APPLE PAY', 'APLPAY', 'GOOGLE PAY', 'GPAY', 'SAMSUNG PAY', 'NETS QR', 'NETS DEBIT', 'NETS TRANSACTION', 'NETS',
  // Banking apps and portals (Thai mobile banking above all) name the app, not the payee.
  'K PLUS', 'KPLUS', 'K+', 'SCB EASY', 'KMA', 'KTB NEXT', 'KRUNGTHAI NEXT', 'BUALUANG MBANKING', 'MAKE BY KBANK', 'TTB TOUCH',
  'INTERNET BANKING', 'ONLINE BANKING', 'MOBILE BANKING', '-',
];
export const CARD_PREFIX = re(`^(?:${alt(CARD_PREFIXES.map(escapeRe))}|PURCHASE(?!\\s+(?:RETURN|REFUND|INTEREST)\\b))(?=\\s|$)\\s*`);

// Cryptic bank codes spelled out so rules and embeddings read words, not codes. SO, DD and CPT are
// only codes at the start of a line (elsewhere SO is a word and DD may be a name).
export const EXPANSIONS: ReadonlyArray<readonly [RegExp, string]> = [
  [re('^(?:DD|DDR)(?=\\s)'), 'DIRECT DEBIT'],
  [re('\\bD/D\\b'), 'DIRECT DEBIT'],
  [re('^(?:SO|STO|S/O)(?=\\s)'), 'STANDING ORDER'],
  [re('^CPT(?=\\s|$)'), 'CASH WITHDRAWAL'],
  [re('\\b(?:TFR|TRF|XFER|XFR|TRSF)\\b', 'g'), 'TRANSFER'],
  [re('\\bFPS\\b', 'g'), 'FASTER PAYMENT'],
  [re('\\bFPI\\b', 'g'), 'FASTER PAYMENT RECEIVED'],
  [re('\\bFPO\\b', 'g'), 'FASTER PAYMENT SENT'],
  [re('\\bMPI\\b', 'g'), 'MOBILE PAYMENT RECEIVED'],
  [re('\\bMPO\\b', 'g'), 'MOBILE PAYMENT SENT'],
  [re('\\bBGC\\b', 'g'), 'BANK GIRO CREDIT'],
  [re('\\bCHQ\\b', 'g'), 'CHEQUE'],
  [re('\\b(?:PMTS|PYMTS)\\b', 'g'), 'PAYMENTS'],
  [re('\\b(?:PMT|PYMT|PYMNT|PMNT|PAYMT)\\b', 'g'), 'PAYMENT'],
  [re('\\b(?:DIR|DIRECT) DEP\\b|\\bDIRDEP\\b', 'g'), 'DIRECT DEPOSIT'],
  [re('\\b(?:WDL|WDRL|WDRAWAL|WITHDRWL|WTHDRWL|W/D)\\b', 'g'), 'WITHDRAWAL'],
  [re('\\bRCVD\\b', 'g'), 'RECEIVED'],
  [re('\\bACCT\\b', 'g'), 'ACCOUNT'],
  [re('\\b(?:SVGS|SAVGS|SAV)\\b', 'g'), 'SAVINGS'],
  [re('\\b(?:CHK|CHKG)\\b', 'g'), 'CHECKING'],
  [re('\\bSTMT\\b', 'g'), 'STATEMENT'],
  [re('\\b(?:MTHLY|MNTHLY)\\b', 'g'), 'MONTHLY'],
  [re('\\b(?:SVC|SRVC)\\b', 'g'), 'SERVICE'],
  [re('\\b(?:CHG|CHRG)\\b', 'g'), 'CHARGE'],
  [re('\\bINTL\\b', 'g'), 'INTERNATIONAL'],
  [re('\\bTXN\\b', 'g'), 'TRANSACTION'],
  [re('\\bAUTO PAY\\b', 'g'), 'AUTOPAY'],
  [re('\\bINT(?= (?:CHARGED?|PAID|EARNED|CREDIT)\\b)', 'g'), 'INTEREST'],
];

// Channel words that belong in `text` (rules read them) but are not part of the merchant's name.
const KEY_CHANNEL_PREFIXES = [
  'DIRECT DEBIT PAYMENT TO', 'DIRECT DEBIT PAYMENT', 'DIRECT DEBIT TO', 'DIRECT DEBIT', 'STANDING ORDER', 'FASTER PAYMENT', 'FASTER PAYMENTS', 'BANK GIRO CREDIT', 'BACS CREDIT', 'BACS',
  'ACH DEBIT', 'ACH CREDIT', 'ACH WITHDRAWAL', 'ACH DEPOSIT', 'ACH PAYMENT', 'ACH', 'ELECTRONIC PAYMENT', 'ELECTRONIC WITHDRAWAL',
  'ELECTRONIC DEPOSIT', 'EXTERNAL WITHDRAWAL', 'EXTERNAL DEPOSIT', 'PRE-AUTHORIZED DEBIT', 'PREAUTHORIZED DEBIT', 'PRE-AUTHORISED DEBIT',
  'BPAY', 'SEPA-LASTSCHRIFT', 'SEPA LASTSCHRIFT', 'SEPA-BASISLASTSCHRIFT', 'SEPA BASISLASTSCHRIFT', 'BASISLASTSCHRIFT', 'FOLGELASTSCHRIFT',
  'ERSTLASTSCHRIFT', 'LASTSCHRIFT', 'DAUERAUFTRAG', 'SEPA-UEBERWEISUNG', 'SEPA UEBERWEISUNG', 'GUTSCHRIFT UEBERWEISUNG',
  'EINGANG UEBERWEISUNG', 'UEBERWEISUNG', 'GUTSCHRIFT', 'PRLV SEPA', 'PRLV', 'INCASSO', 'GIRO -', 'GIRO', 'BILL PAYMENT', 'BILL PAY',
  // South African debit orders and their collection formats (ACB magnetic tape, NAEDO, DebiCheck).
  'DEBICHECK DEBIT ORDER', 'DEBICHECK DEBIT', 'DEBICHECK', 'DEBIT ORDER', 'EXTERNAL DEBIT ORDER', 'ACB DEBIT EXTERNAL', 'ACB DEBIT',
  'MAGTAPE DEBIT', 'MAGTAPE', 'NAEDO DEBIT', 'NAEDO', 'EUROPESE INCASSO', 'SEPA INCASSO',
  'UPI', 'ชำระเงิน', 'โอนเงิน', 'รับโอนเงิน', 'หักบัญชีอัตโนมัติ', 'SEPA',
];
export const KEY_CHANNEL_PREFIX = re(`^${alt(KEY_CHANNEL_PREFIXES.map(escapeRe))}(?=\\s|$)\\s*`);

// A refund names the merchant it came from: "REFUND AMAZON" must share AMAZON's key.
const REFUND_WORDS = 'REFUND|RFND|REFUNDED|REVERSAL|REVERSED|CHARGEBACK|CREDIT VOUCHER|MERCHANDISE RETURN|PURCHASE RETURN|ERSTATTUNG|RUECKERSTATTUNG|คืนเงิน';
export const KEY_REFUND_PREFIX = re(`^(?:${REFUND_WORDS})(?:\\s+(?:FROM|OF|-))?\\s+`);
// A trailing RETURN is a merchandise return (TARGET RETURN); a leading one may be a return ticket.
export const KEY_REFUND_SUFFIX = re(`\\s+(?:-\\s+)?(?:${REFUND_WORDS}|(?<!TAX )RETURNS?)$`);

// Legal forms are dropped from the key so "TESCO STORES LTD" and "TESCO STORES" meet in one cache entry.
export const LEGAL_SUFFIXES: ReadonlySet<string> = new Set(
  ('LTD LIMITED PLC INC INCORPORATED LLC LLP LP CORP CORPORATION CO COMPANY GMBH MBH AG KG OHG UG EK BV NV SA SAS SARL SRL SPA SL ' +
    'PTY PTE BHD SDN AB OY ASA & จำกัด มหาชน').normalize('NFKC').split(' '),
);
export const LEGAL_PREFIX = re('^(?:THE\\s+|(?:บริษัท|บจก\\.?|บมจ\\.?|หจก\\.?)\\s*)(?=\\S)');
// "REWE SAGT DANKE": German supermarkets thank you in the merchant field.
export const KEY_NOISE = re('\\bSAGT DANKE\\b', 'g');

// ---- Noise. Each match becomes an ANCHOR (or a CUT for tagged fields) rather than vanishing. ----
const MONTHS = 'JAN|FEB|MAR|APR|MAY|JUN|JUL|AUG|SEP|SEPT|OCT|NOV|DEC|JANUARY|FEBRUARY|MARCH|APRIL|JUNE|JULY|AUGUST|SEPTEMBER|OCTOBER' +
  '|NOVEMBER|DECEMBER|MRZ|MAE|OKT|DEZ';
const DAYS = 'MON|TUE|TUES|WED|THU|THUR|THURS|FRI|SAT|SUN';
const DATE_LEAD = '(?:\\b(?:ON|DATE|DATED|VALUE DATE|TRANS(?:ACTION)? DATE|AM|VOM|LE|DU)\\s*:?\\s*)?';
const CURRENCIES = 'USD|EUR|GBP|AUD|CAD|SGD|THB|NZD|CHF|JPY|HKD|MYR|IDR|INR|SEK|NOK|DKK|PLN|CZK|MXN';
export const NOISE_PATTERNS: readonly RegExp[] = [
  // Dates first, with a leading "ON"/"DATE" ("CARD PAYMENT TO TESCO ON 12-03", "VALUE DATE: 14/03/2024").
  re(`${DATE_LEAD}\\b\\d{4}[-/.]\\d{1,2}[-/.]\\d{1,2}(?:T\\d{1,2}:\\d{2}(?::\\d{2})?)?\\b`, 'g'),
  re(`${DATE_LEAD}\\b\\d{1,2}[/.-]\\d{1,2}(?:[/.-]\\d{2,4})?\\b\\.?`, 'g'),
  re(`${DATE_LEAD}\\b\\d{1,2} ?(?:${MONTHS})(?: ?\\d{4}| ?\\d{2})?\\b`, 'g'),
  re(`${DATE_LEAD}\\b(?:${MONTHS}) ?(?:\\d{1,2}(?:,? \\d{4})?|\\d{4})\\b`, 'g'),
  // Times, with the weekday some issuers print before them ("LYFT *RIDE THU 8PM").
  re(`\\b(?:(?:${DAYS})\\s)?\\d{1,2}(?::\\d{2}){1,2}(?:\\s?[AP]M)?\\b|\\b(?:(?:${DAYS})\\s)?\\d{1,2}\\s?[AP]M\\b`, 'g'),
  // Amounts in a currency and exchange rates printed on foreign purchases.
  re(`(?:\\b(?:${CURRENCIES})|[$€£฿])\\s?\\d[\\d,]*(?:\\.\\d+)?|\\b\\d[\\d,]*\\.\\d{2}\\s?(?:${CURRENCIES})\\b|@\\s?\\d+(?:[.,]\\d+)?` +
    `|\\b(?:FX |EXCHANGE )?RATE\\s?[:@]?\\s?\\d+[.,]\\d+`, 'g'),
  // Phone numbers: groups separated by spaces, dots or dashes ("866-579-7172", "+44 20 7946 0958").
  re('(?<![0-9])(?:\\+?\\d{1,3}[ .-])?(?:\\(\\d{2,4}\\)\\s?|\\d{2,4}[ .-])\\d{3,4}[ .-]\\d{3,4}(?![0-9])', 'g'),
  // Card numbers, masked or not; the word CARD itself goes later unless CREDIT precedes it.
  re('\\b(?<!(?:CREDIT|DEBIT) )(?:CARD|KARTE|CARTE|CRD|CD)(?: (?:NO|NR|NUMBER|NUM|ENDING(?: IN)?))?\\.?\\s?[:#]?\\s?(?=[X*\\d])(?:[X*]+[ -]?)*\\d{2,}\\b', 'g'),
  // Bounded repetitions: a long run of X or * must not make this backtrack for seconds.
  re('(?:\\b\\d{2,6}[ -]?)?(?:[X*]{2,8}[ -]?){1,4}\\d{2,6}\\b|\\.{2,8}\\d+\\b', 'g'),
  // TD Canada ends card lines with a terminal flag: "TIM HORTONS #1234 _F".
  re('(?<=\\s)_[A-Z0-9]{1,2}\\b', 'g'),
  // Store numbers: "#1234", "STORE 1234", "NO. 12".
  re('#\\s?\\d+\\b|\\b(?:STORE|STR|NO|NR|NUM|UNIT|LOC)\\s?[#.:]?\\s?\\d{2,}\\b', 'g'),
];

// Tagged fields: reference numbers and SEPA/ACH field labels. The tag and an id with a digit go;
// free-text fields (DES:, SVWZ+) keep their words for `text` but end the merchant name.
export const CUT_PATTERNS: readonly RegExp[] = [
  re('\\bINDN:.*?(?=\\s(?:CO ID|ID):|$)', 'g'),
  re('\\b(?:EREF|MREF|KREF|CRED|IBAN|BIC|ID|PPD ID|CCD ID|WEB ID|TEL ID|CO ID|IND ID|ORIG ID|TRACE|TRN|CONF|CONFIRMATION' +
    '|TRANSACTION|AUTH CODE|SEQ|REF|REFERENCE|REF NO|REF NUMBER|REFERENCE NO|MANDATSREF\\p{L}*|MANDAT|GLAEUBIGER-?ID' +
    '|END-TO-END-REF)\\s?[:#+.]?\\s?(?=\\S*\\d)\\S+', 'g'),
  re('(?:\\s|^)(?:DES|SVWZ|ABWA|ABWE|EREF|MREF|CRED)[:+]|//', 'g'),
  // ACH standard entry class codes closing a US line (PPD, CCD): format, not meaning.
  re('\\s(?:PPD|CCD|CTX|IAT)$', 'g'),
];
