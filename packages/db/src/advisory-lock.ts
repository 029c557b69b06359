// withAdvisoryLock: a transaction-scoped Postgres advisory lock around `fn`. Every query of `fn`
// must run on the `tx` it is given: the lock belongs to that transaction's connection, and only
// what runs there is serialized by it. Released at commit or rollback, or when the connection
// dies (a crashed holder never blocks the others for good).
import { sql } from 'drizzle-orm';
import type { Database } from './client.js';
import { invalidInput } from './db-error.js';

export interface AdvisoryLockOptions {
  /**
   * Bounds how long the transaction may sit idle between two queries (Postgres's
   * idle_in_transaction_session_timeout, for this transaction only): a holder that hangs is cut
   * off and the lock freed. Undefined leaves the server's setting.
   */
  idleTimeoutMs?: number;
}

export async function withAdvisoryLock<T>(db: Database, key: number, fn: (tx: Database) => Promise<T>, options: AdvisoryLockOptions = {}): Promise<T> {
  if (!Number.isSafeInteger(key)) throw invalidInput(`advisory lock key must be a safe integer, got ${String(key)}`);
  const { idleTimeoutMs } = options;
  if (idleTimeoutMs !== undefined && (!Number.isInteger(idleTimeoutMs) || idleTimeoutMs < 1)) throw invalidInput(`idleTimeoutMs must be a positive integer (milliseconds), got ${String(idleTimeoutMs)}`);
  return db.transaction(async (tx) => {
    if (idleTimeoutMs !== undefined) await tx.execute(sql`SELECT set_config('idle_in_transaction_session_timeout', ${String(idleTimeoutMs)}, true)`);
    await tx.execute(sql`SELECT pg_advisory_xact_lock(${key})`);
    return fn(tx);
  });
}
