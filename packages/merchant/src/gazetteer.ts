// Brand gazetteer: finds the brand a normalized merchant key names ('WHOLEFDS MKT' -> Whole Foods
// Market, FOOD_AND_DRINK). Built by scripts/build-gazetteer.mjs from the OSM name-suggestion-index,
// MCC brand names and data/aliases.csv (see data/PROVENANCE.md). Matching is anchored at the start
// of the key: the normalizer has already removed processor prefixes, so a brand elsewhere in the key
// ('ZELLE TO TARGET') is not the merchant.
import { readFile } from 'node:fs/promises';
import { align, alignmentScore, isLatin, skeleton, wordsOf } from './gazetteer-align.js';

export interface Brand { name: string; category: string; osm: string; aliases: string[]; countries: string[] }
export interface GazetteerMatch { brand: string; category: string; osm: string; alias: string; score: number; how: 'exact' | 'prefix' | 'tokens' | 'abbreviation' }
export interface Gazetteer { match(merchantKey: string, options?: { country?: string }): GazetteerMatch | null; readonly size: number }
export interface GazetteerOptions {
  /** Words that alone name no merchant (TRANSFER, COFFEE, THE): a key made only of them matches nothing. */
  genericWords?: Iterable<string>;
}

/** Matches scoring below this are not returned: below it, false positives outnumber hits. */
export const MIN_SCORE = 0.6;

const DEFAULT_GAZETTEER = new URL('../data/gazetteer.json', import.meta.url);
const DEFAULT_MCC = new URL('../data/mcc.json', import.meta.url);

interface Candidate {
  brand: Brand;
  /** Position in the brand list: earlier brands are likelier when an alias names several. */
  order: number;
  alias: string;
  words: string[];
  flat: string;
  /** The alias is the brand's own name, not one of its other names. */
  primary: boolean;
  /** How much a match on this alias alone says: short words are often initials of something else. */
  strength: number;
}

interface Scored { c: Candidate; score: number; how: GazetteerMatch['how'] }

/** Initials written in capitals in the source list (KFC, CVS, BP) are names; 'Gap' or 'Lux' may be words. */
function strengthOf(alias: string, flat: string, brand: Brand): number {
  const acronym = wordsOf(brand.name).join('') === flat && brand.name === brand.name.toUpperCase();
  if (!isLatin(flat)) return flat.length >= 2 ? 1 : 0;
  if (flat.length >= 5 || (flat.length === 4 && alias.includes(' '))) return 1;
  if (flat.length === 4) return 0.95;
  if (flat.length === 3) return acronym ? 0.85 : 0.7;
  return acronym ? 0.72 : 0;
}

function candidatesOf(brands: readonly Brand[]): Candidate[] {
  const out: Candidate[] = [];
  brands.forEach((brand, order) => {
    const seen = new Set<string>();
    brand.aliases.forEach((alias, index) => {
      let words = wordsOf(alias);
      // 'THE HOME DEPOT' is also written 'HOME DEPOT'.
      const variants = words[0] === 'THE' && words.length > 1 ? [words, words.slice(1)] : [words];
      for (words of variants) {
        const flat = words.join('');
        if (!flat || seen.has(flat)) continue;
        seen.add(flat);
        out.push({ brand, order, alias, words, flat, primary: index === 0, strength: strengthOf(alias, flat, brand) });
      }
    });
  });
  return out;
}

function push<K, V>(map: Map<K, V[]>, key: K, value: V): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}

/** Exact and token-prefix matches: the alias, spaces and punctuation ignored, is the key or its first words. */
function prefixMatches(key: string[], byFlat: Map<string, Candidate[]>, found: Scored[]): void {
  let flat = '';
  key.forEach((word, i) => {
    flat += word;
    const extra = key.length - i - 1;
    for (const c of byFlat.get(flat) ?? []) {
      if (extra === 0) found.push({ c, score: c.strength > 0 ? Math.max(c.strength, 0.8) : 0.8, how: 'exact' });
      else found.push({ c, score: (0.92 - 0.04 * Math.min(extra, 3)) * c.strength, how: 'prefix' });
    }
  });
  // Scripts written without spaces (Thai, Chinese, Japanese): the alias may run straight into a branch name.
  const all = key.join('');
  if (isLatin(all)) return;
  for (let n = all.length - 1; n >= 2; n--) {
    for (const c of byFlat.get(all.slice(0, n)) ?? []) if (!isLatin(c.flat)) found.push({ c, score: 0.85, how: 'prefix' });
  }
}

/** Truncated and abbreviated spellings, among aliases whose consonant skeleton starts the same way. */
function fuzzyMatches(key: string[], buckets: Map<string, Candidate[]>, found: Scored[]): void {
  const flat = key.join('');
  if (flat.length < 3 || !isLatin(flat)) return;
  const skel = skeleton(flat);
  // Aliases are filed under their skeleton's first four letters (three when that is all they have).
  const pool = [...(buckets.get(skel.slice(0, 3)) ?? []), ...(skel.length >= 4 ? buckets.get(skel.slice(0, 4)) ?? [] : [])];
  for (const c of pool) {
    const a = align(key, c.words);
    if (!a) continue;
    // One word for one word is weak evidence unless long: 'ATM' spells ATOM, 'PAYMENT' starts PAYMENTUS.
    if (key.length === 1 && c.words.length === 1 && (key[0] as string).length < (a.abbreviated ? 4 : 6)) continue;
    if (key.length === 1 && c.words.length === 1 && !a.abbreviated && (key[0] as string).length / c.flat.length < 0.7) continue;
    const how = a.abbreviated ? 'abbreviation' : 'tokens';
    found.push({ c, score: alignmentScore(a) * Math.min(1, c.strength + 0.1), how });
  }
}

/**
 * Whether the exact and prefix matches leave nothing for the slower fuzzy pass to find: an exact
 * match, or a prefix match followed only by words of the trade or initials ('STARBUCKS STORE', 'TARGET T').
 */
function settled(key: readonly string[], found: readonly Scored[], generic: ReadonlySet<string>): boolean {
  return found.some((f) => {
    if (f.how === 'exact') return true;
    let flat = '';
    let i = 0;
    while (i < key.length && flat !== f.c.flat) flat += key[i++];
    return key.slice(i).every((w) => w.length <= 2 || generic.has(w));
  });
}

/** Country fit: brands listed for other countries only lose a little; the lists are far from complete. */
function countryFactor(brand: Brand, country: string | undefined): number {
  if (!country || brand.countries.length === 0) return 1;
  if (brand.countries.includes(country)) return 1.01;
  return brand.countries.some((c) => /^\d/.test(c)) ? 1 : 0.9;
}

function better(a: Scored, b: Scored): boolean {
  if (Math.abs(a.score - b.score) > 1e-9) return a.score > b.score;
  if (a.c.flat.length !== b.c.flat.length) return a.c.flat.length > b.c.flat.length;
  if (a.c.primary !== b.c.primary) return a.c.primary;
  return a.c.order < b.c.order;
}

export function createGazetteer(brands: readonly Brand[], options: GazetteerOptions = {}): Gazetteer {
  const generic = new Set([...(options.genericWords ?? [])].flatMap((w) => wordsOf(w)));
  const byFlat = new Map<string, Candidate[]>();
  const buckets = new Map<string, Candidate[]>();
  for (const c of candidatesOf(brands)) {
    push(byFlat, c.flat, c);
    const skel = skeleton(c.flat);
    if (c.flat.length >= 4 && skel.length >= 3 && isLatin(c.flat)) push(buckets, skel.slice(0, 4), c);
  }
  return {
    size: brands.length,
    match(merchantKey, matchOptions = {}) {
      const key = wordsOf(merchantKey);
      if (key.length === 0) return null;
      let found: Scored[] = [];
      prefixMatches(key, byFlat, found);
      // Words of the trade alone ('COFFEE', 'THE', 'TRANSFER') name a brand only when they are its whole name (BURGER KING).
      if (key.every((w) => generic.has(w))) found = found.filter((f) => f.how === 'exact');
      else if (!settled(key, found, generic)) fuzzyMatches(key, buckets, found);
      const country = matchOptions.country?.toLowerCase();
      let best: Scored | null = null;
      for (const f of found) {
        // Multi-word aliases and the brand's own name win ties; the factor only reorders, it never lifts past 1.
        const s: Scored = { ...f, score: Math.min(1, f.score * countryFactor(f.c.brand, country) + (f.c.primary ? 0.01 : 0)) };
        if (!best || better(s, best)) best = s;
      }
      if (!best || best.score < MIN_SCORE) return null;
      const { brand, alias } = best.c;
      return { brand: brand.name, category: brand.category, osm: brand.osm, alias, score: Math.round(best.score * 1000) / 1000, how: best.how };
    },
  };
}

interface GazetteerFile { generic?: string[]; brands: Array<[string, string, string, string[], string[]]> }

/** The gazetteer in `file` (default: the package's data/gazetteer.json). */
export async function loadGazetteer(file: string | URL = DEFAULT_GAZETTEER): Promise<Gazetteer> {
  const data = JSON.parse(await readFile(file, 'utf8')) as GazetteerFile;
  const brands = data.brands.map(([name, category, osm, aliases, countries]) => ({ name, category, osm, aliases, countries }));
  return createGazetteer(brands, { genericWords: data.generic ?? [] });
}

/** Merchant category codes ('5411') with their description and category (default: data/mcc.json). */
export async function loadMccTable(file: string | URL = DEFAULT_MCC): Promise<Map<string, { description: string; category: string }>> {
  const data = JSON.parse(await readFile(file, 'utf8')) as Record<string, { description: string; category: string }>;
  return new Map(Object.entries(data));
}
