// `npm start` as a user runs it: the embedded default (no REDIS_URL / DATABASE_URL) starts its own
// Redis and Postgres, keeps its data across runs, and leaves no server behind when it exits.
import { execFile } from 'node:child_process';
import { chmod, mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { createDb, upsertFeedback } from '@txcat/db';
import { startPostgres, startRedis } from '@txcat/infra';
import { describe, expect, it } from 'vitest';

const REPO_ROOT = path.resolve(import.meta.dirname, '../..');
const CLI = path.join(REPO_ROOT, 'apps/cli/dist/main.js');

async function start(env: Record<string, string>) {
  const base = { ...process.env };
  delete base.REDIS_URL;
  delete base.DATABASE_URL;
  const { stdout, stderr } = await promisify(execFile)(process.execPath, [CLI, 'start', '--once'], {
    cwd: REPO_ROOT, env: { ...base, ...env }, maxBuffer: 16 << 20,
  });
  return { stdout, stderr };
}

/** A temporary folder Postgres (running as the postgres user when we are root) can enter. */
async function tempDir(prefix: string): Promise<string> {
  const dir = await mkdtemp(path.join(tmpdir(), prefix));
  await chmod(dir, 0o755);
  return dir;
}

function versionOf(stdout: string): number {
  const match = /prototype version (\d+) \((\d+) examples\)/.exec(stdout);
  expect(match, stdout).not.toBeNull();
  return Number(match![1]);
}

describe('txcat start on the embedded default', () => {
  it('classifies the sample, keeps Postgres and Redis data across runs, and learns from stored feedback', async () => {
    const dataDir = await tempDir('txcat-e2e-');
    const first = await start({ TXCAT_DATA_DIR: dataDir });
    expect(first.stderr).toContain('(embedded)');
    expect(first.stdout).toMatch(/STARBUCKS COFFEE #11823 SEATTLE WA\s+FOOD_AND_DRINK/);
    expect(first.stdout).toMatch(/SHELL OIL 57444221\s+TRANSPORTATION/);
    expect(versionOf(first.stdout)).toBe(1);

    // Same data folder: the version in Postgres is reused and the embeddings come from Redis (AOF).
    const second = await start({ TXCAT_DATA_DIR: dataDir });
    expect(versionOf(second.stdout)).toBe(1);
    expect(second.stdout).toMatch(/embedding cache: [1-9]\d* Redis hits, \d+ local hits, 0 misses/);

    // A correction stored in that Postgres makes the next start build a new version.
    const postgres = await startPostgresIn(dataDir);
    const store = createDb({ databaseUrl: postgres.url });
    await upsertFeedback(store.db, { transactionId: 'tx-1', description: 'ZORBLAX 7781 KIOSK', merchantKey: 'zorblax kiosk', category: 'PERSONAL_CARE' });
    await store.close();
    await postgres.close();
    const third = await start({ TXCAT_DATA_DIR: dataDir });
    expect(versionOf(third.stdout)).toBe(2);
  });

  it('starts nothing when REDIS_URL and DATABASE_URL are set', async () => {
    const dir = await tempDir('txcat-e2e-ext-');
    const redis = await startRedis({ dataDir: path.join(dir, 'external') });
    const postgres = await startPostgres({ dataDir: path.join(dir, 'external') });
    try {
      const run = await start({ TXCAT_DATA_DIR: path.join(dir, 'unused'), REDIS_URL: redis.url, DATABASE_URL: postgres.url });
      expect(run.stderr).not.toContain('(embedded)');
      expect(run.stdout).toMatch(/SHELL OIL 57444221\s+TRANSPORTATION/);
    } finally {
      await redis.close();
      await postgres.close();
    }
  });
});

/** The embedded default keeps Postgres data in <dataDir>/postgres: open that same cluster. */
async function startPostgresIn(dataDir: string) {
  return startPostgres({ dataDir });
}
