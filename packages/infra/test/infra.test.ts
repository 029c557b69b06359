// Real redis-server and Postgres processes: persistence, URLs, signals, stale children, 0700 parents.
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { chmod, mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { Redis } from 'ioredis';
import pg from 'pg';
import { describe, expect, it } from 'vitest';
import { startEmbedded, startPostgres, startRedis } from '../src/index.js';
import { ensurePostgresUser, reachableBinaries, RELOCATION_ROOT } from '../src/postgres-paths.js';
import { isAlive } from '../src/processes.js';

async function fresh() {
  const dir = await mkdtemp(path.join(tmpdir(), 'txcat-infra-'));
  await chmod(dir, 0o755);
  return dir;
}

async function query(url: string, sql: string, params: unknown[] = []) {
  const client = new pg.Client(url);
  await client.connect();
  try {
    return (await client.query(sql, params)).rows;
  } finally {
    await client.end();
  }
}

function startParent(dataDir: string) {
  const child = spawn(process.execPath, [path.join(import.meta.dirname, 'fixtures/start-and-wait.mjs'), dataDir], { stdio: ['ignore', 'pipe', 'inherit'] });
  const info = new Promise<{ redisPid: number; pgPid: number }>((resolve, reject) => {
    child.stdout.once('data', (d: Buffer) => resolve(JSON.parse(d.toString())));
    child.once('exit', (code) => reject(new Error(`parent exited early with ${code}`)));
  });
  return { child, info };
}

const waitGone = async (pid: number) => {
  for (let i = 0; i < 100 && isAlive(pid); i++) await new Promise((r) => setTimeout(r, 100));
  return !isAlive(pid);
};

describe('startRedis', () => {
  it('keeps keys across a restart in the same data folder (append-only file)', async () => {
    const dataDir = await fresh();
    const first = await startRedis({ dataDir });
    const a = new Redis(first.url);
    await a.set('txcat:test', 'kept');
    a.disconnect();
    await first.close();
    const second = await startRedis({ dataDir });
    const b = new Redis(second.url);
    expect(await b.get('txcat:test')).toBe('kept');
    expect(await b.config('GET', 'maxmemory-policy')).toEqual(['maxmemory-policy', 'noeviction']);
    b.disconnect();
    await second.close();
  });
});

describe('startPostgres', () => {
  it('keeps rows across a restart and creates the database it names', async () => {
    const dataDir = await fresh();
    const first = await startPostgres({ dataDir });
    expect(first.url).toMatch(/^postgres:\/\/postgres:.+@127\.0\.0\.1:\d+\/txcat$/);
    await query(first.url, 'CREATE TABLE kept (v text)');
    await query(first.url, "INSERT INTO kept VALUES ('feedback')");
    await first.close();
    const second = await startPostgres({ dataDir });
    expect(await query(second.url, 'SELECT v FROM kept')).toEqual([{ v: 'feedback' }]);
    await second.close();
  });

  it('runs a data folder under a 0700 parent (such as /root) from a folder the postgres user can reach', async () => {
    const privateDir = await fresh();
    await chmod(privateDir, 0o700);
    const dataDir = path.join(privateDir, 'data');
    const server = await startPostgres({ dataDir });
    expect(await query(server.url, 'SELECT 1 AS ok')).toEqual([{ ok: 1 }]);
    await server.close();
    const location = (await readFile(path.join(dataDir, 'postgres.location'), 'utf8')).split('\n')[0]!;
    expect(location.startsWith(RELOCATION_ROOT)).toBe(true);
    expect(existsSync(path.join(location, 'PG_VERSION'))).toBe(true);
    await rm(path.dirname(location), { recursive: true, force: true });
  });

  it('copies binaries the postgres user cannot reach to a folder it can', async () => {
    const privateDir = await fresh();
    await chmod(privateDir, 0o700);
    const native = path.join(privateDir, 'native');
    await mkdir(path.join(native, 'bin'), { recursive: true });
    await writeFile(path.join(native, 'bin', 'postgres'), '#!/bin/sh\n', { mode: 0o700 });
    const version = `test-${path.basename(privateDir)}`;
    const copy = await reachableBinaries(native, version, await ensurePostgresUser(), () => {});
    try {
      expect(copy).toBe(path.join(RELOCATION_ROOT, `postgres-${version}`));
      expect(existsSync(path.join(copy, 'bin', 'postgres'))).toBe(true);
    } finally {
      await rm(copy, { recursive: true, force: true });
    }
  });
});

describe('startEmbedded', () => {
  it('starts nothing when both URLs are given', async () => {
    const result = await startEmbedded({ dataDir: await fresh(), redisUrl: 'redis://127.0.0.1:1', databaseUrl: 'postgres://x@127.0.0.1:1/x' });
    expect(result.started).toEqual({ redis: false, postgres: false });
    expect(result.redisUrl).toBe('redis://127.0.0.1:1');
    await result.close();
  });

  it('stops both children when the parent gets SIGTERM', async () => {
    const dataDir = await fresh();
    const { child, info } = startParent(dataDir);
    const { redisPid, pgPid } = await info;
    expect(isAlive(redisPid) && isAlive(pgPid)).toBe(true);
    child.kill('SIGTERM');
    await new Promise((r) => child.once('exit', r));
    expect(child.signalCode ?? child.exitCode).not.toBe(0);
    expect(await waitGone(redisPid)).toBe(true);
    expect(await waitGone(pgPid)).toBe(true);
  });

  it('recovers from a parent killed with SIGKILL: the next start stops the orphans and comes up', async () => {
    const dataDir = await fresh();
    const { child, info } = startParent(dataDir);
    const { redisPid, pgPid } = await info;
    child.kill('SIGKILL');
    await new Promise((r) => child.once('exit', r));
    const again = await startEmbedded({ dataDir });
    expect(isAlive(redisPid)).toBe(false);
    expect(isAlive(pgPid)).toBe(false);
    expect(await query(again.databaseUrl, 'SELECT 1 AS ok')).toEqual([{ ok: 1 }]);
    await again.close();
  });
});
