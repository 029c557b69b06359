// The fleet on one machine: the API and WORKERS worker processes as children, sharing Redis and
// Postgres. Two single-threaded worker processes beat one two-threaded one on two cores, so each
// worker gets one engine thread unless WORKER_THREADS says otherwise. Each worker serves its own
// Prometheus metrics on a free port (it logs which) unless WORKER_METRICS_PORT says otherwise.
import { fork, type ChildProcess } from 'node:child_process';
import path from 'node:path';
import { REPO_ROOT } from './env.js';

export interface FleetOptions {
  redisUrl: string;
  databaseUrl: string;
  port: number;
  workers: number;
  env: Record<string, string | undefined>;
  log: (line: string) => void;
  /** Another worker program (the benchmark's naive fleet): a script and its arguments. */
  worker?: { main: string; args: string[] };
}

const API_MAIN = path.join(REPO_ROOT, 'apps/api/dist/main.js');
const WORKER_MAIN = path.join(REPO_ROOT, 'apps/worker/dist/main.js');

function child(file: string, env: Record<string, string | undefined>, name: string, log: (l: string) => void, args: string[] = []): ChildProcess {
  const c = fork(file, args, { env: env as NodeJS.ProcessEnv, stdio: ['ignore', 'pipe', 'pipe', 'ipc'] });
  const relay = (d: Buffer) => d.toString().split('\n').filter(Boolean).forEach((l) => log(`[${name}] ${l}`));
  c.stdout?.on('data', relay);
  c.stderr?.on('data', relay);
  return c;
}

export async function startFleet(o: FleetOptions) {
  const base = { ...o.env, REDIS_URL: o.redisUrl, DATABASE_URL: o.databaseUrl };
  const workers = Array.from({ length: o.workers }, (_, i) => child(o.worker?.main ?? WORKER_MAIN, { WORKER_THREADS: '1', WORKER_METRICS_PORT: '0', ...base }, `worker ${i + 1}`, o.log, o.worker?.args));
  const api = child(API_MAIN, { ...base, PORT: String(o.port) }, 'api', () => {});
  const children = [api, ...workers];
  const url = `http://127.0.0.1:${o.port}`;
  const deadline = Date.now() + 180_000;
  for (;;) {
    const exited = children.find((c) => c.exitCode !== null);
    if (exited) throw new Error(`a fleet process exited with code ${exited.exitCode} during start-up; see the lines above`);
    const ready = await fetch(`${url}/health/ready`).then((r) => r.ok, () => false);
    if (ready) break;
    if (Date.now() > deadline) throw new Error('the fleet was not ready within 180 s');
    await new Promise((r) => setTimeout(r, 500));
  }
  return {
    url,
    pids: { api: api.pid as number, workers: workers.map((w) => w.pid as number) },
    async close(): Promise<void> {
      await Promise.all(children.map((c) => new Promise<void>((resolve) => {
        if (c.exitCode !== null) return resolve();
        c.once('exit', () => resolve());
        c.kill('SIGTERM');
      })));
    },
  };
}
