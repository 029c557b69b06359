export { createBatcher, validateBatcherOptions, BATCHER_DEFAULTS, type Batcher, type BatcherOptions, type BatchItem, type BatchTiming } from './batcher.js';
export { buildModels, type BuildModelsOptions, type BuildResult } from './build/build-model.js';
export { createEmbedder, createSession, resolveEmbedderOptions, runEncoded, EMBEDDER_DEFAULTS, type Embedder, type EmbedderOptions } from './embedder.js';
export { createEngine, type Engine, type EngineOptions, type EngineStats } from './engine.js';
export { InferenceError, type InferenceErrorCode } from './inference-error.js';
export {
  defaultModelDir, discoverModels, loadModelDir, parseManifest, sha256File, verifyModelDir, DEFAULT_MODEL_NAME, MODEL_FILES, MODEL_VARIANTS,
  type DiscoveredModel, type FileCheck, type ManifestFile, type ModelManifest, type ModelVariant,
} from './model-dir.js';
export { meanPoolNormalize } from './pooling.js';
export { createInferencePool, type InferencePool, type InferencePoolOptions } from './pool/pool.js';
export { loadTokenizer, padBatch, type EncodedBatch, type TextTokenizer } from './tokenizer.js';
