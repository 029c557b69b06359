import { availableParallelism } from 'node:os';
import path from 'node:path';
import { withEmbedded } from '@txcat/infra';
import { runFleetBench } from '../bench/fleet-bench.js';
import { fleetTables } from '../bench/fleet-report.js';
import { runNaiveWorker } from '../bench/naive-worker.js';
import { runInferenceBench } from '../bench/inference-bench.js';
import { benchTable, goalsTable, writeReport } from '../bench/report.js';
import { runScenario, type Scenario } from '../bench/scenario.js';
import { runSoak } from '../bench/soak.js';
import { defaultModelDir } from '@txcat/inference';
import { parseCommandArgs } from '../args.js';
import type { CommandContext } from '../command.js';
import { UsageError } from '../errors.js';

export const benchHelp = `Usage: txcat bench inference [--json] [--report DIR] [--duration-ms N] [--variant fp32|int8 ...] [--quick]
       txcat bench fleet [--json] [--duration-ms N] [--variant fp32|int8 ...] [--callers N] [--quick]
       txcat bench soak [--items N] [--variant fp32|int8] [--json]
inference: raw onnxruntime (one session, one thread), transformers.js and txcat's engine (batcher +
pool; closed loop and open loop at fractions of its capacity) on the same model files, in one run.
fleet: the fleet over HTTP (API + WORKERS worker processes) against a naive fleet (one BullMQ worker
per core running transformers.js per job) behind the same API: saturation and latency at fractions
of it, for cold lines and an 80/20 repeat mix; a 1,000-transaction job; peak RSS per process.
Starts its own Redis and Postgres under TXCAT_DATA_DIR/bench unless REDIS_URL / DATABASE_URL are set.
soak: N embeddings through the engine with RSS at checkpoints (default 1,000,000).`;

function positive(name: string, value: string | undefined, fallback: number): number {
  if (value === undefined) return fallback;
  const n = Number(value);
  if (!Number.isInteger(n) || n <= 0) throw new UsageError(`${name} must be a positive integer, got "${value}"`);
  return n;
}

export async function runBench(argv: string[], { env, output }: CommandContext): Promise<number> {
  const { values, positionals } = parseCommandArgs('bench', argv, {
    json: { type: 'boolean', default: false },
    report: { type: 'string' },
    'duration-ms': { type: 'string' },
    variant: { type: 'string', multiple: true },
    quick: { type: 'boolean', default: false },
    items: { type: 'string' },
    callers: { type: 'string' },
    help: { type: 'boolean', default: false },
  });
  if (values.help) return output.out(benchHelp), 0;
  if (positionals[0] === 'soak' && positionals.length === 1) {
    const variant = values.variant?.[0] ?? 'int8';
    if (variant !== 'fp32' && variant !== 'int8') throw new UsageError(`--variant must be fp32 or int8, got "${variant}"`);
    const result = await runSoak(defaultModelDir(env.TXCAT_MODELS_DIR, variant), positive('--items', values.items, 1_000_000), (l) => output.err(l));
    output.out(values.json ? JSON.stringify(result) : `${result.items} embeddings in ${result.seconds} s (${result.items_per_s}/s); RSS growth after warm-up: ${result.growth_mb_per_thread} MB per pool thread`);
    return 0;
  }
  if (!['inference', 'fleet'].includes(positionals[0] ?? '') || positionals.length > 1) {
    throw new UsageError('txcat bench: say what to measure: `txcat bench inference`, `txcat bench fleet` or `txcat bench soak`');
  }
  const variants = (values.variant ?? ['fp32', 'int8']).map((v) => {
    if (v !== 'fp32' && v !== 'int8') throw new UsageError(`--variant must be fp32 or int8, got "${v}"`);
    return v;
  });
  if (positionals[0] === 'fleet') {
    const bench = await withEmbedded({ dataDir: path.join(env.TXCAT_DATA_DIR, 'bench'), redisUrl: env.REDIS_URL, databaseUrl: env.DATABASE_URL, log: (l) => output.err(l) }, (services) => runFleetBench({
      ...services,
      modelsDir: env.TXCAT_MODELS_DIR,
      variants,
      workers: env.WORKERS ?? availableParallelism(),
      durationMs: positive('--duration-ms', values['duration-ms'], values.quick ? 2000 : 6000),
      loadFractions: values.quick ? [0.5] : [0.25, 0.5, 0.75],
      callers: positive('--callers', values.callers, 128),
      log: (line) => output.err(line),
    }));
    output.out(values.json ? JSON.stringify(bench) : fleetTables(bench));
    return 0;
  }
  const bench = await runInferenceBench({
    modelsDir: env.TXCAT_MODELS_DIR,
    variants,
    durationMs: positive('--duration-ms', values['duration-ms'], values.quick ? 1500 : 4000),
    batches: values.quick ? [1, 32] : [1, 8, 32, 128],
    loadFractions: values.quick ? [0.5] : [0.25, 0.5, 0.75, 0.9],
    maxBatchDelayMs: 5,
    log: (line) => output.err(line),
  });
  if (values.report) {
    const files = await writeReport(values.report, bench, `txcat bench ${argv.join(' ')}`);
    output.err(`report: ${files.join(', ')}`);
  }
  output.out(values.json ? JSON.stringify(bench) : `${benchTable(bench)}\n\n${goalsTable(bench)}`);
  return 0;
}

/** Hidden: one scenario in this process (the bench runs each in a child). */
export async function runBenchScenario(argv: string[], { output }: CommandContext): Promise<number> {
  output.out(JSON.stringify(await runScenario(JSON.parse(argv[0] ?? '{}') as Scenario)));
  return 0;
}

/** Hidden: one worker of the benchmark's naive fleet (REDIS_URL, DATABASE_URL from the environment). */
export async function runBenchNaiveWorker(argv: string[], { env }: CommandContext): Promise<number> {
  const { prefix, modelDir } = JSON.parse(argv[0] ?? '{}') as { prefix: string; modelDir: string };
  if (!env.REDIS_URL || !env.DATABASE_URL) throw new UsageError('the naive worker needs REDIS_URL and DATABASE_URL');
  await runNaiveWorker({ redisUrl: env.REDIS_URL, databaseUrl: env.DATABASE_URL, prefix, modelDir });
  return 0;
}
