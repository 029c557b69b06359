import { describe, expect, it } from 'vitest';
import { normalizeLine } from './normalize.js';
import { exactBoundaries } from './regex.js';
import { isRefund, matchRule, RULES, wordingFlow } from './rules.js';

/** A statement line, with the amount when the case depends on it (< 0 money out, > 0 money in). */
type Case = string | readonly [string, number];

interface RuleCases {
  /** Lines this rule must win (it is the first matching rule). */
  positive: readonly Case[];
  /** Lines this rule must not win: near misses, other directions, words inside names. */
  negative: readonly Case[];
}

const CASES: Readonly<Record<string, RuleCases>> = {
  'fee-overdraft': {
    positive: ['OVERDRAFT FEE', 'KASIKORNBANK OVERDRAFT FEE', 'OVERDRAFT ITEM FEE', 'UNARRANGED OVERDRAFT CHARGE', ['OD FEE', -35]],
    negative: ['OVERDRAFT PROTECTION TRANSFER FROM SAVINGS', ['OVERDRAFT FEE', 35]],
  },
  'fee-nsf': {
    positive: ['NSF FEE', 'INSUFFICIENT FUNDS FEE', 'LLOYDS BANK NSF RETURNED ITEM FEE', 'RETURNED ITEM FEE', 'UNPAID DIRECT DEBIT CHARGE'],
    negative: ['RETURNED ITEM', 'NSFW COMICS', ['NSF FEE', 25]],
  },
  'fee-atm': {
    positive: ['ATM FEE', 'ATM WITHDRAWAL FEE', 'US BANK ATM FEE 897091', 'NON-NETWORK ATM FEE', 'ATM OPERATOR FEE'],
    negative: ['ATM WITHDRAWAL 0423 MAIN ST', 'BATMAN FEE SHOP', 'COFFEE BEAN ATM'],
  },
  'fee-foreign': {
    positive: ['FOREIGN TRANSACTION FEE', 'BANGKOK BANK FOREIGN TRANSACTION FEE', 'NON-STERLING TRANSACTION FEE', 'INTERNATIONAL TRANSACTION FEE', 'FOREIGN EXCHANGE FEE', 'FX FEE'],
    negative: ['INTERNATIONAL SCHOOL FEE', 'FOREIGN CINEMA SAN FRANCISCO CA'],
  },
  'fee-late': {
    positive: ['LATE PAYMENT FEE', 'LATE FEE', 'OVERLIMIT FEE', 'PAST DUE FEE'],
    negative: ['LATE NIGHT PIZZA', 'CHOCOLATE FEES BAKERY'],
  },
  'fee-maintenance': {
    positive: ['MONTHLY SERVICE FEE', 'ACCOUNT MAINTENANCE FEE', 'CITI MONTHLY MAINTENANCE FEE', 'MONTHLY ACCOUNT FEE', 'SERVICE CHARGE', 'PAPER STATEMENT FEE', 'ANNUAL CARD FEE', 'MTHLY SVC CHG'],
    negative: ['COFFEE', 'TOFFEE SHOP', 'HOA MAINTENANCE FEE', 'GYM MEMBERSHIP FEE', 'SERVICE STATION'],
  },
  'fee-other': {
    positive: ['WIRE FEE', 'DEUTSCHE BANK WIRE TRANSFER FEE', 'CASH ADVANCE FEE', 'STOP PAYMENT FEE', 'INSTANT TRANSFER FEE', 'BALANCE TRANSFER FEE'],
    negative: ['WIRE TRANSFER TO J DOE', 'WIREless STORE', 'TRANSFER TO SAVINGS'],
  },
  'fee-banking': {
    positive: ['CASH WITHDRAWAL FEE', 'FEE: CASH WITHDRAWAL 0042', 'FEE - ATM CASH WITHDRAWAL', 'CASH DEPOSIT FEE', 'BRANCH CASH DEPOSIT FEE',
      'FEE CASH DEPOSIT', 'ADMIN FEE', 'ADMINISTRATION CHARGE', 'SMS NOTIFICATION FEE', 'UNPAID DEBIT ORDER FEE', 'IMMEDIATE PAYMENT FEE',
      'CASH HANDLING FEE', 'EFT FEE', ['TRANSACTION CHARGE', -3]],
    negative: ['CASH WITHDRAWAL 0042 MAIN ST', 'CASH DEPOSIT', 'FEES ST MARYS SCHOOL', 'PAYPAL PROCESSING FEE', 'PAYMENT FEE', ['CASH DEPOSIT FEE', 12]],
  },
  'fee-local': {
    positive: ['KONTOFUEHRUNGSGEBUEHR', 'Kontoführungsgebühr', 'ENTGELT KONTOFUEHRUNG', 'FRAIS DE TENUE DE COMPTE', 'COMMISSION INTERVENTION', 'ค่าธรรมเนียม FEE'],
    negative: ['ENTGELTFREI BUCHUNG', 'FRAISE CAFE PARIS'],
  },
  'interest-charged': {
    positive: ['INTEREST CHARGED', 'INTEREST CHARGE ON PURCHASES', 'INTEREST CHARGE ON CASH ADVANCES', 'PURCHASE INTEREST CHARGE', 'FINANCE CHARGE', 'SOLLZINSEN'],
    negative: ['INTEREST EARNED', ['INTEREST CHARGED', 12]],
  },
  'interest-rebate': {
    positive: ['INTEREST REBATE', 'INT REBATE HOME LOAN', ['REBATE ON INTEREST', 12.5]],
    negative: [['INTEREST REBATE', -12.5], 'REBATE', 'FEE REBATE'],
  },
  'interest-earned': {
    positive: ['INTEREST EARNED LLOYDS BANK SAVINGS', 'CITI INTEREST PAID', 'INTEREST PAYMENT', 'CREDIT INTEREST', 'DIVIDEND PAYMENT VANGUARD', 'ZINSGUTSCHRIFT', 'ดอกเบี้ยเงินฝาก'],
    negative: ['MORTGAGE INTEREST PAYMENT', 'STUDENT LOAN INTEREST PAYMENT', ['INTEREST PAID', -40], 'PINTEREST ADS'],
  },
  'interest-in': {
    positive: [['INTEREST', 0.42], ['ZINSEN', 1.2], ['ดอกเบี้ย', 3]],
    negative: ['INTEREST', ['INTERESTING BOOKS', 12], ['INTEREST', -5]],
  },
  'interest-out': {
    positive: [['INTEREST', -12.5], ['ZINSEN', -3]],
    negative: ['INTEREST', ['INTERESTING BOOKS', -12], ['INTEREST', 5]],
  },
  'tax-refund': {
    positive: ['IRS TREAS 310 TAX REF', 'TAX REFUND HMRC', 'HMRC REPAYMENT', 'STATE TAX REFUND', 'STEUERERSTATTUNG'],
    negative: [['IRS TREAS 310 TAX REF', -100], 'IRS USATAXPYMT', 'TAXI REF 1234'],
  },
  'tax-authority-in': {
    positive: [['HMRC', 250], ['FINANZAMT BERLIN', 80], ['ATO', 1200], ['IRS TREAS 310', 900]],
    negative: ['HMRC', ['HMRC SELF ASSESSMENT', -500], ['FIRST DATA', 20]],
  },
  benefits: {
    positive: ['SOCIAL SECURITY SSA TREAS 310', 'TREAS 310 XXSOC SEC', 'CHILD BENEFIT HMRC', 'STATE PENSION DWP', 'UNIVERSAL CREDIT DWP', 'PENSION PAYMENT', 'CENTRELINK FAMILY TAX BENEFIT', 'KINDERGELD FAMILIENKASSE', 'UNEMPLOYMENT BENEFIT DEPOSIT'],
    negative: ['PENSION CONTRIBUTION', ['STATE PENSION DWP', -10], 'BENEFIT COSMETICS', 'RENTERS INSURANCE'],
  },
  salary: {
    positive: ['PAYROLL ACME CORP DIRECT DEP', 'BGC ACME LTD SALARY', 'SALARY JUNE', 'GEHALT ACME GMBH', 'SALARIS ACME BV', 'VIREMENT SALAIRE ACME', 'WAGES DEPOSIT', 'เงินเดือน SALARY', 'ACH CREDIT PAYROLL ACME'],
    negative: [['PAYROLL ACME CORP', -5000], 'LOHNSTEUER', 'SALARYMAN RAMEN'],
  },
  'payroll-provider': {
    positive: ['GUSTO PAY 123456', 'ADP 123456', 'PAYCHEX INC'],
    negative: [['GUSTO PAY', -39], 'ADPATCH LTD', 'AUGUSTO CAFE'],
  },
  'direct-deposit': {
    positive: ['DIRECT DEPOSIT ACME', 'ACME INC DIR DEP'],
    negative: [['DIRECT DEPOSIT ACME', -10], 'DIRECT DEBIT ACME'],
  },
  payout: {
    positive: ['SHOPIFY PAYOUT', 'STRIPE PAYOUT TRANSFER', 'UPWORK ESCROW WITHDRAWAL EARNINGS', 'ETSY DEPOSIT'],
    negative: [['STRIPE PAYOUT', -10], 'PAYOUTSIDE BAR'],
  },
  'loan-disbursement': {
    positive: ['LOAN DISBURSEMENT CREDIT', 'CASH ADVANCE DEPOSIT', 'PERSONAL LOAN PROCEEDS'],
    negative: [['LOAN DISBURSEMENT', -100], 'LOAN REPAYMENT'],
  },
  'card-payment': {
    positive: [
      'CREDIT CARD PAYMENT THANK YOU', 'PAYMENT THANK YOU', 'PAYMENT - THANK YOU', 'AUTOPAY CREDIT CARD', 'CAPITAL ONE CREDIT CARD PAYMENT',
      'CAPITAL ONE MOBILE PYMT', 'AMEX EPAYMENT ACH PMT', 'DISCOVER E-PAYMENT', 'CHASE CREDIT CRD AUTOPAY PPD ID: 1234567', 'CHASE CARD AUTOPAY',
      'CITI CARD ONLINE PAYMENT', 'BARCLAYCARD PAYMENT', 'WELLS FARGO CARD ONLINE PAYMENT 272690', 'PAYMENT TO PNC CREDIT CARD', 'ACH DEBIT LLOYDS BANK AUTOPAY',
      ['PAYMENT RECEIVED - THANK YOU', 500], 'PAIEMENT - MERCI',
    ],
    negative: ['AMEX TRAVEL LONDON', 'AMERICAN EXPRESS', 'PAYMENT', 'CARD PAYMENT TO TESCO STORES ON 12-03', 'VERIZON AUTOPAY', 'DISCOVER MUSEUM'],
  },
  mortgage: {
    positive: ['MORTGAGE PAYMENT', 'MORTGAGE DIRECT DEBIT NATIONWIDE', 'KASIKORNBANK MORTGAGE PMT 071906', 'HOME LOAN INSTALMENT', 'ROCKET MORTGAGE'],
    negative: [['MORTGAGE PAYMENT', 1500], 'MORTGAGEE CLAUSE PRINTING'],
  },
  'student-loan': {
    positive: ['STUDENT LOAN PAYMENT NAVIENT', 'NELNET STUDENT LN', 'SALLIE MAE LOAN PAYMENT', 'STUDENT LOANS COMPANY', 'DEPT EDUCATION STUDENT LN'],
    negative: [['NAVIENT', 300], 'STUDENT UNION BAR'],
  },
  'car-loan': {
    positive: ['AUTO LOAN PAYMENT TOYOTA FINANCIAL', 'TOYOTA FINANCIAL SERVICES', 'HONDA FINANCIAL SERVICES PMT', 'FORD CREDIT PAYMENT', 'CAR FINANCE DIRECT DEBIT', 'BARCLAYS AUTO LOAN PAYMENT', 'ALLY AUTO PAYMENT'],
    negative: ['TOYOTA OF OAKLAND SERVICE', 'FORD MOTOR CO PARTS', ['FORD CREDIT', 300]],
  },
  bnpl: {
    positive: ['AFFIRM PAYMENT', 'AFTERPAY INSTALLMENT', 'KLARNA INSTALMENT', 'CLEARPAY'],
    negative: [['AFFIRM', 50], 'AFFIRMATIONS BOOKSHOP'],
  },
  'loan-payment': {
    positive: ['PERSONAL LOAN REPAYMENT', 'SANTANDER LOAN REPAYMENT REF 620803', 'SOFI LOAN PAYMENT', 'DIRECT DEBIT PNC LOANS', 'TILGUNG DARLEHEN', 'REMBOURSEMENT PRET', 'ผ่อนชำระ สินเชื่อ LOAN'],
    negative: [['LOAN REPAYMENT', 200], 'LOANDEPOT CAFE', 'PAYMENT'],
  },
  'tax-payment': {
    positive: ['IRS USATAXPYMT', 'HMRC SELF ASSESSMENT', 'COUNCIL TAX', 'STATE TAX PAYMENT', 'FINANZAMT STEUER', 'KFZ-STEUER', 'DVLA VEHICLE TAX', 'CITY OF SEATTLE UTILITY TAX'],
    negative: [['COUNCIL TAX', 100], 'TAXI LONDON', 'STEUERBERATER MUELLER', 'TURBOTAX'],
  },
  'municipal-utilities': {
    positive: ['CITY OF TSHWANE WATER', 'CITY OF JHB RATES', 'EMFULENI MUNICIPALITY ELECTRICITY', 'WATER AND ELECTRICITY UMSOBOMVU MUNIC',
      'SHIRE COUNCIL WATER RATES', 'CITY OF TORONTO WATER'],
    negative: ['COUNCIL TAX', 'CITY OF TORONTO WATER PARK', 'CITY OF CAPE TOWN', 'THAMES WATER', ['CITY OF JHB RATES', 80]],
  },
  deposit: {
    positive: ['ATM CASH DEPOSIT', 'MOBILE CHECK DEPOSIT', 'BRANCH DEPOSIT', 'CASH DEPOSIT', 'BAREINZAHLUNG', 'ฝากเงินสด'],
    negative: [['ATM CASH DEPOSIT', -50], 'BETTERMENT DEPOSIT', 'SECURITY DEPOSIT RETURN', 'DIRECT DEPOSIT ACME'],
  },
  'atm-withdrawal': {
    positive: ['ATM WITHDRAWAL', 'ATM WITHDRAWAL 0423 MAIN ST', 'CASH WITHDRAWAL', 'US BANK ATM WITHDRAWAL 403450', 'BKOFAMERICA ATM 03/14 #000001234 WITHDRWL OAKLAND', 'CPT LINK BARCLAYS', 'ถอนเงินสด', 'BARGELDAUSZAHLUNG'],
    negative: ['BATMAN ARKHAM', 'ATM FEE', ['ATM WITHDRAWAL', 100], 'ATM CASH DEPOSIT', 'ATM FEE REBATE'],
  },
  'transfer-own-in': {
    positive: ['TRANSFER FROM SAVINGS', 'DEPOSIT FROM SAVINGS', 'TRANSFER FROM CHASE SAVINGS 648490', ['INTERNAL TRANSFER', 100], 'INTERNAL TRANSFER IN', ['ROUND UP', 5]],
    negative: ['TRANSFER TO SAVINGS', 'INTERNAL TRANSFER', ['TRANSFER FROM SAVINGS', -100]],
  },
  'transfer-own-out': {
    positive: ['TRANSFER TO SAVINGS', 'STANDING ORDER TO SAVINGS', 'ONLINE TRANSFER TO CHASE SAVINGS 413465', 'TFR TO SAVINGS 1234', 'INTERNAL TRANSFER OUT', 'DAUERAUFTRAG AN SPARKONTO', ['ROUND UP', -0.42]],
    negative: ['TRANSFER FROM CHECKING', 'ROUND UP', ['TRANSFER TO SAVINGS', 100]],
  },
  'transfer-p2p-in': {
    positive: ['ZELLE FROM JOHN SMITH', 'ZELLE PAYMENT FROM J DOE', 'VENMO CASHOUT', 'VENMO FROM J DOE', 'CASH APP TRANSFER FROM', 'INTERAC E-TRANSFER FROM JANE DOE', 'WISE TRANSFER RECEIVED', 'รับโอนเงิน PROMPTPAY', ['VENMO *JOHN SMITH', 20], 'REVOLUT PAYMENT FROM J DOE'],
    negative: ['VENMO *JOHN SMITH', 'ZELLE TO JOHN SMITH', ['ZELLE FROM JOHN SMITH', -20], 'WISEMAN HARDWARE'],
  },
  'transfer-p2p-out': {
    positive: ['ZELLE TO JOHN SMITH', 'ZELLE PAYMENT TO J DOE JPM99ABCD', 'VENMO PAYMENT TO', 'CASH APP PAYMENT TO', 'PAYNOW TRANSFER TO JOHN TAN', ['TRANSFERWISE', -500], 'OSKO PAYMENT TO JOHN CITIZEN', ['โอนเงิน PROMPTPAY 0812345678', -200], ['WESTERN UNION MONEY TRANSFER', -100]],
    negative: ['ZELLE FROM JOHN SMITH', 'TRANSFERWISE', 'PAYNOW', ['ZELLE TO JOHN SMITH', 20]],
  },
  'transfer-invest-in': {
    positive: [['ROBINHOOD', 250], 'TRANSFER FROM VANGUARD BROKERAGE'],
    negative: ['ROBINHOOD FUNDS TRANSFER', 'BETTERMENT DEPOSIT'],
  },
  'transfer-invest-out': {
    positive: [['ACORNS INVEST', -5], ['BETTERMENT DEPOSIT', -200], ['ROBINHOOD FUNDS TRANSFER', -100], 'TRANSFER TO VANGUARD BROKERAGE'],
    negative: ['ACORNS INVEST', ['VANGUARD BUY INVESTMENT', 100]],
  },
  'transfer-bank-in': {
    positive: ['FASTER PAYMENT RECEIVED FROM J DOE', 'INCOMING TRANSFER FROM A SMITH', 'INCOMING WIRE CAPITAL ONE REF 876732', 'BANK GIRO CREDIT', 'GUTSCHRIFT UEBERWEISUNG', 'EINGANG UEBERWEISUNG', 'CREDIT TRANSFER FROM MUM', 'โอนเงินเข้า TRANSFER IN', ['FPS J SMITH RENT', 500], 'DEPOSIT FROM DEUTSCHE BANK ACCOUNT'],
    negative: ['FPS J SMITH RENT', 'FASTER PAYMENT TO J DOE', ['INCOMING WIRE', -100], 'TRANSFERWISE'],
  },
  'transfer-bank-out': {
    positive: ['FASTER PAYMENT TO J DOE', 'OUTGOING WIRE PNC REF 913272', 'TRANSFER TO CITI ACCOUNT 286197', 'UEBERWEISUNG AN', 'Überweisung an Max Müller', 'VIREMENT VERS', 'RENT TRANSFER TO FLATMATE', 'INTERNET BANKING TRANSFER TO 12345678 J SMITH', ['FPS J SMITH RENT', -500], ['SO J SMITH', -400]],
    negative: ['FPS J SMITH RENT', 'FASTER PAYMENT RECEIVED FROM J DOE', 'TRANSFER STATION', ['TRANSFER TO CITI ACCOUNT', 100]],
  },
};

const lineOf = (c: Case) => (typeof c === 'string' ? { raw: c, amount: undefined } : { raw: c[0], amount: c[1] });
const winner = (c: Case) => {
  const { raw, amount } = lineOf(c);
  return matchRule(normalizeLine(raw), amount)?.rule ?? null;
};

describe('RULES table', () => {
  it('covers every rule with at least one positive and one negative case, and nothing else', () => {
    expect(Object.keys(CASES).sort()).toEqual(RULES.map((r) => r.id).sort());
    for (const [id, cases] of Object.entries(CASES)) {
      expect(cases.positive.length, id).toBeGreaterThan(0);
      expect(cases.negative.length, id).toBeGreaterThan(0);
    }
  });

  it('has unique ids, a known category and a confidence in [0.9, 0.99]', () => {
    const categories = new Set(['INCOME', 'TRANSFER_IN', 'TRANSFER_OUT', 'LOAN_PAYMENTS', 'BANK_FEES', 'GOVERNMENT_AND_NON_PROFIT', 'RENT_AND_UTILITIES']);
    expect(new Set(RULES.map((r) => r.id)).size).toBe(RULES.length);
    for (const r of RULES) {
      expect(categories.has(r.category), r.id).toBe(true);
      expect(r.confidence, r.id).toBeGreaterThanOrEqual(0.9);
      expect(r.confidence, r.id).toBeLessThanOrEqual(0.99);
      expect(r.pattern.global || r.pattern.sticky, `${r.id} must be stateless`).toBe(false);
    }
  });

  it('reads each \\b as a true word boundary on every case line (one-sided boundaries are an optimisation)', () => {
    const texts = Object.values(CASES).flatMap((c) => [...c.positive, ...c.negative]).map((c) => normalizeLine(lineOf(c).raw).text);
    for (const r of RULES) {
      const exact = exactBoundaries(r.pattern);
      for (const text of texts) expect(r.pattern.exec(text)?.[0], `${r.id} on ${text}`).toBe(exact.exec(text)?.[0]);
    }
  });

  for (const [id, cases] of Object.entries(CASES)) {
    describe(id, () => {
      it.each(cases.positive.map((c) => [JSON.stringify(c), c] as const))('wins %s', (_name, c) => {
        expect(winner(c)).toBe(id);
      });
      it.each(cases.negative.map((c) => [JSON.stringify(c), c] as const))('does not win %s', (_name, c) => {
        expect(winner(c)).not.toBe(id);
      });
    });
  }
});

describe('matchRule', () => {
  it('returns the rule id, category, confidence and reason', () => {
    const rule = RULES.find((r) => r.id === 'fee-overdraft')!;
    expect(matchRule(normalizeLine('OVERDRAFT FEE'))).toEqual({ rule: 'fee-overdraft', category: 'BANK_FEES', confidence: rule.confidence, reason: rule.reason });
  });

  it('leaves ordinary merchants alone, including ones whose names contain rule words', () => {
    for (const raw of ['SQ *BLUE BOTTLE COFFEE', 'STARBUCKS COFFEE #11823 SEATTLE WA', 'BATMAN COMICS', 'INTERESTING BOOKS', 'PINTEREST', 'AMEX TRAVEL', 'SALARYMAN RAMEN', 'TAXI LONDON', 'WIRELESS WORLD', 'LOANDEPOT CAFE', 'COFFEE FEE-LIX']) {
      expect(matchRule(normalizeLine(raw), -12), raw).toBeNull();
    }
  });

  it('splits a transfer by the amount sign when known, by its wording otherwise, and does not guess', () => {
    expect(matchRule(normalizeLine('ZELLE J DOE'))).toBeNull();
    expect(matchRule(normalizeLine('ZELLE J DOE'), -20)?.category).toBe('TRANSFER_OUT');
    expect(matchRule(normalizeLine('ZELLE J DOE'), 20)?.category).toBe('TRANSFER_IN');
    expect(matchRule(normalizeLine('ZELLE TO J DOE'))?.category).toBe('TRANSFER_OUT');
    expect(matchRule(normalizeLine('ZELLE FROM J DOE'))?.category).toBe('TRANSFER_IN');
    expect(matchRule(normalizeLine('TRANSFER FROM CHECKING TO SAVINGS'))).toBeNull();
    // The sign is what happened to this account; it wins over the wording.
    expect(matchRule(normalizeLine('ZELLE TO J DOE'), 20)?.category).toBe('TRANSFER_IN');
    expect(matchRule(normalizeLine('ZELLE J DOE'), 0)).toBeNull();
    expect(matchRule(normalizeLine('ZELLE J DOE'), Number.NaN)).toBeNull();
  });

  it('keeps a refunded fee in BANK_FEES although the money comes in', () => {
    expect(matchRule(normalizeLine('OVERDRAFT FEE REFUND'), 35)?.category).toBe('BANK_FEES');
    expect(matchRule(normalizeLine('FOREIGN TRANSACTION FEE REVERSAL'), 2.5)?.category).toBe('BANK_FEES');
    expect(matchRule(normalizeLine('ATM FEE REBATE'), 3)?.category).toBe('BANK_FEES');
  });

  it('gives no category to merchant refunds', () => {
    expect(matchRule(normalizeLine('REFUND AMAZON.COM'), 25)).toBeNull();
    expect(matchRule(normalizeLine('POS REFUND TESCO STORES 3297'), 4)).toBeNull();
  });
});

describe('isRefund', () => {
  it.each([
    ['REFUND AMAZON.COM', true],
    ['POS REFUND TESCO STORES 3297', true],
    ['AMAZON.COM REFUND', true],
    ['PURCHASE RETURN TARGET 1234', true],
    ['MERCHANDISE CREDIT NORDSTROM', true],
    ['UBER TRIP REVERSAL', true],
    ['CHARGEBACK CREDIT', true],
    ['RUECKERSTATTUNG ZALANDO', true],
    ['คืนเงิน LAZADA', true],
    ['OVERDRAFT FEE REFUND', true],
    ['TAX REFUND HMRC', false],
    ['IRS TREAS 310 TAX REF', false],
    ['STEUERERSTATTUNG FINANZAMT', false],
    ['REMBOURSEMENT PRET', false],
    ['RETURNED ITEM FEE', false],
    ['RETURN FLIGHT LONDON', false],
    ['AMAZON.COM', false],
  ])('%s -> %s', (raw, expected) => {
    expect(isRefund(normalizeLine(raw))).toBe(expected);
  });
});

describe('wordingFlow', () => {
  it.each([
    ['ZELLE TO J DOE', 'out'],
    ['FASTER PAYMENT RECEIVED FROM J DOE', 'in'],
    ['TRANSFER FROM CHECKING TO SAVINGS', null],
    ['CREDIT CARD PAYMENT', null],
    ['BANK GIRO CREDIT', 'in'],
    ['BETTERMENT DEPOSIT', null],
    ['โอนเงินเข้า', 'in'],
  ])('%s -> %s', (text, flow) => {
    expect(wordingFlow(normalizeLine(text).text)).toBe(flow);
  });
});
