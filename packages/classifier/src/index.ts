export { ClassifierError, type ClassifierErrorCode } from './classifier-error.js';
export { csvField, parseCsv, parseCsvRecords, type CsvRecord } from './csv.js';
export { applyCorrections, loadSeedExamples, SEED_EXAMPLES_FILE, type Correction, type Example, type ExampleSource } from './examples.js';
export { parseLabelledRows, type LabelledRow, type LabelledRows, type ParseLabelledOptions } from './labelled-rows.js';
export { evaluate, expectedCalibrationError, type CategoryMetrics, type Evaluation, type Prediction } from './metrics.js';
export {
  buildPrototypes, centerEmbedding, classifyEmbedding, dot, fitTemperature, levelOf, normalize, softmax, CLASSIFY_DEFAULTS,
  type Classification, type ClassifyOptions, type ConfidenceLevel, type EmbeddedExample, type PrototypeSet, type ScoredCategory,
} from './prototypes.js';
export { normalizeStatementLine } from './normalize.js';
export { canonicalCategoryName, DEFAULT_TAXONOMY, isKnownCategory, type CategoryDefinition, type CategoryName } from './taxonomy.js';
