// The two-tier cache against a real Redis: a text is embedded once however many processes ask.
import { randomBytes } from 'node:crypto';
import { Redis } from 'ioredis';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { inject } from 'vitest';
import { createEmbeddingCache } from '../src/index.js';

let redis: Redis;
beforeAll(() => {
  redis = new Redis(inject('redisUrl'));
});
afterAll(() => redis.disconnect());

/** A fake model: the vector is the text's length and char codes, and every call is counted. */
function countingEmbed() {
  const calls: string[][] = [];
  const embed = async (texts: string[]) => {
    calls.push(texts);
    return texts.map((t) => Float32Array.of(t.length, t.charCodeAt(0), t.charCodeAt(t.length - 1)));
  };
  return { calls, embed };
}

describe('createEmbeddingCache', () => {
  it('embeds each distinct normalized text once, across processes sharing Redis', async () => {
    const model = `test-${randomBytes(4).toString('hex')}`;
    const a = createEmbeddingCache({ redis, model });
    const b = createEmbeddingCache({ redis, model }); // another worker process
    const first = countingEmbed();
    const out = await a.wrap(first.embed)(['UBER *TRIP', 'uber  *trip', 'NETFLIX.COM']);
    expect(first.calls).toEqual([['UBER *TRIP', 'NETFLIX.COM']]);
    expect(out[0]).toEqual(out[1]);
    const second = countingEmbed();
    const again = await b.wrap(second.embed)(['Uber *Trip', 'NETFLIX.COM', 'SHELL OIL']);
    expect(second.calls).toEqual([['SHELL OIL']]);
    expect(again[0]).toEqual(out[0]);
    expect(b.stats()).toMatchObject({ redisHits: 2, misses: 1, localHits: 0 });
    await b.wrap(second.embed)(['uber *trip']);
    expect(b.stats().localHits).toBe(1);
    const ttl = await redis.ttl((await redis.keys(`txcat:emb:${model}:*`))[0]!);
    expect(ttl).toBeGreaterThan(0);
  });

  it('never mixes vectors of different models, and stores raw float32 bytes', async () => {
    const m1 = `m1-${randomBytes(4).toString('hex')}`;
    const one = createEmbeddingCache({ redis, model: m1 });
    const two = createEmbeddingCache({ redis, model: `m2-${randomBytes(4).toString('hex')}` });
    await one.wrap(async (t) => t.map(() => Float32Array.of(1, 2)))(['same text']);
    const counted = countingEmbed();
    await two.wrap(counted.embed)(['same text']);
    expect(counted.calls).toHaveLength(1);
    const [key] = await redis.keys(`txcat:emb:${m1}:*`);
    expect((await redis.getBuffer(key!))!.byteLength).toBe(8);
  });

  it('validates its options', () => {
    expect(() => createEmbeddingCache({ model: ' ' })).toThrow('model must name the model');
    expect(() => createEmbeddingCache({ model: 'm', ttlSeconds: 0 })).toThrow('ttlSeconds must be a positive integer');
  });
});
