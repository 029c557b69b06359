import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createBatcher, type BatchItem, type BatchTiming } from './batcher.js';
import { InferenceError } from './inference-error.js';

/** A run function that records batches and answers each text with [tokens]. */
function recorder() {
  const batches: BatchItem[][] = [];
  const gates: Array<() => void> = [];
  let hold = false;
  const run = async (items: BatchItem[]) => {
    batches.push(items);
    if (hold) await new Promise<void>((r) => gates.push(r));
    return items.map((i) => Float32Array.of(i.tokens));
  };
  return { batches, run, holdBatches: () => { hold = true; }, releaseAll: () => { hold = false; gates.splice(0).forEach((g) => g()); } };
}

const countWords = (text: string) => text.split(' ').length;

beforeEach(() => { vi.useFakeTimers(); });
afterEach(() => { vi.useRealTimers(); });

describe('createBatcher', () => {
  it('flushes as soon as maxBatchSize items wait', async () => {
    const r = recorder();
    const b = createBatcher({ run: r.run, countTokens: countWords, maxBatchSize: 4, maxBatchDelayMs: 1000, now: () => Date.now() });
    const results = Promise.all(['a', 'b', 'c', 'd'].map((t) => b.embed(t)));
    await vi.advanceTimersByTimeAsync(0);
    expect(r.batches).toHaveLength(1);
    expect(r.batches[0]).toHaveLength(4);
    expect((await results).map((v) => v[0])).toEqual([1, 1, 1, 1]);
  });

  it('flushes when the padded-token budget is reached', async () => {
    const r = recorder();
    const b = createBatcher({ run: r.run, countTokens: countWords, maxBatchSize: 100, maxBatchTokens: 12, maxBatchDelayMs: 1000, now: () => Date.now() });
    const p = [b.embed('w w w w'), b.embed('w w w w'), b.embed('w w w w')];
    await vi.advanceTimersByTimeAsync(0);
    expect(r.batches.map((x) => x.length)).toEqual([3]);
    await Promise.all(p);
    // A fourth item of 4 tokens would take the padded cost to 16 > 12: it goes into a second batch.
    const q = [b.embed('w w w w'), b.embed('w w w w'), b.embed('w w w w'), b.embed('w w w w')];
    await vi.advanceTimersByTimeAsync(0);
    expect(r.batches.map((x) => x.length)).toEqual([3, 3]);
    await vi.advanceTimersByTimeAsync(1000);
    await Promise.all(q);
    expect(r.batches.map((x) => x.length)).toEqual([3, 3, 1]);
  });

  it('flushes a partial batch when the oldest item has waited maxBatchDelayMs', async () => {
    const r = recorder();
    const b = createBatcher({ run: r.run, countTokens: countWords, maxBatchSize: 32, maxBatchDelayMs: 10, now: () => Date.now() });
    const p1 = b.embed('a');
    await vi.advanceTimersByTimeAsync(6);
    const p2 = b.embed('b');
    await vi.advanceTimersByTimeAsync(3);
    expect(r.batches).toHaveLength(0);
    await vi.advanceTimersByTimeAsync(1);
    expect(r.batches.map((x) => x.map((i) => i.text))).toEqual([['a', 'b']]);
    await Promise.all([p1, p2]);
  });

  it('rejects with an overloaded error when the queue is full, and recovers', async () => {
    const r = recorder();
    r.holdBatches();
    const b = createBatcher({ run: r.run, countTokens: countWords, maxBatchSize: 2, maxQueueSize: 3, maxBatchDelayMs: 1, now: () => Date.now() });
    const first = [b.embed('a'), b.embed('b')]; // dispatched at once: the only batch slot is busy
    await vi.advanceTimersByTimeAsync(0);
    const waiting = [b.embed('c'), b.embed('d'), b.embed('e')];
    const error = await b.embed('f').catch((e: unknown) => e);
    expect(error).toBeInstanceOf(InferenceError);
    expect((error as InferenceError).code).toBe('overloaded');
    expect((error as InferenceError).retryable).toBe(true);
    expect(b.stats().rejectedOverloaded).toBe(1);
    r.releaseAll();
    await vi.advanceTimersByTimeAsync(5);
    r.releaseAll();
    await vi.advanceTimersByTimeAsync(5);
    r.releaseAll();
    await Promise.all([...first, ...waiting]);
    const recovered = b.embed('g');
    await vi.advanceTimersByTimeAsync(1);
    expect((await recovered).length).toBe(1);
  });

  it('drops an aborted caller before inference', async () => {
    const r = recorder();
    const b = createBatcher({ run: r.run, countTokens: countWords, maxBatchSize: 32, maxBatchDelayMs: 10, now: () => Date.now() });
    const controller = new AbortController();
    const kept = b.embed('kept');
    const dropped = b.embed('dropped', { signal: controller.signal });
    controller.abort(new Error('caller gave up'));
    await expect(dropped).rejects.toThrow('caller gave up');
    await vi.advanceTimersByTimeAsync(10);
    await kept;
    expect(r.batches.map((x) => x.map((i) => i.text))).toEqual([['kept']]);
    expect(b.stats().aborted).toBe(1);
  });

  it('groups items of similar token length around the oldest item', async () => {
    const r = recorder();
    r.holdBatches();
    const b = createBatcher({ run: r.run, countTokens: countWords, maxBatchSize: 3, maxBatchDelayMs: 0, now: () => Date.now() });
    const blocker = b.embed('x'); // occupies the only slot so the rest queue up together
    await vi.advanceTimersByTimeAsync(0);
    const texts = ['w', 'w w w w w w w w', 'w w', 'w w w w w w w w w', 'w', 'w w w w w w w'];
    const all = texts.map((t) => b.embed(t));
    r.releaseAll();
    await vi.advanceTimersByTimeAsync(0);
    r.releaseAll();
    await vi.advanceTimersByTimeAsync(0);
    r.releaseAll();
    await Promise.all([blocker, ...all]);
    const lengths = r.batches.slice(1).map((batch) => batch.map((i) => i.tokens).sort((a, z) => a - z));
    expect(lengths).toEqual([[1, 1, 2], [7, 8, 9]]);
  });

  it('fails only the callers of a failed batch, and reports timings', async () => {
    const timings: BatchTiming[] = [];
    let calls = 0;
    const b = createBatcher({
      run: async (items) => {
        calls += 1;
        if (calls === 1) throw new InferenceError('worker_crashed', 'thread died');
        return items.map(() => Float32Array.of(1));
      },
      countTokens: countWords, maxBatchSize: 2, maxBatchDelayMs: 5, onBatch: (t) => timings.push(t), now: () => Date.now(),
    });
    const failed = [b.embed('a'), b.embed('b')];
    await expect(failed[0]).rejects.toThrow('thread died');
    await expect(failed[1]).rejects.toThrow('thread died');
    const next = b.embed('c');
    await vi.advanceTimersByTimeAsync(5);
    await expect(next).resolves.toEqual(Float32Array.of(1));
    expect(timings.map((t) => t.size)).toEqual([2, 1]);
    expect(timings[0]!.queueMs).toHaveLength(2);
  });

  it('validates its options with messages that name the option', () => {
    const run = async () => [];
    expect(() => createBatcher({ run, countTokens: countWords, maxBatchSize: 0 })).toThrow('maxBatchSize must be a positive integer');
    expect(() => createBatcher({ run, countTokens: countWords, maxBatchDelayMs: -1 })).toThrow('maxBatchDelayMs must be a number >= 0');
  });
});
