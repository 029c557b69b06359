// Large classify jobs answered in parts by the whole fleet, with BullMQ's parent/child jobs: a job
// of more than `partSize` transactions adds one child job per part to the classify queue, waits
// in BullMQ's waiting-children state while any worker takes the parts, and is processed again
// when the last part completes, to put the answers back in order. One job on one worker would
// leave every other worker's engine idle.
import { CLASSIFY_JOB, DEFAULT_JOB_OPTIONS, type ResultOf } from '@txcat/contracts';
import { WaitingChildrenError, type Job, type Queue } from 'bullmq';

type ClassifyResult = ResultOf<typeof CLASSIFY_JOB>;

/** A part's job id: derived from its parent, so a retried parent never adds a part twice. */
export function partJobId(parentId: string, index: number): string {
  return `${parentId}-part-${String(index).padStart(4, '0')}`;
}

/** Which part a child's job key (`prefix:queue:id`) holds, from its id. */
function partIndex(jobKey: string): number {
  const m = /-part-(\d+)$/.exec(jobKey);
  if (!m) throw new Error(`child job ${jobKey} is not a part of a classify job`);
  return Number(m[1]);
}

/**
 * Runs a classify job in parts (BullMQ's "process step jobs" pattern). Steps are read from
 * Redis, not from job data: no children yet -> add them; children pending -> wait for them;
 * all processed -> assemble. A worker dying between steps leaves a state the next one resumes.
 */
export async function classifyInParts(job: Job, token: string | undefined, queue: Queue, partSize: number): Promise<ClassifyResult> {
  const { transactions, explain } = CLASSIFY_JOB.parsePayload(job.data);
  const id = job.id;
  if (!id || !token) throw new Error('classifyInParts needs the job id and the worker lock token');
  const parts = Math.ceil(transactions.length / partSize);
  const deps = await job.getDependenciesCount();
  if ((deps.processed ?? 0) + (deps.unprocessed ?? 0) + (deps.failed ?? 0) === 0) {
    await queue.addBulk(Array.from({ length: parts }, (_, i) => ({
      name: CLASSIFY_JOB.name,
      data: CLASSIFY_JOB.parsePayload({ transactions: transactions.slice(i * partSize, (i + 1) * partSize), ...(explain ? { explain } : {}) }),
      opts: { ...DEFAULT_JOB_OPTIONS, jobId: partJobId(id, i), parent: { id, queue: job.queueQualifiedName }, failParentOnFailure: true },
    })));
  }
  if (await job.moveToWaitingChildren(token)) throw new WaitingChildrenError();
  const values = await job.getChildrenValues<ClassifyResult>();
  const ordered = Object.entries(values).sort(([a], [b]) => partIndex(a) - partIndex(b));
  if (ordered.length !== parts) throw new Error(`classify job ${id}: ${ordered.length} of ${parts} parts answered; it will be retried`);
  return CLASSIFY_JOB.parseResult({ results: ordered.flatMap(([, v]) => v.results) });
}
