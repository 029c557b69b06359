export { createDb, type Database, type DbOptions } from './client.js';
export { DbError, type DbErrorCode } from './db-error.js';
export { migrate, MIGRATIONS_FOLDER } from './migrate.js';
export {
  addExamples, listCategories, listExamples, listFeedback, loadActivePrototypes, savePrototypeVersion, seedTaxonomy, upsertFeedback,
  type ActivePrototypes, type CategorySeed, type FeedbackInput, type PrototypeVersionInput,
} from './repository.js';
export * as schema from './schema.js';
