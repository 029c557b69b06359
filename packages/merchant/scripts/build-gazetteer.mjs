// Builds data/gazetteer.json and data/mcc.json from the shared public lists (see data/PROVENANCE.md).
// Deterministic; run from anywhere:
//   node packages/merchant/scripts/build-gazetteer.mjs [/path/to/shared/data]
// The OSM and MCC mappings are defined once, in src/osm-categories.ts and src/mcc-categories.ts;
// this script transpiles them on the fly (TypeScript is a root dev dependency) so that it needs no build.
import { chmodSync, copyFileSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { createRequire } from 'node:module';

const here = path.dirname(fileURLToPath(import.meta.url));
const pkg = path.resolve(here, '..');
const shared = process.argv[2] ?? path.resolve(pkg, '../../../shared/data');

// Words that name a kind of shop or a banking event, not a brand: an alias made only of them is dropped.
const GENERIC_WORDS = new Set(`THE A AN OF AND DE LA LE EL DA DO DU DI DER DIE DAS Y E ET UND
  ATM BANK CASH TRANSFER PAYMENT PAY DEPOSIT INTEREST FEE FEES CREDIT DEBIT CARD LOAN SAVINGS ACCOUNT
  CHECK CHEQUE REFUND SALARY PAYROLL WITHDRAWAL PURCHASE POS ONLINE MOBILE DIRECT THANK YOU
  STORE SHOP SHOPS MARKET SUPERMARKET MART MINI EXPRESS CITY CENTRAL NATIONAL GENERAL UNITED HOME
  COFFEE CAFE RESTAURANT PIZZA BURGER BAKERY BAR PUB GRILL KITCHEN FOOD FOODS FRESH
  PHARMACY CHEMIST CLINIC DENTAL HEALTH HOSPITAL HOTEL HOTELS INN MOTEL FUEL GAS OIL PETROL STATION
  SERVICE SERVICES CENTER CENTRE OUTLET DISCOUNT PLUS ONE GO NEW BEST BIG SUPER MAX
  AMERICAN BRITISH EUROPEAN ASIAN INTERNATIONAL GLOBAL WORLD`.split(/\s+/));
// A token found after this many different first words in brand names is a common word of the trade.
const COMMON_TOKEN_BRANDS = 8;
const MCC_GENERIC = /^(airlines|car rental|hotels\/motels\/inns\/resorts)$/i;

async function loadTs(file) {
  const ts = createRequire(import.meta.url)('typescript');
  const out = ts.transpileModule(readFileSync(file, 'utf8'), {
    compilerOptions: { module: ts.ModuleKind.ESNext, target: ts.ScriptTarget.ES2022 },
  });
  return import(`data:text/javascript;base64,${Buffer.from(out.outputText).toString('base64')}`);
}

/** RFC 4180 rows (quoted fields, doubled quotes, CRLF or LF). */
function parseCsv(text) {
  const rows = [];
  let row = [], field = '', quoted = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    if (quoted) {
      if (ch === '"' && text[i + 1] === '"') { field += '"'; i++; } else if (ch === '"') quoted = false; else field += ch;
    } else if (ch === '"' && field === '') quoted = true;
    else if (ch === ',') { row.push(field); field = ''; }
    else if (ch === '\n' || ch === '\r') {
      if (ch === '\r' && text[i + 1] === '\n') i++;
      row.push(field); field = '';
      if (row.length > 1 || row[0] !== '') rows.push(row);
      row = [];
    } else field += ch;
  }
  if (field !== '' || row.length > 0) rows.push([...row, field]);
  const [header, ...body] = rows;
  return body.map((r) => Object.fromEntries(header.map((h, i) => [h, r[i] ?? ''])));
}

const upper = (s) => s.normalize('NFC').replace(/[\u2018\u2019`]/g, "'").toUpperCase().replace(/\s+/g, ' ').trim();
const words = (alias) => alias.replace(/'/g, '').split(/[^\p{L}\p{N}]+/u).filter(Boolean);
const stripParens = (s) => s.replace(/\s*\([^)]*\)\s*/g, ' ').trim();

/** ISO codes only: 'us-ca.geojson' -> 'us'; '001' (world) and other UN M49 regions kept; custom areas dropped. */
function countriesOf(list) {
  const out = new Set();
  for (const c of list.split('|')) {
    const m = /^(\d{3}|[a-z]{2})(?=$|[-.])/.exec(c.trim().toLowerCase());
    if (m) out.add(m[1]);
  }
  return [...out].sort();
}

function reachOf(countries) {
  return countries.reduce((n, c) => n + (c === '001' ? 40 : /^\d/.test(c) ? 10 : 1), 0);
}

/**
 * One entry per (brand, category): the same brand in several OSM presets of one category, or under
 * its names in other scripts (one Wikidata item), is one merchant.
 */
function mergeNsi(rows, categoryForOsm, osmPriority, dropped) {
  const byKey = new Map();
  for (const r of rows) {
    const category = categoryForOsm(r.osm_category);
    if (!category) { dropped.set(r.osm_category, (dropped.get(r.osm_category) ?? 0) + 1); continue; }
    const name = (r.brand || r.name || stripParens(r.display_name)).trim();
    if (!name) continue;
    const key = `${r.wikidata || upper(name)}\u0000${category}`;
    const e = byKey.get(key) ?? { name, category, osm: r.osm_category, names: [], votes: new Map(), countries: new Set(), rows: 0, named: false };
    e.rows++;
    e.votes.set(name, (e.votes.get(name) ?? 0) + 1);
    // Filed under the OSM category of its plainest, brand-named row: Shell's fuel station, not its car wash.
    const plain = upper(r.name || name) === upper(name) && osmPriority(r.osm_category) > 0;
    if (plain && !e.named) { e.osm = r.osm_category; e.named = true; }
    e.names.push(name, r.name, stripParens(r.display_name), r.name_th, ...r.match_names.split('|'), ...r.other_names.split('|'));
    for (const c of countriesOf(r.countries)) e.countries.add(c);
    byKey.set(key, e);
  }
  // The display name is the brand spelling most rows use, in Latin script when there is one.
  for (const e of byKey.values()) {
    const latin = (n) => (/\p{Script=Latin}/u.test(n) ? 1 : 0);
    e.name = [...e.votes].sort((a, b) => latin(b[0]) - latin(a[0]) || b[1] - a[1] || a[0].localeCompare(b[0]))[0][0];
  }
  return byKey;
}

/** Re-keyed by display name, so that MCC names and aliases.csv can refer to brands by name; namesakes merge. */
function byName(entries) {
  const out = new Map();
  for (const e of entries) {
    const key = `${upper(e.name)}\u0000${e.category}`;
    const seen = out.get(key);
    if (!seen) { out.set(key, e); continue; }
    seen.names.push(...e.names);
    seen.rows += e.rows;
    for (const c of e.countries) seen.countries.add(c);
    if (!seen.named && e.named) Object.assign(seen, { named: true, osm: e.osm });
  }
  return out;
}

/** Brand names in the 3000-3999 MCC ranges (airlines, car rental, hotels): the brand list has no airlines. */
function addMccBrands(byKey, mccRows, categoryForMcc) {
  for (const r of mccRows) {
    const code = Number(r.mcc);
    if (code < 3000 || code > 3999 || MCC_GENERIC.test(r.edited_description.trim())) continue;
    const parts = r.edited_description.split(',').map((p) => stripParens(p.replace(/"/g, ''))).filter(Boolean);
    const category = categoryForMcc(code);
    // A one-word name here is often a plain word (WESTERN, CONTINENTAL, DELTA): kept only when it says airline.
    if (code < 3300 && words(parts[0]).length === 1 && !/AIR|AERO/.test(parts[0])) parts.splice(0, 1, `${parts[0]} AIRLINES`, `${parts[0]} AIR`);
    if (!category || parts.length === 0) continue;
    const name = parts[0].toLowerCase().replace(/(^|[\s-])\p{L}/gu, (m) => m.toUpperCase());
    const key = `${upper(name)}\u0000${category}`;
    const e = byKey.get(key) ?? { name, category, osm: `mcc/${r.mcc}`, names: [], countries: new Set(), rows: 0, named: true };
    e.rows++;
    e.names.push(name, ...parts);
    byKey.set(key, e);
  }
}

/** Hand-written aliases (data/aliases.csv): statement spellings of listed brands, and online brands OSM lacks. */
function addSupplement(byKey, rows) {
  for (const r of rows) {
    const key = `${upper(r.brand)}\u0000${r.category}`;
    let e = byKey.get(key);
    if (!e) {
      if (!r.osm) throw new Error(`aliases.csv: ${r.brand} / ${r.category} is not in the brand list and has no osm label`);
      e = { name: r.brand, category: r.category, osm: r.osm, names: [r.brand], countries: new Set(['001']), rows: 1, named: true };
      byKey.set(key, e);
    }
    e.names.push(...r.aliases.split('|'));
  }
}

/**
 * Tokens that follow many different first words in brand names (COFFEE, MARKET, PIZZA...): words of
 * the trade, not names. Counting distinct first words keeps a brand's own variants (E.LECLERC DRIVE,
 * E.LECLERC EXPRESS) from making its name look common.
 */
function commonTokens(entries) {
  const heads = new Map();
  for (const e of entries) {
    for (const n of e.names.filter(Boolean)) {
      const [head, ...rest] = words(upper(n));
      for (const t of rest) heads.set(t, (heads.get(t) ?? new Set()).add(head));
    }
  }
  return new Set([...heads].filter(([, h]) => h.size >= COMMON_TOKEN_BRANDS).map(([t]) => t));
}

function keepAlias(alias, common) {
  const w = words(alias);
  const chars = w.join('');
  if (chars.length < 2) return false;
  if (w.every((t) => GENERIC_WORDS.has(t))) return false;
  return !(w.length === 1 && common.has(w[0]));
}

/** Orders brands so that, when one alias names several, the likelier merchant comes first (see PROVENANCE.md). */
function rankOf(e, osmPriority) {
  // Weights: a brand-named outlet; the core-business prior of its OSM category; the facet with the
  // most curated aliases (7-Eleven's shops, Shell's fuel); presets and reach ('001' is used loosely).
  return 2 * Number(e.named) + 1.5 * osmPriority(e.osm) + Math.log2(1 + e.aliases.length)
    + 0.5 * Math.log2(1 + e.rows) + 0.15 * Math.log2(1 + reachOf(e.countries));
}

function finish(byKey, osmPriority, stats) {
  const entries = [...byKey.values()];
  const common = commonTokens(entries);
  for (const e of entries) {
    const all = [...new Set(e.names.filter(Boolean).map(upper))];
    e.aliases = [upper(e.name), ...all.filter((a) => a !== upper(e.name))].filter((a) => keepAlias(a, common));
    stats.droppedAliases += all.length - e.aliases.length;
    e.countries = [...e.countries].sort();
  }
  const kept = entries.filter((e) => e.aliases.length > 0);
  stats.droppedBrands = entries.length - kept.length;
  stats.commonTokens = [...common].sort();
  return kept
    .map((e) => ({ e, rank: rankOf(e, osmPriority) }))
    .sort((a, b) => b.rank - a.rank || a.e.name.localeCompare(b.e.name) || a.e.category.localeCompare(b.e.category))
    .map(({ e }) => [e.name, e.category, e.osm, e.aliases, e.countries]);
}

function writeOutputs(brands, generic, mccRows, categoryForMcc) {
  // One brand per line keeps the file diffable. `generic`: words that alone name no merchant.
  const body = brands.map((b) => JSON.stringify(b)).join(',\n');
  writeFileSync(path.join(pkg, 'data/gazetteer.json'), `{"format":1,"generic":${JSON.stringify(generic)},\n`
    + `"fields":["name","category","osm","aliases","countries"],"brands":[\n${body}\n]}\n`);
  const mcc = {};
  for (const r of mccRows) {
    const category = categoryForMcc(r.mcc);
    if (category) mcc[r.mcc] = { description: r.edited_description.replace(/"/g, '').trim(), category };
  }
  writeFileSync(path.join(pkg, 'data/mcc.json'), JSON.stringify(mcc, null, 0).replace(/\},"/g, '},\n"') + '\n');
  for (const [from, to] of [['brands/LICENSE.md', 'LICENSE-nsi-brands.md'], ['mcc/LICENSE.txt', 'LICENSE-mcc-codes.txt']]) {
    copyFileSync(path.join(shared, from), path.join(pkg, 'data', to));
    chmodSync(path.join(pkg, 'data', to), 0o644); // the shared copies are read-only
  }
  return Object.keys(mcc).length;
}

async function main() {
  const { categoryForOsm, osmPriority } = await loadTs(path.join(pkg, 'src/osm-categories.ts'));
  const { categoryForMcc } = await loadTs(path.join(pkg, 'src/mcc-categories.ts'));
  const nsiRows = parseCsv(readFileSync(path.join(shared, 'brands/nsi_brands_flat.csv'), 'utf8'));
  const mccRows = parseCsv(readFileSync(path.join(shared, 'mcc/mcc_codes.csv'), 'utf8'));
  const supplement = parseCsv(readFileSync(path.join(pkg, 'data/aliases.csv'), 'utf8'));
  const dropped = new Map();
  const stats = { droppedAliases: 0, droppedBrands: 0, commonTokens: [] };
  const byKey = byName(mergeNsi(nsiRows, categoryForOsm, osmPriority, dropped).values());
  addMccBrands(byKey, mccRows, categoryForMcc);
  addSupplement(byKey, supplement);
  const brands = finish(byKey, osmPriority, stats);
  const generic = [...new Set([...GENERIC_WORDS, ...stats.commonTokens])].filter((w) => w.length > 1).sort();
  const mccCount = writeOutputs(brands, generic, mccRows, categoryForMcc);
  const droppedRows = [...dropped.values()].reduce((a, b) => a + b, 0);
  console.log(`${brands.length} brands, ${brands.reduce((n, b) => n + b[3].length, 0)} aliases from ${nsiRows.length} rows;`
    + ` ${droppedRows} rows in ${dropped.size} unmapped OSM categories; ${stats.droppedAliases} generic aliases dropped;`
    + ` ${mccCount} of ${mccRows.length} MCCs mapped`);
  if (process.env.VERBOSE) console.log({ dropped: Object.fromEntries([...dropped].sort()), commonTokens: stats.commonTokens.join(' ') });
}

await main();
