#!/usr/bin/env node
// Fits how the merchant-name model and the embedding are combined where no other source decides
// (FALLBACK_WEIGHTS in packages/classifier/src/name-decision.ts), on the Toronto TRAIN side only:
// the name model is trained without the inner-validation merchants, the embedding knowledge from
// the seed examples, and both are scored on the inner-validation lines. The frozen test split is
// not read. Prints the name model's temperature, the NLL and accuracy per weight pair, and the
// precision of `high` per source. Usage (after npm run build): node scripts/tune-fallback.mjs
import {
  balancedPcard, buildKnowledge, PCARD_BALANCE, calibrate, combineFallback, decide, directionPrior, embeddingScores, embeddingText, isInnerValidation, loadBrandNames, loadDefaultExamples,
  loadLookups, nameDistribution, nameText, parseLabelledRows, PCARD_TRAIN_FILE, SOURCE_WEIGHTS, trainNameModel,
} from '@txcat/classifier';
import { fitScoreTemperature } from '../packages/classifier/dist/calibration.js';
import { normalizeLine } from '@txcat/merchant';
import { readFile } from 'node:fs/promises';
import { parseEnv } from '../apps/cli/dist/env.js';
import { cachedEmbed } from '../apps/cli/dist/local-knowledge.js';
import { openEmbedder } from '../apps/cli/dist/model.js';

const env = parseEnv(process.env);
const embedder = await openEmbedder(env);
const embed = await cachedEmbed(env, embedder);
const lookups = await loadLookups();
const rows = parseLabelledRows(await readFile(PCARD_TRAIN_FILE, 'utf8')).rows;
const fit = rows.filter((r) => !isInnerValidation(r.description));
const validation = rows.filter((r) => isInnerValidation(r.description));
const examples = (await loadDefaultExamples()).map((e) => ({ text: e.text, category: e.category }));
const knowledge = await buildKnowledge(examples, embed, { lookups, nameModel: false });
const categories = knowledge.prototypes.categories;
const w = SOURCE_WEIGHTS;
const brands = await loadBrandNames();
const t0 = performance.now();
const held = trainNameModel([
  ...balancedPcard(fit.map((r) => ({ text: r.description, category: r.category })), w.pcard, PCARD_BALANCE),
  ...examples.map((r) => ({ text: nameText(r.text), category: r.category, weight: w.examples })),
  ...brands.map((r) => ({ text: nameText(r.text), category: r.category, weight: w.brands })),
], categories);
const trainMs = performance.now() - t0;
const lines = validation.map((r) => normalizeLine(r.description));
const vectors = await embed(lines.map(embeddingText));
const index = new Map(categories.map((c, i) => [c, i]));
const labels = validation.map((r) => index.get(r.category));
const temperature = fitScoreTemperature(validation.map((r, i) => ({ scores: nameDistribution(held, lines[i], categories), label: labels[i] })));
const model = { ...held, temperature };
// Lines no rule, MCC, brand or strong keyword decides: where the combination matters.
const plain = validation.map((r, i) => decide({ line: lines[i], embedding: vectors[i], amount: r.amount }, knowledge, lookups));
const open = validation.map((_, i) => i).filter((i) => plain[i].explanation.source === 'embedding');
const dists = open.map((i) => ({
  name: nameDistribution(model, lines[i], categories),
  emb: calibrate(embeddingScores(vectors[i], knowledge, 'knn').scores, knowledge.calibration),
  y: labels[i], amount: validation[i].amount,
}));
const results = [];
for (const a of [0.6, 0.8, 1, 1.2]) for (const b of [0, 0.1, 0.2, 0.3, 0.5, 0.7, 1]) {
  let nll = 0, correct = 0;
  for (const d of dists) {
    const p = directionPrior(combineFallback(d.name, d.emb, { name: a, embedding: b }), categories, d.amount, false);
    nll -= Math.log(Math.max(p[d.y], 1e-12));
    correct += p.indexOf(Math.max(...p)) === d.y ? 1 : 0;
  }
  results.push({ name: a, embedding: b, nll: nll / dists.length, accuracy: correct / dists.length });
}
results.sort((x, y) => x.nll - y.nll);
console.log(JSON.stringify({ validation: validation.length, open: open.length, name_model_train_ms: Math.round(trainMs), temperature }));
for (const r of results.slice(0, 8)) console.log(JSON.stringify(r));
console.log(JSON.stringify({ embedding_only_accuracy_on_open: open.filter((i) => plain[i].category === validation[i].category).length / open.length }));
const withName = { ...knowledge, nameModel: model };
const decided = validation.map((r, i) => decide({ line: lines[i], embedding: vectors[i], amount: r.amount }, withName, lookups));
const by = {};
decided.forEach((d, i) => {
  const b = (by[d.explanation.source] ??= { n: 0, correct: 0, high: 0, highCorrect: 0 });
  const ok = d.category === validation[i].category;
  b.n++; b.correct += ok; if (d.level === 'high') { b.high++; b.highCorrect += ok; }
});
console.log(JSON.stringify({ accuracy: decided.filter((d, i) => d.category === validation[i].category).length / decided.length, calibration: { high: knowledge.calibration.highThreshold, review: knowledge.calibration.reviewThreshold }, by_source: by }));
// Threshold for `high` on name-model lines: 97% at the Wilson lower bound.
const { thresholdForPrecision, reliability } = await import('../packages/classifier/dist/calibration.js');
const nameRows = decided.map((d, i) => ({ d, ok: d.category === validation[i].category })).filter((x) => x.d.explanation.source === 'name_model').map((x) => ({ confidence: x.d.confidence, correct: x.ok }));
console.log(JSON.stringify({ name_high_threshold_97_wilson: thresholdForPrecision(nameRows, 0.97, 20, 1.645), name_medium_80: thresholdForPrecision(nameRows, 0.8), name_ece: reliability(nameRows).ece }));

// Brands and trade words the name model disagrees with: how often it is right when its own top
// probability is at least x (what NAME_OVERRIDES in name-decision.ts is chosen from).
for (const source of ['gazetteer', 'keyword']) {
  const cases = plain.map((d, i) => ({ d, i })).filter(({ d }) => d.explanation.source === source).map(({ d, i }) => {
    const p = nameDistribution(model, lines[i], categories);
    const top = p.indexOf(Math.max(...p));
    return { verdict: d.category, name: categories[top], p: p[top], truth: validation[i].category };
  }).filter((c) => c.name !== c.verdict);
  const out = [0.5, 0.6, 0.7, 0.8, 0.9, 0.95].map((x) => {
    const over = cases.filter((c) => c.p >= x);
    return { x, overridden: over.length, name_right: over.filter((c) => c.name === c.truth).length, verdict_right: over.filter((c) => c.verdict === c.truth).length };
  });
  console.log(JSON.stringify({ source, disagreements: cases.length, out }));
}
await embedder.close();
