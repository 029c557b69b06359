export { ensurePrototypes, PROTOTYPES_CHANNEL, retrain, seedDefaultTaxonomy, type ModelIdentity, type RetrainOptions } from './training.js';
