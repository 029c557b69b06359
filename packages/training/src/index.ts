export { ensurePrototypes, retrain, seedDefaultTaxonomy, type ModelIdentity } from './training.js';
