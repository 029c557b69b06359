// A piscina worker: one onnxruntime session per thread, loaded once when the thread starts and
// kept for the thread's life. Batches arrive tokenized and padded (transferred, not copied); the
// pooled embeddings go back as one transferred Float32Array of batch x dimensions.
import { workerData } from 'node:worker_threads';
import { move } from 'piscina';
import { createSession, runEncoded } from '../embedder.js';
import type { EncodedBatch } from '../tokenizer.js';

export interface PoolWorkerData {
  modelDir: string;
  dimensions: number;
  intraOpNumThreads: number;
}

const { modelDir, dimensions, intraOpNumThreads } = workerData as PoolWorkerData;
const session = createSession(modelDir, { intraOpNumThreads, interOpNumThreads: 1 });

export default async function embedBatch(batch: EncodedBatch): Promise<Float32Array> {
  const vectors = await runEncoded(await session, batch, dimensions);
  const out = new Float32Array(vectors.length * dimensions);
  vectors.forEach((v, i) => out.set(v, i * dimensions));
  return move(out) as unknown as Float32Array;
}
