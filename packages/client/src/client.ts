// A typed client for services that enqueue directly on the fleet's queues (no HTTP): the same job
// contracts as the API, results through BullMQ QueueEvents.
import { randomUUID } from 'node:crypto';
import { CLASSIFY_JOB, DEFAULT_JOB_OPTIONS, FEEDBACK_JOB, RETRAIN_JOB, type JobDefinition, type PayloadOf, type ResultOf } from '@txcat/contracts';
import { Queue, QueueEvents } from 'bullmq';
import { Redis } from 'ioredis';
import type { z } from 'zod';

export interface ClientOptions {
  /** A Redis URL, or an ioredis instance this client will not close. */
  connection: string | Redis;
  /** The fleet's BullMQ prefix (TXCAT_QUEUE_PREFIX). */
  prefix?: string;
  /** How long classify(), feedback() and retrain() wait for their result. */
  timeoutMs?: number;
}


export function createClient({ connection, prefix = 'txcat', timeoutMs = 30_000 }: ClientOptions) {
  const owned = typeof connection === 'string';
  // Producers fail fast when Redis is away; QueueEvents blocks, so it needs its own connection.
  // Lazy: nothing connects until the first job, so a payload the contract refuses costs no network.
  const producer = owned ? new Redis(connection, { maxRetriesPerRequest: 1, lazyConnect: true }) : connection;
  const events = owned ? new Redis(connection, { maxRetriesPerRequest: null, lazyConnect: true }) : connection.duplicate({ maxRetriesPerRequest: null, lazyConnect: true });
  const queues = new Map<string, { queue: Queue; events: QueueEvents }>();
  const lane = (job: JobDefinition<z.ZodType, z.ZodType>) => {
    let l = queues.get(job.queue);
    if (!l) {
      l = { queue: new Queue(job.queue, { connection: producer, prefix }), events: new QueueEvents(job.queue, { connection: events, prefix }) };
      queues.set(job.queue, l);
    }
    return l;
  };
  async function run<J extends JobDefinition<z.ZodType, z.ZodType>>(job: J, payload: PayloadOf<J>): Promise<ResultOf<J>> {
    const data = job.parsePayload(payload);
    const { queue, events: queueEvents } = lane(job);
    await queueEvents.waitUntilReady();
    const added = await queue.add(job.name, data, { ...DEFAULT_JOB_OPTIONS, jobId: randomUUID() });
    return job.parseResult(await added.waitUntilFinished(queueEvents, timeoutMs)) as ResultOf<J>;
  }
  return {
    classify: (payload: PayloadOf<typeof CLASSIFY_JOB>) => run(CLASSIFY_JOB, payload),
    feedback: (payload: PayloadOf<typeof FEEDBACK_JOB>) => run(FEEDBACK_JOB, payload),
    retrain: (payload: PayloadOf<typeof RETRAIN_JOB> = { reason: 'manual' }) => run(RETRAIN_JOB, payload),
    async close(): Promise<void> {
      for (const l of queues.values()) await Promise.all([l.queue.close(), l.events.close()]);
      await events.quit().catch(() => {});
      if (owned) await producer.quit().catch(() => {});
    },
  };
}

export type TxcatClient = ReturnType<typeof createClient>;
