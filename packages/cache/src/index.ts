export { createLru, type LruOptions } from './lru.js';
export {
  createEmbeddingCache,
  EMBEDDING_CACHE_DEFAULTS,
  normalizeCacheText,
  type EmbedFn,
  type EmbeddingCache,
  type EmbeddingCacheOptions,
} from './embedding-cache.js';
export {
  answeringKey,
  clearByPrefix,
  createResultCache,
  RESULT_CACHE_DEFAULTS,
  resultCachePrefix,
  type Answering,
  type ResultCache,
  type ResultCacheOptions,
  type ResultKey,
} from './result-cache.js';
export { createFeedbackMemory, feedbackMemoryPrefix, type FeedbackMemory, type MemoryCounts, type MemoryLookup } from './feedback-memory.js';
