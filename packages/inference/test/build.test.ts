// The build is deterministic and guards the committed manifests.
import { readFile, writeFile, mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildModels } from '../src/index.js';

const MODELS = path.resolve(import.meta.dirname, '../../../models');

describe('buildModels', () => {
  it('produces the same bytes as the committed manifest, every time', async () => {
    const committed = JSON.parse(await readFile(path.join(MODELS, 'all-minilm-l6-v2-int8/manifest.json'), 'utf8'));
    const a = await mkdtemp(path.join(tmpdir(), 'txcat-build-'));
    const b = await mkdtemp(path.join(tmpdir(), 'txcat-build-'));
    const [first] = await buildModels({ outDir: a, variants: ['int8'] });
    const [second] = await buildModels({ outDir: b, variants: ['int8'] });
    expect(first!.manifest.files).toEqual(second!.manifest.files);
    expect(first!.manifest.files).toEqual(committed.files);
    const [again] = await buildModels({ outDir: a, variants: ['int8'], ifMissing: true });
    expect(again!.action).toBe('skipped');
  });

  it('fails when a fresh build does not reproduce the manifest it is asked to match', async () => {
    const dir = await mkdtemp(path.join(tmpdir(), 'txcat-build-'));
    const [built] = await buildModels({ outDir: dir, variants: ['int8'] });
    const manifestPath = path.join(built!.dir, 'manifest.json');
    const manifest = JSON.parse(await readFile(manifestPath, 'utf8'));
    manifest.files['onnx/model.onnx'].sha256 = '0'.repeat(64);
    await writeFile(manifestPath, JSON.stringify(manifest));
    await expect(buildModels({ outDir: dir, variants: ['int8'], ifMissing: true })).rejects.toThrow(/not reproducing the committed model/);
  });
});
