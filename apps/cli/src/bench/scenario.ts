// One benchmark scenario, run in its own process (`txcat __bench-scenario JSON`) so that its peak
// RSS and threads are its own. Prints one JSON result line.
import { availableParallelism } from 'node:os';
import { createEmbedder, createEngine } from '@txcat/inference';
import { benchTexts, percentile } from './texts.js';

export type EngineName = 'raw_ort' | 'transformers_js' | 'engine';

export interface Scenario {
  engine: EngineName;
  variant: 'fp32' | 'int8';
  modelDir: string;
  mode: 'batch' | 'closed' | 'open';
  batch?: number;
  /** Open loop: items offered per second. */
  rate?: number;
  durationMs: number;
  maxBatchDelayMs?: number;
}

export interface ScenarioResult {
  engine: EngineName;
  variant: string;
  batch: number | null;
  mode: string;
  offered_per_s: number | null;
  items_per_s: number;
  p50_ms: number | null;
  p95_ms: number | null;
  p99_ms: number | null;
  rss_mb: number;
  /** Engine only: mean inference time of one batch. */
  batch_ms?: number;
}

function sampleRss() {
  let peak = process.memoryUsage().rss;
  const timer = setInterval(() => (peak = Math.max(peak, process.memoryUsage().rss)), 25);
  return () => {
    clearInterval(timer);
    return Math.round(Math.max(peak, process.memoryUsage().rss) / 2 ** 20);
  };
}

type BatchFn = (texts: string[]) => Promise<unknown>;

async function batchLoop(run: BatchFn, texts: string[], batch: number, durationMs: number) {
  const slice = (i: number) => Array.from({ length: batch }, (_, j) => texts[(i * batch + j) % texts.length] as string);
  await run(slice(0)); // warm
  const latencies: number[] = [];
  const start = performance.now();
  let items = 0;
  for (let i = 1; performance.now() - start < durationMs; i++) {
    const t0 = performance.now();
    await run(slice(i));
    latencies.push(performance.now() - t0);
    items += batch;
  }
  return { items, seconds: (performance.now() - start) / 1000, latencies: latencies.sort((a, b) => a - b) };
}

async function transformersPipeline(modelDir: string): Promise<BatchFn> {
  const { pipeline, env } = await import('@huggingface/transformers');
  env.allowRemoteModels = false;
  env.localModelPath = `${modelDir}/..`;
  const name = modelDir.split('/').filter(Boolean).pop() as string;
  const extractor = await pipeline('feature-extraction', name, { dtype: 'fp32', device: 'cpu' });
  return async (texts) => {
    const out = await extractor(texts, { pooling: 'mean', normalize: true });
    out.dispose();
  };
}

async function runBatchScenario(s: Scenario, texts: string[]) {
  if (s.engine === 'raw_ort') {
    const embedder = await createEmbedder({ modelDir: s.modelDir, intraOpNumThreads: 1 });
    return batchLoop((t) => embedder.embed(t), texts, s.batch ?? 1, s.durationMs);
  }
  return batchLoop(await transformersPipeline(s.modelDir), texts, s.batch ?? 1, s.durationMs);
}

async function runEngineScenario(s: Scenario, texts: string[]) {
  const engine = await createEngine({ modelDir: s.modelDir, threads: availableParallelism(), maxBatchDelayMs: s.maxBatchDelayMs });
  await engine.warm();
  await engine.embedMany(texts.slice(0, 64));
  const latencies: number[] = [];
  let items = 0;
  let next = 0;
  const start = performance.now();
  const one = async () => {
    const t0 = performance.now();
    await engine.embed(texts[next++ % texts.length] as string);
    latencies.push(performance.now() - t0);
    items++;
  };
  if (s.mode === 'closed') {
    const callers = 256;
    await Promise.all(Array.from({ length: callers }, async () => {
      while (performance.now() - start < s.durationMs) await one();
    }));
  } else {
    const pending: Promise<void>[] = [];
    const rate = s.rate as number;
    while (performance.now() - start < s.durationMs) {
      const due = Math.floor(((performance.now() - start) / 1000) * rate);
      while (pending.length < due) pending.push(one());
      await new Promise((r) => setTimeout(r, 1));
    }
    await Promise.all(pending);
  }
  const seconds = (performance.now() - start) / 1000;
  const { totals, batches } = engine.stats();
  await engine.close();
  return { items, seconds, latencies: latencies.sort((a, b) => a - b), batchMs: totals.items ? totals.inferenceMs / totals.items : 0, batches };
}

export async function runScenario(s: Scenario): Promise<ScenarioResult> {
  const texts = await benchTexts();
  const rss = sampleRss();
  const r: { items: number; seconds: number; latencies: number[]; batchMs?: number } =
    s.mode === 'batch' ? await runBatchScenario(s, texts) : await runEngineScenario(s, texts);
  const perItem = r.latencies;
  const round = (x: number) => Math.round(x * 100) / 100;
  return {
    engine: s.engine,
    variant: s.variant,
    batch: s.mode === 'batch' ? (s.batch ?? 1) : null,
    mode: s.mode,
    offered_per_s: s.rate ?? null,
    items_per_s: round(r.items / r.seconds),
    p50_ms: round(percentile(perItem, 50)),
    p95_ms: round(percentile(perItem, 95)),
    p99_ms: round(percentile(perItem, 99)),
    rss_mb: rss(),
    ...(r.batchMs !== undefined ? { batch_ms: round(r.batchMs) } : {}),
  };
}
