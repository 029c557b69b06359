import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { compareWithManifest, writeModelFolder } from './write-model.js';

const describeModel = { name: 't', variant: 'int8', dimensions: 4, maxTokens: 8, pooling: 'mean', normalize: true } as const;

describe('compareWithManifest', () => {
  it('names changed, missing and unlisted files', () => {
    const f = (sha: string) => ({ sha256: sha.repeat(64), bytes: 1 });
    expect(compareWithManifest({ a: f('1'), b: f('2'), c: f('3') }, { a: f('1'), b: f('9'), d: f('4') })).toEqual([
      `b: built ${'2'.repeat(64)}, manifest has ${'9'.repeat(64)}`,
      `d: built (not built), manifest has ${'4'.repeat(64)}`,
      `c: built ${'3'.repeat(64)}, manifest has (not listed)`,
    ]);
  });
});

describe('writeModelFolder', () => {
  it('writes the files and a manifest in a fixed order, and refuses other bytes later', async () => {
    const dir = await mkdtemp(path.join(tmpdir(), 'txcat-write-'));
    try {
      const files: Array<[string, Uint8Array]> = [['onnx/model.onnx', Buffer.from('model')], ['config.json', Buffer.from('{}')]];
      const manifest = await writeModelFolder({ dir, files, describe: describeModel });
      expect(Object.keys(manifest)).toEqual(['name', 'variant', 'dimensions', 'maxTokens', 'pooling', 'normalize', 'files']);
      expect(Object.keys(manifest.files)).toEqual(['onnx/model.onnx', 'config.json']);
      expect(manifest.files['config.json']).toEqual({ sha256: '44136fa355b3678a1146ad16f7e8649e94fb4fc21fe77e8310c060f61caaff8a', bytes: 2 });
      expect(await readFile(path.join(dir, 'manifest.json'), 'utf8')).toBe(`${JSON.stringify(manifest, null, 2)}\n`);
      const changed: Array<[string, Uint8Array]> = [['onnx/model.onnx', Buffer.from('other')], ['config.json', Buffer.from('{}')]];
      await expect(writeModelFolder({ dir, files: changed, describe: describeModel })).rejects.toThrow(/onnx\/model\.onnx: built/);
      expect(await readFile(path.join(dir, 'onnx/model.onnx'), 'utf8')).toBe('model');
      await writeModelFolder({ dir, files: changed, describe: describeModel, updateManifest: true });
      expect(await readFile(path.join(dir, 'onnx/model.onnx'), 'utf8')).toBe('other');
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});
