// Writes one model folder from bytes already in memory: every file is hashed before anything is
// written, so a build that does not reproduce the committed manifest changes nothing on disk.
import { createHash } from 'node:crypto';
import { existsSync } from 'node:fs';
import { mkdir, readFile, rename, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { InferenceError } from '../inference-error.js';
import { MODEL_FILES, parseManifest, type ModelManifest } from '../model-dir.js';

/** The folder's files in manifest order (the order is part of the manifest's bytes). */
export type ModelFiles = Array<[file: string, bytes: Uint8Array]>;

export interface WriteModelOptions {
  dir: string;
  files: ModelFiles;
  /** Every manifest field but `files`, in output order. */
  describe: Omit<ModelManifest, 'files'>;
  /** Write even when the committed manifest lists other sha256s (an intended builder change). */
  updateManifest?: boolean;
}

const sha256 = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex');

async function writeAtomically(file: string, bytes: Uint8Array): Promise<void> {
  await mkdir(path.dirname(file), { recursive: true });
  const tmp = `${file}.${process.pid}.tmp`;
  await writeFile(tmp, bytes);
  await rename(tmp, file);
}

async function readCommitted(manifestPath: string): Promise<ModelManifest | undefined> {
  if (!existsSync(manifestPath)) return undefined;
  return parseManifest(JSON.parse(await readFile(manifestPath, 'utf8')), manifestPath);
}

/** Lists every file whose fresh sha256 differs from (or is absent in) the committed manifest. */
export function compareWithManifest(fresh: ModelManifest['files'], committed: ModelManifest['files']): string[] {
  const names = [...new Set([...Object.keys(committed), ...Object.keys(fresh)])];
  return names.flatMap((file) => {
    const want = committed[file]?.sha256;
    const got = fresh[file]?.sha256;
    return want === got ? [] : [`${file}: built ${got ?? '(not built)'}, manifest has ${want ?? '(not listed)'}`];
  });
}

export async function writeModelFolder(opts: WriteModelOptions): Promise<ModelManifest> {
  const manifestPath = path.join(opts.dir, MODEL_FILES.manifest);
  const files: ModelManifest['files'] = {};
  for (const [file, bytes] of opts.files) files[file] = { sha256: sha256(bytes), bytes: bytes.byteLength };
  const committed = await readCommitted(manifestPath);
  const mismatches = committed ? compareWithManifest(files, committed.files) : [];
  if (mismatches.length > 0 && !opts.updateManifest) {
    throw new InferenceError(
      'internal',
      `the ${opts.describe.variant} model does not reproduce ${manifestPath} (different weights package or builder):\n  ${mismatches.join('\n  ')}\n` +
        'Nothing was written. If the change is intended, rebuild with --update-manifest and commit the new manifest.',
    );
  }
  for (const [file, bytes] of opts.files) await writeAtomically(path.join(opts.dir, file), bytes);
  const manifest: ModelManifest = { ...opts.describe, files };
  await writeAtomically(manifestPath, Buffer.from(`${JSON.stringify(manifest, null, 2)}\n`));
  return manifest;
}
