// The thread pool that owns the ONNX sessions: a fixed number of piscina threads (min = max, no
// idle shutdown), each with one session and one ORT intra-op thread by default: on this class of
// CPU, N single-threaded sessions beat one N-threaded session.
import { existsSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { fileURLToPath } from 'node:url';
import { Piscina } from 'piscina';
import { InferenceError } from '../inference-error.js';
import type { EncodedBatch } from '../tokenizer.js';
import type { PoolWorkerData } from './worker.js';

export interface InferencePoolOptions {
  modelDir: string;
  dimensions: number;
  /** Threads, each with its own session. Default: the cores available. */
  threads?: number;
  intraOpNumThreads?: number;
  /**
   * The worker module (default: ./worker.js). Another module must export the same function; used
   * to instrument threads and to inject faults in tests.
   */
  workerFile?: string;
}

export interface InferencePool {
  threads: number;
  run(batch: EncodedBatch): Promise<Float32Array[]>;
  /** The piscina pool, for tests and metrics. */
  piscina: Piscina;
  close(): Promise<void>;
}

/** The compiled worker beside this file; from src/ (under vitest) the one in dist/. */
function workerFile(): string {
  const beside = new URL('./worker.js', import.meta.url);
  return existsSync(fileURLToPath(beside)) ? beside.href : new URL('../../dist/pool/worker.js', import.meta.url).href;
}

export function createInferencePool(options: InferencePoolOptions): InferencePool {
  const threads = options.threads ?? availableParallelism();
  const intraOpNumThreads = options.intraOpNumThreads ?? 1;
  for (const [name, v] of [['threads', threads], ['intraOpNumThreads', intraOpNumThreads]] as const) {
    if (!Number.isInteger(v) || v < 1) throw new InferenceError('invalid_option', `${name} must be a positive integer, got ${v}`);
  }
  const workerData: PoolWorkerData = { modelDir: options.modelDir, dimensions: options.dimensions, intraOpNumThreads };
  const piscina = new Piscina({
    filename: options.workerFile ?? workerFile(),
    workerData,
    minThreads: threads,
    maxThreads: threads,
    idleTimeout: 2 ** 31 - 1,
    concurrentTasksPerWorker: 1,
    // Batches wait in the micro-batcher, not here: the batcher is what bounds memory.
    maxQueue: threads * 4,
  });
  const dims = options.dimensions;
  return {
    threads,
    piscina,
    async run(batch) {
      const transferList = [batch.inputIds.buffer, batch.attentionMask.buffer, batch.tokenTypeIds.buffer] as ArrayBuffer[];
      let flat: Float32Array;
      try {
        flat = (await piscina.run(batch, { transferList })) as Float32Array;
      } catch (error) {
        throw new InferenceError('worker_crashed', `an inference thread failed while running a batch of ${batch.batch}; the pool replaces the thread, retry the batch`, { cause: error });
      }
      return Array.from({ length: batch.batch }, (_, i) => flat.subarray(i * dims, (i + 1) * dims));
    },
    close: () => piscina.destroy(),
  };
}
