import { randomBytes } from 'node:crypto';
// For vitest globalSetup files: real Redis and Postgres for a workspace's integration tests, taken
// from the URLs the caller passes (read from REDIS_URL / DATABASE_URL by the setup file) or
// started in a fresh temporary folder that close() removes.
import { chmod, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { startEmbedded, type Embedded } from './embedded.js';

export interface TestServicesOptions {
  redisUrl?: string;
  databaseUrl?: string;
  /** Where starting (and a first-time redis-server install) is narrated; stderr by default. */
  log?: (line: string) => void;
}

export async function provideTestServices(options: TestServicesOptions = {}): Promise<Embedded> {
  const { redisUrl, databaseUrl, log = (line: string) => void process.stderr.write(`[txcat infra] ${line}\n`) } = options;
  const dataDir = await mkdtemp(path.join(tmpdir(), 'txcat-test-'));
  // mkdtemp makes a 0700 folder: open it so that (as root) Postgres can keep its data inside it.
  await chmod(dataDir, 0o755);
  const services = await startEmbedded({ dataDir, log, ...(redisUrl ? { redisUrl } : {}), ...(databaseUrl ? { databaseUrl } : {}) }).catch(async (error: unknown) => {
    await rm(dataDir, { recursive: true, force: true });
    throw error;
  });
  return {
    ...services,
    async close() {
      await services.close();
      await rm(dataDir, { recursive: true, force: true });
    },
  };
}

/** A new empty database on a test server (each test file gets its own); returns its URL. */
export async function createTestDatabase(serverUrl: string): Promise<string> {
  const { default: pg } = await import('pg');
  const name = `test_${randomBytes(6).toString('hex')}`;
  const admin = new pg.Client({ connectionString: serverUrl });
  await admin.connect();
  try {
    await admin.query(`CREATE DATABASE ${name}`);
  } finally {
    await admin.end();
  }
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  return url.toString();
}
