export { createLru, type LruOptions } from './lru.js';
export {
  createEmbeddingCache,
  EMBEDDING_CACHE_DEFAULTS,
  normalizeCacheText,
  type EmbedFn,
  type EmbeddingCache,
  type EmbeddingCacheOptions,
} from './embedding-cache.js';
