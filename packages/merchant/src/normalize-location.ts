// The trailing location of a card line ("SAFEWAY #1234 OAKLAND CA", "WOOLWORTHS 1234 SYDNEY AU",
// "7-ELEVEN BANGKOK TH") is not part of the merchant's name. A state or country code marks it;
// the city before the code is found, in order of trust, by a removed store number (ANCHOR) in front
// of it, a list of well-known cities, or, failing both, by taking one word when enough remain.
import { ANCHOR } from './normalize-patterns.js';

const words = (s: string): ReadonlySet<string> => new Set(s.split(' '));

const REGIONS = words(
  'AL AK AZ AR CA CO CT DE DC FL GA HI ID IL IN IA KS KY LA ME MD MA MI MN MS MO MT NE NV NH NJ NM NY NC ND OH OK OR PA PR RI ' +
    'SC SD TN TX UT VT VA WA WV WI WY AB BC MB NB NL NS NT NU ON PE QC SK YT NSW VIC QLD SA TAS ACT',
);
const COUNTRIES = words(
  'US USA GB GBR UK AU AUS NZ NZL TH THA SG SGP CAN DEU FR FRA NL NLD IE IRL ESP IT ITA CH CHE AT AUT BE BEL SE SWE DK DNK NO NOR ' +
    'FI FIN PT PRT PL POL HK HKG JP JPN MY MYS ID IDN PH PHL VN VNM CN CHN KR KOR AE UAE MX MEX BR LU LUX CZ IN IND DE',
);
// Codes that are also ordinary words or legal forms: trusted only after a store number or a known city.
const RISKY = words('IN OR ME OK HI ID OH PA MA LA AL DE IT NO AT BE SO MY ON SE CAN NE CO SA ACT');

const CITIES: ReadonlySet<string> = new Set(
  [
    'NEW YORK|BROOKLYN|MANHATTAN|LOS ANGELES|SAN FRANCISCO|OAKLAND|BERKELEY|SAN JOSE|SAN DIEGO|SEATTLE|PORTLAND|CHICAGO|AUSTIN|HOUSTON',
    'DALLAS|SAN ANTONIO|BOSTON|ATLANTA|MIAMI|ORLANDO|TAMPA|DENVER|PHOENIX|LAS VEGAS|PHILADELPHIA|WASHINGTON|BALTIMORE|NASHVILLE',
    'MINNEAPOLIS|DETROIT|CHARLOTTE|COLUMBUS|INDIANAPOLIS|SACRAMENTO|PITTSBURGH|ST LOUIS|SALT LAKE CITY|KANSAS CITY|HONOLULU|RALEIGH',
    'PALO ALTO|MOUNTAIN VIEW|SUNNYVALE|CUPERTINO|SANTA MONICA|PASADENA|IRVINE|CLEVELAND|CINCINNATI|MILWAUKEE|NEW ORLEANS|ALBUQUERQUE',
    'TORONTO|VANCOUVER|MONTREAL|CALGARY|OTTAWA|EDMONTON|WINNIPEG|QUEBEC|HALIFAX|VICTORIA|MISSISSAUGA|BRAMPTON',
    'LONDON|MANCHESTER|BIRMINGHAM|LEEDS|GLASGOW|EDINBURGH|BRISTOL|LIVERPOOL|CARDIFF|BELFAST|NEWCASTLE|SHEFFIELD|NOTTINGHAM',
    'LEICESTER|OXFORD|CAMBRIDGE|BRIGHTON|READING|SOUTHAMPTON|MILTON KEYNES|COVENTRY|ABERDEEN|DUBLIN|CORK',
    'SYDNEY|MELBOURNE|BRISBANE|PERTH|ADELAIDE|CANBERRA|HOBART|DARWIN|GOLD COAST|PARRAMATTA|CHATSWOOD|NORTH SYDNEY|BONDI|BONDI JUNCTION',
    'AUCKLAND|WELLINGTON|BERLIN|MUENCHEN|MUNICH|HAMBURG|KOELN|COLOGNE|FRANKFURT|STUTTGART|DUESSELDORF|LEIPZIG|DRESDEN|HANNOVER',
    'NUERNBERG|BREMEN|PARIS|LYON|AMSTERDAM|ROTTERDAM|MADRID|BARCELONA|ROME|ROMA|MILAN|MILANO|VIENNA|WIEN|ZURICH|GENEVA|BRUSSELS',
    'LISBON|COPENHAGEN|STOCKHOLM|BANGKOK|BKK|CHIANG MAI|PHUKET|PATTAYA|NONTHABURI|SINGAPORE|HONG KONG|KUALA LUMPUR|TOKYO|DUBAI',
  ].join('|').split('|'),
);
// Words that start multi-word place names: when the fallback drops "FRANCISCO", "SAN" goes with it.
const CITY_LEAD = words('SAN SANTA LOS LAS NEW ST SAINT STE FORT FT PORT MOUNT MT PALM PALO EL LA LE DEL DES BATON CORPUS SALT LAKE GRAND LONG CAPE NORTH SOUTH EAST WEST UPPER LOWER');
// Words that end merchant names rather than start place names: never dropped as a guessed city.
const GENERIC = words(
  'MARKET MKT MKTP STORE STORES SHOP SHOPS SUPERMARKET SUPERCENTER COFFEE CAFE RESTAURANT GRILL BAR PUB PIZZA KITCHEN BAKERY DELI HOTEL ' +
    'INN MOTEL PHARMACY FOODS FOOD STATION CENTER CENTRE SERVICE SERVICES GAS OIL FUEL MART OUTLET WIRELESS ENERGY INSURANCE BANK TRIP ' +
    'EATS RIDE AIR AIRLINES AIRWAYS FITNESS GYM CLUB SALON SPA HEALTH DENTAL CLINIC HOSPITAL PARKING TAXI BREWING BURGER BURGERS TACOS ' +
    'SUSHI MEDICAL AUTO MOTORS SUPPLY DEPOT PLUS EXPRESS ONLINE DIGITAL MUSIC GAMES BOOKS HOME GARDEN HARDWARE BEAUTY LIQUOR WINE BEER TEA ' +
    'BILL PAYMENT PAYMENTS TRANSFER',
);

const OF_WORDS = words('OF FOR DE DU DI IN AT VON THE');

const isCode = (t: string): boolean => REGIONS.has(t) || COUNTRIES.has(t);

function trimAnchors(tokens: string[]): string[] {
  let end = tokens.length;
  while (end > 0 && tokens[end - 1] === ANCHOR) end--;
  return tokens.slice(0, end);
}

/** How many trailing tokens (1-3) spell a known city, or 0. */
function knownCityLength(tokens: readonly string[]): number {
  for (let n = Math.min(3, tokens.length - 1); n >= 1; n--) if (CITIES.has(tokens.slice(-n).join(' '))) return n;
  return 0;
}

function dropGuessedCity(tokens: string[]): string[] {
  const out = tokens.slice(0, -1);
  while (out.length > 1 && CITY_LEAD.has(out[out.length - 1] as string)) out.pop();
  return out;
}

/** "PRET A MANGER LONDON": a known city ending a shop's line, unless it is part of the name (CAFE PARIS, BANK OF LONDON). */
function withoutKnownCity(t: string[]): string[] {
  const n = knownCityLength(t);
  const rest = t.slice(0, t.length - n).filter((w) => w !== ANCHOR);
  if (n === 0 || rest.every((w) => GENERIC.has(w)) || OF_WORDS.has(rest[rest.length - 1] as string)) return t;
  return trimAnchors(t.slice(0, t.length - n));
}

/**
 * Drops a trailing "[city] CODE" from merchant-key tokens (which may hold ANCHOR tokens). A known
 * city after a store number goes even without a code, and on card lines so do up to two words after
 * it ("COLES 0712 BONDI JCT"); on card or unknown-channel lines a trailing known city goes too.
 */
export function stripLocation(input: readonly string[], lines: { cardLine: boolean; anyLine: boolean }): string[] {
  let t = trimAnchors([...input]);
  // "PAYPAL AUSTRALIA 1234567890 P": a lone letter after a number is a terminal flag.
  if (t.length > 2 && (t[t.length - 1] as string).length === 1 && t[t.length - 2] === ANCHOR) t = trimAnchors(t.slice(0, -1));
  const lastAnchor = (xs: readonly string[]): number => xs.lastIndexOf(ANCHOR);
  let popped = false;
  let numberBeforeCode = false;
  while (t.length >= 2 && isCode(t[t.length - 1] as string)) {
    const before = trimAnchors(t.slice(0, -1));
    const anchorAt = lastAnchor(before);
    numberBeforeCode = before.length < t.length - 1;
    const trusted = numberBeforeCode || (anchorAt >= 0 && anchorAt >= before.length - 4) || knownCityLength(before) > 0;
    if (RISKY.has(t[t.length - 1] as string) && !trusted) break;
    t = before;
    popped = true;
  }
  // "NETFLIX.COM 866-579-7172 CA": a phone or store number right before the code leaves no city.
  if (numberBeforeCode) return t;
  const anchor = lastAnchor(t);
  if (anchor > 0 && t.length - anchor - 1 <= 3) {
    // Without a code, only a known city or, on card lines, up to two non-generic words are a place.
    const tail = t.slice(anchor + 1);
    const uncoded = CITIES.has(tail.join(' ')) || (lines.cardLine && tail.length <= 2 && !tail.some((w) => GENERIC.has(w)));
    if (popped || uncoded) return trimAnchors(t.slice(0, anchor));
  }
  if (!popped) return lines.anyLine ? withoutKnownCity(t) : t;
  const city = knownCityLength(t);
  if (city > 0) return t.slice(0, -city);
  if (t.length >= 3 && !GENERIC.has(t[t.length - 1] as string)) return dropGuessedCity(t);
  return t;
}
