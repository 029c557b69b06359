// Generates data/seed-examples.csv from the public brand and MCC lists (see data/PROVENANCE.md).
// Deterministic: no randomness, only a hash of each brand picks its statement format.
//   npm run build -w @txcat/classifier && node packages/classifier/scripts/make-seed.mjs [SHARED_DATA_DIR]
import { createHash } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { csvField, parseCsv } from '../dist/index.js';
import { BRAND_CATEGORIES, HANDWRITTEN, BANK_TEMPLATES } from './seed-knowledge.mjs';

const here = path.dirname(fileURLToPath(import.meta.url));
const shared = process.argv[2] ?? path.resolve(here, '../../../../shared/data');
const PER_CATEGORY_BRANDS = 24;

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
function statementLine(name, countries, key) {
  const upper = name.toUpperCase();
  const place = pick(PLACES[region(countries)], key + 'place');
  const formats = {
    us: [`${upper} #${digits(key, 4)} ${place}`, `CHECKCARD ${digits(key, 4)} ${upper} ${place}`, `POS DEBIT ${upper} ${digits(key, 5)}`, `${upper} ${digits(key, 8)}`, `SQ *${upper}`, `PURCHASE ${digits(key, 4)} ${upper} ${place}`],
    gb: [`CARD PAYMENT TO ${upper} ON ${digits(key, 2)}-0${(h(key) % 9) + 1}`, `${upper} ${place}`, `POS ${digits(key, 4)} ${upper} ${digits(key + 's', 4)}`, `CONTACTLESS ${upper} ${place} GB`],
    eu: [`${upper} ${place}`, `KARTENZAHLUNG ${upper} ${place}`, `CB ${upper} ${digits(key, 4)} ${place}`, `${upper} SAGT DANKE ${digits(key, 6)}`],
    th: [`${upper} ${place}`, `POS ${upper} ${digits(key, 6)} ${place}`, `${upper} BRANCH ${digits(key, 4)}`],
    other: [`${upper} ${place}`, `EFTPOS ${upper} ${place}`, `VISA DEBIT ${upper} ${digits(key, 4)}`],
  };
  return pick(formats[region(countries)], key + 'format');
}

function brandExamples() {
  const [header, ...rows] = parseCsv(readFileSync(path.join(shared, 'brands/nsi_brands_flat.csv'), 'utf8'));
  const col = Object.fromEntries(header.map((name, i) => [name, i]));
  const byCategory = new Map();
  for (const row of rows) {
    const category = BRAND_CATEGORIES[row[col.osm_category]];
    const name = row[col.brand] || row[col.name];
    if (!category || !name || !row[col.wikidata] || /[^\x20-\x7e]/.test(name)) continue;
    const countries = row[col.countries] ?? '';
    const reach = countries.split('|').filter(Boolean).length;
    const list = byCategory.get(category) ?? [];
    list.push({ name, countries, reach, osm: row[col.osm_category], thai: row[col.name_th] });
    byCategory.set(category, list);
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
    for (let i = 0; chosen.length < PER_CATEGORY_BRANDS && queues.some((q) => q.length > 0); i++) {
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

const written = Object.entries(HANDWRITTEN).flatMap(([category, lines]) => lines.map((text) => ({ category, text, source: 'written' })));
// MCC descriptions are category definitions, not statement lines: as examples they pulled every
// prototype toward generic wording, so they stay out of the seed (kept for a gazetteer).
const all = [...written, ...bankExamples(), ...brandExamples()];
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
