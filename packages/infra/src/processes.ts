// Child servers are stopped when the parent exits: on close(), on SIGINT/SIGTERM, and (as a last
// resort, synchronously) on process exit. Handlers are installed when the first child starts,
// never at import time. On Linux each child also gets a parent-death signal (setpriv
// --pdeathsig), so even a parent killed with SIGKILL leaves no server holding its port.
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';

interface Tracked {
  child: ChildProcess;
  stop: () => Promise<void>;
  /** Signal sent synchronously at process exit if stop() did not finish. */
  lastResortSignal: NodeJS.Signals;
}

const tracked = new Set<Tracked>();
let installed = false;

function stopAll(): Promise<unknown> {
  return Promise.allSettled([...tracked].map((t) => t.stop()));
}

function onSignal(signal: NodeJS.Signals): void {
  // An app with its own handler runs its graceful shutdown (which still needs Redis and Postgres)
  // and calls close() itself; the exit hook below is the last resort if it does not.
  if (process.listenerCount(signal) > 0) return;
  void stopAll().finally(() => {
    // Our handlers are gone, so re-raising ends the process the way the signal would have:
    // the parent's parent sees "killed by SIGTERM" (exit status 143), not a clean 0.
    process.kill(process.pid, signal);
  });
}

function onExit(): void {
  for (const t of tracked) {
    if (t.child.exitCode !== null || !t.child.pid) continue;
    try {
      process.kill(t.child.pid, t.lastResortSignal);
    } catch {
      // already gone
    }
  }
}

function install(): void {
  if (installed) return;
  installed = true;
  const handler = (signal: NodeJS.Signals) => {
    process.off('SIGINT', handler);
    process.off('SIGTERM', handler);
    onSignal(signal);
  };
  process.on('SIGINT', handler);
  process.on('SIGTERM', handler);
  process.on('exit', onExit);
}

/** Tracks a child server; returns an idempotent stop that also untracks it. */
export function trackChild(child: ChildProcess, stop: () => Promise<void>, lastResortSignal: NodeJS.Signals = 'SIGTERM'): () => Promise<void> {
  install();
  let stopping: Promise<void> | undefined;
  const entry: Tracked = {
    child,
    lastResortSignal,
    stop: () => (stopping ??= stop().finally(() => tracked.delete(entry))),
  };
  tracked.add(entry);
  child.once('exit', () => tracked.delete(entry));
  return entry.stop;
}

const SETPRIV = ['/usr/bin/setpriv', '/bin/setpriv'].find((p) => process.platform === 'linux' && existsSync(p));

export interface SpawnServerOptions {
  /** Sent to the server when this process dies, however it dies (Linux with setpriv only). */
  parentDeathSignal: NodeJS.Signals;
  uid?: number;
  gid?: number;
  env?: NodeJS.ProcessEnv;
}

/** Spawns a server with piped output; setpriv execs it, so the pid is the server's own. */
export function spawnServer(binary: string, args: string[], { parentDeathSignal, ...rest }: SpawnServerOptions): ChildProcess {
  const [file, argv] = SETPRIV
    ? [SETPRIV, [`--pdeathsig=${parentDeathSignal.replace(/^SIG/, '')}`, '--', binary, ...args]]
    : [binary, args];
  return spawn(file, argv, { ...rest, stdio: ['ignore', 'pipe', 'pipe'] });
}

/** Keeps the last `limit` characters a child wrote, for error messages. */
export function captureOutput(child: ChildProcess, limit = 8000): () => string {
  let output = '';
  const keep = (d: Buffer) => void (output = (output + d.toString()).slice(-limit));
  child.stdout?.on('data', keep);
  child.stderr?.on('data', keep);
  return () => output;
}

/** Resolves when the child has exited (at once if it already has); SIGKILL after the timeout. */
export function exited(child: ChildProcess, timeoutMs = 15_000): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      resolve();
    }, timeoutMs);
    child.once('exit', () => {
      clearTimeout(timer);
      resolve();
    });
  });
}

/** Whether a pid names a live process. */
export function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** Whether pid runs `program` (where /proc tells; elsewhere a live pid is taken at its word). */
function runs(pid: number, program: string): boolean {
  const file = `/proc/${pid}/cmdline`;
  if (!existsSync('/proc/self/cmdline')) return true;
  try {
    return readFileSync(file, 'utf8').split('\0')[0]!.includes(program);
  } catch {
    return false;
  }
}

/**
 * Stops a server left behind by an earlier parent, given the pid from its pid file. A pid that now
 * belongs to some other program (pids are reused after a reboot) is left alone.
 */
export async function stopStale(pid: number, signal: NodeJS.Signals, log: (line: string) => void, program: string): Promise<void> {
  if (!(pid > 0) || !isAlive(pid) || !runs(pid, program)) return;
  log(`stopping a ${program} left running by an earlier run (pid ${pid})`);
  process.kill(pid, signal);
  for (let i = 0; i < 150 && isAlive(pid); i++) await new Promise((r) => setTimeout(r, 100));
  if (isAlive(pid)) process.kill(pid, 'SIGKILL');
}
