// A real redis-server as a child process: 127.0.0.1 only, append-only file on (jobs survive a
// restart), noeviction (BullMQ must never lose keys to eviction).
import { execFile, spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { promisify } from 'node:util';
import { Redis } from 'ioredis';
import { InfraError } from './infra-error.js';
import { freePort } from './ports.js';
import { exited, stopStale, trackChild } from './processes.js';

export interface StartRedisOptions {
  /** The data folder; Redis keeps its files in <dataDir>/redis. */
  dataDir: string;
  /** 0 or unset: a free port. */
  port?: number;
  log?: (line: string) => void;
}

export interface RunningServer {
  url: string;
  close(): Promise<void>;
}

const run = promisify(execFile);

async function which(binary: string): Promise<string | undefined> {
  for (const dir of (process.env.PATH ?? '').split(':').concat(['/usr/bin', '/usr/sbin', '/usr/local/bin'])) {
    const candidate = path.join(dir, binary);
    if (dir && existsSync(candidate)) return candidate;
  }
  return undefined;
}

/** The redis-server binary; installed with apt when missing and running as root. */
export async function ensureRedisServer(log: (line: string) => void): Promise<string> {
  const found = await which('redis-server');
  if (found) return found;
  if (process.getuid?.() !== 0) {
    throw new InfraError('missing_binary', 'redis-server is not installed: install it (Debian/Ubuntu: `sudo apt-get install redis-server`, macOS: `brew install redis`) or set REDIS_URL to a running Redis');
  }
  log('redis-server is missing: installing it with apt-get (Debian package redis-server)');
  const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
  try {
    await run('apt-get', ['update', '-qq'], { env, maxBuffer: 64 << 20 });
    await run('apt-get', ['install', '-y', '-qq', '--no-install-recommends', 'redis-server'], { env, maxBuffer: 64 << 20 });
  } catch (error) {
    throw new InfraError('missing_binary', 'installing redis-server with apt-get failed: install it by hand (`apt-get install redis-server`) or set REDIS_URL', { cause: error });
  }
  const installed = await which('redis-server');
  if (!installed) throw new InfraError('missing_binary', 'apt-get installed redis-server but it is not on PATH; set REDIS_URL instead');
  return installed;
}

async function waitForPing(url: string, child: ReturnType<typeof spawn>, output: () => string): Promise<void> {
  const deadline = Date.now() + 20_000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new InfraError('start_failed', `redis-server exited with code ${child.exitCode}: ${output().slice(-500)}`);
    const client = new Redis(url, { lazyConnect: true, maxRetriesPerRequest: 0, retryStrategy: () => null });
    client.on('error', () => {});
    try {
      await client.connect();
      if ((await client.ping()) === 'PONG') return;
    } catch {
      // not up yet
    } finally {
      client.disconnect();
    }
    await new Promise((r) => setTimeout(r, 50));
  }
  throw new InfraError('start_failed', `redis-server did not answer PING within 20 s: ${output().slice(-500)}`);
}

export async function startRedis({ dataDir, port, log = () => {} }: StartRedisOptions): Promise<RunningServer> {
  const binary = await ensureRedisServer(log);
  const dir = path.resolve(dataDir, 'redis');
  await mkdir(dir, { recursive: true });
  const pidfile = path.join(dir, 'redis.pid');
  const stalePid = Number((await readFile(pidfile, 'utf8').catch(() => '')).trim());
  if (stalePid > 0) await stopStale(stalePid, 'SIGTERM', log, 'redis-server');
  const chosen = port && port > 0 ? port : await freePort();
  const child = spawn(binary, [
    '--port', String(chosen), '--bind', '127.0.0.1', '--dir', dir, '--pidfile', pidfile, '--daemonize', 'no',
    '--appendonly', 'yes', '--appendfsync', 'everysec', '--save', '', '--maxmemory-policy', 'noeviction', '--logfile', '',
  ], { stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  child.stdout?.on('data', (d: Buffer) => void (output = (output + d.toString()).slice(-4000)));
  child.stderr?.on('data', (d: Buffer) => void (output = (output + d.toString()).slice(-4000)));
  const url = `redis://127.0.0.1:${chosen}`;
  const close = trackChild(child, async () => {
    child.kill('SIGTERM'); // redis-server saves and fsyncs the AOF on SIGTERM
    await exited(child);
  });
  try {
    await waitForPing(url, child, () => output);
  } catch (error) {
    await close();
    throw error;
  }
  log(`redis-server ${url} (data ${dir})`);
  return { url, close };
}
