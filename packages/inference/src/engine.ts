// The engine: callers embed one text at a time; the micro-batcher groups them into batches; the
// pool runs each batch on a thread with its own session. Texts are tokenized once, on submission.
import { createBatcher, type BatcherOptions, type BatchTiming } from './batcher.js';
import { loadModelDir, MODEL_FILES, type ModelManifest } from './model-dir.js';
import { createInferencePool } from './pool/pool.js';
import { loadTokenizer, padBatch } from './tokenizer.js';
import path from 'node:path';

export interface EngineOptions extends Pick<BatcherOptions, 'maxBatchSize' | 'maxBatchTokens' | 'maxBatchDelayMs' | 'maxQueueSize' | 'onBatch'> {
  modelDir: string;
  /** Pool threads (one session each). Default: the cores available. */
  threads?: number;
  intraOpNumThreads?: number;
}

export interface EngineStats {
  submitted: number;
  completed: number;
  rejectedOverloaded: number;
  aborted: number;
  batches: number;
  waiting: number;
  inFlight: number;
  /** Sums over completed batches, for averages: items, padded tokens, queue and inference ms. */
  totals: { items: number; paddedTokens: number; tokens: number; queueMs: number; inferenceMs: number };
}

export interface Engine {
  manifest: ModelManifest;
  modelDir: string;
  threads: number;
  embed(text: string, options?: { signal?: AbortSignal }): Promise<Float32Array>;
  embedMany(texts: string[], options?: { signal?: AbortSignal }): Promise<Float32Array[]>;
  countTokens(text: string): number;
  /** Runs one inference on every thread, so that the first real batch pays no warm-up. */
  warm(): Promise<void>;
  stats(): EngineStats;
  close(): Promise<void>;
}

export async function createEngine(options: EngineOptions): Promise<Engine> {
  const manifest = await loadModelDir(options.modelDir);
  const tokenizer = await loadTokenizer(path.join(options.modelDir, MODEL_FILES.tokenizer), manifest.maxTokens);
  const pool = createInferencePool({
    modelDir: options.modelDir, dimensions: manifest.dimensions, threads: options.threads, intraOpNumThreads: options.intraOpNumThreads,
  });
  const totals = { items: 0, paddedTokens: 0, tokens: 0, queueMs: 0, inferenceMs: 0 };
  const record = (t: BatchTiming) => {
    totals.items += t.size;
    totals.paddedTokens += t.paddedTokens;
    totals.tokens += t.tokens;
    totals.queueMs += t.queueMs.reduce((a, b) => a + b, 0);
    totals.inferenceMs += t.inferenceMs * t.size;
    options.onBatch?.(t);
  };
  const batcher = createBatcher({
    encode: (text) => tokenizer.encode(text),
    run: (items) => pool.run(padBatch(items.map((i) => i.ids as number[]))),
    maxBatchSize: options.maxBatchSize,
    maxBatchTokens: options.maxBatchTokens,
    maxBatchDelayMs: options.maxBatchDelayMs,
    maxQueueSize: options.maxQueueSize,
    maxConcurrentBatches: pool.threads,
    onBatch: record,
  });
  return {
    manifest,
    modelDir: options.modelDir,
    threads: pool.threads,
    embed: (text, opts) => batcher.embed(text, opts),
    embedMany: (texts, opts) => Promise.all(texts.map((t) => batcher.embed(t, opts))),
    countTokens: (text) => tokenizer.countTokens(text),
    async warm() {
      await Promise.all(Array.from({ length: pool.threads }, () => pool.run(padBatch([tokenizer.encode('warm up')]))));
    },
    stats: () => ({ ...batcher.stats(), totals: { ...totals } }),
    async close() {
      await batcher.close();
      await pool.close();
    },
  };
}
