// Statement wording that embeddings read poorly: bank fees, interest, salaries and benefits, tax,
// loan and card payments, cash and transfers. These lines say what they are in a few words
// ("OVERDRAFT FEE", "ZELLE TO J DOE") that look alike to an embedding but differ in category, so a
// compiled pattern is both cheaper and more reliable. Rules read NormalizedLine.text.
//
// Priority (first matching rule wins), and why:
//  1. bank fees           "ATM FEE", "WIRE TRANSFER FEE", "LATE PAYMENT FEE" also say ATM, TRANSFER, PAYMENT
//  2. interest            "INTEREST PAYMENT" is income, not a payment; charged before earned
//  3. income              "BGC ... SALARY", "PAYROLL ... TRANSFER", "HMRC REPAYMENT": pay arrives by transfer
//  4. loan disbursement   money lent arrives once; later loan rules take the repayments
//  5. loan and card payments, before transfers: "TRANSFER TO CREDIT CARD", "PAYMENT TO PNC CREDIT CARD"
//  6. taxes paid, then municipal accounts (water, electricity, rates: utilities, but COUNCIL TAX is a tax)
//  7. cash: deposits, then ATM withdrawals
//  8. transfers: own accounts, person-to-person services, investments, bank transfers — each an in/out pair whose
//     direction comes from the amount's sign, else from the wording (TO/OUT vs FROM/IN/RECEIVED),
//     else no match rather than a guess.
//
// Words are matched whole (Unicode-aware \b, see regex.ts), so COFFEE is not a FEE, BATMAN not an ATM,
// INTERESTING not INTEREST and TRANSFERWISE not TRANSFER. TransferWise/Wise is nonetheless a money
// transfer service, so it is listed by name among the person-to-person transfers: sending money abroad
// is a TRANSFER_OUT, receiving it a TRANSFER_IN (Wise card purchases print the shop's name, not Wise's).
// A refund is not a rule: it keeps the merchant's category (see isRefund); for rules with a direction,
// a refund reverses the expected sign ("OVERDRAFT FEE REFUND" +35 is still BANK_FEES).
import type { NormalizedLine } from './normalize.js';
import { re } from './regex.js';

export type Flow = 'in' | 'out';

export interface Rule {
  id: string;
  category: string;
  /** How often the rule is right when it fires, 0.9-0.99. */
  confidence: number;
  reason: string;
  /** Matched against NormalizedLine.text. */
  pattern: RegExp;
  /** Only for money flowing this way: checked against the amount's sign when it is known. */
  direction?: Flow;
  /** The category depends on the direction: without an amount the wording must state it, else no match. */
  requiresFlow?: boolean;
}

export interface RuleMatch {
  rule: string;
  category: string;
  confidence: number;
  reason: string;
}

const FEE = '(?:FEES?|CHARGES?|COMMISSION|SURCHARGE)';
// What a current account charges a fee on (PAYMENT alone is not: merchants add payment fees too).
const BANK_OPERATION = '(?:(?:CASH |ATM |ABM |BRANCH |COUNTER |INTERNATIONAL |FOREIGN )?(?:WITHDRAWAL|DEPOSIT|DEP)|CASH HANDLING' +
  '|CASH|ADMIN|ADMINISTRATION|SMS|NOTIFICATION|NOTIFIC|(?:UNPAID |DISHONOU?RED |RETURNED )?DEBIT ORDER|DEBICHECK|EFT|TRANSACTION' +
  '|(?:IMMEDIATE|INSTANT|EFT|ELECTRONIC|INTERNET|ONLINE|PROOF OF) PAYMENT|BALANCE ENQUIRY|ENQUIRY|SWIFT)';
const rule = (id: string, category: string, confidence: number, reason: string, source: string, extra: Partial<Rule> = {}): Rule => ({
  id, category, confidence, reason, pattern: re(source), ...extra,
});
/** The in and out halves of a transfer rule: same wording, category from the direction. */
const transferPair = (id: string, confidence: number, what: string, source: string): Rule[] => [
  rule(`${id}-in`, 'TRANSFER_IN', confidence, `${what}, money in`, source, { direction: 'in', requiresFlow: true }),
  rule(`${id}-out`, 'TRANSFER_OUT', confidence, `${what}, money out`, source, { direction: 'out', requiresFlow: true }),
];
const out = { direction: 'out' } as const;
const inn = { direction: 'in' } as const;

const TAX_AUTHORITY =
  '\\b(?:IRS|TREAS|US TREASURY|HMRC|ATO|AUSTRALIAN TAXATION OFFICE|CANADA REVENUE|REVENUE CANADA|CRA|FINANZAMT|IRAS' +
    '|INLAND REVENUE|REVENUE DEPT|DEPT OF REVENUE|DEPARTMENT OF REVENUE|FRANCHISE TAX BD)\\b|กรมสรรพากร';
const CARD_ISSUER =
  'AMEX|AMERICAN EXPRESS|DISCOVER|CAPITAL ONE|CAPITALONE|CAP ONE|CHASE|CITI|CITICARD|CITI CARD|BARCLAYCARD|BARCLAYS' +
    '|SYNCHRONY|SYNCB|COMENITY|APPLECARD|APPLE CARD|GS BANK|GOLDMAN SACHS|WELLS FARGO|WF|BK OF AMER|BANK OF AMERICA' +
    '|BOFA|US BANK|CREDIT ONE|MBNA|NAVY FEDERAL|USAA|PNC|TD|HSBC|LLOYDS|NATWEST|SANTANDER|VIRGIN MONEY';
const CARD_FILLER = '(?:(?:CARD|CARDS|CRD|CREDIT|VISA|MC|MASTERCARD|ONLINE|MOBILE|ACH|WEB|E-?PAYMENT|BANK|SERVICES|GSBANK|GS BANK)\\s+){0,3}';

export const RULES: readonly Rule[] = [
  // 1. Bank fees.
  rule('fee-overdraft', 'BANK_FEES', 0.98, 'overdraft fee', `\\b(?:UN)?(?:ARRANGED )?(?:OVERDRAFT|OVERDRAWN|OD)\\b(?: \\p{L}+){0,2}? (?:${FEE}|ITEM)\\b`, out),
  rule('fee-nsf', 'BANK_FEES', 0.97, 'insufficient funds / returned item fee',
    `\\bNSF\\b|\\b(?:NON-?|IN)SUFFICIENT FUNDS\\b|\\b(?:RETURNED?|UNPAID) (?:ITEM|PAYMENT|CHECK|CHEQUE|DEBIT|DIRECT DEBIT|TRANSACTION) ${FEE}`, out),
  rule('fee-atm', 'BANK_FEES', 0.98, 'ATM fee', `\\b(?:ATM|ABM|CASH MACHINE)\\b(?: \\p{L}+){0,3}? ${FEE}\\b|\\bSURCHARGE\\b.*\\bATM\\b|\\bATM-?(?:GEBUEHR|ENTGELT)`, out),
  rule('fee-foreign', 'BANK_FEES', 0.97, 'foreign transaction fee',
    `\\b(?:(?:FOREIGN|INTERNATIONAL|NON-?STERLING|NON-?EURO|CROSS-?BORDER)(?: (?:TRANSACTION|TRANS|EXCHANGE|CURRENCY` +
      `|PURCHASE|POS|CASH|SERVICE|ATM))?|FX|CURRENCY (?:CONVERSION|EXCHANGE)) ${FEE}\\b|\\b(?:AUSLANDSEINSATZ|FREMDWAEHRUNG)\\p{L}*`, out),
  rule('fee-late', 'BANK_FEES', 0.96, 'late payment or over-limit fee', `\\b(?:LATE(?: PAYMENT)?|PAST DUE|OVER ?(?:THE )?LIMIT|OVERLIMIT) ${FEE}\\b`, out),
  rule('fee-maintenance', 'BANK_FEES', 0.96, 'monthly / maintenance / service fee',
    `\\b(?:(?:MONTHLY|ACCOUNT|ACCT|CARD) (?:ACCOUNT |MAINTENANCE |SERVICE |PLAN )?|SERVICE |PACKAGED ACCOUNT |(?:PAPER )?STATEMENT ` +
      `|ANNUAL (?:CARD |MEMBERSHIP )?|CARD ANNUAL |(?:BELOW )?MINIMUM BALANCE |LOW BALANCE |DORMANCY |INACTIVITY |EXCESS (?:ACTIVITY` +
      `|WITHDRAWALS?|TRANSACTIONS?) )${FEE}\\b|\\bBANK ${FEE}\\b|^${FEE}$`, out),
  rule('fee-other', 'BANK_FEES', 0.96, 'wire, transfer, stop payment, cash advance or card fee',
    `\\b(?:WIRE|WIRE TRANSFER|(?:INCOMING|OUTGOING|DOMESTIC|INTERNATIONAL) WIRE|TRANSFER|INSTANT TRANSFER|BALANCE TRANSFER` +
      `|CASH ADVANCE|STOP PAYMENT|CHECK ORDER|CHEQUE BOOK|CHECKBOOK|COUNTER|TELLER|CARD REPLACEMENT|REPLACEMENT CARD|CASHIERS? CHECK` +
      `|OFFICIAL CHECK|MONEY ORDER|LEGAL PROCESS|GARNISHMENT|RETURNED MAIL) ${FEE}\\b`, out),
  // A fee that names what it was charged on is a fee, not the withdrawal or deposit it names
  // ("CASH WITHDRAWAL FEE", "FEE: CASH DEPOSIT", "UNPAID DEBIT ORDER FEE", "SMS NOTIFICATION FEE").
  rule('fee-banking', 'BANK_FEES', 0.95, 'fee on a withdrawal, deposit, payment or account service',
    `\\b${BANK_OPERATION}(?: \\p{L}+){0,2}? ${FEE}\\b|^(?:BANK )?${FEE}\\b[ :-]*(?:\\p{L}+ ){0,2}?${BANK_OPERATION}`, out),
  rule('fee-local', 'BANK_FEES', 0.93, 'account fee (German, French, Spanish, Italian, Dutch, Thai wording)',
    `\\bKONTOFUEHRUNG\\p{L}*|\\b\\p{L}*(?:KONTO|KARTEN|BUCHUNGS|POSTEN)\\p{L}*(?:GEBUEHR|ENTGELT)\\p{L}*|\\bENTGELT(?:E)? (?:KONTOFUEHRUNG` +
      `|KARTE|BUCHUNG|ABSCHLUSS)|\\b(?:ENTGELT|RECHNUNGS)ABSCHLUSS\\b|\\bENTGELTE?\\b|\\bFRAIS (?:DE TENUE|BANCAIRES|DE CARTE` +
      `|CARTE|DE GESTION|D?INCIDENT)|\\bCOMMISSIONS? D?INTERVENTION|\\bCOTISATION (?:CARTE|OFFRE|FORMULE)|\\bCOMISION (?:DE )?MANTENIMIENTO` +
      `|\\bSPESE (?:TENUTA CONTO|BANCARIE)|\\bKOSTEN (?:BETAALVERKEER|REKENING)|ค่าธรรมเนียม`, out),

  // 2. Interest: charged, earned, then bare INTEREST by direction.
  rule('interest-charged', 'BANK_FEES', 0.97, 'interest charged',
    '\\b(?:INTEREST CHARGED?|CHARGED INTEREST|(?:PURCHASE|CASH ADVANCE|OVERDRAFT|DEBIT|BALANCE TRANSFER) INTEREST|INTEREST ON (?:PURCHASES' +
      '|CASH ADVANCES?|OVERDRAFT|DEBIT BALANCE|BALANCE TRANSFERS?)|FINANCE CHARGES?|INTEREST EXPENSE|SOLLZINS\\p{L}*|UEBERZIEHUNGSZINS\\p{L}*' +
      '|DISPOZINS\\p{L}*|AGIOS|INTERETS DEBITEURS|INTERESES DEUDORES)\\b|ดอกเบี้ยค้างจ่าย|ดอกเบี้ยเงินกู้|ดอกเบี้ยจ่าย', out),
  // A rebate of interest (home loans, savings bonuses) is money back to the account holder.
  rule('interest-rebate', 'INCOME', 0.93, 'interest rebate', '\\b(?:INTEREST|INT) REBATE\\b|\\bREBATE (?:OF |ON )?INTEREST\\b', inn),
  rule('interest-earned', 'INCOME', 0.95, 'interest or dividend earned',
    '^(?!.*\\b(?:LOANS?|MORTGAGE|CREDIT CARD)\\b).*(?:\\b(?:INTEREST (?:EARNED|PAID|PAYMENT|CREDIT|CREDITED|DEPOSIT' +
      '|INCOME|CAPITALI[SZ]ED)|(?:CREDIT|GROSS|NET|BONUS|SAVINGS|DEPOSIT) INTEREST|INTEREST ON (?:SAVINGS|DEPOSITS?|CREDIT BALANCE)' +
      '|DIVIDENDS?|HABENZINS\\p{L}*|ZINSGUTSCHRIFT|INTERETS CREDITEURS|INTERESES A FAVOR)\\b|ดอกเบี้ยเงินฝาก|ดอกเบี้ยรับ)', inn),
  rule('interest-in', 'INCOME', 0.9, 'interest credited', '\\b(?:INTEREST|ZINSEN|INTERETS|INTERESES)\\b|ดอกเบี้ย', { direction: 'in', requiresFlow: true }),
  rule('interest-out', 'BANK_FEES', 0.9, 'interest debited', '\\b(?:INTEREST|ZINSEN|INTERETS|INTERESES)\\b|ดอกเบี้ย', { direction: 'out', requiresFlow: true }),

  // 3. Income.
  rule('tax-refund', 'INCOME', 0.97, 'tax refund',
    '\\b(?:TAX (?:REF|REFUND|RFD|REPAYMENT|RETURN REFUND)|HMRC (?:REFUND|REPAYMENT)|STEUERERSTATTUNG|ERSTATTUNG FINANZAMT' +
      '|REMBOURSEMENT D?IMPOTS?)\\b|คืนภาษี', inn),
  rule('benefits', 'INCOME', 0.94, 'government benefit or pension',
    '\\b(?:SOCIAL SECURITY|(?:XX)?SOC SEC|SSA TREAS|SSI TREAS|VA BENEFITS?|VACP TREAS|UNEMPLOYMENT|UI BENEFITS?|JOBSEEKERS?' +
      '|CHILD BENEFIT|CHILD TAX CREDIT|WORKING TAX CREDIT|UNIVERSAL CREDIT|DWP|STATE PENSION|PENSION(?! CONTRIBUTION)' +
      '|ANNUITY|CENTRELINK|CENTERLINK|FAMILY TAX BENEFIT|CANADA CHILD BENEFIT|GST/?HST CREDIT|GST CREDIT|CPP|OAS|EI BENEFITS?' +
      '|EMPLOYMENT INSURANCE|KINDERGELD|ELTERNGELD|BUERGERGELD|ARBEITSAGENTUR|BUNDESAGENTUR|FAMILIENKASSE|RENTE|RENTENVERSICHERUNG' +
      '|ALLOCATIONS FAMILIALES|POLE EMPLOI)\\b|สวัสดิการ|เบี้ยยังชีพ|ประกันสังคม|บำนาญ', inn),
  rule('salary', 'INCOME', 0.97, 'salary or payroll',
    '\\b(?:PAYROLL|PAY ROLL|SALARY|SALARIES|SALARIO|SALAIRE|SALARIS|GEHALT|LOHN|BEZUEGE|NOMINA|STIPENDIO|WAGES?|PAYCHECK' +
      '|PAYCHEQUE|NET PAY)\\b|เงินเดือน|ค่าจ้าง|ค่าแรง', inn),
  rule('payroll-provider', 'INCOME', 0.93, 'pay from a payroll provider', '\\b(?:ADP|GUSTO|PAYCHEX|RIPPLING|JUSTWORKS|TRINET|DEEL|INTUIT PAYROLL|QUICKBOOKS PAYROLL)\\b', inn),
  rule('direct-deposit', 'INCOME', 0.9, 'direct deposit (US payroll channel)', '\\bDIRECT DEPOSIT\\b', inn),
  rule('payout', 'INCOME', 0.9, 'payout of earnings from a platform', '\\b(?:PAYOUTS?|EARNINGS)\\b|\\b(?:STRIPE|SHOPIFY|ETSY|EBAY|AIRBNB|UPWORK|FIVERR) (?:TRANSFER|DEPOSIT)\\b', inn),

  rule('tax-authority-in', 'INCOME', 0.92, 'money in from a tax authority (refund or credit)', TAX_AUTHORITY, { direction: 'in', requiresFlow: true }),

  // 4. Money lent arriving.
  rule('loan-disbursement', 'TRANSFER_IN', 0.93, 'loan disbursement', '\\b(?:LOAN (?:DISBURSEMENT|PROCEEDS|DRAWDOWN|ADVANCE)|DARLEHENSAUSZAHLUNG|CASH ADVANCE DEPOSIT)\\b', inn),

  // 5. Loan and card payments. Card payments have no direction: on the card account they are money in.
  rule('card-payment', 'LOAN_PAYMENTS', 0.96, 'credit card payment',
    `\\b(?:CREDIT CARD|CREDIT CRD|CRDT CRD|CC|CARD(?! PAYMENT TO)|CRD)\\s+(?:E-?PAYMENT|PAYMENT|AUTOPAY|ONLINE PAYMENT` +
      `|MOBILE PAYMENT|BILL PAY(?:MENT)?|EPAY)\\b|\\bPAYMENT (?:- )?(?:RECEIVED )?(?:- )?THANK YOU\\b|\\bTHANK YOU FOR YOUR PAYMENT\\b` +
      `|\\bPAIEMENT (?:- )?MERCI\\b|\\b(?:BANK|CARD|CRD|CREDIT) AUTOPAY\\b|\\bAUTOPAY (?:CREDIT )?CARD\\b|\\b(?:BILL )?PAYMENT (?:TO ` +
      `|FOR )?(?:\\p{L}+ ){0,3}(?:CREDIT CARD|CARD|VISA|MASTERCARD)\\b|\\b(?:${CARD_ISSUER})\\s+${CARD_FILLER}(?:E-?PAYMENT` +
      `|EPAY|PAYMENT|AUTOPAY|AUTO PAY)\\b|\\b(?:BARCLAYCARD|APPLECARD|MBNA)\\b|\\bKREDITKARTE\\p{L}*|\\b(?:VISA|MASTERCARD) ABRECHNUNG\\b` +
      `|ชำระบัตรเครดิต|บัตรเครดิต`),
  rule('mortgage', 'LOAN_PAYMENTS', 0.96, 'mortgage or home loan payment',
    '\\b(?:MORTGAGE|MTG (?:PAYMENT|PMT)|HOME MTG|HOME LOAN|HOUSING LOAN|HOME EQUITY|HELOC|HYPOTHEK\\p{L}*|BAUFINANZIERUNG' +
      '|PRET IMMOBILIER|MR COOPER|QUICKEN LOANS)\\b|สินเชื่อบ้าน|ผ่อนบ้าน', out),
  rule('student-loan', 'LOAN_PAYMENTS', 0.96, 'student loan payment',
    '\\b(?:STUDENT (?:LOANS?|LN|FINANCE)|STUDENT LOANS COMPANY|NAVIENT|NELNET|SALLIE MAE|GREAT LAKES ED\\p{L}*|FEDLOAN' +
      '|MOHELA|AIDVANTAGE|EDFINANCIAL|DEPT (?:OF )?EDUCATION|US DEPT OF ED)\\b', out),
  rule('car-loan', 'LOAN_PAYMENTS', 0.94, 'car loan or lease payment',
    '\\b(?:(?:AUTO|CAR|VEHICLE|MOTOR) (?:LOAN|FINANCE|FINANCING|LEASE)|(?:TOYOTA|LEXUS|HONDA|ACURA|NISSAN|INFINITI|HYUNDAI' +
      '|KIA|MAZDA|SUBARU|FORD|GM|BMW|MERCEDES-BENZ|MERCEDES|VW|VOLKSWAGEN|AUDI|VOLVO|TESLA|CHRYSLER|PORSCHE) (?:MOTOR )?(?:FINANCIAL' +
      '|FINANCE|CREDIT|ACCEPTANCE|LEASING|LEASE)|NMAC|ALLY (?:AUTO|PAYMT|PAYMENT|FINANCIAL)|CARMAX AUTO|SANTANDER CONSUMER' +
      '|WESTLAKE FINANCIAL|CREDIT ACCEPTANCE|EXETER FINANCE|AUTOKREDIT|LEASINGRATE)\\b|ไฟแนนซ์รถ|ผ่อนรถ|เช่าซื้อ', out),
  rule('bnpl', 'LOAN_PAYMENTS', 0.9, 'buy-now-pay-later instalment',
    '\\b(?:AFFIRM|AFTERPAY|CLEARPAY|KLARNA|ZIP ?PAY|ZIP CO|SEZZLE|ATOME|LATITUDE PAY|HUMM|LAYBUY|SPLITIT|OPENPAY|PAYPAL CREDIT|PAY IN [34]|PAYLATER)\\b', out),
  rule('loan-payment', 'LOAN_PAYMENTS', 0.93, 'loan repayment',
    '\\b(?:LOANS?|LN (?:PAYMENT|PMT)|REPAYMENT|DARLEHEN\\p{L}*|TILGUNG|KREDITRATE|RATENKREDIT|REMBOURSEMENT (?:DE )?PRET' +
      '|ECHEANCE (?:DE )?PRET|PRESTAMO|PRESTITO)\\b|สินเชื่อ|เงินกู้|ผ่อนชำระ', out),

  // 6. Taxes paid.
  rule('tax-payment', 'GOVERNMENT_AND_NON_PROFIT', 0.93, 'tax payment',
    `${TAX_AUTHORITY}|\\b(?:USATAXPYMT|EFTPS|(?:COUNCIL|PROPERTY|VEHICLE|ROAD|INCOME|ESTIMATED|STATE|FEDERAL|CITY|COUNTY` +
      `|UTILITY|SALES|EXCISE|LAND|STAMP|FRANCHISE) TAX|TAX (?:PAYMENT|BILL|DUE|INSTAL+MENT)|SELF ASSESSMENT|VAT PAYMENT` +
      `|BAS PAYMENT|\\p{L}*STEUER)\\b|ชำระภาษี`, out),

  // A municipal account bills water, electricity and refuse (and rates) together: a utility bill.
  rule('municipal-utilities', 'RENT_AND_UTILITIES', 0.9, 'municipal account (water, electricity, rates)',
    '^(?!.*\\bWATER (?:PARK|TAXI|SPORTS?)\\b).*(?:\\b(?:CITY OF|MUNICIPALITY|MUNIC|MUNICIPAL|COUNCIL|SHIRE|BOROUGH|TOWN OF)\\b.*' +
      '\\b(?:RATES|WATER|ELECTRICITY|ELEC|SEWER|SEWERAGE|REFUSE|UTILITIES|UTILITY|HYDRO)\\b|\\b(?:RATES|WATER|ELECTRICITY|UTILITIES)\\b.*' +
      '\\b(?:MUNICIPALITY|MUNIC|MUNICIPAL)\\b)', out),

  // 7. Cash.
  rule('deposit', 'TRANSFER_IN', 0.95, 'cash or cheque deposit',
    '\\b(?:(?:CASH|CHECK|CHEQUE|MOBILE(?: CHECK)?|REMOTE|BRANCH|ATM(?: CASH)?|COUNTER|TELLER|E-?CHECK|COIN) DEPOSIT' +
      '|DEPOSIT (?:AT|IN) (?:BRANCH|ATM)|BAREINZAHLUNG|EINZAHLUNG|SCHECKEINREICHUNG|REMISE (?:DE )?CHEQUES?)\\b|ฝากเงิน', inn),
  rule('atm-withdrawal', 'TRANSFER_OUT', 0.98, 'cash withdrawal',
    '\\b(?:ATM|ABM)\\b(?!.*\\b(?:DEPOSIT|REBATE|REIMB\\p{L}*|REFUND)\\b)|\\b(?:CASH (?:WITHDRAWAL|WDL)|CASHPOINT|CASH MACHINE' +
      '|GELDAUTOMAT|BARGELDAUSZAHLUNG|BARGELD|GAA|RETRAIT(?: DAB| ESPECES)?|PRELIEVO|CAJERO|GEA)\\b|ถอนเงิน', out),

  // 8. Transfers: own accounts, person-to-person services, then bank transfers in general.
  ...transferPair('transfer-own', 0.95, 'transfer between own accounts',
    '\\b(?:TO|FROM|INTO)\\s+(?:MY\\s+)?(?:\\p{L}+\\s+){0,2}?(?:SAVINGS?|CHECKING|CHEQUING|CURRENT ACCOUNT|ISA|POT|SPARKONTO' +
      '|TAGESGELD)\\b|\\b(?:INTERNAL TRANSFER|OWN ACCOUNTS?|BETWEEN ACCOUNTS|ROUND ?UPS?|SAVE THE CHANGE|SWEEP|SPARKONTO)\\b'),
  ...transferPair('transfer-p2p', 0.94, 'person-to-person payment service',
    '\\b(?:ZELLE|VENMO|CASH APP|SQUARE CASH|PAYPAL TRANSFER|REVOLUT|MONZO|TRANSFERWISE|WESTERN UNION|MONEYGRAM|REMITLY' +
      '|WORLDREMIT|XOOM|PAYLAH|PAYNOW|E-?TRANSFER|E-TRF|OSKO|PAYID|PROMPT ?PAY)\\b|^WISE\\b|พร้อมเพย์'),
  ...transferPair('transfer-invest', 0.9, 'investment or brokerage transfer',
    '\\b(?:INVEST(?:MENTS?)?|BROKERAGE|401K|ROTH IRA|ACORNS|BETTERMENT|WEALTHFRONT|ROBINHOOD|VANGUARD|SCHWAB|FIDELITY INVESTMENTS' +
      '|COINBASE|STASH|ETORO|TRADING 212|NUTMEG|MOOMOO|SYFE|ENDOWUS|STASHAWAY)\\b'),
  ...transferPair('transfer-bank', 0.92, 'bank transfer',
    '\\b(?:TRANSFER|DEPOSIT FROM|TRANSFERENCIA|\\p{L}*UEBERWEISUNG|DAUERAUFTRAG|VIREMENT|VIR SEPA|VIR INST|OVERBOEKING' +
      '|BONIFICO|FASTER PAYMENTS?|FAST (?:PAYMENT|TRANSFER)|BANK GIRO CREDIT|BACS|WIRE|DIRECT CREDIT|INWARD CREDIT|MOBILE PAYMENT' +
      '|STANDING ORDER|NPP)\\b|โอน'),
];

// Direction wording, for transfers without an amount. CREDIT CARD is a product, not a direction; a
// bare DEPOSIT is not a direction either ("BETTERMENT DEPOSIT" is money out to the broker).
const OUT_WORDS = re('\\b(?:TO|OUT|OUTGOING|OUTWARD|SENT|SEND|WITHDRAWAL|DEBIT|AN|VERS|EMIS|NACH)\\b|โอนออก|ไปยัง|โอนเงินไป');
const IN_WORDS = re('\\b(?:FROM|IN|INCOMING|INWARD|RECEIVED|RECEIVE|RECEIPT|CREDIT(?! CARD)|CREDITED|TRANSFER DEPOSIT|CASHOUT|CASH OUT' +
  '|VON|RECU|EINGANG|GUTSCHRIFT)\\b|รับโอน|โอนเงินเข้า|จาก');

/** The direction the wording states, or null when it states none or both. */
export function wordingFlow(text: string): Flow | null {
  const o = OUT_WORDS.test(text);
  const i = IN_WORDS.test(text);
  return o === i ? null : o ? 'out' : 'in';
}

const REFUND = re(
  '\\b(?:REFUNDS?|REFUNDED|RFND|PURCHASE RETURN|MERCHANDISE (?:RETURN|CREDIT)|RETURN (?:CREDIT|OF GOODS|OF PURCHASE)' +
    '|CREDIT VOUCHER|REVERSAL|REVERSED|CHARGE ?BACK|(?:RUECK)?ERSTATTUNG|RETOURE|REMBOURSEMENT|AVOIR|REEMBOLSO|DEVOLUCION' +
    '|RIMBORSO|TERUGBETALING|(?:FEE|CHARGE) (?:REBATE|REIMBURSEMENT|WAIVER|WAIVED))\\b|\\b(?<!TAX )RETURNS?$|คืนเงิน',
);
// Tax refunds are income, and a French "remboursement de prêt" is a loan repayment: not merchant refunds.
const NOT_REFUND = re('\\bTAX (?:REF|REFUND|RFD)\\b|\\bSTEUERERSTATTUNG\\b|\\bERSTATTUNG FINANZAMT\\b|\\bREMBOURSEMENT (?:DE )?PRET\\b' +
  '|\\bREMBOURSEMENT D?IMPOTS?\\b|คืนภาษี');

/** Whether the line is a refund, reversal or chargeback: it keeps the category of what it refunds. */
export function isRefund(line: Pick<NormalizedLine, 'text'>): boolean {
  return REFUND.test(line.text) && !NOT_REFUND.test(line.text);
}

function amountFlow(amount: number | undefined): Flow | null {
  if (amount === undefined || !Number.isFinite(amount) || amount === 0) return null;
  return amount > 0 ? 'in' : 'out';
}

/**
 * The first rule (in RULES order) that the line's text matches and whose direction fits: the
 * amount's sign (< 0 out, > 0 in) when known; for transfers without an amount, the wording.
 */
export function matchRule(line: Pick<NormalizedLine, 'text'>, amount?: number): RuleMatch | null {
  const byAmount = amountFlow(amount);
  const refund = isRefund(line);
  for (const r of RULES) {
    if (!r.pattern.test(line.text)) continue;
    if (r.requiresFlow) {
      if ((byAmount ?? wordingFlow(line.text)) !== r.direction) continue;
    } else if (r.direction && byAmount) {
      const expected = refund ? (r.direction === 'in' ? 'out' : 'in') : r.direction;
      if (byAmount !== expected) continue;
    }
    return { rule: r.id, category: r.category, confidence: r.confidence, reason: r.reason };
  }
  return null;
}
