export { withAdvisoryLock, type AdvisoryLockOptions } from './advisory-lock.js';
export { createDb, type Database, type DbOptions, type Db } from './client.js';
export { DbError, type DbErrorCode } from './db-error.js';
export { listen, LISTEN_DEFAULTS, type Listener, type ListenOptions } from './listen.js';
export { migrate, MIGRATIONS_FOLDER, type MigrateOptions } from './migrate.js';
export { MAX_NOTIFY_PAYLOAD_BYTES, notify } from './notify.js';
export { listActiveVersions, loadActivePrototypes, PROTOTYPES_CHANNEL, savePrototypeVersion, type ActiveVersionSummary } from './prototypes.js';
export {
  addExamples, feedbackCounts, listCategories, listExamples, listFeedback, seedTaxonomy, upsertFeedback,
  type CategorySeed, type FeedbackCount, type FeedbackInput,
} from './repository.js';
export * as schema from './schema.js';
