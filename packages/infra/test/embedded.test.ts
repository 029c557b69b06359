// startEmbedded as a parent process sees it: URLs given, SIGTERM, SIGKILL.
import { existsSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { startEmbedded, withEmbedded } from '../src/index.js';
import { isAlive } from '../src/processes.js';
import { freshDir, query, startParent, waitGone } from './helpers.js';

describe('startEmbedded', () => {
  it('starts nothing when both URLs are given', async () => {
    const dataDir = path.join(await freshDir(), 'data');
    const result = await startEmbedded({ dataDir, redisUrl: 'redis://127.0.0.1:1', databaseUrl: 'postgres://x@127.0.0.1:1/x' });
    expect(result).toMatchObject({ redisUrl: 'redis://127.0.0.1:1', databaseUrl: 'postgres://x@127.0.0.1:1/x', started: { redis: false, postgres: false } });
    expect(existsSync(dataDir)).toBe(false);
    await result.close();
  });

  it('starts only what has no URL, and withEmbedded stops it afterwards', async () => {
    const dataDir = await freshDir();
    const pid = await withEmbedded({ dataDir, databaseUrl: 'postgres://x@127.0.0.1:1/x' }, async (services) => {
      expect(services.started).toEqual({ redis: true, postgres: false });
      expect(existsSync(path.join(dataDir, 'postgres'))).toBe(false);
      const { readFile } = await import('node:fs/promises');
      return Number(await readFile(path.join(dataDir, 'redis', 'redis.pid'), 'utf8'));
    });
    expect(await waitGone(pid)).toBe(true);
  });

  it('rejects a URL that is not one', async () => {
    await expect(startEmbedded({ dataDir: '/tmp/x', redisUrl: 'localhost:6379' })).rejects.toMatchObject({ code: 'invalid_option' });
  });

  it('leaves no server behind when the parent gets SIGTERM, and exits as killed by it', async () => {
    const { child, info, exit } = startParent(await freshDir());
    const { redisPid, pgPid } = await info;
    expect(isAlive(redisPid) && isAlive(pgPid)).toBe(true);
    child.kill('SIGTERM');
    expect(await exit).toEqual({ code: null, signal: 'SIGTERM' });
    // Stopped before the parent exited, not after.
    expect(isAlive(redisPid) || isAlive(pgPid)).toBe(false);
  });

  it('leaves no server behind when the parent is killed with SIGKILL, and the next start works', async () => {
    const dataDir = await freshDir();
    const { child, info, exit } = startParent(dataDir);
    const { redisPid, pgPid } = await info;
    child.kill('SIGKILL');
    await exit;
    if (process.platform === 'linux') {
      // parent-death signal: the servers go by themselves
      expect(await waitGone(redisPid)).toBe(true);
      expect(await waitGone(pgPid)).toBe(true);
    }
    const again = await startEmbedded({ dataDir });
    expect(isAlive(redisPid) || isAlive(pgPid)).toBe(false);
    expect(await query(again.databaseUrl, 'SELECT 1 AS ok')).toEqual([{ ok: 1 }]);
    await again.close();
  });
});
