import { createTestDatabase } from '@txcat/infra';
// GET /v1/prototypes and /v1/calibration with several models on one database, through real HTTP.
// Versions are written directly (no worker, no model): what is checked is which one is shown.
import { randomBytes } from 'node:crypto';
import type { PrototypeVersionInput } from '@txcat/contracts';
import { createDb, migrate, savePrototypeVersion, type Db } from '@txcat/db';
import { seedDefaultTaxonomy } from '@txcat/training';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { createServer, type TxcatServer } from '../src/index.js';

let server: TxcatServer;
let store: Db;
let base: string;

beforeAll(async () => {
  const databaseUrl = await createTestDatabase(inject('databaseUrl'));
  await migrate({ databaseUrl });
  store = createDb({ databaseUrl });
  await seedDefaultTaxonomy(store.db);
  server = await createServer({ redisUrl: inject('redisUrl'), databaseUrl, prefix: `api-${randomBytes(4).toString('hex')}`, waitTimeoutMs: 300 });
  base = await server.app.listen({ port: 0, host: '127.0.0.1' });
});
afterAll(async () => {
  await server?.close();
  await store?.close();
});

const versionOf = (variant: string, temperature: number): PrototypeVersionInput => ({
  model: { name: 'all-minilm-l6-v2', variant }, center: new Float32Array(8), exemplars: [], head: null, replaces: null,
  prototypes: ['FOOD_AND_DRINK', 'TRAVEL'].map((category, i) => ({ category, vector: new Float32Array(8).fill(i + 1), exampleCount: 1 })),
  calibration: { temperature, highThreshold: 0.9, mediumThreshold: 0.6, reviewThreshold: 0.6, targetHighPrecision: 0.97 },
});
const get = async (path: string) => {
  const res = await fetch(base + path);
  return { status: res.status, body: (await res.json()) as Record<string, unknown> };
};

describe('the active version, per model', () => {
  it('is 404 before any version, saying how to get one', async () => {
    const r = await get('/v1/prototypes');
    expect(r.status).toBe(404);
    expect(r.body.error).toMatch(/no prototype version yet: start a worker/);
  });

  it('answers for ?model=name@variant, by default for the newest version\'s model, and lists every model', async () => {
    const int8 = await savePrototypeVersion(store.db, versionOf('int8', 0.5));
    const fp32 = await savePrototypeVersion(store.db, versionOf('fp32', 0.7));
    const newest = await get('/v1/prototypes');
    expect(newest.body).toMatchObject({ version: fp32, model: 'all-minilm-l6-v2@fp32', modelVariant: 'fp32', categories: ['FOOD_AND_DRINK', 'TRAVEL'] });
    expect((newest.body.models as Array<{ model: string; version: number }>).map((m) => [m.model, m.version])).toEqual([['all-minilm-l6-v2@fp32', fp32], ['all-minilm-l6-v2@int8', int8]]);
    expect((await get('/v1/prototypes?model=all-minilm-l6-v2@int8')).body).toMatchObject({ version: int8, model: 'all-minilm-l6-v2@int8' });
    expect((await get('/v1/calibration?model=all-minilm-l6-v2@int8')).body).toMatchObject({ version: int8, model: 'all-minilm-l6-v2@int8', temperature: 0.5 });
    expect((await get('/v1/calibration')).body).toMatchObject({ version: fp32, temperature: 0.7 });
  });

  it('says what is wrong with ?model', async () => {
    const bad = await get('/v1/prototypes?model=int8');
    expect(bad.status).toBe(422);
    expect(bad.body.error).toMatch(/model: must be name@variant/);
    const none = await get('/v1/calibration?model=all-minilm-l6-v2@fp16');
    expect(none.status).toBe(404);
    expect(none.body.error).toMatch(/no prototype version of all-minilm-l6-v2@fp16 yet/);
  });
});
