import { describe, expect, it } from 'vitest';
import { merchantKey, normalizeLine } from './normalize.js';
import * as patterns from './normalize-patterns.js';
import { exactBoundaries } from './regex.js';

// raw statement line -> merchant key, grouped by where the format comes from.
const KEYS: ReadonlyArray<readonly [string, string]> = [
  // United States: debit card, credit card, processors, ACH.
  ['CHECKCARD 0412 SAFEWAY #1234 OAKLAND CA', 'SAFEWAY'],
  ['PURCHASE AUTHORIZED ON 03/14 SAFEWAY #1234 OAKLAND CA S381234567 CARD 1234', 'SAFEWAY'],
  ['SAFEWAY STORE 00012345 SAN FRANCISCO CA', 'SAFEWAY'],
  ['DEBIT CARD PURCHASE - SAFEWAY 1234', 'SAFEWAY'],
  ['WHOLEFDS MKT #10234 BERKELEY CA', 'WHOLEFDS MKT'],
  ["TRADER JOE'S #552 QPS PORTLAND OR", 'TRADER JOES'],
  ['TARGET T-1234 AUSTIN TX', 'TARGET'],
  ['TARGET 00012345 MINNEAPOLIS MN', 'TARGET'],
  ['WAL-MART #1234 BENTONVILLE AR', 'WAL-MART'],
  ['COSTCO WHSE #0123 SEATTLE WA', 'COSTCO WHSE'],
  ['CHIPOTLE 1234 NEW YORK NY', 'CHIPOTLE'],
  ['STARBUCKS COFFEE #11823 SEATTLE WA', 'STARBUCKS COFFEE'],
  ['HOME DEPOT #6612 AUSTIN TX', 'HOME DEPOT'],
  ['THE HOME DEPOT #6612', 'HOME DEPOT'],
  ["MCDONALD'S F12345 CHICAGO IL", 'MCDONALDS'],
  ['POS DEBIT 03/14 12:34 MCDONALDS F1234', 'MCDONALDS'],
  ['CVS/PHARMACY #04567', 'CVS PHARMACY'],
  ['DEBIT CARD PURCHASE XXXXX1234 WALGREENS #1234 CHICAGO IL', 'WALGREENS'],
  ['DEBIT PURCHASE -VISA STARBUCKS 800-782-7282 WA', 'STARBUCKS'],
  ['SHELL OIL 57444221', 'SHELL OIL'],
  ['SHELL OIL 57444221 HOUSTON TX', 'SHELL OIL'],
  ['EXXONMOBIL 47281234 DALLAS TX', 'EXXONMOBIL'],
  ['DELTA AIR 0062345678901', 'DELTA AIR'],
  ['IN-N-OUT BURGER #123 IRVINE CA', 'IN-N-OUT BURGER'],
  ['24 HOUR FITNESS #123 SAN DIEGO CA', '24 HOUR FITNESS'],
  ['FOREVER 21 #1234 LOS ANGELES CA', 'FOREVER 21'],
  ['SHAKE SHACK CA', 'SHAKE SHACK'],
  ['WHOLE FOODS MARKET TX', 'WHOLE FOODS MARKET'],
  ['AMZN Mktp US*2K4XY12', 'AMZN MKTP'],
  ['AMAZON.COM*2K4XY12 AMZN.COM/BILL WA', 'AMAZON'],
  ['Prime Video*2K4XY12 888-802-3080 WA', 'PRIME VIDEO'],
  ['NETFLIX.COM 866-579-7172 CA', 'NETFLIX'],
  ['RECURRING PAYMENT AUTHORIZED ON 03/14 NETFLIX.COM 866-579-7172 CA S461234 CARD 1234', 'NETFLIX'],
  ['APPLE.COM/BILL 866-712-7753 CA', 'APPLE'],
  ['SPOTIFY USA 877-7781161 NY', 'SPOTIFY'],
  ['GOOGLE *YOUTUBE PREMIUM G.CO/HELPPAY#', 'GOOGLE YOUTUBE PREMIUM'],
  ['UBER *TRIP', 'UBER TRIP'],
  ['Uber Trip help.uber.com', 'UBER TRIP'],
  ['UBER *EATS 8005928996 CA', 'UBER EATS'],
  ['LYFT *RIDE SUN 10PM', 'LYFT RIDE'],
  ['SQ *BLUE BOTTLE COFFEE', 'BLUE BOTTLE COFFEE'],
  ["SQ *JOE'S PIZZA Brooklyn NY", 'JOES PIZZA'],
  ['TST* SHAKE SHACK 1234', 'SHAKE SHACK'],
  ['PAYPAL *NETFLIX', 'NETFLIX'],
  ['PAYPAL *STEAM GAMES 4029357733', 'STEAM GAMES'],
  ['APPLE PAY STARBUCKS', 'STARBUCKS'],
  ['ACH DEBIT VERIZON WIRELESS', 'VERIZON WIRELESS'],
  ['VERIZON WIRELESS DES:PAYMENTS ID:123456 INDN:JOHN SMITH CO ID:1234567890 PPD', 'VERIZON WIRELESS'],
  ['AT&T *BILL PAYMENT 800-288-2020 TX', 'AT&T BILL PAYMENT'],
  ['REFUND AMAZON.COM', 'AMAZON'],
  // United Kingdom.
  ['POS 4421 TESCO STORES 3297', 'TESCO STORES'],
  ['POS REFUND TESCO STORES 3297', 'TESCO STORES'],
  ['VIS TESCO STORES 3297 READING', 'TESCO STORES'],
  ['DEB SHOPS #123', 'DEB SHOPS'],
  ['CARD PAYMENT TO TESCO STORES ON 12-03', 'TESCO STORES'],
  ['CARD PAYMENT TO SAINSBURYS S/MKTS ON 14 MAR', 'SAINSBURYS S MKTS'],
  ['CONTACTLESS PAYMENT PRET A MANGER LONDON GB', 'PRET A MANGER'],
  ['CONTACTLESS PAYMENT COSTA COFFEE LONDON GB', 'COSTA COFFEE'],
  ['POS 4421 MARKS & SPENCER 0123', 'MARKS & SPENCER'],
  ['Amazon.co.uk*AB12CD3EF', 'AMAZON'],
  ['DIRECT DEBIT BRITISH GAS', 'BRITISH GAS'],
  ['DD BRITISH GAS', 'BRITISH GAS'],
  ['DIRECT DEBIT BRITISH GAS, REF 00123', 'BRITISH GAS'],
  ['DD THAMES WATER', 'THAMES WATER'],
  ['SO J SMITH', 'J SMITH'],
  ['O2 UK', 'O2'],
  ['IZ *COFFEE CART', 'COFFEE CART'],
  ['SUMUP *CAFE LUNA', 'CAFE LUNA'],
  // Australia.
  ['VISA DEBIT PURCHASE CARD 1234 WOOLWORTHS 1234 SYDNEY AU', 'WOOLWORTHS'],
  ['WOOLWORTHS 1234 SYDNEY NS AUS', 'WOOLWORTHS'],
  ['EFTPOS PURCHASE 1234 COLES 0712 BONDI JUNCTION', 'COLES'],
  ['EFTPOS PURCHASE BUNNINGS 380000 SYDNEY', 'BUNNINGS'],
  ['EFTPOS DEBIT 0903 CALTEX WOOLWORTHS 1234 PARRAMATTA AU', 'CALTEX WOOLWORTHS'],
  // India: UPI fields (reference, payee, VPA, IFSC, note).
  ['UPI-ZOMATO LTD-zomato.payu@hdfcbank-HDFC0000499-412345678901-Payment', 'ZOMATO'],
  ['UPI/412399001122/CRED Club/cred.club@axisb/Credit card bill', 'CRED CLUB'],
  ['UPI/P2M/412390001111/DMRC DELHI METRO/Payment', 'DMRC DELHI METRO'],
  ['UPI/DR/412399990000/Reliance Jio/jio@citibank/Recharge', 'RELIANCE JIO'],
  // EU app banks.
  ['Card transaction of 9.80 EUR issued by Uber Trip help.uber.com', 'UBER TRIP'],
  ['BPAY ORIGIN ENERGY', 'ORIGIN ENERGY'],
  ['Direct Debit 123456 TELSTRA', 'TELSTRA'],
  // Canada.
  ['POINT OF SALE - INTERAC RETAIL PURCHASE 000001234567 TIM HORTONS #1234', 'TIM HORTONS'],
  ['TIM HORTONS #1234 _F', 'TIM HORTONS'],
  ['IDP PURCHASE - 1234 LOBLAWS', 'LOBLAWS'],
  ['PREAUTHORIZED DEBIT ROGERS WIRELESS', 'ROGERS WIRELESS'],
  // Germany / EU.
  ['Kartenzahlung REWE Markt GmbH//Berlin/DE 2024-03-14T18:23:00 Karte Nr. 4871 78XX XXXX 1234', 'REWE MARKT'],
  ['KARTENZAHLUNG REWE SAGT DANKE 12345//BERLIN/DE', 'REWE'],
  ['Kartenzahlung dm-drogerie markt//Muenchen/DE 2024-03-14', 'DM-DROGERIE MARKT'],
  ['SEPA-LASTSCHRIFT Vodafone GmbH EREF+123456 MREF+ABC123 CRED+DE12ZZZ00000 SVWZ+Rechnung 4711', 'VODAFONE'],
  ['LASTSCHRIFT Deutsche Telekom AG', 'DEUTSCHE TELEKOM'],
  ['MCC 5411 ALDI SUED 1234 MUENCHEN', 'ALDI SUED'],
  ['CB CARREFOUR 12/03', 'CARREFOUR'],
  ['CAFÉ CRÈME PARIS FR', 'CAFE CREME'],
  // Thailand.
  ['ชำระเงิน 7-ELEVEN BANGKOK TH', '7-ELEVEN'],
  ['7-11 #12345', '7-ELEVEN'],
  ['โอนเงิน PROMPTPAY 0812345678', 'PROMPTPAY'],
  // Singapore.
  ['GRAB*A-1234567 SINGAPORE SG', 'GRAB'],
  ['NTUC FAIRPRICE 12345 SINGAPORE SG', 'NTUC FAIRPRICE'],
  ['NETS QR NTUC FAIRPRICE', 'NTUC FAIRPRICE'],
  ['GIRO - SP SERVICES', 'SP SERVICES'],
  // Full-width characters, as some Asian exports write them.
  ['ＳＱ ＊ＢＬＵＥ ＢＯＴＴＬＥ', 'BLUE BOTTLE'],
];

describe('merchantKey', () => {
  it('has at least 60 rows across countries', () => expect(KEYS.length).toBeGreaterThanOrEqual(60));

  it.each(KEYS)('%s -> %s', (raw, key) => {
    expect(merchantKey(raw)).toBe(key);
    expect(normalizeLine(raw).merchantKey).toBe(key);
  });

  it('is idempotent: the key of a key is itself', () => {
    const odd = ['', '   ', '#1234', '12/03', 'POS', 'ATM WITHDRAWAL 0423 MAIN ST', 'MONTHLY SERVICE FEE', 'CHECK IN', 'ACME CA INC', 'INC'];
    for (const raw of [...KEYS.map(([r]) => r), ...odd]) {
      const key = merchantKey(raw);
      expect(merchantKey(key), raw).toBe(key);
    }
  });

  it('is never empty: falls back to the text, then the raw line, then UNKNOWN', () => {
    expect(merchantKey('MONTHLY SERVICE FEE')).toBe('MONTHLY SERVICE FEE');
    expect(merchantKey('#1234')).toBe('#1234');
    expect(merchantKey('POS')).toBe('POS');
    expect(merchantKey('')).toBe('UNKNOWN');
    expect(merchantKey(' \t ')).toBe('UNKNOWN');
    for (const raw of ['DIRECT DEBIT', 'REFUND', '12/03/2024 12:34', '****1234', 'โอนเงิน']) expect(merchantKey(raw), raw).not.toBe('');
  });

  it('keeps the direction of a transfer in its key (to and from someone are different memories)', () => {
    expect(merchantKey('ZELLE PAYMENT TO J DOE JPM99ABCD')).toBe('ZELLE PAYMENT TO J DOE');
    expect(merchantKey('ZELLE PAYMENT FROM J DOE')).toBe('ZELLE PAYMENT FROM J DOE');
  });
});

describe('normalizeLine text', () => {
  it.each([
    ['ATM WITHDRAWAL 0423 MAIN ST', 'ATM WITHDRAWAL MAIN ST'],
    ['US BANK ATM FEE 897091', 'US BANK ATM FEE'],
    ['NON-NETWORK ATM FEE', 'NON-NETWORK ATM FEE'],
    ['INTEREST CHARGE ON PURCHASES', 'INTEREST CHARGE ON PURCHASES'],
    ['PURCHASE INTEREST CHARGE', 'PURCHASE INTEREST CHARGE'],
    ['INTEREST EARNED LLOYDS BANK SAVINGS', 'INTEREST EARNED LLOYDS BANK SAVINGS'],
    ['TFR TO SAVINGS 1234', 'TRANSFER TO SAVINGS'],
    ['ONLINE TRANSFER FROM BARCLAYS CHK 688019', 'ONLINE TRANSFER FROM BARCLAYS CHECKING'],
    ['INTERNET BANKING TRANSFER TO 12345678 J SMITH', 'TRANSFER TO J SMITH'],
    ['POS REFUND TESCO STORES 3297', 'REFUND TESCO STORES'],
    ['PURCHASE RETURN TARGET 1234', 'PURCHASE RETURN TARGET'],
    ['BGC ACME LTD SALARY', 'BANK GIRO CREDIT ACME LTD SALARY'],
    ['PAYROLL DIR DEP ACME INC', 'PAYROLL DIRECT DEPOSIT ACME INC'],
    ['CAPITAL ONE MOBILE PYMT', 'CAPITAL ONE MOBILE PAYMENT'],
    ['DD BRITISH GAS', 'DIRECT DEBIT BRITISH GAS'],
    ['FPS J SMITH RENT', 'FASTER PAYMENT J SMITH RENT'],
    ['STO 12345 SAVINGS', 'STANDING ORDER SAVINGS'],
    ['CHECKCARD 0412 SAFEWAY #1234 OAKLAND CA', 'SAFEWAY OAKLAND CA'],
    ['PAYPAL *NETFLIX', 'NETFLIX'],
    ['CARD PAYMENT TO TESCO STORES ON 12-03', 'TESCO STORES'],
    ['Überweisung an Max Müller', 'UEBERWEISUNG AN MAX MUELLER'],
    ['ค่าธรรมเนียม FEE', 'ค่าธรรมเนียม FEE'.normalize('NFKC')],
    ['ORIG CO NAME:ACME CORP ORIG ID:1234567890 DESC DATE:240314 CO ENTRY DESCR:PAYROLL SEC:PPD TRACE#:1234', 'ACME CORP PAYROLL'],
  ])('%s -> %s', (raw, text) => {
    expect(normalizeLine(raw).text).toBe(text);
  });

  it('keeps raw as given and upper-cases, NFKC-folds and collapses whitespace in text', () => {
    const line = normalizeLine('  ｎｅｔｆｌｉｘ   monthly  ');
    expect(line.raw).toBe('  ｎｅｔｆｌｉｘ   monthly  ');
    expect(line.text).toBe('NETFLIX MONTHLY');
  });
});

describe('normalizeLine processor, channel, mcc', () => {
  it.each([
    ['SQ *BLUE BOTTLE COFFEE', 'SQUARE'],
    ['TST* SHAKE SHACK 1234', 'TOAST'],
    ['PAYPAL *NETFLIX', 'PAYPAL'],
    ['PP*SPOTIFY', 'PAYPAL'],
    ['IZ *COFFEE CART', 'ZETTLE'],
    ['SUMUP *CAFE LUNA', 'SUMUP'],
    ['STRIPE* ACME SAAS', 'STRIPE'],
    ['DD *DOORDASH CHIPOTLE', 'DOORDASH'],
    ['CHECKCARD 0412 SQ *BLUE BOTTLE COFFEE', 'SQUARE'],
    ['UBER *TRIP', null],
    ['AMZN Mktp US*2K4XY12', null],
    ['SAFEWAY #1234', null],
  ])('%s -> processor %s', (raw, processor) => {
    expect(normalizeLine(raw).processor).toBe(processor);
  });

  it.each([
    ['CHECKCARD 0412 SAFEWAY #1234 OAKLAND CA', 'card'],
    ['POS 4421 TESCO STORES 3297', 'card'],
    ['EFTPOS PURCHASE BUNNINGS 380000 SYDNEY', 'card'],
    ['CONTACTLESS PAYMENT COSTA COFFEE LONDON GB', 'card'],
    ['Kartenzahlung REWE Markt GmbH//Berlin/DE', 'card'],
    ['PURCHASE AUTHORIZED ON 03/14 SAFEWAY', 'card'],
    ['SQ *BLUE BOTTLE COFFEE', 'card'],
    ['NETS QR NTUC FAIRPRICE', 'card'],
    ['DIRECT DEBIT BRITISH GAS', 'direct_debit'],
    ['DD BRITISH GAS', 'direct_debit'],
    ['ACH DEBIT VERIZON WIRELESS', 'direct_debit'],
    ['SEPA-LASTSCHRIFT Vodafone GmbH', 'direct_debit'],
    ['PREAUTHORIZED DEBIT ROGERS WIRELESS', 'direct_debit'],
    ['GIRO - SP SERVICES', 'direct_debit'],
    ['FASTER PAYMENT RECEIVED FROM J DOE', 'transfer'],
    ['FPS J SMITH RENT', 'transfer'],
    ['BGC ACME LTD SALARY', 'transfer'],
    ['TFR TO SAVINGS', 'transfer'],
    ['INTERNET BANKING TRANSFER TO J SMITH', 'transfer'],
    ['ZELLE TO JOHN SMITH', 'transfer'],
    ['INTERAC E-TRANSFER FROM JANE DOE', 'transfer'],
    ['PAYNOW TRANSFER TO JOHN TAN', 'transfer'],
    ['โอนเงิน PROMPTPAY', 'transfer'],
    ['UEBERWEISUNG AN MAX MUELLER', 'transfer'],
    ['ATM WITHDRAWAL 0423 MAIN ST', 'atm'],
    ['CASH WITHDRAWAL BARCLAYS', 'atm'],
    ['ถอนเงินสด ATM', 'atm'],
    ['CHQ 000123', 'cheque'],
    ['CHECK 1042', 'cheque'],
    ['MOBILE CHECK DEPOSIT', 'cheque'],
    ['SO J SMITH', 'standing_order'],
    ['STANDING ORDER TO SAVINGS', 'standing_order'],
    ['DAUERAUFTRAG AN SPARKONTO', 'standing_order'],
    ['MONTHLY SERVICE FEE', null],
    ['DD *DOORDASH CHIPOTLE', null],
    ['AMZN Mktp US*2K4XY12', null],
  ])('%s -> channel %s', (raw, channel) => {
    expect(normalizeLine(raw).channel).toBe(channel);
  });

  it.each([
    ['MCC 5411 ALDI SUED 1234 MUENCHEN', '5411'],
    ['STARBUCKS MCC:5812', '5812'],
    ['SHELL MCC#5541 LONDON', '5541'],
    ['SAFEWAY #5411', null],
    ['POS 5411 TESCO', null],
  ])('%s -> mcc %s', (raw, mcc) => {
    const line = normalizeLine(raw);
    expect(line.mcc).toBe(mcc);
    if (mcc) expect(line.text).not.toContain('MCC');
  });

  it('a line with an MCC and no other channel word is a card payment', () => {
    expect(normalizeLine('STARBUCKS MCC:5812').channel).toBe('card');
  });
});

describe('normalize patterns', () => {
  it('read each \\b as a true word boundary on every table line (one-sided boundaries are an optimisation)', () => {
    const all: RegExp[] = [
      ...patterns.NOISE_PATTERNS, ...patterns.CUT_PATTERNS, ...patterns.EXPANSIONS.map(([p]) => p), ...patterns.CHANNEL_PATTERNS.map(([p]) => p),
      patterns.CARD_PREFIX, patterns.KEY_CHANNEL_PREFIX, patterns.PROCESSOR_PREFIX, patterns.KEY_REFUND_PREFIX, patterns.KEY_REFUND_SUFFIX,
      patterns.LEGAL_PREFIX, patterns.KEY_NOISE,
    ];
    const texts = KEYS.flatMap(([raw]) => [raw.normalize('NFKC').toUpperCase(), normalizeLine(raw).text]);
    for (const p of all) {
      const fast = new RegExp(p.source, p.flags.replace('g', ''));
      const exact = exactBoundaries(p);
      for (const text of texts) expect(fast.exec(text)?.[0], `${p.source.slice(0, 60)} on ${text}`).toBe(exact.exec(text)?.[0]);
    }
  });
});
