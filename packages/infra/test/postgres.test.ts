// A real Postgres 16: persistence, a crash, and a data folder under a 0700 parent.
import { existsSync, readFileSync } from 'node:fs';
import { chmod, readFile, readlink, rm } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { RELOCATION_ROOT, startPostgres } from '../src/index.js';
import { freshDir, query, waitGone } from './helpers.js';

const asRoot = process.getuid?.() === 0;

function postmasterPid(clusterDir: string): number {
  return Number(readFileSync(path.join(clusterDir, 'postmaster.pid'), 'utf8').split('\n')[0]);
}

describe('startPostgres', () => {
  it('keeps rows across a restart and creates the database it names', async () => {
    const dataDir = await freshDir();
    const first = await startPostgres({ dataDir });
    expect(first.url).toMatch(/^postgres:\/\/postgres:.+@127\.0\.0\.1:\d+\/txcat$/);
    await query(first.url, 'CREATE TABLE kept (v text)');
    await query(first.url, "INSERT INTO kept VALUES ('feedback')");
    await first.close();
    await first.close(); // idempotent
    const second = await startPostgres({ dataDir });
    expect(await query(second.url, 'SELECT v FROM kept')).toEqual([{ v: 'feedback' }]);
    await second.close();
  });

  it('comes back after the postmaster itself is killed with SIGKILL (stale postmaster.pid)', async () => {
    const dataDir = await freshDir();
    const first = await startPostgres({ dataDir });
    await query(first.url, 'CREATE TABLE kept (v text)');
    await query(first.url, "INSERT INTO kept VALUES ('before the crash')");
    const pid = postmasterPid(path.join(dataDir, 'postgres'));
    process.kill(pid, 'SIGKILL');
    expect(await waitGone(pid)).toBe(true);
    expect(existsSync(path.join(dataDir, 'postgres', 'postmaster.pid'))).toBe(true);
    const second = await startPostgres({ dataDir });
    expect(await query(second.url, 'SELECT v FROM kept')).toEqual([{ v: 'before the crash' }]);
    await second.close();
    await first.close(); // already dead: resolves at once
  });

  it.runIf(asRoot)('keeps the cluster where the postgres user can reach it when dataDir is under a 0700 parent (such as /root)', async () => {
    const privateDir = await freshDir(0o700);
    const dataDir = path.join(privateDir, 'data');
    const first = await startPostgres({ dataDir });
    await query(first.url, 'CREATE TABLE kept (v text)');
    await query(first.url, "INSERT INTO kept VALUES ('relocated')");
    await first.close();
    const location = (await readFile(path.join(dataDir, 'postgres.location'), 'utf8')).split('\n')[0]!;
    expect(location.startsWith(RELOCATION_ROOT)).toBe(true);
    expect(await readlink(path.join(dataDir, 'postgres'))).toBe(location);
    try {
      const second = await startPostgres({ dataDir });
      expect(await query(second.url, 'SELECT v FROM kept')).toEqual([{ v: 'relocated' }]);
      await second.close();
      // Opening the parent later keeps the same cluster (through the symlink).
      await chmod(privateDir, 0o755);
      const third = await startPostgres({ dataDir });
      expect(await query(third.url, 'SELECT v FROM kept')).toEqual([{ v: 'relocated' }]);
      await third.close();
    } finally {
      await rm(path.dirname(location), { recursive: true, force: true });
    }
  });
});
