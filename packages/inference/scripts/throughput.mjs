// Quick throughput sanity check of the built models (not the benchmark: `txcat bench inference` is).
// One session, one intra-op thread, batches of 32 statement lines of 17 tokens (tokenization included).
//   npm run build -w @txcat/inference && node packages/inference/scripts/throughput.mjs [--seconds 10] [--batch 32]
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { parseArgs } from 'node:util';
import { createEmbedder, defaultModelDir } from '../dist/index.js';

const { values } = parseArgs({
  options: {
    models: { type: 'string', default: path.resolve(import.meta.dirname, '../../../models') },
    seconds: { type: 'string', default: '10' },
    batch: { type: 'string', default: '32' },
  },
});
const seconds = Number(values.seconds);
const batchSize = Number(values.batch);

const MERCHANTS = [
  'CHECKCARD 0412 SAFEWAY #1234 OAKLAND CA', 'AMZN Mktp US*2K4XY12', 'UBER *TRIP HELP.UBER.COM CA',
  'SQ *BLUE BOTTLE COFFEE SAN FRANCISCO CA', 'DIRECT DEBIT BRITISH GAS SERVICES', 'SHELL OIL 57444221 HOUSTON TX',
  'POS 4421 TESCO STORES 3297 LONDON GB', 'NETFLIX.COM 866-579-7172 CA', 'PAYPAL *SPOTIFY 4029357733 SE',
  'ACH DEBIT CITI CARD ONLINE PAYMENT', 'LASTSCHRIFT REWE MARKT GMBH KOELN', 'CHEVRON 0093417 HOUSTON TX',
];
const SUFFIXES = ['', ' 04/12', ' REF 88213', ' 04/12 REF 88213', ' CARD 4421 04/12', ' DEBIT 04/12 REF 7731', ' POS PURCHASE'];
const TOKENS = 17;

/**
 * Realistic lines of exactly TOKENS tokens (with [CLS]/[SEP]), so every batch pads to 17: the
 * number is per-item cost at that length, not an artefact of one long line in the batch.
 */
function statementLines(countTokens) {
  const lines = MERCHANTS.flatMap((m) => SUFFIXES.map((s) => `${m}${s}`)).filter((t) => countTokens(t) === TOKENS);
  if (lines.length < 4) throw new Error(`only ${lines.length} candidate lines have ${TOKENS} tokens`);
  return Array.from({ length: 4096 }, (_, i) => lines[i % lines.length]);
}

const cosine = (a, b) => a.reduce((s, x, i) => s + x * b[i], 0);

async function measure(variant) {
  const embedder = await createEmbedder({ modelDir: defaultModelDir(values.models, variant), intraOpNumThreads: 1 });
  try {
    const texts = statementLines((t) => embedder.countTokens(t));
    const unique = new Set(texts).size;
    for (let i = 0; i < 3; i++) await embedder.embed(texts.slice(i * batchSize, (i + 1) * batchSize)); // warm-up
    let items = 0;
    const started = performance.now();
    while (performance.now() - started < seconds * 1000) {
      const start = items % (texts.length - batchSize);
      await embedder.embed(texts.slice(start, start + batchSize));
      items += batchSize;
    }
    const elapsed = (performance.now() - started) / 1000;
    const sample = await embedder.embed([...new Set(texts)]);
    return { variant, itemsPerSecond: items / elapsed, unique, sample };
  } finally {
    await embedder.close();
  }
}

const fp32 = await measure('fp32');
const int8 = await measure('int8');
for (const r of [fp32, int8]) {
  console.log(`${r.variant.padEnd(4)}  ${r.itemsPerSecond.toFixed(0).padStart(5)} items/s  (batch ${batchSize}, ${TOKENS} tokens/line, ${r.unique} distinct lines, 1 thread)`);
}
const cosines = fp32.sample.map((v, i) => cosine(v, int8.sample[i]));
console.log(`int8/fp32 speed-up ${(int8.itemsPerSecond / fp32.itemsPerSecond).toFixed(2)}x; ` +
  `cosine int8 vs fp32 on these lines: mean ${(cosines.reduce((s, c) => s + c, 0) / cosines.length).toFixed(4)}, min ${Math.min(...cosines).toFixed(4)}`);
