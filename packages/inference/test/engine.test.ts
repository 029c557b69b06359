// The pool and engine against the single-session embedder, and a thread dying mid-batch.
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  createBatcher, createEmbedder, createEngine, createInferencePool, defaultModelDir, InferenceError, padBatch,
  type Embedder,
} from '../src/index.js';
import { STATEMENT_LINES } from './statement-lines.js';

const MODELS = path.resolve(import.meta.dirname, '../../../models');
const FP32 = defaultModelDir(MODELS, 'fp32');
let reference: Embedder;

beforeAll(async () => {
  reference = await createEmbedder({ modelDir: FP32 });
});
afterAll(() => reference.close());

const maxAbsDiff = (a: Float32Array, b: Float32Array) => a.reduce((m, x, i) => Math.max(m, Math.abs(x - b[i]!)), 0);

describe('createEngine', () => {
  it('gives the same embeddings as one session, to 1e-5, for texts batched from many concurrent callers', async () => {
    const engine = await createEngine({ modelDir: FP32, threads: 2, maxBatchSize: 8, maxBatchDelayMs: 2 });
    try {
      await engine.warm();
      const texts = [...STATEMENT_LINES, ...STATEMENT_LINES.map((t) => `${t} REF 99812`)];
      const pooled = await engine.embedMany(texts);
      const single = await Promise.all(texts.map(async (t) => (await reference.embed([t]))[0]!));
      texts.forEach((_, i) => expect(maxAbsDiff(pooled[i]!, single[i]!)).toBeLessThan(1e-5));
      const stats = engine.stats();
      expect(stats.completed).toBe(texts.length);
      expect(stats.batches).toBeLessThan(texts.length); // it did batch
      expect(stats.totals.items).toBe(texts.length);
    } finally {
      await engine.close();
    }
  });
});

describe('a pool thread that dies mid-batch', () => {
  it("fails only that batch's callers with a clear error, and the pool replaces the thread", async () => {
    const workerFile = new URL('./fixtures/dying-worker.mjs', import.meta.url).href;
    const pool = createInferencePool({ modelDir: FP32, dimensions: 384, threads: 1, workerFile });
    const batcher = createBatcher({
      encode: (t) => reference.tokenizer.encode(t),
      run: (items) => pool.run(padBatch(items.map((i) => i.ids!))),
      maxBatchSize: 8,
      maxBatchDelayMs: 50, // the first 8 (long) texts fill one batch, the 8 short ones the next
      maxConcurrentBatches: 1,
    });
    try {
      await pool.run(padBatch([reference.tokenizer.encode('warm up')]));
      // The test worker's thread exits after running any batch longer than 64 tokens.
      const long = (i: number) => `${'GROCERY STORE PURCHASE '.repeat(30)} ${i}`;
      const first = Array.from({ length: 8 }, (_, i) => batcher.embed(long(i)).then(() => 'ok', (e: unknown) => e));
      const second = Array.from({ length: 8 }, (_, i) => batcher.embed(`UBER *TRIP ${i}`).then(() => 'ok', (e: unknown) => e));
      const failed = await Promise.all(first);
      for (const e of failed) {
        expect(e).toBeInstanceOf(InferenceError);
        expect((e as InferenceError).code).toBe('worker_crashed');
        expect((e as InferenceError).message).toMatch(/the pool replaces the thread, retry/);
      }
      expect(await Promise.all(second)).toEqual(Array(8).fill('ok'));
      expect(pool.piscina.threads).toHaveLength(1);
    } finally {
      await batcher.close();
      await pool.close();
    }
  });
});
