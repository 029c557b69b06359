// Generates data/seed-examples.csv from the brand and MCC lists copied into data/sources/ (see
// data/PROVENANCE.md). Deterministic: no randomness, only a hash of each brand picks its format.
//   npm run build -w @txcat/classifier && node packages/classifier/scripts/make-seed.mjs
// To refresh data/sources/ from the shared reference data first (copies only the rows used):
//   node packages/classifier/scripts/make-seed.mjs --import /work/shared/data
import { createHash } from 'node:crypto';
import { chmodSync, copyFileSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { csvField, parseCsv } from '../dist/index.js';
import { BRAND_CATEGORIES, HANDWRITTEN, BANK_TEMPLATES, MCC_EXAMPLES, MORE_WRITTEN, WELL_KNOWN } from './seed-knowledge.mjs';

const here = path.dirname(fileURLToPath(import.meta.url));
const sources = path.resolve(here, '../data/sources');
const BRANDS_FILE = path.join(sources, 'nsi-brands-used.csv');
const MCC_FILE = path.join(sources, 'mcc-codes.csv');
/** Brands taken from the list by reach, after the well-known ones, per category. */
const FILL_BRANDS = 8;
const WELL_KNOWN_TWICE = 12;
// Telecom brands are all the list has for utilities, and few are known outside their country.
const NO_FILL = new Set(['RENT_AND_UTILITIES']);

/** Copies the rows of the brand list whose OSM category the seed maps, and the MCC list. */
function importSources(shared) {
  mkdirSync(sources, { recursive: true });
  const text = readFileSync(path.join(shared, 'brands/nsi_brands_flat.csv'), 'utf8');
  const [header, ...rows] = parseCsv(text);
  const keep = ['osm_category', 'brand', 'name', 'name_th', 'countries', 'wikidata'].map((c) => header.indexOf(c));
  const used = rows.filter((r) => BRAND_CATEGORIES[r[0]]).map((r) => keep.map((i) => r[i] ?? ''));
  writeFileSync(BRANDS_FILE, [keep.map((i) => header[i]), ...used].map((r) => r.map(csvField).join(',')).join('\n') + '\n');
  copyFileSync(path.join(shared, 'mcc/mcc_codes.csv'), MCC_FILE);
  chmodSync(MCC_FILE, 0o644);
  console.log(`copied ${used.length} of ${rows.length} brand rows and the MCC list into ${sources}`);
}

const h = (s) => createHash('sha256').update(s).digest().readUInt32BE(0);
const pick = (list, key) => list[h(key) % list.length];
const digits = (key, n) => String(h(key)).padStart(10, '0').slice(-n);

const PLACES = {
  us: ['SEATTLE WA', 'AUSTIN TX', 'OAKLAND CA', 'CHICAGO IL', 'BROOKLYN NY', 'DENVER CO', 'MIAMI FL', 'PHOENIX AZ', 'BOSTON MA', 'ATLANTA GA'],
  gb: ['LONDON', 'MANCHESTER', 'LEEDS', 'BRISTOL', 'GLASGOW', 'CARDIFF'],
  eu: ['BERLIN', 'PARIS', 'MADRID', 'AMSTERDAM', 'MUENCHEN', 'MILANO', 'WIEN', 'LYON'],
  th: ['BANGKOK TH', 'CHIANG MAI TH', 'PHUKET TH', 'PATTAYA TH'],
  other: ['SYDNEY AU', 'TORONTO ON', 'SINGAPORE SG', 'AUCKLAND NZ'],
};

function region(countries) {
  const list = countries.split('|').filter(Boolean);
  if (list.length === 0 || list.includes('us')) return 'us';
  if (list.includes('gb')) return 'gb';
  if (list.includes('th')) return 'th';
  if (list.some((c) => ['de', 'fr', 'es', 'it', 'nl', 'at', 'be', 'pt', 'pl', 'ch', 'se', 'dk', 'fi', 'ie'].includes(c))) return 'eu';
  return 'other';
}

/** A brand name written the way a card statement shows it. */
function statementLine(name, countries, key, variant = 0) {
  const upper = name.toUpperCase();
  const place = pick(PLACES[region(countries)], key + 'place');
  const formats = {
    us: [`${upper} #${digits(key, 4)} ${place}`, `CHECKCARD ${digits(key, 4)} ${upper} ${place}`, `POS DEBIT ${upper} ${digits(key, 5)}`, `${upper} ${digits(key, 8)}`, `SQ *${upper}`, `PURCHASE ${digits(key, 4)} ${upper} ${place}`],
    gb: [`CARD PAYMENT TO ${upper} ON ${digits(key, 2)}-0${(h(key) % 9) + 1}`, `${upper} ${place}`, `POS ${digits(key, 4)} ${upper} ${digits(key + 's', 4)}`, `CONTACTLESS ${upper} ${place} GB`],
    eu: [`${upper} ${place}`, `KARTENZAHLUNG ${upper} ${place}`, `CB ${upper} ${digits(key, 4)} ${place}`, `${upper} SAGT DANKE ${digits(key, 6)}`],
    th: [`${upper} ${place}`, `POS ${upper} ${digits(key, 6)} ${place}`, `${upper} BRANCH ${digits(key, 4)}`],
    other: [`${upper} ${place}`, `EFTPOS ${upper} ${place}`, `VISA DEBIT ${upper} ${digits(key, 4)}`],
  };
  const list = formats[region(countries)];
  return list[(h(key + 'format') + variant) % list.length];
}

function readBrands() {
  const [header, ...rows] = parseCsv(readFileSync(BRANDS_FILE, 'utf8'));
  const col = Object.fromEntries(header.map((name, i) => [name, i]));
  return rows.map((row) => {
    const countries = row[col.countries] ?? '';
    return {
      category: BRAND_CATEGORIES[row[col.osm_category]], name: row[col.brand] || row[col.name], osm: row[col.osm_category],
      countries, reach: countries.split('|').filter(Boolean).length, thai: row[col.name_th], wikidata: row[col.wikidata],
    };
  });
}

/** One or two statement lines for each well-known brand, attributed to the brand list when it has the brand. */
function wellKnownExamples(brands) {
  return Object.entries(WELL_KNOWN).flatMap(([category, names]) => names.flatMap((name, rank) => {
    const same = brands.filter((b) => b.name.toLowerCase() === name.toLowerCase());
    // A brand is listed under several OSM categories (Shell: fuel, car wash, ...): take the widest-reaching row of this category.
    const hit = same.filter((b) => b.category === category).sort((x, y) => y.reach - x.reach)[0] ?? same[0];
    const source = hit ? `nsi:${hit.osm}` : 'written';
    const plain = name.normalize('NFD').replace(/[\u0300-\u036f]/g, '');
    const us = hit?.countries ?? '';
    const first = { category, text: statementLine(plain, us, name), source };
    // The best known (listed first) get a second line in another format.
    return rank < WELL_KNOWN_TWICE ? [first, { category, text: statementLine(plain, us, name, 1), source }] : [first];
  }));
}

function brandExamples(brands) {
  const byCategory = new Map();
  for (const b of brands) {
    if (!b.category || !b.name || !b.wikidata || /[^\x20-\x7e]/.test(b.name) || b.reach < 3 || NO_FILL.has(b.category)) continue;
    const list = byCategory.get(b.category) ?? [];
    list.push(b);
    byCategory.set(b.category, list);
  }
  const out = [];
  for (const [category, brands] of [...byCategory].sort(([a], [b]) => a.localeCompare(b))) {
    // Round-robin over OSM categories so that no single one (say, banks) fills the quota;
    // within each, brands present in more countries first.
    const groups = new Map();
    for (const b of brands.sort((x, y) => y.reach - x.reach || x.name.localeCompare(y.name))) {
      if (!groups.has(b.osm)) groups.set(b.osm, []);
      groups.get(b.osm).push(b);
    }
    const queues = [...groups.values()];
    const chosen = [];
    const seen = new Set();
    for (let i = 0; chosen.length < FILL_BRANDS && queues.some((q) => q.length > 0); i++) {
      const b = queues[i % queues.length].shift();
      if (!b || seen.has(b.name.toUpperCase())) continue;
      seen.add(b.name.toUpperCase());
      chosen.push(b);
    }
    for (const b of chosen) {
      out.push({ category, text: statementLine(b.name, b.countries, b.name), source: `nsi:${b.osm}` });
      if (b.thai && h(b.name) % 2 === 0) out.push({ category, text: b.thai, source: `nsi:${b.osm}:th` });
    }
  }
  return out;
}

function bankExamples() {
  const banks = ['CHASE', 'WELLS FARGO', 'BANK OF AMERICA', 'CITI', 'CAPITAL ONE', 'BARCLAYS', 'HSBC', 'LLOYDS BANK', 'SANTANDER', 'KASIKORNBANK', 'BANGKOK BANK', 'DEUTSCHE BANK', 'ING', 'US BANK', 'PNC'];
  return Object.entries(BANK_TEMPLATES).flatMap(([category, templates]) =>
    templates.map((t, i) => ({ category, text: t.replace('{BANK}', banks[(h(t) + i) % banks.length]).replace('{N}', digits(t, 6)), source: 'written' })),
  );
}

function mccExamples() {
  const [, ...rows] = parseCsv(readFileSync(MCC_FILE, 'utf8'));
  const byCode = new Map(rows.map((r) => [r[0], r[1]]));
  return Object.entries(MCC_EXAMPLES).flatMap(([category, codes]) => codes.map((code) => {
    if (!byCode.has(code)) throw new Error(`MCC ${code} is not in ${MCC_FILE}`);
    return { category, text: byCode.get(code).toUpperCase(), source: `mcc:${code}` };
  }));
}

if (process.argv[2] === '--import') importSources(process.argv[3] ?? path.resolve(here, '../../../../shared/data'));
const brands = readBrands();
const written = [HANDWRITTEN, MORE_WRITTEN].flatMap((table) =>
  Object.entries(table).flatMap(([category, lines]) => lines.map((text) => ({ category, text, source: 'written' }))));
// Order matters for de-duplication: the first occurrence of a text keeps its category and source.
const all = [...written, ...bankExamples(), ...wellKnownExamples(brands), ...brandExamples(brands), ...mccExamples()];
const seen = new Set();
const unique = all.filter((e) => {
  const key = e.text.toUpperCase();
  if (seen.has(key)) return false;
  seen.add(key);
  return true;
});
unique.sort((a, b) => a.category.localeCompare(b.category) || a.source.localeCompare(b.source) || a.text.localeCompare(b.text));
const csv = ['category,text,source', ...unique.map((e) => [e.category, e.text, e.source].map(csvField).join(','))].join('\n') + '\n';
writeFileSync(path.join(here, '../data/seed-examples.csv'), csv);
const counts = {};
for (const e of unique) counts[e.category] = (counts[e.category] ?? 0) + 1;
console.log(`${unique.length} seed examples`, counts);
