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
  clearByPrefix,
  createResultCache,
  RESULT_CACHE_DEFAULTS,
  resultCachePrefix,
  type ResultCache,
  type ResultCacheOptions,
  type ResultKey,
} from './result-cache.js';
