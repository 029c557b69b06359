// Applies the committed drizzle-kit migrations. drizzle's migrator takes no lock, so several
// processes starting at once are serialized with a Postgres advisory lock: the first applies,
// the others wait, then find nothing left to do.
import { existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { drizzle } from 'drizzle-orm/node-postgres';
import { migrate as drizzleMigrate } from 'drizzle-orm/node-postgres/migrator';
import pg from 'pg';
import { checkDatabaseUrl } from './client.js';
import { DbError } from './db-error.js';

/** <repo>/migrations, resolved from this file: the same from packages/db/src and packages/db/dist. */
export const MIGRATIONS_FOLDER = fileURLToPath(new URL('../../../migrations', import.meta.url));
const LOCK_KEY = 0x74786361; // "txca": one number every txcat process agrees on

export interface MigrateOptions {
  databaseUrl: string;
  /** Defaults to the repository's /migrations. */
  migrationsFolder?: string;
}

export async function migrate({ databaseUrl, migrationsFolder = MIGRATIONS_FOLDER }: MigrateOptions): Promise<void> {
  checkDatabaseUrl(databaseUrl);
  if (!existsSync(path.join(migrationsFolder, 'meta', '_journal.json'))) {
    throw new DbError('migration_failed', `no drizzle-kit migrations in ${migrationsFolder} (meta/_journal.json missing): run npm run db:generate -w @txcat/db`);
  }
  const client = new pg.Client({ connectionString: databaseUrl });
  try {
    await client.connect();
    // A session lock, on this one connection, released below or when the connection dies.
    await client.query('SELECT pg_advisory_lock($1)', [LOCK_KEY]);
    await drizzleMigrate(drizzle(client), { migrationsFolder });
  } catch (error) {
    throw new DbError('migration_failed', `applying migrations from ${migrationsFolder} failed: ${(error as Error).message}`, { cause: error });
  } finally {
    await client.query('SELECT pg_advisory_unlock($1)', [LOCK_KEY]).catch(() => {});
    await client.end().catch(() => {});
  }
}
