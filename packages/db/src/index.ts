export { createDb, type Database, type DbOptions, type Db } from './client.js';
export { DbError, type DbErrorCode } from './db-error.js';
export { migrate, MIGRATIONS_FOLDER, type MigrateOptions } from './migrate.js';
export { feedbackCounts, type FeedbackCount } from './repository.js';
export { loadActivePrototypes, savePrototypeVersion, type ActivePrototypes, type PrototypeVersionInput } from './prototypes.js';
export {
  addExamples, listCategories, listExamples, listFeedback, seedTaxonomy, upsertFeedback, type CategorySeed, type FeedbackInput,
} from './repository.js';
export * as schema from './schema.js';
