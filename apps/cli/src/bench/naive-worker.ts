// The naive fleet the fleet benchmark compares against: what one would write first. A BullMQ
// worker (concurrency 1) that runs a transformers.js feature-extraction pipeline for each job and
// classifies with the active version's prototypes (naive-classifier.ts): no micro-batching, no
// caches, one process per core. It consumes the same queue and answers with the same contract as
// txcat's worker, so the same API and the same load drive both. Hidden command: `txcat __bench-naive-worker JSON`.
import { fromStored } from '@txcat/classifier';
import { CLASSIFY_JOB } from '@txcat/contracts';
import { createDb, loadActivePrototypes } from '@txcat/db';
import { loadModelDir } from '@txcat/inference';
import { Worker } from 'bullmq';
import { Redis } from 'ioredis';
import { classifyNaive, naiveText } from './naive-classifier.js';

export interface NaiveWorkerOptions {
  redisUrl: string;
  databaseUrl: string;
  prefix: string;
  modelDir: string;
}

async function pipelineFor(modelDir: string) {
  const { pipeline, env } = await import('@huggingface/transformers');
  env.allowRemoteModels = false;
  env.localModelPath = `${modelDir}/..`;
  const name = modelDir.split('/').filter(Boolean).pop() as string;
  return pipeline('feature-extraction', name, { dtype: 'fp32', device: 'cpu', session_options: { intraOpNumThreads: 1, interOpNumThreads: 1 } });
}

export async function runNaiveWorker(o: NaiveWorkerOptions): Promise<void> {
  const extractor = await pipelineFor(o.modelDir);
  const store = createDb({ databaseUrl: o.databaseUrl });
  // The version of the model this worker embeds with: another model's vectors would not compare.
  const { name, variant } = await loadModelDir(o.modelDir);
  const version = await loadActivePrototypes(store.db, { name, variant });
  await store.close();
  if (!version) throw new Error(`no prototype version of ${name}@${variant}: start the txcat fleet with that model once first`);
  const { prototypes } = fromStored(version);
  const connection = new Redis(o.redisUrl, { maxRetriesPerRequest: null });
  const worker = new Worker(CLASSIFY_JOB.queue, async (job) => {
    const { transactions } = CLASSIFY_JOB.parsePayload(job.data);
    const out = await extractor(transactions.map((t) => naiveText(t.description)), { pooling: 'mean', normalize: true });
    const dims = out.dims[1] as number;
    const data = out.data as Float32Array;
    const results = transactions.map((t, i) => {
      const c = classifyNaive(data.slice(i * dims, (i + 1) * dims), prototypes);
      return { id: t.id, category: c.category, confidence: c.confidence, level: c.level, top: c.top, modelVersion: 'naive', prototypeVersion: version.version };
    });
    out.dispose();
    return { results };
  }, { connection, prefix: o.prefix, concurrency: 1 });
  await worker.waitUntilReady();
  console.log('naive worker ready');
  await new Promise<void>((resolve) => process.once('SIGTERM', () => void worker.close().then(() => resolve())));
  connection.disconnect();
}
