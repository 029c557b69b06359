// A model folder in the common Hugging Face layout: onnx/model.onnx, tokenizer.json, config.json,
// and (for models txcat built) manifest.json with the sha256 of every file.
import { createHash } from 'node:crypto';
import { createReadStream, existsSync } from 'node:fs';
import { readdir, readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import { InferenceError } from './inference-error.js';

export type ModelVariant = 'fp32' | 'int8';
export const MODEL_VARIANTS: readonly ModelVariant[] = ['fp32', 'int8'];
export const DEFAULT_MODEL_NAME = 'all-minilm-l6-v2';

export interface ManifestFile {
  sha256: string;
  bytes: number;
}

export interface ModelManifest {
  name: string;
  variant: string;
  dimensions: number;
  maxTokens: number;
  pooling: 'mean';
  normalize: boolean;
  source?: { package: string; version: string };
  files: Record<string, ManifestFile>;
}

export const MODEL_FILES = {
  onnx: 'onnx/model.onnx', tokenizer: 'tokenizer.json', tokenizerConfig: 'tokenizer_config.json', config: 'config.json', manifest: 'manifest.json',
} as const;

/** The folder of a built variant under a models root: models/all-minilm-l6-v2[-int8]. */
export function defaultModelDir(modelsRoot: string, variant: ModelVariant): string {
  return path.join(modelsRoot, variant === 'fp32' ? DEFAULT_MODEL_NAME : `${DEFAULT_MODEL_NAME}-${variant}`);
}

async function readJson(file: string): Promise<unknown> {
  const text = await readFile(file, 'utf8');
  try {
    return JSON.parse(text) as unknown;
  } catch (cause) {
    throw new InferenceError('invalid_input', `${file} is not valid JSON; restore it (npm run build rebuilds txcat's own models)`, { cause });
  }
}

export async function sha256File(file: string): Promise<string> {
  const hash = createHash('sha256');
  for await (const chunk of createReadStream(file)) hash.update(chunk as Buffer);
  return hash.digest('hex');
}

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
const isPositiveInteger = (v: unknown): v is number => Number.isInteger(v) && (v as number) > 0;

/** Validates a parsed manifest.json; `where` names the file in the error. */
export function parseManifest(value: unknown, where = 'manifest.json'): ModelManifest {
  const problems: string[] = [];
  const m = isObject(value) ? value : {};
  if (!isObject(value)) problems.push('it is not a JSON object');
  if (typeof m.name !== 'string' || m.name === '') problems.push('name must be a non-empty string');
  if (typeof m.variant !== 'string' || m.variant === '') problems.push('variant must be a non-empty string');
  if (!isPositiveInteger(m.dimensions)) problems.push('dimensions must be a positive integer');
  if (!isPositiveInteger(m.maxTokens) || (m.maxTokens as number) < 2) problems.push('maxTokens must be an integer >= 2');
  if (m.pooling !== 'mean') problems.push('pooling must be "mean" (the only pooling this package implements)');
  if (typeof m.normalize !== 'boolean') problems.push('normalize must be a boolean');
  const files = isObject(m.files) ? m.files : undefined;
  if (!files) problems.push('files must be an object of { sha256, bytes }');
  for (const [file, entry] of Object.entries(files ?? {})) {
    if (!isObject(entry) || typeof entry.sha256 !== 'string' || !/^[0-9a-f]{64}$/.test(entry.sha256) || !Number.isInteger(entry.bytes)) {
      problems.push(`files["${file}"] must be { sha256: 64 hex digits, bytes: integer }`);
    }
  }
  if (problems.length > 0) {
    throw new InferenceError('invalid_input', `${where} is not a valid model manifest: ${problems.join('; ')}. Rebuild it (npm run build) or delete it to use the folder's config.json`);
  }
  return value as ModelManifest;
}

/** Reads a model folder's description: its manifest, or one derived from config.json. */
export async function loadModelDir(dir: string): Promise<ModelManifest> {
  for (const file of [MODEL_FILES.onnx, MODEL_FILES.tokenizer, MODEL_FILES.config]) {
    if (!existsSync(path.join(dir, file))) {
      throw new InferenceError('invalid_input', `model folder ${dir} has no ${file}: run \`npm run build\` from the repository root, or point TXCAT_MODEL_DIR at a folder with onnx/model.onnx, tokenizer.json and config.json`);
    }
  }
  const manifestPath = path.join(dir, MODEL_FILES.manifest);
  if (existsSync(manifestPath)) return parseManifest(await readJson(manifestPath), manifestPath);
  const config = (await readJson(path.join(dir, MODEL_FILES.config))) as { hidden_size?: unknown; max_position_embeddings?: unknown };
  if (!isPositiveInteger(config.hidden_size)) throw new InferenceError('invalid_input', `${dir}/config.json has no hidden_size; it is not a transformer encoder config`);
  return {
    name: path.basename(dir),
    variant: 'custom',
    dimensions: config.hidden_size,
    maxTokens: isPositiveInteger(config.max_position_embeddings) ? config.max_position_embeddings : 512,
    pooling: 'mean',
    normalize: true,
    files: {},
  };
}

export interface FileCheck {
  file: string;
  ok: boolean;
  reason?: string;
}

/** Checks every file the manifest lists against its sha256. A folder without manifest has nothing to check. */
export async function verifyModelDir(dir: string): Promise<{ ok: boolean; files: FileCheck[] }> {
  const manifest = await loadModelDir(dir);
  const files: FileCheck[] = [];
  for (const [file, expected] of Object.entries(manifest.files)) {
    const full = path.join(dir, file);
    if (!existsSync(full)) {
      files.push({ file, ok: false, reason: 'missing' });
      continue;
    }
    const actual = await sha256File(full);
    files.push(actual === expected.sha256 ? { file, ok: true } : { file, ok: false, reason: `sha256 ${actual} != ${expected.sha256}` });
  }
  return { ok: files.every((f) => f.ok), files };
}

export interface DiscoveredModel {
  /** Folder name under the models root. */
  id: string;
  dir: string;
  manifest?: ModelManifest;
  /** True when every file the manifest lists matches its sha256; false with `problems` otherwise. */
  verified: boolean;
  problems: string[];
}

const verifiedCache = new Map<string, { stamp: string; result: { ok: boolean; files: FileCheck[] } }>();

/** A cheap fingerprint of a folder's files (size and mtime), so a re-check hashes only on change. */
async function stampOf(dir: string, files: string[]): Promise<string> {
  const parts = await Promise.all(files.map((f) => stat(path.join(dir, f)).then((s) => `${f}:${s.size}:${s.mtimeMs}`, () => `${f}:missing`)));
  return parts.join('|');
}

/**
 * Every model folder under `modelsRoot` (one level deep: a folder with onnx/model.onnx), each with
 * its manifest and whether its checksums verified. Hashes are recomputed only when a file changed.
 */
export async function discoverModels(modelsRoot: string): Promise<DiscoveredModel[]> {
  const entries = await readdir(modelsRoot, { withFileTypes: true }).catch(() => []);
  const found: DiscoveredModel[] = [];
  for (const entry of entries.filter((e) => e.isDirectory()).sort((a, b) => a.name.localeCompare(b.name))) {
    const dir = path.join(modelsRoot, entry.name);
    if (!existsSync(path.join(dir, MODEL_FILES.onnx)) && !existsSync(path.join(dir, MODEL_FILES.manifest))) continue;
    try {
      const manifest = await loadModelDir(dir);
      const stamp = await stampOf(dir, Object.keys(manifest.files));
      let cached = verifiedCache.get(dir);
      if (cached?.stamp !== stamp) {
        cached = { stamp, result: await verifyModelDir(dir) };
        verifiedCache.set(dir, cached);
      }
      const problems = cached.result.files.filter((f) => !f.ok).map((f) => `${f.file}: ${f.reason}`);
      found.push({ id: entry.name, dir, manifest, verified: cached.result.ok && Object.keys(manifest.files).length > 0, problems });
    } catch (error) {
      found.push({ id: entry.name, dir, verified: false, problems: [error instanceof Error ? error.message : String(error)] });
    }
  }
  return found;
}
