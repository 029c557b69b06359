// Shared by the integration tests: fresh folders, one-shot queries, waiting for pids to go.
import { spawn } from 'node:child_process';
import { chmod, mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { isAlive } from '../src/processes.js';

/** A fresh temporary folder the postgres user can enter (mkdtemp makes 0700 ones). */
export async function freshDir(mode = 0o755): Promise<string> {
  const dir = await mkdtemp(path.join(tmpdir(), 'txcat-infra-'));
  await chmod(dir, mode);
  return dir;
}

export async function query<T = Record<string, unknown>>(url: string, sql: string, params: unknown[] = []): Promise<T[]> {
  const client = new pg.Client(url);
  await client.connect();
  try {
    return (await client.query(sql, params)).rows as T[];
  } finally {
    await client.end();
  }
}

export async function waitGone(pid: number, timeoutMs = 10_000): Promise<boolean> {
  const deadline = Date.now() + timeoutMs;
  while (isAlive(pid) && Date.now() < deadline) await new Promise((r) => setTimeout(r, 100));
  return !isAlive(pid);
}

export interface ParentInfo {
  redisPid: number;
  pgPid: number;
  redisUrl: string;
  databaseUrl: string;
}

/** A node process that starts both servers in dataDir, prints their pids and waits. */
export function startParent(dataDir: string) {
  const fixture = path.join(import.meta.dirname, 'fixtures/start-and-wait.mjs');
  const child = spawn(process.execPath, [fixture, dataDir], { stdio: ['ignore', 'pipe', 'inherit'] });
  const exit = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) => child.once('exit', (code, signal) => resolve({ code, signal })));
  const info = new Promise<ParentInfo>((resolve, reject) => {
    let out = '';
    child.stdout.on('data', (d: Buffer) => {
      out += d.toString();
      if (out.includes('\n')) resolve(JSON.parse(out.split('\n')[0]!) as ParentInfo);
    });
    void exit.then(({ code }) => reject(new Error(`parent exited early with ${code}`)));
  });
  return { child, info, exit };
}
