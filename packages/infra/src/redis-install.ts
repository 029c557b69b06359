// Finding redis-server, and installing it with apt-get when it is missing and we are root: the
// embedded default must work on a fresh CI machine with nothing but Node installed.
import { execFile, spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { promisify } from 'node:util';
import { InfraError } from './infra-error.js';
import type { Log } from './options.js';

const run = promisify(execFile);
const WELL_KNOWN = ['/usr/bin', '/usr/sbin', '/usr/local/bin', '/opt/homebrew/bin', '/bin'];

const MISSING = 'redis-server is not installed: install it (Debian/Ubuntu: `sudo apt-get install redis-server`, '
  + 'macOS: `brew install redis`) or set REDIS_URL to a running Redis';

/** redis-server on the PATH (asked through the shell, which already knows it) or a well-known folder. */
export async function findRedisServer(): Promise<string | undefined> {
  const viaShell = await run('sh', ['-c', 'command -v redis-server']).then((r) => r.stdout.trim(), () => '');
  if (viaShell && existsSync(viaShell)) return viaShell;
  return WELL_KNOWN.map((dir) => `${dir}/redis-server`).find((p) => existsSync(p));
}

/** Runs a command, passing each output line to `log`; rejects with the tail of its output. */
function runLogged(file: string, args: string[], log: Log): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(file, args, { stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' } });
    const tail: string[] = [];
    const onData = (d: Buffer) => {
      for (const line of d.toString().split('\n').filter((l) => l.trim())) {
        log(`  ${line}`);
        tail.push(line);
        if (tail.length > 20) tail.shift();
      }
    };
    child.stdout.on('data', onData);
    child.stderr.on('data', onData);
    child.once('error', reject);
    child.once('exit', (code) => (code === 0 ? resolve() : reject(new Error(`${file} ${args.join(' ')} exited with ${code}: ${tail.join('\n')}`))));
  });
}

async function aptInstall(log: Log): Promise<void> {
  // Two workspaces' test setups may install at once on a fresh machine: wait for apt's lock.
  const lock = ['-o', 'DPkg::Lock::Timeout=300'];
  log('$ apt-get update');
  await runLogged('apt-get', [...lock, 'update', '-q'], log);
  log('$ apt-get install -y --no-install-recommends redis-server');
  await runLogged('apt-get', [...lock, 'install', '-y', '-q', '--no-install-recommends', 'redis-server'], log);
}

/**
 * The redis-server binary. Missing and root: installed with apt-get (Debian's redis-server,
 * ~10 s), narrating to `log`. Missing otherwise: an error saying what to install.
 */
export async function ensureRedisServer(log: Log): Promise<string> {
  const found = await findRedisServer();
  if (found) return found;
  const hasApt = existsSync('/usr/bin/apt-get');
  if (process.getuid?.() !== 0 || !hasApt) throw new InfraError('missing_binary', MISSING);
  const started = Date.now();
  log('redis-server is missing: installing the Debian package redis-server with apt-get (about 10 s, once)');
  try {
    await aptInstall(log);
  } catch (error) {
    // Another process may have installed it meanwhile; only then is a failure harmless.
    const meanwhile = await findRedisServer();
    if (meanwhile) return meanwhile;
    throw new InfraError('missing_binary', `installing redis-server with apt-get failed (${(error as Error).message.slice(0, 400)}): ${MISSING}`, { cause: error });
  }
  const installed = await findRedisServer();
  if (!installed) throw new InfraError('missing_binary', `apt-get installed redis-server but it is not on the PATH: ${MISSING}`);
  log(`installed ${installed} in ${((Date.now() - started) / 1000).toFixed(1)} s`);
  return installed;
}
