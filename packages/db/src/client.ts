import { drizzle, type NodePgQueryResultHKT } from 'drizzle-orm/node-postgres';
import type { PgDatabase } from 'drizzle-orm/pg-core';
import pg from 'pg';
import { invalidInput } from './db-error.js';
import * as schema from './schema.js';

/**
 * A drizzle database or a transaction of one: every function here takes either, so a caller can
 * run several of them on one transaction (e.g. inside withAdvisoryLock).
 */
export type Database = PgDatabase<NodePgQueryResultHKT, typeof schema>;

export interface DbOptions {
  /** postgres:// or postgresql:// URL. */
  databaseUrl: string;
  /** Pool size (default 5). */
  max?: number;
}

export interface Db {
  db: Database;
  pool: pg.Pool;
  /** Ends the pool; idempotent. */
  close(): Promise<void>;
}

export function checkDatabaseUrl(databaseUrl: unknown): string {
  if (typeof databaseUrl !== 'string' || !/^postgres(ql)?:\/\//.test(databaseUrl) || !URL.canParse(databaseUrl)) {
    throw invalidInput('databaseUrl must be a URL starting with postgres:// or postgresql:// (e.g. DATABASE_URL)');
  }
  return databaseUrl;
}

/** A pool and a drizzle instance over it. Connects lazily: nothing happens until the first query. */
export function createDb({ databaseUrl, max = 5 }: DbOptions): Db {
  checkDatabaseUrl(databaseUrl);
  if (!Number.isInteger(max) || max < 1) throw invalidInput(`max must be a positive integer (pool size), got ${String(max)}`);
  const pool = new pg.Pool({ connectionString: databaseUrl, max });
  pool.on('error', () => {}); // an idle client's error surfaces on its next query
  const db = drizzle(pool, { schema });
  let closing: Promise<void> | undefined;
  return { db, pool, close: () => (closing ??= pool.end()) };
}
