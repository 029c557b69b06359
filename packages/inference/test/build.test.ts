// The build is deterministic, reproduces the committed manifests, and refuses to overwrite a folder
// whose manifest it does not reproduce.
import { mkdtemp, readdir, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildModels, sha256File, verifyModelDir, type BuildResult } from '../src/index.js';

const MODELS = path.resolve(import.meta.dirname, '../../../models');
const readJson = async (file: string) => JSON.parse(await readFile(file, 'utf8'));
let first: BuildResult[];
let second: BuildResult[];
const dirs: string[] = [];

beforeAll(async () => {
  const [a, b] = await Promise.all([mkdtemp(path.join(tmpdir(), 'txcat-build-')), mkdtemp(path.join(tmpdir(), 'txcat-build-'))]);
  dirs.push(a, b);
  first = await buildModels({ outDir: a });
  second = await buildModels({ outDir: b });
}, 60_000);
afterAll(() => Promise.all(dirs.map((d) => rm(d, { recursive: true, force: true }))));

describe('buildModels', () => {
  it('builds both variants to the same bytes twice, and to the committed manifests', async () => {
    expect(first.map((r) => [r.variant, r.action])).toEqual([['fp32', 'built'], ['int8', 'built']]);
    for (const [i, result] of first.entries()) {
      const again = second[i]!;
      expect(await sha256File(path.join(result.dir, 'onnx/model.onnx'))).toBe(await sha256File(path.join(again.dir, 'onnx/model.onnx')));
      expect(await readFile(path.join(result.dir, 'manifest.json'))).toEqual(await readFile(path.join(again.dir, 'manifest.json')));
      const committed = await readJson(path.join(MODELS, path.basename(result.dir), 'manifest.json'));
      expect(result.manifest).toEqual(committed);
      expect(result.manifest).toMatchObject({ dimensions: 384, maxTokens: 512, pooling: 'mean', normalize: true });
    }
  });

  it('skips up-to-date variants with ifMissing, and rebuilds a corrupted one', async () => {
    const outDir = dirs[0]!;
    const onnx = path.join(first[1]!.dir, 'onnx/model.onnx');
    await writeFile(onnx, 'not a model');
    expect((await verifyModelDir(first[1]!.dir)).ok).toBe(false);
    const lines: string[] = [];
    const results = await buildModels({ outDir, ifMissing: true, log: (l) => lines.push(l) });
    expect(results.map((r) => r.action)).toEqual(['skipped', 'built']);
    expect(lines).toHaveLength(2);
    expect((await verifyModelDir(first[1]!.dir)).ok).toBe(true);
  });

  it('fails, writing nothing, when a fresh build does not reproduce the manifest in the folder', async () => {
    const dir = second[1]!.dir;
    const manifestPath = path.join(dir, 'manifest.json');
    const manifest = await readJson(manifestPath);
    manifest.files['config.json'].sha256 = '0'.repeat(64);
    await writeFile(manifestPath, JSON.stringify(manifest));
    const onnxBefore = (await stat(path.join(dir, 'onnx/model.onnx'))).mtimeMs;
    await expect(buildModels({ outDir: dirs[1]!, variants: ['int8'], ifMissing: true }))
      .rejects.toThrow(/does not reproduce .*manifest\.json[\s\S]*config\.json: built [0-9a-f]{64}, manifest has 0{64}/);
    expect((await stat(path.join(dir, 'onnx/model.onnx'))).mtimeMs).toBe(onnxBefore);
    expect(await readJson(manifestPath)).toEqual(manifest);
    expect((await readdir(path.join(dir, 'onnx'))).filter((f) => f.endsWith('.tmp'))).toEqual([]);
  });

  it('rejects bad options with a message saying what to pass', async () => {
    await expect(buildModels({ outDir: '' })).rejects.toThrow('outDir must be a non-empty path');
    await expect(buildModels({ outDir: dirs[0]!, variants: ['fp16' as 'fp32'] })).rejects.toThrow('variants must be among fp32, int8, got fp16');
  });
});
