// `txcat bench fleet`: the running fleet end to end over HTTP, against a naive fleet (one BullMQ
// worker per core running transformers.js per job) behind the same API, in one run. For each:
// saturation (closed loop) and latency at fractions of it (open loop), for cold lines and for a
// repeat mix; one 1,000-transaction batch job; peak RSS of every process.
import { randomBytes } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { defaultModelDir, type ModelVariant } from '@txcat/inference';
import { freePort } from '@txcat/infra';
import { REPO_ROOT } from '../env.js';
import { startFleet } from '../fleet.js';
import { runInChild } from './inference-bench.js';
import { classifyOver, closedLoop, lineSource, openLoop, type LoadResult, type Mix } from './load.js';

export interface FleetBenchOptions {
  redisUrl: string;
  databaseUrl: string;
  modelsDir: string;
  variants: ModelVariant[];
  workers: number;
  durationMs: number;
  loadFractions: number[];
  callers: number;
  log: (line: string) => void;
}

type FleetKind = 'txcat' | 'naive';

export interface FleetRun {
  fleet: FleetKind;
  variant: ModelVariant;
  mix: Mix;
  saturation: LoadResult;
  open: Array<LoadResult & { offered_per_s: number }>;
}

const CLI_MAIN = path.join(REPO_ROOT, 'apps/cli/dist/main.js');

/** Peak resident set of a live process (VmHWM), in MB. */
async function peakRssMb(pid: number): Promise<number> {
  const status = await readFile(`/proc/${pid}/status`, 'utf8').catch(() => '');
  const kb = Number(/VmHWM:\s+(\d+)/.exec(status)?.[1] ?? 0);
  return Math.round(kb / 1024);
}

async function measureFleet(kind: FleetKind, variant: ModelVariant, o: FleetBenchOptions) {
  const prefix = `bench-${kind}-${randomBytes(3).toString('hex')}`;
  const modelDir = defaultModelDir(o.modelsDir, variant);
  const fleet = await startFleet({
    redisUrl: o.redisUrl, databaseUrl: o.databaseUrl, port: await freePort(), workers: o.workers,
    env: { ...process.env, TXCAT_QUEUE_PREFIX: prefix, TXCAT_MODEL_DIR: modelDir },
    log: () => {},
    ...(kind === 'naive' ? { worker: { main: CLI_MAIN, args: ['__bench-naive-worker', JSON.stringify({ prefix, modelDir })] } } : {}),
  });
  const runs: FleetRun[] = [];
  try {
    for (const mix of ['cold', 'repeat'] as const) {
      await fetch(`${fleet.url}/v1/cache`, { method: 'DELETE' });
      const next = await lineSource(mix, randomBytes(2).toString('hex').replace(/\d/g, 'Q').toUpperCase());
      const saturation = await closedLoop(fleet.url, next, o.callers, o.durationMs);
      o.log(`${kind.padEnd(6)}${variant.padEnd(6)}${mix.padEnd(8)}saturation ${saturation.jobs_per_s} jobs/s  p95 ${saturation.p95_ms} ms  cache ${saturation.cache_hit_rate}`);
      const open = [];
      for (const f of o.loadFractions) {
        const r = await openLoop(fleet.url, next, Math.max(1, Math.round(saturation.jobs_per_s * f)), o.durationMs);
        o.log(`${kind.padEnd(6)}${variant.padEnd(6)}${mix.padEnd(8)}@${r.offered_per_s}/s  p50 ${r.p50_ms} p95 ${r.p95_ms} p99 ${r.p99_ms} ms  errors ${r.errors}`);
        open.push(r);
      }
      runs.push({ fleet: kind, variant, mix, saturation, open });
    }
    const coldBatch = await lineSource('cold', 'BATCH' + randomBytes(2).toString('hex').replace(/\d/g, 'Z').toUpperCase());
    const batch = await classifyOver(fleet.url, Array.from({ length: 1000 }, coldBatch));
    const batchRate = batch.ok ? Math.round(1000 / (batch.ms / 1000)) : 0;
    o.log(`${kind.padEnd(6)}${variant.padEnd(6)}one 1,000-transaction job: ${batchRate} transactions/s`);
    const rss = { api: await peakRssMb(fleet.pids.api), workers: await Promise.all(fleet.pids.workers.map(peakRssMb)) };
    return { runs, batch: { transactions: 1000, seconds: Math.round(batch.ms) / 1000, transactions_per_s: batchRate }, peak_rss_mb: rss };
  } finally {
    await fleet.close();
  }
}

export async function runFleetBench(o: FleetBenchOptions) {
  const out = [];
  for (const variant of o.variants) {
    const engine = await runInChild({ engine: 'engine', variant, modelDir: defaultModelDir(o.modelsDir, variant), mode: 'closed', durationMs: Math.max(4000, o.durationMs), maxBatchDelayMs: 5 });
    o.log(`engine${variant.padStart(6)}  engine only, closed loop: ${engine.items_per_s} items/s`);
    const txcat = await measureFleet('txcat', variant, o);
    const naive = await measureFleet('naive', variant, o);
    out.push({ variant, engine_items_per_s: engine.items_per_s, txcat, naive });
  }
  return { workers: o.workers, callers: o.callers, duration_ms: o.durationMs, variants: out, goals: fleetGoals(out, o.loadFractions) };
}

type VariantResult = { variant: ModelVariant; engine_items_per_s: number; txcat: Awaited<ReturnType<typeof measureFleet>>; naive: Awaited<ReturnType<typeof measureFleet>> };

function fleetGoals(results: VariantResult[], fractions: number[]) {
  const goals: Array<{ goal: string; value: number; target: string; met: boolean }> = [];
  const add = (goal: string, value: number, min: number | null, max: number | null = null) => {
    goals.push({ goal, value: Math.round(value * 1000) / 1000, target: min !== null ? `>= ${min}` : `<= ${max}`, met: (min === null || value >= min) && (max === null || value <= max) });
  };
  for (const r of results) {
    const sat = (k: 'txcat' | 'naive', mix: Mix) => r[k].runs.find((x) => x.mix === mix)!.saturation.jobs_per_s;
    add(`${r.variant}: cold jobs/s / engine-only items/s`, sat('txcat', 'cold') / r.engine_items_per_s, 0.9);
    add(`${r.variant}: cold, txcat / naive fleet`, sat('txcat', 'cold') / sat('naive', 'cold'), r.variant === 'fp32' ? 1.4 : 1.0);
    add(`${r.variant}: repeat mix, txcat / naive fleet`, sat('txcat', 'repeat') / sat('naive', 'repeat'), 4);
    add(`${r.variant}: repeat mix, jobs/s`, sat('txcat', 'repeat'), 3000);
    add(`${r.variant}: 1,000-transaction job / engine-only rate`, r.txcat.batch.transactions_per_s / r.engine_items_per_s, 0.9);
    const half = fractions.reduce((best, f) => (Math.abs(f - 0.5) < Math.abs(best - 0.5) ? f : best), fractions[0] ?? 0.5);
    for (const mix of ['cold', 'repeat'] as const) {
      const run = r.txcat.runs.find((x) => x.mix === mix)!;
      const at = run.open[fractions.indexOf(half)];
      if (at) add(`${r.variant}: ${mix} p95 ms at ${half} of saturation (${at.offered_per_s}/s)`, at.p95_ms, null, 50);
    }
  }
  return goals;
}
