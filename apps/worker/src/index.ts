export { createWorker, WORKER_DEFAULTS, type TxcatWorker, type WorkerOptions } from './worker.js';
export { merchantKey, toJobError } from './handlers.js';
export { classifyInParts, partJobId } from './parts.js';
