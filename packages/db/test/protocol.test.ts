import { createTestDatabase } from '@txcat/infra';
// Advisory lock, NOTIFY and LISTEN against a real Postgres, in a database of this file's own. The
// listener's connection is killed server-side (pg_terminate_backend) and its database closed to
// new connections for a while: the listener keeps trying, comes back, and hears what follows.
import { sql } from 'drizzle-orm';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, inject, it, vi } from 'vitest';
import { createDb, listen, notify, withAdvisoryLock, type Db, type Listener } from '../src/index.js';

let databaseUrl: string;
let dbName: string;
let store: Db;
let admin: pg.Client;
const listeners: Listener[] = [];

beforeAll(async () => {
  databaseUrl = await createTestDatabase(inject('databaseUrl'));
  dbName = new URL(databaseUrl).pathname.slice(1);
  store = createDb({ databaseUrl, max: 6 });
  // On the server's own database: Postgres closes a database to new connections only from outside it.
  admin = new pg.Client({ connectionString: inject('databaseUrl') });
  await admin.connect();
  await store.db.execute(sql`CREATE TABLE counter (n integer NOT NULL)`);
  await store.db.execute(sql`INSERT INTO counter VALUES (0)`);
});
afterAll(async () => {
  await admin.query(`ALTER DATABASE ${dbName} WITH ALLOW_CONNECTIONS true`).catch(() => {});
  for (const l of listeners) await l.close();
  await admin.end();
  await store.close();
});

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const terminate = (applicationName: string) =>
  admin.query('SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE application_name = $1 AND datname = $2', [applicationName, dbName]);

describe('withAdvisoryLock', () => {
  it('runs holders one after another, each on the connection that holds the lock', async () => {
    const events: string[] = [];
    const bump = (who: string) => withAdvisoryLock(store.db, 4242, async (tx) => {
      events.push(`${who} in`);
      const [row] = (await tx.execute<{ n: number }>(sql`SELECT n FROM counter`)).rows;
      await sleep(100); // a read-modify-write that a second holder would interleave with
      await tx.execute(sql`UPDATE counter SET n = ${row!.n + 1}`);
      const held = await tx.execute<{ held: boolean }>(sql`SELECT EXISTS (SELECT 1 FROM pg_locks WHERE locktype = 'advisory' AND objid = 4242 AND granted AND pid = pg_backend_pid()) AS held`);
      events.push(`${who} out`);
      return held.rows[0]!.held;
    });
    expect(await Promise.all([bump('a'), bump('b'), bump('c')])).toEqual([true, true, true]);
    expect((await store.db.execute<{ n: number }>(sql`SELECT n FROM counter`)).rows[0]!.n).toBe(3);
    for (let i = 0; i < events.length; i += 2) expect(events[i + 1]).toBe(events[i]!.replace(' in', ' out'));
  });

  it('rejects a key that is not an integer', async () => {
    await expect(withAdvisoryLock(store.db, 1.5, async () => 1)).rejects.toMatchObject({ code: 'invalid_input' });
  });
});

describe('notify and listen', () => {
  it('delivers a notification sent in a transaction at commit, and never one rolled back', async () => {
    const heard: Array<string | undefined> = [];
    listeners.push(await listen(databaseUrl, 'txcat_test_commit', (p) => heard.push(p)));
    await store.db.transaction(async (tx) => {
      await notify(tx, 'txcat_test_commit', 'rolled back');
      tx.rollback();
    }).catch(() => {});
    await store.db.transaction(async (tx) => {
      await notify(tx, 'txcat_test_commit', 'committed');
      await sleep(100);
      expect(heard).toEqual([]); // not before commit
    });
    await vi.waitFor(() => expect(heard).toEqual(['committed']), { timeout: 5000 });
    await expect(notify(store.db, 'Not A Channel', 'x')).rejects.toMatchObject({ code: 'invalid_input' });
  });

  it('fails a first connect that cannot succeed, saying so', async () => {
    const wrong = new URL(databaseUrl);
    wrong.pathname = '/no_such_database';
    await expect(listen(wrong.toString(), 'txcat_test', () => {})).rejects.toThrow(/no_such_database/);
    await expect(listen(databaseUrl, 'txcat_test', () => {}, { minDelayMs: 0 })).rejects.toThrow(/minDelayMs must be a positive integer/);
  });

  it('reconnects after its connection is killed, calls onReconnect, and hears later notifications', async () => {
    const heard: Array<string | undefined> = [];
    let reconnects = 0;
    const applicationName = 'txcat-test-killed';
    listeners.push(await listen(databaseUrl, 'txcat_test_kill', (p) => heard.push(p), { applicationName, minDelayMs: 20, onReconnect: () => void reconnects++ }));
    await notify(store.db, 'txcat_test_kill', 'before');
    await vi.waitFor(() => expect(heard).toEqual(['before']), { timeout: 5000 });
    expect((await terminate(applicationName)).rowCount).toBe(1);
    await vi.waitFor(() => expect(reconnects).toBe(1), { timeout: 5000 });
    await notify(store.db, 'txcat_test_kill', 'after');
    await vi.waitFor(() => expect(heard).toEqual(['before', 'after']), { timeout: 5000 });
  });

  it('keeps retrying, with growing and capped delays, while the database refuses connections', async () => {
    const heard: Array<string | undefined> = [];
    const lines: string[] = [];
    let reconnects = 0;
    const applicationName = 'txcat-test-refused';
    listeners.push(await listen(databaseUrl, 'txcat_test_refused', (p) => heard.push(p), {
      applicationName, minDelayMs: 10, maxDelayMs: 80, log: (l) => lines.push(l), onReconnect: () => void reconnects++,
    }));
    await admin.query(`ALTER DATABASE ${dbName} WITH ALLOW_CONNECTIONS false`);
    try {
      await terminate(applicationName);
      await vi.waitFor(() => expect(lines.filter((l) => /reconnect attempt \d+ failed/.test(l)).length).toBeGreaterThanOrEqual(6), { timeout: 10_000 });
    } finally {
      await admin.query(`ALTER DATABASE ${dbName} WITH ALLOW_CONNECTIONS true`);
    }
    const delays = lines.flatMap((l) => /retrying in (\d+) ms/.exec(l)?.[1] ?? []).map(Number);
    expect(delays.slice(0, 4)).toEqual([20, 40, 80, 80]);
    expect(reconnects).toBe(0);
    await vi.waitFor(() => expect(reconnects).toBe(1), { timeout: 5000 });
    await notify(store.db, 'txcat_test_refused', 'back');
    await vi.waitFor(() => expect(heard).toEqual(['back']), { timeout: 5000 });
  });
});
