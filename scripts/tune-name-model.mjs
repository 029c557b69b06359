#!/usr/bin/env node
// Chooses the merchant-name model's settings on the Toronto TRAIN side only: trains without the
// inner-validation merchants (isInnerValidation) and prints accuracy and NLL on them per setting.
// The frozen test split is not read. Usage (after npm run build):
//   node scripts/tune-name-model.mjs [json settings to try, one per argument]
import { balancedPcard, isInnerValidation, PCARD_BALANCE, loadBrandNames, loadDefaultExamples, loadPcardTrain, nameText, scoreNameModel, trainNameModel, DEFAULT_TAXONOMY, NAME_MODEL_DEFAULTS, SOURCE_WEIGHTS } from '@txcat/classifier';

const categories = DEFAULT_TAXONOMY.map((c) => c.name);
const pcard = await loadPcardTrain();
const fit = pcard.filter((r) => !isInnerValidation(r.text));
const validation = pcard.filter((r) => isInnerValidation(r.text));
const examples = (await loadDefaultExamples()).map((e) => ({ text: e.text, category: e.category }));
const brands = await loadBrandNames();
const settings = process.argv.slice(2).map((a) => JSON.parse(a));
if (settings.length === 0) settings.push({});
for (const s of settings) {
  const w = { ...SOURCE_WEIGHTS, ...s.weights };
  const o = { ...NAME_MODEL_DEFAULTS, ...s, ngrams: { ...NAME_MODEL_DEFAULTS.ngrams, ...s.ngrams } };
  const rows = [
    ...balancedPcard(fit, w.pcard, s.balance ?? PCARD_BALANCE),
    ...examples.map((r) => ({ text: nameText(r.text), category: r.category, weight: w.examples })),
    ...brands.map((r) => ({ text: nameText(r.text), category: r.category, weight: w.brands })),
  ];
  const t0 = performance.now();
  const model = trainNameModel(rows, categories, o);
  const ms = performance.now() - t0;
  const score = scoreNameModel(model, validation);
  console.log(JSON.stringify({ setting: s, train_rows: rows.length, train_ms: Math.round(ms), validation: score }));
}
