import { describe, expect, it } from 'vitest';
import { KEYWORD_GROUPS } from './keywords-lexicon.js';
import { combineHits, keywordCategory, lexiconEntries, matchKeywords, type KeywordHit } from './keywords.js';
import { normalizeLine } from './normalize.js';

const CATEGORIES = new Set([
  'INCOME', 'TRANSFER_IN', 'TRANSFER_OUT', 'LOAN_PAYMENTS', 'BANK_FEES', 'ENTERTAINMENT', 'FOOD_AND_DRINK', 'GENERAL_MERCHANDISE',
  'HOME_IMPROVEMENT', 'MEDICAL', 'PERSONAL_CARE', 'GENERAL_SERVICES', 'GOVERNMENT_AND_NON_PROFIT', 'TRANSPORTATION', 'TRAVEL', 'RENT_AND_UTILITIES',
]);

// raw statement line -> category (null: the words say nothing, or disagree). Lines go through normalizeLine first.
const CASES: ReadonlyArray<readonly [string, string | null]> = [
  // English: US, UK, Australia, Singapore, India.
  ['SQ *JOES BARBER SHOP BROOKLYN NY', 'PERSONAL_CARE'],
  ['LUXE HAIR SALON AUSTIN TX', 'PERSONAL_CARE'],
  ['TST* GOLDEN DRAGON RESTAURANT', 'FOOD_AND_DRINK'],
  ['SMITH FAMILY DENTAL GROUP', 'MEDICAL'],
  ['JOHN K PARK DDS', 'MEDICAL'],
  ['VALLEY CHIROPRACTIC CENTER', 'MEDICAL'],
  ['CITY ANIMAL HOSPITAL #2', 'MEDICAL'],
  ['RITE CARE PHARMACY 0042', 'MEDICAL'],
  ['DOWNTOWN LOCK & KEY', 'HOME_IMPROVEMENT'],
  ['ACE LOCKSMITH SERVICES', 'HOME_IMPROVEMENT'],
  ['MIKES HANDYMAN LLC', 'HOME_IMPROVEMENT'],
  ['RIVERSIDE PLUMBING & HEATING', 'HOME_IMPROVEMENT'],
  ['SUNRISE COIN LAUNDRY', 'PERSONAL_CARE'],
  ['PRESTIGE DRY CLEANERS', 'PERSONAL_CARE'],
  ['IRON TEMPLE FITNESS', 'PERSONAL_CARE'],
  ['MAIN ST AUTO REPAIR', 'GENERAL_SERVICES'],
  ['SPARKLE CAR WASH', 'GENERAL_SERVICES'],
  ['STATE FARM INSURANCE 1234', 'GENERAL_SERVICES'],
  ['BRIGHT HORIZONS DAYCARE', 'GENERAL_SERVICES'],
  ['UNIVERSITY OF TEXAS TUITION', 'GENERAL_SERVICES'],
  ['CA DMV FEE 0412', 'GOVERNMENT_AND_NON_PROFIT'],
  ['ST MARYS CHURCH DONATION', 'GOVERNMENT_AND_NON_PROFIT'],
  ['BRISBANE CITY COUNCIL', 'GOVERNMENT_AND_NON_PROFIT'],
  ['AMC CINEMAS 14', 'ENTERTAINMENT'],
  ['NATURAL HISTORY MUSEUM', 'ENTERTAINMENT'],
  ['STRIKE BOWLING BAR', 'ENTERTAINMENT'],
  ['SEASIDE MOTEL', 'TRAVEL'],
  ['YHA BACKPACKERS HOSTEL', 'TRAVEL'],
  ['QANTAS AIRWAYS', 'TRAVEL'],
  ['BUDGET RENT A CAR', 'TRAVEL'],
  ['WILSON PARKING 221', 'TRANSPORTATION'],
  ['YELLOW CAB TAXI', 'TRANSPORTATION'],
  ['SUNOCO FUEL 0443', 'TRANSPORTATION'],
  ['CITY OF AUSTIN UTILITIES', 'RENT_AND_UTILITIES'],
  ['FASTNET BROADBAND', 'RENT_AND_UTILITIES'],
  ['GOODWILL THRIFT STORE', 'GENERAL_MERCHANDISE'],
  ['HALF PRICE BOOKS', 'GENERAL_MERCHANDISE'],
  ['SALVOS OP SHOP', 'GENERAL_MERCHANDISE'],
  ['RED LION PUB', 'FOOD_AND_DRINK'],
  ['BLUE BOTTLE COFFEE', 'FOOD_AND_DRINK'],
  ['NEWTOWN BOTTLE SHOP', 'FOOD_AND_DRINK'],
  ['MAXWELL FOOD CENTRE', 'FOOD_AND_DRINK'],
  ['TIONG BAHRU KOPITIAM', 'FOOD_AND_DRINK'],
  ['UPI/412345678901/SHREE BALAJI MEDICALS/PAYTM', 'MEDICAL'],
  ['UPI/412345678901/SHARMA KIRANA STORE', 'FOOD_AND_DRINK'],
  ['UPI/412345678902/HP PETROLEUM FILLING STATION', 'TRANSPORTATION'],
  // German.
  ['SumUp *Friseur Salon Kaya', 'PERSONAL_CARE'],
  ['ADLER-APOTHEKE MUENCHEN', 'MEDICAL'],
  ['Bäckerei Müller GmbH', 'FOOD_AND_DRINK'],
  ['ZAHNARZTPRAXIS DR. WEBER', 'MEDICAL'],
  ['ALLIANZ VERSICHERUNG AG', 'GENERAL_SERVICES'],
  ['MIETE WOHNUNG MAERZ', 'RENT_AND_UTILITIES'],
  ['STADTWERKE KOELN STROM', 'RENT_AND_UTILITIES'],
  ['SPENDE UNICEF', 'GOVERNMENT_AND_NON_PROFIT'],
  ['BUERGERAMT MITTE', 'GOVERNMENT_AND_NON_PROFIT'],
  ['TIERPARK HELLABRUNN', 'ENTERTAINMENT'],
  ['PARKHAUS AM DOM', 'TRANSPORTATION'],
  ['ARAL TANKSTELLE 1234', 'TRANSPORTATION'],
  ['HORNBACH BAUMARKT', 'HOME_IMPROVEMENT'],
  ['MOEBEL KRAFT', 'HOME_IMPROVEMENT'],
  ['BUCHHANDLUNG HUGENDUBEL', 'GENERAL_MERCHANDISE'],
  ['WASCHSALON EXPRESS', 'PERSONAL_CARE'],
  ['KITA SONNENSCHEIN', 'GENERAL_SERVICES'],
  ['KFZ-WERKSTATT SCHULZ', 'GENERAL_SERVICES'],
  // French, Dutch, Spanish.
  ['CB PHARMACIE DU CENTRE', 'MEDICAL'],
  ['BOULANGERIE PAUL', 'FOOD_AND_DRINK'],
  ['COIFFURE ELEGANCE', 'PERSONAL_CARE'],
  ['LAVERIE DU MARCHE', 'PERSONAL_CARE'],
  ['PEAGE AUTOROUTE A7', 'TRANSPORTATION'],
  ['APOTHEEK DE ZWAAN', 'MEDICAL'],
  ['BAKKERIJ VAN DER MEER', 'FOOD_AND_DRINK'],
  ['KAPSALON MODERN', 'PERSONAL_CARE'],
  ['BIOSCOOP PATHE', 'ENTERTAINMENT'],
  ['TAQUERIA EL FAROLITO', 'FOOD_AND_DRINK'],
  ['FARMACIA SAN PABLO', 'MEDICAL'],
  ['PELUQUERIA LOLA', 'PERSONAL_CARE'],
  ['FERRETERIA EL MARTILLO', 'HOME_IMPROVEMENT'],
  // Thai (no spaces between words: matched inside runs).
  ['ร้านตัดผมชายสมชาย', 'PERSONAL_CARE'],
  ['ร้านขายยาเภสัชกรรม', 'MEDICAL'],
  ['คลินิกทันตกรรมยิ้มสวย', 'MEDICAL'],
  ['โรงพยาบาลกรุงเทพ', 'MEDICAL'],
  ['ร้านอาหารบ้านสวน', 'FOOD_AND_DRINK'],
  ['ก๋วยเตี๋ยวเรือป้าแดง', 'FOOD_AND_DRINK'],
  ['ร้านกาแฟมวลชน', 'FOOD_AND_DRINK'],
  ['ชำระเงิน ประกันภัยรถยนต์', 'GENERAL_SERVICES'],
  ['ค่าเช่าห้อง เดือนมีนาคม', 'RENT_AND_UTILITIES'],
  ['การไฟฟ้านครหลวง', 'RENT_AND_UTILITIES'],
  ['การประปาส่วนภูมิภาค', 'RENT_AND_UTILITIES'],
  ['บริจาคมูลนิธิกระจกเงา', 'GOVERNMENT_AND_NON_PROFIT'],
  ['ทำบุญวัดพระแก้ว', 'GOVERNMENT_AND_NON_PROFIT'],
  ['นวดแผนไทยสบายดี', 'PERSONAL_CARE'],
  ['ค่าเทอม โรงเรียนอนุบาล', 'GENERAL_SERVICES'],
  ['ไปรษณีย์ไทย สาขาบางรัก', 'GENERAL_SERVICES'],
  ['ค่าน้ำมัน ปตท', 'TRANSPORTATION'],
  // Negatives: a word inside another word, brands, people's names, generic words.
  ['SPAR 1234 EDINBURGH', null],
  ['SPANISH CONVERSATION LESSONS', null],
  ['TAXI', 'TRANSPORTATION'],
  ['CARTIER BOUTIQUE NYC', 'GENERAL_MERCHANDISE'],
  ['MARTIN GARCIA', null],
  ['JOHN BAKER', null],
  ['GYMBOREE 0543', null],
  ['BARNES NOBLE', null],
  ['TARGET 00012345', null],
  ['AMZN MKTP US*2K4XY12', null],
  ['CHECKCARD 0412 MISC PURCHASE', null],
  ['สำนักงานจังหวัดเชียงใหม่', null],
  ['ROYAL HOTEL BAR', null],
];

describe('keywordCategory on statement lines', () => {
  it.each(CASES)('%s → %s', (raw, expected) => {
    const { text } = normalizeLine(raw);
    expect(keywordCategory(text)?.category ?? null).toBe(expected);
  });
});

describe('matchKeywords', () => {
  const keywords = (text: string): string[] => matchKeywords(text).map((h) => h.keyword);

  it('matches whole words only: BAR is not in BARBER, SPA not in SPAR, TAX not in TAXI, ART not in MARTIN', () => {
    expect(keywords('BARBER')).toEqual(['BARBER']);
    expect(keywords('SPAR EXPRESS')).toEqual([]);
    expect(keywords('TAXI RANK')).toEqual(['TAXI']);
    expect(keywords('MARTIN CARTER')).toEqual([]);
    expect(keywords('BAR & GRILL')).toEqual(['BAR & GRILL']);
    expect(keywords('PROPERTY TAX')).toEqual(['TAX']);
  });

  it('matches stems at word starts and compound ends', () => {
    expect(keywords('APOTHEKEN NOTDIENST')).toEqual(['APOTHEK']);
    expect(keywords('STADTAPOTHEKE')).toEqual(['APOTHEK']);
    expect(keywords('HUNDESTEUER')).toEqual(['STEUER']);
    expect(keywords('STEUERBERATUNG')).toEqual(['STEUERBERAT']);
    expect(keywords('PEDIATRICS OF AUSTIN')).toEqual(['PEDIATRIC']);
  });

  it('lets a phrase hide the words in it, and accepts phrases run together or hyphenated', () => {
    expect(keywords('HERTZ RENT A CAR')).toEqual(['RENT A CAR']);
    expect(keywords('OFF LICENCE')).toEqual(['OFF LICENCE']);
    expect(keywords('FOOD COURT')).toEqual(['FOOD COURT']);
    expect(keywords('CARWASH')).toEqual(['CAR WASH']);
    expect(keywords('DRY-CLEANING')).toEqual(['DRY CLEAN']);
    expect(keywords('LOCK&KEY')).toEqual(['LOCK & KEY']);
  });

  it('drops neutral phrases without letting their words through', () => {
    expect(keywords('INTERNET BANKING')).toEqual([]);
    expect(keywords('SOCIAL SECURITY')).toEqual([]);
  });

  it('folds raw text the way normalizeLine does (umlauts, accents, case, apostrophes)', () => {
    expect(keywords('Bäckerei')).toEqual(['BAECKEREI']);
    expect(keywords('Möbelhaus')).toEqual(['MOEBEL']);
    expect(keywords('café de flore')).toEqual(['CAFE']);
    expect(keywords("Joe's Pizzeria")).toEqual(['PIZZERIA']);
  });

  it('matches Thai inside runs, longest first, and วัด only at the start of a run', () => {
    expect(keywords('ปั๊มน้ำมันบางจาก')).toEqual([normalizeLine('ปั๊มน้ำมัน').text]);
    expect(keywords('ประกันสังคม').map((k) => k.length)).toEqual(['ประกันสังคม'.normalize('NFKC').length]);
    expect(matchKeywords('ประกันสังคม')[0]?.category).toBe('GOVERNMENT_AND_NON_PROFIT');
    expect(keywords('วัดอรุณ')).toEqual(['วัด']);
    expect(keywords('จังหวัดภูเก็ต')).toEqual([]);
    expect(matchKeywords('ร้านบาร์เบอร์')[0]?.category).toBe('PERSONAL_CARE');
  });

  it('returns hits best first, each keyword once', () => {
    const hits = matchKeywords('HOTEL CAFE CAFE BAR');
    expect(hits.map((h) => [h.keyword, h.weight])).toEqual([['CAFE', 0.9], ['BAR', 0.5], ['HOTEL', 0.4]]);
  });
});

describe('keywordCategory combining', () => {
  const hit = (category: string, weight: number, keyword = `${category}-${weight}`): KeywordHit => ({ category, keyword, weight });

  it('returns null without hits', () => {
    expect(combineHits([])).toBeNull();
    expect(keywordCategory('')).toBeNull();
  });

  it('returns a lone category with its weight', () => {
    expect(combineHits([hit('MEDICAL', 0.95, 'DENTAL')])).toEqual({ category: 'MEDICAL', weight: 0.95, keywords: ['DENTAL'] });
  });

  it('sums weights within a category and caps the result at 1', () => {
    expect(combineHits([hit('TRAVEL', 0.4), hit('TRAVEL', 0.4)])?.weight).toBe(0.8);
    expect(combineHits([hit('FOOD_AND_DRINK', 0.9), hit('FOOD_AND_DRINK', 0.85)])?.weight).toBe(1);
  });

  it('gives null on an exact tie', () => {
    expect(combineHits([hit('MEDICAL', 0.6), hit('PERSONAL_CARE', 0.6)])).toBeNull();
  });

  it('gives null when the lead is too small in ratio or in absolute terms', () => {
    expect(combineHits([hit('FOOD_AND_DRINK', 0.5), hit('TRAVEL', 0.4)])).toBeNull(); // ratio 1.25
    expect(combineHits([hit('FOOD_AND_DRINK', 0.3), hit('TRAVEL', 0.15)])).toBeNull(); // ratio 2, lead 0.15
  });

  it('returns a clear winner, weight reduced by the runner-up', () => {
    const r = combineHits([hit('FOOD_AND_DRINK', 0.9, 'CAFE'), hit('TRAVEL', 0.4, 'HOTEL')]);
    expect(r?.category).toBe('FOOD_AND_DRINK');
    expect(r?.weight).toBeCloseTo(0.9 * (1 - 0.4 / 1.8), 3);
    expect(r?.keywords).toEqual(['CAFE']);
  });

  it('lets two weak words outvote one: HOTEL is an Australian pub unless something says travel', () => {
    expect(keywordCategory('ROYAL HOTEL')?.category).toBe('TRAVEL');
    expect(keywordCategory('ROYAL HOTEL PUB')?.category).toBe('FOOD_AND_DRINK');
    expect(keywordCategory('ROYAL HOTEL BAR')).toBeNull();
    expect(keywordCategory('GRAND HOTEL & SPA')?.category).toBe('TRAVEL');
  });
});

describe('lexicon', () => {
  const entries = lexiconEntries();

  it('uses only known categories and weights in (0, 1]', () => {
    for (const [category, weight] of KEYWORD_GROUPS) {
      expect(CATEGORIES.has(category), category).toBe(true);
      expect(weight > 0 && weight <= 1, `${category} ${weight}`).toBe(true);
    }
  });

  it('gives each keyword one category', () => {
    const seen = new Map<string, string>();
    const clashes = entries.filter((e) => {
      const before = seen.get(e.keyword);
      seen.set(e.keyword, e.category);
      return before !== undefined;
    });
    expect(clashes).toEqual([]);
  });

  it('has no bank wording that rules.ts owns', () => {
    const owned = /^(?:FEES?|INTEREST|TRANSFER|SALARY|PAYROLL|ATM|LOAN|MORTGAGE|OVERDRAFT|DEPOSIT|WITHDRAWAL)$/;
    expect(entries.filter((e) => owned.test(e.keyword))).toEqual([]);
  });

  it('covers every spending category broadly', () => {
    const spending = [...CATEGORIES].filter((c) => !/^(?:INCOME|TRANSFER_|LOAN_|BANK_)/.test(c));
    for (const c of spending) expect(entries.filter((e) => e.category === c).length, c).toBeGreaterThan(40);
  });
});
