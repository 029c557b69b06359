// A dynamic micro-batcher in the manner of Triton's dynamic batcher, Ray Serve's @serve.batch and
// text-embeddings-inference's token budget: callers submit one text at a time; texts are grouped
// into batches that flush on size, on a padded-token budget, or when the oldest has waited long
// enough. Batches are formed around the oldest waiting item from items of similar token length,
// so that padding to the longest member stays small.
import { InferenceError } from './inference-error.js';

export interface BatchItem {
  text: string;
  tokens: number;
  /** Token ids, when the batcher was given `encode` (tokenized once, at submission). */
  ids?: number[];
}

export interface BatchTiming {
  size: number;
  /** Tokens the batch costs once padded to its longest member (size x longest). */
  paddedTokens: number;
  /** Tokens actually present (sum of lengths). */
  tokens: number;
  /** Time each item waited before its batch was dispatched, in ms. */
  queueMs: number[];
  inferenceMs: number;
}

export interface BatcherOptions {
  /** Runs one batch; returns one embedding per item, in order. */
  run: (items: BatchItem[]) => Promise<Float32Array[]>;
  /** Token count of a text, including special tokens (capped at the model's maximum). */
  countTokens?: (text: string) => number;
  /** Token ids of a text: given instead of countTokens, items carry their ids into the batch. */
  encode?: (text: string) => number[];
  maxBatchSize?: number;
  /** Budget of padded tokens per batch (size x longest member). */
  maxBatchTokens?: number;
  maxBatchDelayMs?: number;
  /** Items allowed to wait; one more is rejected with an overloaded error. */
  maxQueueSize?: number;
  /** Batches in flight at once (the pool's thread count). */
  maxConcurrentBatches?: number;
  onBatch?: (timing: BatchTiming) => void;
  now?: () => number;
}

// 16 measured best on 2 AVX2 cores for ~16-token statement lines (int8 698/s vs 635/s at 32):
// with length grouping, larger batches gain little and pad more.
export const BATCHER_DEFAULTS = {
  maxBatchSize: 16,
  maxBatchTokens: 16_384,
  maxBatchDelayMs: 5,
  maxQueueSize: 10_000,
  maxConcurrentBatches: 1,
} as const;

interface Pending extends BatchItem {
  enqueuedAt: number;
  resolve: (v: Float32Array) => void;
  reject: (e: unknown) => void;
  signal: AbortSignal | undefined;
  onAbort: (() => void) | undefined;
}

function positiveInteger(name: string, value: number): number {
  if (!Number.isInteger(value) || value <= 0) throw new InferenceError('invalid_option', `${name} must be a positive integer, got ${value}`);
  return value;
}

export function validateBatcherOptions(options: BatcherOptions) {
  const o = { ...BATCHER_DEFAULTS, ...stripUndefined(options) };
  if (!o.countTokens && !o.encode) throw new InferenceError('invalid_option', 'give countTokens or encode so the batcher can measure texts');
  positiveInteger('maxBatchSize', o.maxBatchSize);
  positiveInteger('maxBatchTokens', o.maxBatchTokens);
  positiveInteger('maxQueueSize', o.maxQueueSize);
  positiveInteger('maxConcurrentBatches', o.maxConcurrentBatches);
  if (!Number.isFinite(o.maxBatchDelayMs) || o.maxBatchDelayMs < 0) {
    throw new InferenceError('invalid_option', `maxBatchDelayMs must be a number >= 0, got ${o.maxBatchDelayMs}`);
  }
  return o;
}

function stripUndefined<T extends object>(o: T): T {
  return Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined)) as T;
}

export type Batcher = ReturnType<typeof createBatcher>;

export function createBatcher(options: BatcherOptions) {
  const o = validateBatcherOptions(options);
  const now = o.now ?? (() => performance.now());
  const pending: Pending[] = [];
  let inFlight = 0;
  let timer: ReturnType<typeof setTimeout> | undefined;
  let closed = false;
  const counts = { submitted: 0, completed: 0, rejectedOverloaded: 0, aborted: 0, batches: 0 };

  const paddedCost = (items: BatchItem[]) => items.length * Math.max(0, ...items.map((i) => i.tokens));

  /** The oldest item plus the waiting items closest to it in length, within size and token budget. */
  function takeBatch(): Pending[] {
    const oldest = pending[0] as Pending;
    const byCloseness = pending.slice(1).sort((a, b) => Math.abs(a.tokens - oldest.tokens) - Math.abs(b.tokens - oldest.tokens));
    const batch = [oldest];
    for (const item of byCloseness) {
      if (batch.length >= o.maxBatchSize) break;
      if (paddedCost([...batch, item]) > o.maxBatchTokens) continue;
      batch.push(item);
    }
    const chosen = new Set(batch);
    for (let i = pending.length - 1; i >= 0; i--) if (chosen.has(pending[i] as Pending)) pending.splice(i, 1);
    return batch;
  }

  function isFull(): boolean {
    if (pending.length >= o.maxBatchSize) return true;
    return paddedCost(pending) >= o.maxBatchTokens;
  }

  function schedule(): void {
    while (pending.length > 0 && inFlight < o.maxConcurrentBatches) {
      const waited = now() - (pending[0] as Pending).enqueuedAt;
      if (!isFull() && waited < o.maxBatchDelayMs && !closed) break;
      dispatch(takeBatch());
    }
    if (timer !== undefined) clearTimeout(timer);
    timer = undefined;
    if (pending.length > 0 && inFlight < o.maxConcurrentBatches) {
      const wait = Math.max(0, o.maxBatchDelayMs - (now() - (pending[0] as Pending).enqueuedAt));
      timer = setTimeout(() => {
        timer = undefined;
        schedule();
      }, wait);
    }
  }

  function dispatch(batch: Pending[]): void {
    inFlight += 1;
    counts.batches += 1;
    const started = now();
    for (const item of batch) if (item.onAbort) item.signal?.removeEventListener('abort', item.onAbort);
    o.run(batch.map(({ text, tokens, ids }) => (ids ? { text, tokens, ids } : { text, tokens })))
      .then((vectors) => {
        if (vectors.length !== batch.length) throw new InferenceError('internal', `a batch of ${batch.length} returned ${vectors.length} embeddings`);
        batch.forEach((item, i) => item.resolve(vectors[i] as Float32Array));
        counts.completed += batch.length;
      })
      .catch((error: unknown) => batch.forEach((item) => item.reject(error)))
      .finally(() => {
        inFlight -= 1;
        o.onBatch?.({
          size: batch.length,
          tokens: batch.reduce((s, i) => s + i.tokens, 0),
          paddedTokens: paddedCost(batch),
          queueMs: batch.map((i) => started - i.enqueuedAt),
          inferenceMs: now() - started,
        });
        schedule();
      });
  }

  return {
    /** Embeds one text as part of some batch. Rejects with code 'overloaded' when the queue is full. */
    embed(text: string, { signal }: { signal?: AbortSignal } = {}): Promise<Float32Array> {
      if (closed) return Promise.reject(new InferenceError('closed', 'the batcher is closed; create a new engine'));
      if (signal?.aborted) return Promise.reject(signal.reason ?? new InferenceError('aborted', 'aborted before it was queued'));
      if (pending.length >= o.maxQueueSize) {
        counts.rejectedOverloaded += 1;
        return Promise.reject(new InferenceError('overloaded', `the inference queue is full (${o.maxQueueSize} waiting); retry later or add workers`));
      }
      counts.submitted += 1;
      return new Promise<Float32Array>((resolve, reject) => {
        let ids: number[] | undefined;
        let tokens: number;
        try {
          ids = o.encode?.(text);
          tokens = ids ? ids.length : (o.countTokens as (t: string) => number)(text);
        } catch (error) {
          reject(error);
          return;
        }
        const item: Pending = { text, tokens, ...(ids ? { ids } : {}), enqueuedAt: now(), resolve, reject, signal, onAbort: undefined };
        if (signal) {
          item.onAbort = () => {
            const index = pending.indexOf(item);
            if (index < 0) return;
            pending.splice(index, 1);
            counts.aborted += 1;
            reject(signal.reason ?? new InferenceError('aborted', 'aborted while queued'));
            schedule();
          };
          signal.addEventListener('abort', item.onAbort, { once: true });
        }
        pending.push(item);
        schedule();
      });
    },
    stats: () => ({ ...counts, waiting: pending.length, inFlight }),
    /** Flushes what is waiting (without further delay) and stops accepting new texts. */
    async close(): Promise<void> {
      closed = true;
      schedule();
      while (pending.length > 0 || inFlight > 0) await new Promise((r) => setTimeout(r, 1));
    },
  };
}
