export { defineJob, describeIssues, type JobDefinition, type PayloadOf, type ResultOf } from './define-job.js';
export { ContractError, type ErrorKind } from './errors.js';
export {
  CLASSIFY_JOB, ClassifyResult, DECISION_SOURCES, DEFAULT_JOB_OPTIONS, Explanation, FEEDBACK_JOB, MAX_DESCRIPTION_LENGTH, MAX_TRANSACTIONS_PER_JOB, RETRAIN_JOB, ScoredCategory, Transaction,
  type ClassifyResultOutput, type TransactionInput,
} from './jobs.js';
export {
  Calibration, ModelIdentity, modelLabel, parseModelLabel, parsePrototypeVersion, parsePrototypeVersionInput, parsePrototypeVersionNotice,
  PrototypeVersion, PrototypeVersionInput, PrototypeVersionNotice, ReliabilityBin, SoftmaxHead,
} from './prototype-version.js';
