// The prototype version this process answers with. Loaded at start and reloaded when a retrain
// announces a new version on Postgres LISTEN/NOTIFY; a slow poll covers notifications missed
// while the listening connection was down.
import { fromStored, withNameModel, type Knowledge } from '@txcat/classifier';
import { loadActivePrototypes, type ActivePrototypes, type Database } from '@txcat/db';
import { PROTOTYPES_CHANNEL } from '@txcat/training';
import pg from 'pg';

export interface PrototypeStoreOptions {
  db: Database;
  databaseUrl: string;
  pollIntervalMs?: number;
  log?: (line: string) => void;
  /** Called with each newly active version. */
  onChange?: (active: ActivePrototypes) => Promise<void> | void;
}

export function createPrototypeStore({ db, databaseUrl, pollIntervalMs = 30_000, log = () => {}, onChange }: PrototypeStoreOptions) {
  let active: { active: ActivePrototypes; knowledge: Knowledge } | null = null;
  let listener: pg.Client | undefined;
  let poll: ReturnType<typeof setInterval> | undefined;
  let closed = false;

  async function reload(): Promise<void> {
    const next = await loadActivePrototypes(db);
    if (next && (!active || next.version > active.active.version)) {
      // Exemplars are centered and indexed once per version, not per job; the merchant-name model
      // is rebuilt from the version's examples (deterministic: the weights the retrain had).
      active = { active: next, knowledge: await withNameModel(fromStored(next), next) };
      log(`answering with prototype version ${next.version}`);
      await onChange?.(next);
    }
  }

  async function listen(): Promise<void> {
    if (closed) return;
    const client = new pg.Client({ connectionString: databaseUrl });
    client.on('notification', () => void reload().catch((e: unknown) => log(`reloading prototypes failed: ${String(e)}`)));
    client.on('error', (e) => {
      if (closed) return;
      log(`prototype listener lost its connection (${e.message}); reconnecting`);
      setTimeout(() => void listen().then(reload).catch(() => {}), 1000).unref();
    });
    await client.connect();
    if (closed) return void (await client.end());
    await client.query(`LISTEN ${PROTOTYPES_CHANNEL}`);
    listener = client;
  }

  return {
    async start(): Promise<void> {
      await listen();
      await reload();
      poll = setInterval(() => void reload().catch(() => {}), pollIntervalMs);
      poll.unref();
    },
    /** The active version and its knowledge; throws a retryable error before the first one exists. */
    current(): { active: ActivePrototypes; knowledge: Knowledge } {
      if (!active) throw new Error('no prototype version yet: a retrain has not finished');
      return active;
    },
    reload,
    async close(): Promise<void> {
      closed = true;
      if (poll) clearInterval(poll);
      await listener?.end().catch(() => {});
    },
  };
}

export type PrototypeStore = ReturnType<typeof createPrototypeStore>;
