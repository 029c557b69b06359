// Embeddings shared through Redis: every process that uses the same model reads what another
// already computed. Values are raw little-endian float32 bytes with a TTL.
import { createHash } from 'node:crypto';
import type { Redis } from 'ioredis';
import type { EmbedFn } from './knowledge.js';

export interface RedisEmbeddingCacheOptions {
  redis: Redis;
  /** Identifies the model (its sha256): another model never reads these vectors. */
  modelFingerprint: string;
  ttlSeconds?: number;
}

export function createRedisEmbeddingCache({ redis, modelFingerprint, ttlSeconds = 7 * 24 * 3600 }: RedisEmbeddingCacheOptions) {
  const prefix = `txcat:emb:${modelFingerprint.slice(0, 16)}:`;
  const keyOf = (text: string) => prefix + createHash('sha1').update(text).digest('hex');
  let hits = 0;
  let misses = 0;
  return {
    stats: () => ({ hits, misses }),
    /** Wraps an embed function: cached texts cost one MGET, the rest one call to `embed`. */
    wrap(embed: EmbedFn): EmbedFn {
      return async (texts) => {
        if (texts.length === 0) return [];
        const cached = await redis.mgetBuffer(...texts.map(keyOf));
        const missing = [...new Set(texts.filter((_, i) => cached[i] === null))];
        hits += texts.length - texts.filter((_, i) => cached[i] === null).length;
        misses += missing.length;
        const fresh = new Map<string, Float32Array>();
        if (missing.length > 0) {
          const vectors = await embed(missing);
          const pipeline = redis.pipeline();
          missing.forEach((text, i) => {
            const v = vectors[i] as Float32Array;
            fresh.set(text, v);
            pipeline.set(keyOf(text), Buffer.from(v.buffer, v.byteOffset, v.byteLength), 'EX', ttlSeconds);
          });
          await pipeline.exec();
        }
        return texts.map((text, i) => {
          const bytes = cached[i];
          if (bytes == null) return fresh.get(text) as Float32Array;
          return new Float32Array(bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength));
        });
      };
    },
  };
}
