// `txcat bench soak --items N`: the engine embeds N texts (closed loop) while RSS is sampled at
// checkpoints. Flat RSS after warm-up means ORT tensors are released: no leak per batch.
import { availableParallelism } from 'node:os';
import { createEngine } from '@txcat/inference';
import { benchTexts } from './texts.js';

export interface SoakResult {
  items: number;
  threads: number;
  seconds: number;
  items_per_s: number;
  checkpoints: Array<{ items: number; rss_mb: number }>;
  /** RSS growth from the first checkpoint after warm-up (10% of the run) to the last, per pool thread. */
  growth_mb_per_thread: number;
}

export async function runSoak(modelDir: string, items: number, log: (line: string) => void): Promise<SoakResult> {
  const texts = await benchTexts(4096);
  const threads = availableParallelism();
  const engine = await createEngine({ modelDir, threads });
  await engine.warm();
  const every = Math.max(1, Math.floor(items / 20));
  const checkpoints: SoakResult['checkpoints'] = [];
  let done = 0;
  let next = 0;
  const start = performance.now();
  await Promise.all(Array.from({ length: 256 }, async () => {
    while (next < items) {
      const i = next++;
      // A varying suffix keeps every text distinct, as cold traffic is.
      await engine.embed(`${texts[i % texts.length]} ${i % 9973}`);
      done++;
      if (done % every === 0) {
        const rss = Math.round(process.memoryUsage().rss / 2 ** 20);
        checkpoints.push({ items: done, rss_mb: rss });
        log(`${done} embeddings, rss ${rss} MB`);
      }
    }
  }));
  const seconds = (performance.now() - start) / 1000;
  await engine.close();
  const base = checkpoints[Math.min(1, checkpoints.length - 1)]?.rss_mb ?? 0;
  const last = checkpoints.at(-1)?.rss_mb ?? 0;
  return { items, threads, seconds: Math.round(seconds), items_per_s: Math.round(items / seconds), checkpoints, growth_mb_per_thread: Math.round(((last - base) / threads) * 10) / 10 };
}
