#!/usr/bin/env node
// Prints what the merchant-name model costs: training time (the two trainings of buildNameModel),
// the RSS it adds, its weights' size, and the time per line of its part of a decision (features,
// logits, softmax), over Toronto train-side names. Usage (after npm run build):
//   node --expose-gc scripts/bench-name-model.mjs
import { DEFAULT_TAXONOMY, loadDefaultExamples, loadPcardTrain, nameModelFor, nameProbabilities, nameText } from '@txcat/classifier';

const gc = globalThis.gc ?? (() => {});
const categories = DEFAULT_TAXONOMY.map((c) => c.name);
const examples = (await loadDefaultExamples()).map((e) => ({ text: e.text, category: e.category }));
const names = (await loadPcardTrain()).slice(0, 5000).map((r) => nameText(r.text));
gc();
const rssBefore = process.memoryUsage().rss;
const t0 = performance.now();
const model = await nameModelFor(examples, categories);
const trainMs = performance.now() - t0;
gc();
const rssAfter = process.memoryUsage().rss;
for (const n of names.slice(0, 500)) nameProbabilities(model, n); // warm-up
const rounds = 4;
const t1 = performance.now();
for (let r = 0; r < rounds; r++) for (const n of names) nameProbabilities(model, n);
const perLineUs = ((performance.now() - t1) * 1000) / (rounds * names.length);
console.log(JSON.stringify({
  build_ms: Math.round(trainMs), weights_mb: +(model.weights.byteLength / 2 ** 20).toFixed(1), bits: model.bits, temperature: +model.temperature.toFixed(3),
  rss_added_mb: +((rssAfter - rssBefore) / 2 ** 20).toFixed(1), per_line_us: +perLineUs.toFixed(1), lines: names.length * rounds,
}));
