// Embeddings cached in two tiers: an in-process LRU (bounded by bytes) in front of Redis, which
// every worker shares (raw float32 bytes, with a TTL). Keys are the normalized text under the
// model's identity, so a repeated merchant costs one inference in the whole fleet.
import { createHash } from 'node:crypto';
import type { Redis } from 'ioredis';
import { createLru } from './lru.js';

export type EmbedFn = (texts: string[]) => Promise<Float32Array[]>;

export interface EmbeddingCacheOptions {
  /** Shared tier; without it only the in-process tier is used. */
  redis?: Redis;
  /** Identifies model and variant (e.g. its sha256): vectors of another model are never read. */
  model: string;
  ttlSeconds?: number;
  /** Bound of the in-process tier, in bytes (0 turns it off). */
  maxBytes?: number;
  keyPrefix?: string;
}

export const EMBEDDING_CACHE_DEFAULTS = { ttlSeconds: 7 * 24 * 3600, maxBytes: 64 << 20, keyPrefix: 'txcat:emb:' } as const;

/** What makes two texts the same input to an uncased model: case and runs of white space do not. */
export function normalizeCacheText(text: string): string {
  return text.normalize('NFC').trim().replace(/\s+/g, ' ').toLowerCase();
}

function toBuffer(v: Float32Array): Buffer {
  return Buffer.from(v.buffer, v.byteOffset, v.byteLength);
}

function fromBuffer(b: Buffer): Float32Array {
  return new Float32Array(b.buffer.slice(b.byteOffset, b.byteOffset + b.byteLength));
}

export function createEmbeddingCache(options: EmbeddingCacheOptions) {
  const o = { ...EMBEDDING_CACHE_DEFAULTS, ...Object.fromEntries(Object.entries(options).filter(([, v]) => v !== undefined)) } as Required<Omit<EmbeddingCacheOptions, 'redis'>> & { redis?: Redis };
  if (o.model.trim() === '') throw new RangeError('model must name the model (e.g. its sha256) so that vectors of different models never mix');
  if (!Number.isInteger(o.ttlSeconds) || o.ttlSeconds <= 0) throw new RangeError(`ttlSeconds must be a positive integer, got ${o.ttlSeconds}`);
  const lru = createLru<Float32Array>({ maxBytes: o.maxBytes, sizeOf: (v) => v.byteLength + 64 });
  const prefix = `${o.keyPrefix}${o.model.slice(0, 32)}:`;
  const counts = { localHits: 0, redisHits: 0, misses: 0 };
  const keyOf = (normalized: string) => prefix + createHash('sha1').update(normalized).digest('base64url');

  /** Looks texts up in both tiers; undefined where neither has it. */
  async function getMany(texts: string[]): Promise<Array<Float32Array | undefined>> {
    const keys = texts.map((t) => keyOf(normalizeCacheText(t)));
    const found: Array<Float32Array | undefined> = keys.map((k) => lru.get(k));
    const remote = keys.map((k, i) => (found[i] === undefined ? k : null)).filter((k): k is string => k !== null);
    counts.localHits += texts.length - remote.length;
    if (remote.length > 0 && o.redis) {
      const values = await o.redis.mgetBuffer(...remote);
      const byKey = new Map(remote.map((k, i) => [k, values[i]]));
      keys.forEach((k, i) => {
        const bytes = found[i] === undefined ? byKey.get(k) : undefined;
        if (bytes) {
          found[i] = fromBuffer(bytes);
          lru.set(k, found[i] as Float32Array);
          counts.redisHits += 1;
        }
      });
    }
    counts.misses += found.filter((v) => v === undefined).length;
    return found;
  }

  async function setMany(texts: string[], vectors: Float32Array[]): Promise<void> {
    const pipeline = o.redis?.pipeline();
    texts.forEach((t, i) => {
      const key = keyOf(normalizeCacheText(t));
      lru.set(key, vectors[i] as Float32Array);
      pipeline?.set(key, toBuffer(vectors[i] as Float32Array), 'EX', o.ttlSeconds);
    });
    await pipeline?.exec();
  }

  return {
    getMany,
    setMany,
    /** An embed function that asks the cache first and `embed` only for distinct missing texts. */
    wrap(embed: EmbedFn): EmbedFn {
      return async (texts) => {
        const found = await getMany(texts);
        // One original text per missing key: the model sees real input (a cased model would
        // care), the key is the normalized form.
        const missing = new Map<string, string>();
        texts.forEach((t, i) => {
          const key = normalizeCacheText(t);
          if (found[i] === undefined && !missing.has(key)) missing.set(key, t);
        });
        if (missing.size === 0) return found as Float32Array[];
        const originals = [...missing.values()];
        const fresh = await embed(originals);
        await setMany(originals, fresh);
        const byKey = new Map([...missing.keys()].map((k, i) => [k, fresh[i] as Float32Array]));
        return texts.map((t, i) => found[i] ?? (byKey.get(normalizeCacheText(t)) as Float32Array));
      };
    },
    /** Forgets the in-process tier; the Redis tier expires by TTL or is cleared by key prefix. */
    clearLocal: () => lru.clear(),
    stats: () => ({ ...counts, hits: counts.localHits + counts.redisHits, local: lru.stats() }),
  };
}

export type EmbeddingCache = ReturnType<typeof createEmbeddingCache>;
