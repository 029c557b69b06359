#!/usr/bin/env node
// Splits the City of Toronto p-card strings (../shared/data/pcard, Open Data Licence v2.0) by
// merchant into a train side (80%) and a frozen test side (20%), labelled through the MCC table.
// The merchant of a line, for the split only, is a FROZEN key: the first two letter-only words of
// the description, upper-cased. It is deliberately not the normalizer's merchant key, which
// changes as txcat learns; a line never moves sides. Test = sha1(key)[0] % 5 === 0.
// test.csv is never read line by line and never used to choose anything: it is run to report.
// Usage: node scripts/split-pcard.mjs [source.csv] [out dir]
import { createHash } from 'node:crypto';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';

const source = process.argv[2] ?? '../shared/data/pcard/toronto_pcard.csv';
const out = process.argv[3] ?? 'packages/classifier/data/pcard';
const mcc = JSON.parse(readFileSync('packages/merchant/data/mcc.json', 'utf8'));

export function splitKey(description) {
  return description.toUpperCase().replace(/[^A-Z]+/g, ' ').trim().split(' ').slice(0, 2).join(' ');
}
export function isTest(description) {
  return createHash('sha1').update(splitKey(description)).digest()[0] % 5 === 0;
}

function parseCsv(text) {
  const rows = [];
  let row = [], field = '', quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') { field += '"'; i++; }
      else if (c === '"') quoted = false;
      else field += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') { row.push(field); field = ''; }
    else if (c === '\n' || c === '\r') {
      if (c === '\r' && text[i + 1] === '\n') i++;
      row.push(field); field = '';
      if (row.length > 1 || row[0] !== '') rows.push(row);
      row = [];
    } else field += c;
  }
  if (field !== '' || row.length > 0) { row.push(field); rows.push(row); }
  return rows;
}
const cell = (s) => (/[",\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s);

const [header, ...rows] = parseCsv(readFileSync(source, 'utf8'));
const col = Object.fromEntries(header.map((h, i) => [h, i]));
const sides = { train: [], test: [] };
let unmapped = 0;
for (const r of rows) {
  const description = r[col.description].trim();
  const category = mcc[String(Number(r[col.mcc]))]?.category;
  if (!description || !category) { unmapped++; continue; }
  const amount = Number(r[col.amount]);
  // txcat reads amount < 0 as money out: a card purchase is money out, a credit money in.
  const signed = Number.isFinite(amount) ? String(-amount) : '';
  sides[isTest(description) ? 'test' : 'train'].push([description, category, signed].map(cell).join(','));
}
mkdirSync(out, { recursive: true });
for (const [side, lines] of Object.entries(sides)) writeFileSync(path.join(out, `${side}.csv`), `description,category,amount\n${lines.join('\n')}\n`);
console.log(JSON.stringify({ train: sides.train.length, test: sides.test.length, unmapped }));
