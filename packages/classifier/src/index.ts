export { ClassifierError, type ClassifierErrorCode } from './classifier-error.js';
export {
  createAnswerer,
  type Answer, type AnswerCache, type Answerer, type AnswerKey, type AnswerRequest, type AnswerWith, type CachedAnswer, type CorrectionMemory,
} from './answerer.js';
export { csvField, parseCsv, parseCsvRecords, type CsvRecord } from './csv.js';
export { applyCorrections, loadDefaultExamples, loadSeedExamples, SEED_EXAMPLES_FILE, type Correction, type Example, type ExampleSource } from './examples.js';
export { parseLabelledRows, type LabelledRow, type LabelledRows, type ParseLabelledOptions } from './labelled-rows.js';
export { evaluate, expectedCalibrationError, type CategoryMetrics, type Evaluation, type Prediction } from './metrics.js';
export {
  buildPrototypes, centerEmbedding, COSINE_TEMPERATURE, dot, normalize, softmax,
  type BuildPrototypesOptions, type ConfidenceLevel, type EmbeddedExample, type ExcludedCategory, type PrototypeSet, type ScoredCategory,
} from './prototypes.js';
export { inSlices, type EmbedFn } from './embed.js';
export { canonicalCategoryName, DEFAULT_TAXONOMY, isKnownCategory, type CategoryDefinition, type CategoryName } from './taxonomy.js';
export { calibrate, DEFAULT_CALIBRATION, fitCalibration, levelFor, reliability, thresholdForPrecision, type Calibration, type ReliabilityBin } from './calibration.js';
export {
  applyMemory, decide, directionPrior, embeddingScores, DECIDE_DEFAULTS,
  type DecideInput, type DecideOptions, type Decision, type DecisionSource, type EmbeddingMethod, type Explanation, type Knowledge, type Lookups, type MemoryHit,
} from './decide.js';
export { loadLookups } from './lookups.js';
export { combineFallback, nameDistribution, nameOutvotes, nameThresholds, FALLBACK_WEIGHTS, NAME_OVERRIDES, NAME_THRESHOLDS } from './name-decision.js';
export { createDecider, type Attribution, type Decider, type DecideRequest } from './decider.js';
export { fitSoftmaxHead, headLogits, MIN_HEAD_EXAMPLES, type SoftmaxHead } from './head.js';
export { buildExemplarIndex, knnScores, type ExemplarIndex, type Neighbor } from './knn.js';
export {
  buildKnowledge, dressAsStatementLine, embeddingText, fitKnowledge, fromStored, stratifiedFolds, toStored, withNameModel,
  type BuildKnowledgeOptions, type BuiltKnowledge, type LabelledExample, type StoredKnowledge,
} from './knowledge.js';
export {
  nameFeatures, nameModelFromJSON, nameModelToJSON, nameProbabilities, nameWords, trainNameModel, NAME_MODEL_DEFAULTS,
  type NameExample, type NameModel, type NameModelJSON, type NgramConfig, type TrainNameOptions,
} from './name-model.js';
export {
  balancedPcard, buildNameModel, isInnerValidation, PCARD_BALANCE, loadBrandNames, loadPcardTrain, nameModelFor, nameText, pcardSplitKey, scoreNameModel, PCARD_TRAIN_FILE, SOURCE_WEIGHTS,
  type BuildNameOptions, type NameTrainingData,
} from './name-model-build.js';
