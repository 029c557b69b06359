// Applies the committed drizzle-kit migrations. drizzle's migrator takes no lock, so several
// processes starting at once are serialized with a Postgres advisory lock.
import { fileURLToPath } from 'node:url';
import { drizzle } from 'drizzle-orm/node-postgres';
import { migrate as drizzleMigrate } from 'drizzle-orm/node-postgres/migrator';
import pg from 'pg';

/** <repo>/migrations, from packages/db/src or packages/db/dist alike. */
export const MIGRATIONS_FOLDER = fileURLToPath(new URL('../../../migrations', import.meta.url));
const LOCK_KEY = 0x74786361; // "txca"

export async function migrate({ databaseUrl, migrationsFolder = MIGRATIONS_FOLDER }: { databaseUrl: string; migrationsFolder?: string }): Promise<void> {
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    await client.query('SELECT pg_advisory_lock($1)', [LOCK_KEY]);
    await drizzleMigrate(drizzle(client), { migrationsFolder });
  } finally {
    await client.query('SELECT pg_advisory_unlock($1)', [LOCK_KEY]).catch(() => {});
    await client.end();
  }
}
