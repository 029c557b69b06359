import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { formatTable } from '../output.js';
import type { runInferenceBench } from './inference-bench.js';
import { lineChart } from './svg-chart.js';

type Bench = Awaited<ReturnType<typeof runInferenceBench>>;

const show = (v: number | null | undefined) => (v === null || v === undefined ? '' : String(v));

export function benchTable(bench: Bench): string {
  const rows = bench.results.map((r) => [
    r.engine, r.variant, r.mode, show(r.batch), show(r.offered_per_s), String(r.items_per_s), show(r.p50_ms), show(r.p95_ms), show(r.p99_ms), String(r.rss_mb),
  ]);
  return formatTable(['engine', 'variant', 'mode', 'batch', 'offered/s', 'items/s', 'p50 ms', 'p95 ms', 'p99 ms', 'rss MB'], rows);
}

export function goalsTable(bench: Bench): string {
  return formatTable(['goal', 'value', 'target', 'met'], bench.goals.map((g) => [g.goal, g.value.toFixed(3), g.target, g.met ? 'yes' : 'NO']));
}

export async function writeReport(dir: string, bench: Bench, command: string): Promise<string[]> {
  await mkdir(dir, { recursive: true });
  const md = [
    `# Inference benchmark`, '', `\`${command}\` on ${bench.cores} cores, model ${bench.model}.`, '',
    '```', benchTable(bench), '```', '', '## Goals', '', '```', goalsTable(bench), '```', '',
    '![throughput](throughput-vs-batch.svg)', '', '![latency](latency-vs-load.svg)', '',
  ].join('\n');
  const batchSeries = [...new Set(bench.results.filter((r) => r.mode === 'batch').map((r) => `${r.engine} ${r.variant}`))].map((name) => ({
    name,
    points: bench.results.filter((r) => r.mode === 'batch' && `${r.engine} ${r.variant}` === name).map((r) => [r.batch as number, r.items_per_s] as [number, number]),
  }));
  const loadSeries = [...new Set(bench.results.filter((r) => r.mode === 'open').map((r) => r.variant))].flatMap((variant) => {
    const open = bench.results.filter((r) => r.mode === 'open' && r.variant === variant);
    return [
      { name: `engine ${variant} p50`, points: open.map((r) => [r.offered_per_s as number, r.p50_ms as number] as [number, number]) },
      { name: `engine ${variant} p95`, points: open.map((r) => [r.offered_per_s as number, r.p95_ms as number] as [number, number]) },
      { name: `engine ${variant} p99`, points: open.map((r) => [r.offered_per_s as number, r.p99_ms as number] as [number, number]) },
    ];
  });
  const files = {
    'inference-bench.md': md,
    'throughput-vs-batch.svg': lineChart(batchSeries, { title: 'Throughput vs batch size (one process)', xLabel: 'batch size', yLabel: 'items / s', logX: true }),
    'latency-vs-load.svg': lineChart(loadSeries, { title: 'Engine per-item latency vs offered load', xLabel: 'offered items / s', yLabel: 'ms' }),
    'inference-bench.json': JSON.stringify(bench, null, 2),
  };
  for (const [name, content] of Object.entries(files)) await writeFile(path.join(dir, name), content);
  return Object.keys(files).map((f) => path.join(dir, f));
}
