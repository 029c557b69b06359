import { drizzle, type NodePgDatabase } from 'drizzle-orm/node-postgres';
import pg from 'pg';
import * as schema from './schema.js';

export type Database = NodePgDatabase<typeof schema>;

export interface DbOptions {
  databaseUrl: string;
  /** Pool size. */
  max?: number;
}

export function createDb({ databaseUrl, max = 5 }: DbOptions) {
  if (!/^postgres(ql)?:\/\//.test(databaseUrl)) throw new RangeError('databaseUrl must start with postgres:// or postgresql://');
  const pool = new pg.Pool({ connectionString: databaseUrl, max });
  pool.on('error', () => {}); // an idle client's error surfaces on its next query
  const db = drizzle(pool, { schema });
  return { db, pool, close: () => pool.end() };
}
