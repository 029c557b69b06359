// Plain-text tables of a fleet benchmark: one row per fleet, variant, mix and load.
import { formatTable } from '../output.js';
import type { runFleetBench } from './fleet-bench.js';

type FleetBench = Awaited<ReturnType<typeof runFleetBench>>;

export function fleetTables(bench: FleetBench): string {
  const rows: string[][] = [];
  for (const v of bench.variants) {
    for (const f of [v.txcat, v.naive]) {
      for (const run of f.runs) {
        const row = (load: string, r: { jobs_per_s: number; p50_ms: number; p95_ms: number; p99_ms: number; cache_hit_rate: number; errors: number }) =>
          rows.push([run.fleet, v.variant, run.mix, load, String(r.jobs_per_s), String(r.p50_ms), String(r.p95_ms), String(r.p99_ms), String(r.cache_hit_rate), String(r.errors)]);
        row('saturation', run.saturation);
        for (const o of run.open) row(`${o.offered_per_s}/s`, o);
      }
    }
  }
  const other = bench.variants.flatMap((v) => (['txcat', 'naive'] as const).map((k) => [
    k, v.variant, String(v.engine_items_per_s), String(v[k].batch.transactions_per_s), String(v[k].peak_rss_mb.api), v[k].peak_rss_mb.workers.join(' / '),
  ]));
  return [
    formatTable(['fleet', 'variant', 'mix', 'load', 'jobs/s', 'p50 ms', 'p95 ms', 'p99 ms', 'cache hits', 'errors'], rows),
    formatTable(['fleet', 'variant', 'engine-only items/s', '1,000-tx job tx/s', 'api peak RSS MB', 'worker peak RSS MB'], other),
    formatTable(['goal', 'value', 'target', 'met'], bench.goals.map((g) => [g.goal, String(g.value), g.target, g.met ? 'yes' : 'NO'])),
  ].join('\n\n');
}
