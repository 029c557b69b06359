// notify: Postgres NOTIFY. Called with a transaction, the notification is delivered when that
// transaction commits, and never if it rolls back: listeners cannot hear of rows they cannot see.
import { sql } from 'drizzle-orm';
import type { Database } from './client.js';
import { invalidInput } from './db-error.js';

/** Postgres refuses payloads of 8,000 bytes or more. */
export const MAX_NOTIFY_PAYLOAD_BYTES = 7999;

export function checkChannel(channel: unknown): string {
  if (typeof channel !== 'string' || !/^[a-z_][a-z0-9_]{0,62}$/.test(channel)) {
    throw invalidInput(`channel must be a lower-case Postgres identifier such as txcat_prototypes, got ${JSON.stringify(channel)}`);
  }
  return channel;
}

export async function notify(db: Database, channel: string, payload: string): Promise<void> {
  checkChannel(channel);
  if (Buffer.byteLength(payload) > MAX_NOTIFY_PAYLOAD_BYTES) throw invalidInput(`notify payload must be under 8000 bytes; send an id and let listeners read the rest`);
  await db.execute(sql`SELECT pg_notify(${channel}, ${payload})`);
}
