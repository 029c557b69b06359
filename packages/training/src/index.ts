export { ensurePrototypes, PROTOTYPES_CHANNEL, retrain, seedDefaultTaxonomy, type ModelIdentity } from './training.js';
