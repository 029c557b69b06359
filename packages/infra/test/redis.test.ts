// A real redis-server: persistence through the append-only file, options, ports.
import { createServer } from 'node:net';
import { Redis } from 'ioredis';
import { describe, expect, it } from 'vitest';
import { startRedis } from '../src/index.js';
import { freshDir } from './helpers.js';

describe('startRedis', () => {
  it('keeps keys across a restart in the same data folder (append-only file)', async () => {
    const dataDir = await freshDir();
    const first = await startRedis({ dataDir });
    expect(first.url).toMatch(/^redis:\/\/127\.0\.0\.1:\d+$/);
    const a = new Redis(first.url);
    await a.set('txcat:test', 'kept');
    expect(await a.config('GET', 'appendonly')).toEqual(['appendonly', 'yes']);
    expect(await a.config('GET', 'bind')).toEqual(['bind', '127.0.0.1']);
    a.disconnect();
    await first.close();
    await first.close(); // idempotent

    const second = await startRedis({ dataDir });
    const b = new Redis(second.url);
    expect(await b.get('txcat:test')).toBe('kept');
    expect(await b.config('GET', 'maxmemory-policy')).toEqual(['maxmemory-policy', 'noeviction']);
    b.disconnect();
    await second.close();
  });

  it('says which port is taken when a given port is in use', async () => {
    const blocker = createServer();
    await new Promise<void>((r) => blocker.listen(0, '127.0.0.1', r));
    const port = (blocker.address() as { port: number }).port;
    try {
      await expect(startRedis({ dataDir: await freshDir(), port })).rejects.toMatchObject({ code: 'port_in_use' });
    } finally {
      blocker.close();
    }
  });

  it('rejects bad options with a message saying what to pass', async () => {
    await expect(startRedis({ dataDir: '' })).rejects.toThrow(/dataDir must be a non-empty path/);
    await expect(startRedis({ dataDir: '/tmp/x', port: 70_000 })).rejects.toMatchObject({ code: 'invalid_option', message: expect.stringMatching(/port must be an integer/) });
  });
});
