// The prototype version this process answers with: the newest one built by its own model. Loaded
// at start and reloaded when a retrain announces a version of this model on Postgres NOTIFY
// (@txcat/db listen, which reconnects for as long as the process lives and reloads on reconnect);
// a slow poll covers whatever both missed.
import { fromStored, withNameModel, type Knowledge } from '@txcat/classifier';
import { modelLabel, parsePrototypeVersionNotice, type ModelIdentity, type PrototypeVersion } from '@txcat/contracts';
import { listen, loadActivePrototypes, PROTOTYPES_CHANNEL, type Database, type Listener } from '@txcat/db';

export interface PrototypeStoreOptions {
  db: Database;
  databaseUrl: string;
  /** Only versions built by this model (name and variant) are ever answered with. */
  model: ModelIdentity;
  pollIntervalMs?: number;
  /** Listener reconnect backoff bounds (see @txcat/db listen). */
  reconnect?: { minDelayMs?: number; maxDelayMs?: number };
  log?: (line: string) => void;
  /** Called with each newly active version. */
  onChange?: (active: PrototypeVersion) => Promise<void> | void;
}

export function createPrototypeStore({ db, databaseUrl, model, pollIntervalMs = 30_000, reconnect, log = () => {}, onChange }: PrototypeStoreOptions) {
  let active: { active: PrototypeVersion; knowledge: Knowledge } | null = null;
  let listener: Listener | undefined;
  let poll: ReturnType<typeof setInterval> | undefined;
  const label = modelLabel(model);

  async function reload(): Promise<void> {
    const next = await loadActivePrototypes(db, model);
    if (next && (!active || next.version > active.active.version)) {
      // Exemplars are centered and indexed once per version, not per job; the merchant-name model
      // is rebuilt from the version's examples (deterministic: the weights the retrain had).
      active = { active: next, knowledge: await withNameModel(fromStored(next), next) };
      log(`answering with prototype version ${next.version} (${label})`);
      await onChange?.(next);
    }
  }
  const reloadLogged = () => reload().catch((e: unknown) => log(`reloading prototypes failed: ${String(e)}`));

  function onNotify(payload: string | undefined): void {
    const notice = parsePrototypeVersionNotice(payload);
    // Another model's version is none of this worker's business; a payload we cannot read might be ours.
    if (notice && modelLabel(notice.model) !== label) return;
    void reloadLogged();
  }

  return {
    async start(): Promise<void> {
      listener = await listen(databaseUrl, PROTOTYPES_CHANNEL, onNotify, { ...reconnect, log, onReconnect: reloadLogged });
      await reload();
      poll = setInterval(() => void reloadLogged(), pollIntervalMs);
      poll.unref();
    },
    /** The active version and its knowledge; throws a retryable error before the first one exists. */
    current(): { active: PrototypeVersion; knowledge: Knowledge } {
      if (!active) throw new Error(`no prototype version of ${label} yet: a retrain has not finished`);
      return active;
    },
    reload,
    async close(): Promise<void> {
      if (poll) clearInterval(poll);
      await listener?.close();
    },
  };
}

export type PrototypeStore = ReturnType<typeof createPrototypeStore>;
