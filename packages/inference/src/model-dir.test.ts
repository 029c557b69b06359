import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { resolveEmbedderOptions } from './embedder.js';
import { defaultModelDir, parseManifest } from './model-dir.js';
import { meanPoolNormalize } from './pooling.js';
import { padBatch } from './tokenizer.js';

const manifest = {
  name: 'm', variant: 'int8', dimensions: 384, maxTokens: 512, pooling: 'mean', normalize: true,
  files: { 'onnx/model.onnx': { sha256: 'a'.repeat(64), bytes: 10 } },
};

describe('defaultModelDir', () => {
  it('maps a variant to its folder under the models root', () => {
    expect(defaultModelDir('/m', 'fp32')).toBe(path.join('/m', 'all-minilm-l6-v2'));
    expect(defaultModelDir('/m', 'int8')).toBe(path.join('/m', 'all-minilm-l6-v2-int8'));
  });
});

describe('parseManifest', () => {
  it('accepts a valid manifest', () => expect(parseManifest(manifest)).toEqual(manifest));

  it('lists every problem and names the file', () => {
    const bad = { ...manifest, dimensions: 0, pooling: 'cls', files: { 'x': { sha256: 'nope', bytes: 1 } } };
    expect(() => parseManifest(bad, '/d/manifest.json')).toThrow(
      /\/d\/manifest\.json is not a valid model manifest: dimensions must be a positive integer; pooling must be "mean".*; files\["x"\] must be/,
    );
    expect(() => parseManifest(null)).toThrow('it is not a JSON object');
  });
});

describe('padBatch', () => {
  it('pads to the longest member with id 0 and attention 0, and keeps real lengths', () => {
    const b = padBatch([[101, 7, 102], [101, 102]]);
    expect([b.batch, b.seqLen, b.lengths]).toEqual([2, 3, [3, 2]]);
    expect(Array.from(b.inputIds)).toEqual([101n, 7n, 102n, 101n, 102n, 0n]);
    expect(Array.from(b.attentionMask)).toEqual([1n, 1n, 1n, 1n, 1n, 0n]);
    expect(Array.from(b.tokenTypeIds)).toEqual([0n, 0n, 0n, 0n, 0n, 0n]);
  });

  it('rejects an empty batch', () => expect(() => padBatch([])).toThrow('at least one token list'));
});

describe('meanPoolNormalize', () => {
  it('averages only the real tokens, then L2-normalizes', () => {
    // batch 2, seqLen 2, dims 2; the second member's second position is padding (huge, must be ignored)
    const hidden = Float32Array.of(1, 0, 3, 4, 0, 2, 1000, 1000);
    const [a, b] = meanPoolNormalize(hidden, [2, 1], 2, 2);
    expect(Array.from(a!)).toEqual([Math.fround(2 / Math.hypot(2, 2)), Math.fround(2 / Math.hypot(2, 2))]);
    expect(Array.from(b!)).toEqual([0, 1]);
  });
});

describe('resolveEmbedderOptions', () => {
  it('fills the defaults', () => {
    expect(resolveEmbedderOptions({ modelDir: '/m' })).toEqual({ modelDir: '/m', intraOpNumThreads: 1, interOpNumThreads: 1, graphOptimizationLevel: 'all' });
  });

  it.each([
    [{ modelDir: '' }, 'modelDir must be a non-empty path'],
    [{ modelDir: '/m', intraOpNumThreads: 0 }, 'intraOpNumThreads must be a positive integer, got 0'],
    [{ modelDir: '/m', interOpNumThreads: 1.5 }, 'interOpNumThreads must be a positive integer, got 1.5'],
    [{ modelDir: '/m', graphOptimizationLevel: 'max' }, 'graphOptimizationLevel must be one of disabled, basic, extended, all, got max'],
  ])('rejects %j', (options, message) => {
    expect(() => resolveEmbedderOptions(options as never)).toThrow(message);
  });
});

describe('discoverModels', () => {
  it('lists model folders with their manifests and notices a changed file', async () => {
    const { mkdtemp, mkdir, writeFile } = await import('node:fs/promises');
    const { tmpdir } = await import('node:os');
    const { createHash } = await import('node:crypto');
    const { discoverModels } = await import('./model-dir.js');
    const root = await mkdtemp(path.join(tmpdir(), 'txcat-models-'));
    const files = { 'onnx/model.onnx': 'weights', 'tokenizer.json': '{}', 'config.json': '{"hidden_size": 8}' };
    const write = async (dir: string) => {
      await mkdir(path.join(root, dir, 'onnx'), { recursive: true });
      for (const [f, text] of Object.entries(files)) await writeFile(path.join(root, dir, f), text);
    };
    await write('good');
    const sums = Object.fromEntries(Object.entries(files).map(([f, t]) => [f, { sha256: createHash('sha256').update(t).digest('hex'), bytes: t.length }]));
    await writeFile(path.join(root, 'good', 'manifest.json'), JSON.stringify({ ...manifest, files: sums }));
    await write('plain'); // no manifest: usable, but nothing to verify
    await mkdir(path.join(root, 'not-a-model'));
    let found = await discoverModels(root);
    expect(found.map((m) => [m.id, m.verified, m.manifest?.variant])).toEqual([['good', true, 'int8'], ['plain', false, 'custom']]);
    await writeFile(path.join(root, 'good', 'onnx/model.onnx'), 'tampered');
    found = await discoverModels(root);
    expect(found[0]).toMatchObject({ id: 'good', verified: false, problems: [expect.stringMatching(/^onnx\/model\.onnx: sha256 /)] });
    expect(await discoverModels(path.join(root, 'absent'))).toEqual([]);
  });
});
