// Child servers are stopped when the parent exits: on close(), on SIGINT/SIGTERM, and (as a last
// resort, synchronously) on process exit. Handlers are installed when the first child starts,
// never at import time.
import type { ChildProcess } from 'node:child_process';

interface Tracked {
  child: ChildProcess;
  stop: () => Promise<void>;
  /** Signal sent synchronously at process exit if stop() did not finish. */
  lastResortSignal: NodeJS.Signals;
}

const tracked = new Set<Tracked>();
let installed = false;

function onSignal(signal: NodeJS.Signals): void {
  const code = 128 + (signal === 'SIGINT' ? 2 : 15);
  void Promise.allSettled([...tracked].map((t) => t.stop())).then(() => {
    // Only exit if nobody else listens for the signal (an app doing its own graceful shutdown).
    if (process.listenerCount(signal) === 0) process.exit(code);
  });
}

function onExit(): void {
  for (const t of tracked) if (t.child.exitCode === null && t.child.pid) {
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

/** Resolves when the child has exited (at once if it already has). */
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

/** Stops a process left behind by a parent that was killed hard, given its pid. */
export async function stopStale(pid: number, signal: NodeJS.Signals, log: (line: string) => void, what: string): Promise<void> {
  if (!isAlive(pid)) return;
  log(`stopping a ${what} left running by an earlier run (pid ${pid})`);
  process.kill(pid, signal);
  for (let i = 0; i < 150 && isAlive(pid); i++) await new Promise((r) => setTimeout(r, 100));
  if (isAlive(pid)) process.kill(pid, 'SIGKILL');
}
