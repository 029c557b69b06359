// The worker's Prometheus metrics: jobs by queue and outcome, job duration, the engine's batches
// and the caches, served on WORKER_METRICS_PORT (off when unset). Counters read from the engine
// and caches at scrape time, so the hot path does no extra work.
import { createServer, type Server } from 'node:http';
import type { Engine } from '@txcat/inference';
import { WaitingChildrenError } from 'bullmq';
import { collectDefaultMetrics, Counter, Gauge, Histogram, Registry } from 'prom-client';

export interface MetricsSources {
  engine: Engine;
  embeddingCache: { stats(): { hits: number; misses: number } };
  resultCache?: { stats(): { hits: number; misses: number } };
  prototypeVersion: () => number | null;
}

export function createWorkerMetrics(sources: MetricsSources) {
  const registry = new Registry();
  collectDefaultMetrics({ register: registry, prefix: 'txcat_worker_' });
  const jobs = new Counter({ name: 'txcat_worker_jobs_total', help: 'Jobs finished, by queue and outcome', labelNames: ['queue', 'outcome'], registers: [registry] });
  const duration = new Histogram({
    name: 'txcat_worker_job_duration_seconds', help: 'Time from a job starting on this worker to its end', labelNames: ['queue'],
    buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10], registers: [registry],
  });
  const snapshot = (name: string, help: string, read: () => number) => new Gauge({ name, help, registers: [registry], collect() { this.set(read()); } });
  snapshot('txcat_worker_engine_batches_total', 'Inference batches run', () => sources.engine.stats().batches);
  snapshot('txcat_worker_engine_items_total', 'Texts embedded', () => sources.engine.stats().totals.items);
  snapshot('txcat_worker_engine_inference_seconds_total', 'Time spent in inference', () => sources.engine.stats().totals.inferenceMs / 1000);
  snapshot('txcat_worker_engine_waiting', 'Texts waiting for a batch', () => sources.engine.stats().waiting);
  snapshot('txcat_worker_embedding_cache_hits_total', 'Embeddings found in the cache', () => sources.embeddingCache.stats().hits);
  snapshot('txcat_worker_embedding_cache_misses_total', 'Embeddings computed', () => sources.embeddingCache.stats().misses);
  snapshot('txcat_worker_result_cache_hits_total', 'Answers found in the result cache', () => sources.resultCache?.stats().hits ?? 0);
  snapshot('txcat_worker_result_cache_misses_total', 'Answers computed', () => sources.resultCache?.stats().misses ?? 0);
  snapshot('txcat_worker_prototype_version', 'The prototype version this worker answers with', () => sources.prototypeVersion() ?? 0);
  let server: Server | undefined;
  return {
    registry,
    /** Wraps a job handler: counts outcomes and times it. */
    observe<T>(queue: string, run: () => Promise<T>): Promise<T> {
      const end = duration.startTimer({ queue });
      return run().then(
        (v) => (jobs.inc({ queue, outcome: 'completed' }), end(), v),
        // A job waiting for its parts is not a failure: it is processed again when they are done.
        (e: unknown) => (jobs.inc({ queue, outcome: e instanceof WaitingChildrenError ? 'waiting_children' : 'failed' }), end(), Promise.reject(e)),
      );
    },
    async listen(port: number): Promise<number> {
      server = createServer((req, res) => {
        if (req.url !== '/metrics') return void res.writeHead(404).end('see /metrics\n');
        registry.metrics().then((text) => res.writeHead(200, { 'content-type': registry.contentType }).end(text), () => res.writeHead(500).end());
      });
      await new Promise<void>((resolve, reject) => server!.once('error', reject).listen(port, '0.0.0.0', resolve));
      const address = server.address();
      return typeof address === 'object' && address ? address.port : port;
    },
    close: () => new Promise<void>((resolve) => (server ? server.close(() => resolve()) : resolve())),
  };
}
