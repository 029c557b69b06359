// listen: Postgres LISTEN on a connection of its own, kept for as long as the process lives. When
// the connection is lost (server restart, pg_terminate_backend, network), it reconnects with
// exponential backoff (capped) and calls onReconnect: notifications sent while it was away are
// gone, so the caller reloads what they would have told it.
import pg from 'pg';
import { checkDatabaseUrl } from './client.js';
import { invalidInput } from './db-error.js';
import { checkChannel } from './notify.js';

export interface ListenOptions {
  log?: (line: string) => void;
  /** After each reconnect (not the first connect): reload what a missed notification would have said. */
  onReconnect?: () => Promise<void> | void;
  /** First reconnect delay (default 1 s); doubled on each failure up to maxDelayMs. */
  minDelayMs?: number;
  /** Longest wait between attempts (default 30 s). */
  maxDelayMs?: number;
  /** Shown in pg_stat_activity (default txcat-listen:<channel>). */
  applicationName?: string;
}

export interface Listener {
  /** Stops listening and ends the connection; idempotent. */
  close(): Promise<void>;
}

export const LISTEN_DEFAULTS = { minDelayMs: 1000, maxDelayMs: 30_000 } as const;

function checkDelays(o: { minDelayMs: number; maxDelayMs: number }): void {
  if (!Number.isInteger(o.minDelayMs) || o.minDelayMs < 1) throw invalidInput(`minDelayMs must be a positive integer (milliseconds), got ${String(o.minDelayMs)}`);
  if (!Number.isInteger(o.maxDelayMs) || o.maxDelayMs < o.minDelayMs) throw invalidInput(`maxDelayMs must be an integer of at least minDelayMs (${o.minDelayMs}), got ${String(o.maxDelayMs)}`);
}

/** A connection that has run LISTEN; onLost is called once when it dies after that. */
async function openListening(
  databaseUrl: string, channel: string, applicationName: string, onNotify: (payload: string | undefined) => void,
  log: (line: string) => void, onLost: (error?: Error) => void,
): Promise<pg.Client> {
  const c = new pg.Client({ connectionString: databaseUrl, keepAlive: true, application_name: applicationName });
  let connected = false;
  let lost = false;
  const lose = (error?: Error) => {
    if (!connected || lost) return; // a failing connect() rejects instead
    lost = true;
    c.end().catch(() => {});
    onLost(error);
  };
  c.on('error', lose);
  c.on('end', () => lose());
  c.on('notification', (m) => {
    if (m.channel !== channel) return;
    try {
      onNotify(m.payload);
    } catch (error) {
      log(`listener on ${channel}: handling a notification failed: ${String(error)}`);
    }
  });
  try {
    await c.connect();
    await c.query(`LISTEN ${c.escapeIdentifier(channel)}`);
  } catch (error) {
    await c.end().catch(() => {});
    throw error;
  }
  connected = true;
  return c;
}

/**
 * Resolves once LISTEN is in place; a first connect that fails rejects (a wrong URL should stop a
 * start). Every later loss is retried, forever, until close().
 */
export async function listen(databaseUrl: string, channel: string, onNotify: (payload: string | undefined) => void, options: ListenOptions = {}): Promise<Listener> {
  checkDatabaseUrl(databaseUrl);
  checkChannel(channel);
  const o = {
    log: options.log ?? (() => {}),
    minDelayMs: options.minDelayMs ?? LISTEN_DEFAULTS.minDelayMs,
    maxDelayMs: options.maxDelayMs ?? LISTEN_DEFAULTS.maxDelayMs,
    applicationName: options.applicationName ?? `txcat-listen:${channel}`,
  };
  checkDelays(o);
  const delayAfter = (failed: number) => Math.min(o.maxDelayMs, o.minDelayMs * 2 ** Math.min(failed, 30));
  let closed = false;
  let client: pg.Client | undefined;
  let timer: ReturnType<typeof setTimeout> | undefined;
  let failures = 0;

  async function connect(): Promise<void> {
    const c = await openListening(databaseUrl, channel, o.applicationName, onNotify, o.log, (error) => {
      if (closed) return;
      o.log(`listener on ${channel} lost its connection (${error?.message ?? 'connection ended'}); reconnecting`);
      scheduleReconnect();
    });
    if (closed) return void (await c.end().catch(() => {}));
    client = c;
  }

  function scheduleReconnect(): void {
    timer = setTimeout(() => void reconnect(), delayAfter(failures));
    timer.unref();
  }

  async function reconnect(): Promise<void> {
    if (closed) return;
    try {
      await connect();
    } catch (error) {
      failures++;
      o.log(`listener on ${channel}: reconnect attempt ${failures} failed (${error instanceof Error ? error.message : String(error)}); retrying in ${delayAfter(failures)} ms`);
      if (!closed) scheduleReconnect();
      return;
    }
    failures = 0;
    o.log(`listener on ${channel} reconnected`);
    try {
      await options.onReconnect?.();
    } catch (error) {
      o.log(`listener on ${channel}: onReconnect failed: ${String(error)}`);
    }
  }

  await connect();
  return {
    async close(): Promise<void> {
      closed = true;
      if (timer) clearTimeout(timer);
      await client?.end().catch(() => {});
    },
  };
}
