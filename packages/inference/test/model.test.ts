// The built model against reference numbers, and the embedder's batching, padding and truncation.
import { copyFile, mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createEmbedder, defaultModelDir, loadModelDir, verifyModelDir, type Embedder } from '../src/index.js';
import { STATEMENT_LINES } from './statement-lines.js';

const MODELS = path.resolve(import.meta.dirname, '../../../models');
const dot = (a: Float32Array, b: Float32Array) => a.reduce((s, x, i) => s + x * (b[i] as number), 0);
let fp32: Embedder;
let int8: Embedder;
const tempDirs: string[] = [];
const tempDir = async (): Promise<string> => {
  const dir = await mkdtemp(path.join(tmpdir(), 'txcat-model-'));
  tempDirs.push(dir);
  return dir;
};

beforeAll(async () => {
  fp32 = await createEmbedder({ modelDir: defaultModelDir(MODELS, 'fp32') });
  int8 = await createEmbedder({ modelDir: defaultModelDir(MODELS, 'int8') });
});
afterAll(async () => {
  await fp32.close();
  await int8.close();
  await Promise.all(tempDirs.map((d) => rm(d, { recursive: true, force: true })));
});

describe('the built fp32 model', () => {
  it('matches the reference all-MiniLM-L6-v2 embedding of "hello world" to 1e-3', async () => {
    const [v] = await fp32.embed(['hello world']);
    const reference = [-0.03448, 0.0311, 0.00672, 0.0261, -0.03946];
    reference.forEach((x, i) => expect(Math.abs((v as Float32Array)[i]! - x)).toBeLessThan(1e-3));
    expect(v).toHaveLength(384);
    expect(Math.sqrt(dot(v!, v!))).toBeCloseTo(1, 5);
  });

  it('gives a text the same embedding alone and padded inside a batch with a much longer text', async () => {
    const long = 'PAYMENT THANK YOU '.repeat(30);
    const [alone] = await fp32.embed(['UBER *TRIP']);
    const [, inBatch] = await fp32.embed([long, 'UBER *TRIP']);
    alone!.forEach((x, i) => expect(Math.abs(x - inBatch![i]!)).toBeLessThan(1e-5));
  });

  it('truncates a very long text to maxTokens, keeping the closing [SEP]', async () => {
    const long = Array.from({ length: 2000 }, (_, i) => `word${i}`).join(' ');
    expect(fp32.countTokens(long)).toBe(512);
    const ids = fp32.tokenizer.encode(long);
    expect(ids[0]).toBe(101);
    expect(ids.at(-1)).toBe(102);
    const [v] = await fp32.embed([long]);
    expect(Number.isFinite(v![0])).toBe(true);
  });

  it('rejects an empty text with a clear error', async () => {
    await expect(fp32.embed([''])).rejects.toThrow('non-empty string');
    await expect(fp32.embed(['  '])).rejects.toThrow('non-empty string');
    expect(await fp32.embed([])).toEqual([]);
  });

  it('pads a batch to its longest member and counts tokens per text', () => {
    const texts = ['UBER *TRIP', 'CHECKCARD 0412 SAFEWAY #1234 OAKLAND CA'];
    const batch = fp32.tokenizer.encodeBatch(texts);
    expect(batch.lengths).toEqual(texts.map((t) => fp32.countTokens(t)));
    expect(batch.seqLen).toBe(Math.max(...batch.lengths));
    expect(batch.inputIds).toHaveLength(2 * batch.seqLen);
  });
});

describe('createEmbedder', () => {
  it('validates options before opening anything, and refuses to embed once closed', async () => {
    await expect(createEmbedder({ modelDir: defaultModelDir(MODELS, 'int8'), intraOpNumThreads: 0 })).rejects.toThrow('intraOpNumThreads must be a positive integer');
    const e = await createEmbedder({ modelDir: defaultModelDir(MODELS, 'int8') });
    await e.close();
    await e.close();
    await expect(e.embed(['UBER *TRIP'])).rejects.toMatchObject({ code: 'closed' });
  });
});

describe('the int8 model', () => {
  it('stays within cosine 0.98 of fp32 on statement lines', async () => {
    const a = await fp32.embed(STATEMENT_LINES);
    const b = await int8.embed(STATEMENT_LINES);
    const cosines = a.map((v, i) => dot(v, b[i]!));
    expect(Math.min(...cosines)).toBeGreaterThanOrEqual(0.98);
    expect(cosines.reduce((s, c) => s + c, 0) / cosines.length).toBeGreaterThan(0.985);
  });
});

describe('model folders', () => {
  it('verify against the manifest and detect a corrupted file', async () => {
    expect((await verifyModelDir(defaultModelDir(MODELS, 'fp32'))).ok).toBe(true);
    const dir = await tempDir();
    const src = defaultModelDir(MODELS, 'int8');
    await mkdir(path.join(dir, 'onnx'));
    for (const f of ['onnx/model.onnx', 'config.json', 'manifest.json']) await copyFile(path.join(src, f), path.join(dir, f));
    await writeFile(path.join(dir, 'tokenizer.json'), '{"tampered": true}');
    const result = await verifyModelDir(dir);
    expect(result.ok).toBe(false);
    expect(result.files.find((f) => f.file === 'tokenizer.json')?.reason).toMatch(/sha256/);
  });

  it('accept a drop-in Hugging Face folder without manifest, and name what a folder lacks', async () => {
    const dir = await tempDir();
    await expect(loadModelDir(dir)).rejects.toThrow(/has no onnx\/model.onnx: run `npm run build`/);
    const src = defaultModelDir(MODELS, 'int8');
    await mkdir(path.join(dir, 'onnx'));
    for (const f of ['onnx/model.onnx', 'config.json', 'tokenizer.json']) await copyFile(path.join(src, f), path.join(dir, f));
    const manifest = await loadModelDir(dir);
    expect(manifest).toMatchObject({ dimensions: 384, maxTokens: 512, variant: 'custom' });
    const custom = await createEmbedder({ modelDir: dir });
    const [v] = await custom.embed(['hello world']);
    const [w] = await int8.embed(['hello world']);
    expect(dot(v!, w!)).toBeCloseTo(1, 6);
    await custom.close();
  });
});
