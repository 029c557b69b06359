import { createHash } from 'node:crypto';
import { createReadStream, existsSync } from 'node:fs';
import path from 'node:path';
import { createEmbedder, defaultModelDir, type ModelVariant } from '@txcat/inference';
import type { Env } from './env.js';
import { UsageError } from './errors.js';

export type Embedder = Awaited<ReturnType<typeof createEmbedder>>;

/** The model folder this run uses: TXCAT_MODEL_DIR, else the built variant under TXCAT_MODELS_DIR. */
export function resolveModelDir(env: Env, variant: ModelVariant = env.TXCAT_MODEL_VARIANT): string {
  const dir = env.TXCAT_MODEL_DIR ?? defaultModelDir(env.TXCAT_MODELS_DIR, variant);
  if (!existsSync(path.join(dir, 'onnx', 'model.onnx'))) {
    const hint = env.TXCAT_MODEL_DIR
      ? 'TXCAT_MODEL_DIR must name a folder with onnx/model.onnx, tokenizer.json and config.json'
      : 'run `npm install` (or `npm run build`) from the repository root to build it';
    throw new UsageError(`no model at ${dir}: ${hint}`);
  }
  return dir;
}

export async function openEmbedder(env: Env, variant?: ModelVariant): Promise<Embedder> {
  return createEmbedder({ modelDir: resolveModelDir(env, variant) });
}

/** sha256 of the ONNX file: what identifies "the same model" for cached embeddings. */
export async function modelFingerprint(modelDir: string): Promise<string> {
  const hash = createHash('sha256');
  for await (const chunk of createReadStream(path.join(modelDir, 'onnx', 'model.onnx'))) hash.update(chunk as Buffer);
  return hash.digest('hex');
}
