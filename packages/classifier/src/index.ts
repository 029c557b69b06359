export { ClassifierError, type ClassifierErrorCode } from './classifier-error.js';
export { createClassifier, type Classifier, type ClassifierOptions, type EmbedFn } from './classifier.js';
export { csvField, parseCsv, parseCsvRecords, type CsvRecord } from './csv.js';
export { applyCorrections, loadDefaultExamples, loadSeedExamples, SEED_EXAMPLES_FILE, type Correction, type Example, type ExampleSource } from './examples.js';
export { parseLabelledRows, type LabelledRow, type LabelledRows, type ParseLabelledOptions } from './labelled-rows.js';
export { evaluate, expectedCalibrationError, type CategoryMetrics, type Evaluation, type Prediction } from './metrics.js';
export {
  buildPrototypes, centerEmbedding, classifyEmbedding, classifyWith, dot, levelOf, normalize, parseClassifyOptions, softmax, CLASSIFY_DEFAULTS,
  type BuildPrototypesOptions, type Classification, type ClassifyOptions, type ConfidenceLevel, type EmbeddedExample, type ExcludedCategory,
  type PrototypeSet, type ScoredCategory,
} from './prototypes.js';
export { fitTemperature } from './temperature.js';
export { normalizeStatementLine, answerKeyText } from './normalize.js';
export { canonicalCategoryName, DEFAULT_TAXONOMY, isKnownCategory, type CategoryDefinition, type CategoryName } from './taxonomy.js';
export { inSlices, trainPrototypes, type LabelledText, type TrainOptions } from './train.js';
export { calibrate, DEFAULT_CALIBRATION, fitCalibration, levelFor, reliability, thresholdForPrecision, type Calibration, type ReliabilityBin } from './calibration.js';
export {
  answerWithMemory, applyMemory, decide, directionPrior, embeddingScores, DECIDE_DEFAULTS,
  type DecideInput, type DecideOptions, type Decision, type DecisionSource, type EmbeddingMethod, type Explanation, type Knowledge, type Lookups, type MemoryHit, type StoredAnswer,
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
