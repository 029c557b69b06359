export { ensurePrototypes, retrain, seedDefaultTaxonomy, type ModelIdentity, type RetrainOptions } from './training.js';
