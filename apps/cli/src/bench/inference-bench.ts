// `txcat bench inference`: raw onnxruntime, transformers.js and txcat's engine on the same model
// files, in one run, each scenario in its own process. Also: int8 vs fp32 top-1 agreement.
import { execFile } from 'node:child_process';
import { availableParallelism } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { inSlices, loadSeedExamples } from '@txcat/classifier';
import { createEmbedder, defaultModelDir, type ModelVariant } from '@txcat/inference';
import { REPO_ROOT } from '../env.js';
import { classifyNaive, naiveText, trainNaive } from './naive-classifier.js';
import type { Scenario, ScenarioResult } from './scenario.js';
import { benchTexts } from './texts.js';

export interface InferenceBenchOptions {
  modelsDir: string;
  variants: ModelVariant[];
  durationMs: number;
  batches: number[];
  loadFractions: number[];
  maxBatchDelayMs: number;
  log: (line: string) => void;
}

/** Scenarios run in the built CLI (also when this module runs from src/ under vitest). */
const MAIN = path.join(REPO_ROOT, 'apps/cli/dist/main.js');

export async function runInChild(s: Scenario): Promise<ScenarioResult> {
  const { stdout } = await promisify(execFile)(process.execPath, [MAIN, '__bench-scenario', JSON.stringify(s)], { maxBuffer: 16 << 20 });
  return JSON.parse(stdout.trim().split('\n').pop() as string) as ScenarioResult;
}

async function agreement(modelsDir: string): Promise<{ n: number; top1_agreement: number }> {
  const examples = (await loadSeedExamples()).map((e) => ({ category: e.category, text: e.text }));
  const texts = await benchTexts(400);
  const answers: string[][] = [];
  for (const variant of ['fp32', 'int8'] as const) {
    const embedder = await createEmbedder({ modelDir: defaultModelDir(modelsDir, variant) });
    const embed = inSlices((t) => embedder.embed(t));
    const prototypes = await trainNaive(examples, embed);
    answers.push((await embed(texts.map(naiveText))).map((v) => classifyNaive(v, prototypes).category));
    await embedder.close();
  }
  const same = answers[0]!.filter((c, i) => c === answers[1]![i]).length;
  return { n: texts.length, top1_agreement: same / texts.length };
}

function scenarios(o: InferenceBenchOptions, variant: ModelVariant): Scenario[] {
  const modelDir = defaultModelDir(o.modelsDir, variant);
  const base = { variant, modelDir, durationMs: o.durationMs, maxBatchDelayMs: o.maxBatchDelayMs };
  return [
    ...o.batches.map((batch) => ({ ...base, engine: 'raw_ort' as const, mode: 'batch' as const, batch })),
    ...o.batches.map((batch) => ({ ...base, engine: 'transformers_js' as const, mode: 'batch' as const, batch })),
  ];
}

export async function runInferenceBench(o: InferenceBenchOptions) {
  const results: ScenarioResult[] = [];
  const run = async (s: Scenario) => {
    const r = await runInChild(s);
    o.log(`${r.engine.padEnd(16)}${r.variant.padEnd(6)}${(r.mode + (r.batch ? ` b${r.batch}` : r.offered_per_s ? ` @${r.offered_per_s}/s` : '')).padEnd(16)}${String(r.items_per_s).padStart(9)} items/s  p95 ${r.p95_ms} ms  rss ${r.rss_mb} MB`);
    results.push(r);
    return r;
  };
  for (const variant of o.variants) {
    for (const s of scenarios(o, variant)) await run(s);
    const modelDir = defaultModelDir(o.modelsDir, variant);
    const base = { engine: 'engine' as const, variant, modelDir, durationMs: o.durationMs, maxBatchDelayMs: o.maxBatchDelayMs };
    const closed = await run({ ...base, mode: 'closed' });
    for (const f of o.loadFractions) await run({ ...base, mode: 'open', rate: Math.round(closed.items_per_s * f) });
  }
  const quality = o.variants.includes('int8') && o.variants.includes('fp32') ? await agreement(o.modelsDir) : undefined;
  return { cores: availableParallelism(), model: 'all-minilm-l6-v2', results, goals: goals(results, o, quality), quality };
}

type Quality = Awaited<ReturnType<typeof agreement>> | undefined;

function goals(results: ScenarioResult[], o: InferenceBenchOptions, quality: Quality) {
  const cores = availableParallelism();
  const best = (engine: string, variant: string, mode = 'batch') =>
    Math.max(0, ...results.filter((r) => r.engine === engine && r.variant === variant && r.mode === mode).map((r) => r.items_per_s));
  const out: Array<{ goal: string; value: number; target: string; met: boolean }> = [];
  for (const variant of o.variants) {
    const engine = best('engine', variant, 'closed');
    const ideal = best('raw_ort', variant) * cores;
    out.push({ goal: `${variant}: engine / (raw_ort best x ${cores} cores)`, value: engine / ideal, target: '>= 0.90', met: engine / ideal >= 0.9 });
    const tjs = best('transformers_js', variant);
    out.push({ goal: `${variant}: engine / transformers.js best`, value: engine / tjs, target: '>= 1.15', met: engine / tjs >= 1.15 });
    const half = results.filter((r) => r.engine === 'engine' && r.variant === variant && r.mode === 'open')
      .sort((a, b) => Math.abs((a.offered_per_s ?? 0) / engine - 0.5) - Math.abs((b.offered_per_s ?? 0) / engine - 0.5))[0];
    if (half) {
      const bound = 2 * o.maxBatchDelayMs + (half.batch_ms ?? 0);
      out.push({ goal: `${variant}: p95 at ~half capacity (${half.offered_per_s}/s), ms, vs 2 x delay + one batch`, value: half.p95_ms ?? 0, target: `<= ${bound.toFixed(1)}`, met: (half.p95_ms ?? 0) <= bound });
    }
  }
  if (o.variants.length === 2) {
    const ratio = best('engine', 'int8', 'closed') / best('engine', 'fp32', 'closed');
    out.push({ goal: 'engine int8 / fp32 throughput', value: ratio, target: '>= 1.6', met: ratio >= 1.6 });
  }
  if (quality) out.push({ goal: `int8 vs fp32 top-1 agreement (${quality.n} lines)`, value: quality.top1_agreement, target: '>= 0.99', met: quality.top1_agreement >= 0.99 });
  return out;
}
