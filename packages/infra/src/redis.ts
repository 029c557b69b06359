// A real redis-server as a child process: 127.0.0.1 only, append-only file on (jobs survive a
// restart), noeviction (BullMQ must never lose keys to eviction).
import { mkdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { Redis } from 'ioredis';
import { InfraError } from './infra-error.js';
import { checkDataDir, checkLog, checkPort } from './options.js';
import { freePort } from './ports.js';
import { ensureRedisServer } from './redis-install.js';
import { captureOutput, exited, spawnServer, stopStale, trackChild } from './processes.js';

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

type Child = ReturnType<typeof spawnServer>;

async function waitForPing(url: string, child: Child, output: () => string): Promise<void> {
  const deadline = Date.now() + 20_000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) {
      const inUse = /Address already in use/i.test(output());
      throw new InfraError(inUse ? 'port_in_use' : 'start_failed', `redis-server exited with code ${child.exitCode}${inUse ? ' (port taken: pass another port or 0)' : ''}: ${output().slice(-500)}`);
    }
    // Timeouts: something else holding the port may accept the connection and never answer.
    const client = new Redis(url, { lazyConnect: true, maxRetriesPerRequest: 0, retryStrategy: () => null, connectTimeout: 1000, commandTimeout: 1000 });
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

function serverArgs(port: number, dir: string, pidfile: string): string[] {
  return [
    '--port', String(port),
    // Bound to loopback explicitly, so protected mode (which only guards an unbound, password-less
    // server) never refuses our own connections; nothing outside this machine can reach it.
    '--bind', '127.0.0.1', '--protected-mode', 'yes',
    '--dir', dir, '--pidfile', pidfile, '--daemonize', 'no', '--logfile', '',
    '--appendonly', 'yes', '--appendfsync', 'everysec', '--save', '',
    '--maxmemory-policy', 'noeviction',
  ];
}

export async function startRedis(options: StartRedisOptions): Promise<RunningServer> {
  const dir = path.join(checkDataDir(options.dataDir), 'redis');
  const requestedPort = checkPort(options.port);
  const log = checkLog(options.log);
  // A 10 s apt-get install must never be silent, even for a caller that passed no log.
  const binary = await ensureRedisServer(options.log ? log : (line) => process.stderr.write(`[txcat infra] ${line}\n`));
  await mkdir(dir, { recursive: true });
  const pidfile = path.join(dir, 'redis.pid');
  const stalePid = Number((await readFile(pidfile, 'utf8').catch(() => '')).trim());
  await stopStale(stalePid, 'SIGTERM', log, 'redis-server');

  // A port picked for us can be taken between picking and binding: then pick again.
  for (let attempt = 1; ; attempt++) {
    const port = requestedPort ?? (await freePort());
    try {
      return await launch(binary, port, dir, pidfile, log);
    } catch (error) {
      if (requestedPort !== undefined || attempt >= 3 || (error as InfraError).code !== 'port_in_use') throw error;
    }
  }
}

async function launch(binary: string, port: number, dir: string, pidfile: string, log: (line: string) => void): Promise<RunningServer> {
  const started = Date.now();
  const child = spawnServer(binary, serverArgs(port, dir, pidfile), { parentDeathSignal: 'SIGTERM' });
  const output = captureOutput(child, 4000);
  const url = `redis://127.0.0.1:${port}`;
  const close = trackChild(child, async () => {
    child.kill('SIGTERM'); // redis-server fsyncs the append-only file and exits on SIGTERM
    await exited(child);
  });
  try {
    await waitForPing(url, child, output);
  } catch (error) {
    await close();
    throw error;
  }
  log(`redis-server ${url} ready in ${Date.now() - started} ms (data ${dir})`);
  return { url, close };
}
