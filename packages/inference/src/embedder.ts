// One onnxruntime session over one model folder: texts in, normalized embeddings out.
import path from 'node:path';
import ort from 'onnxruntime-node';
import { InferenceError } from './inference-error.js';
import { loadModelDir, MODEL_FILES, type ModelManifest } from './model-dir.js';
import { meanPoolNormalize } from './pooling.js';
import { loadTokenizer, type EncodedBatch, type TextTokenizer } from './tokenizer.js';

export interface EmbedderOptions {
  modelDir: string;
  intraOpNumThreads?: number;
  interOpNumThreads?: number;
  graphOptimizationLevel?: 'disabled' | 'basic' | 'extended' | 'all';
}

export const EMBEDDER_DEFAULTS = { intraOpNumThreads: 1, interOpNumThreads: 1, graphOptimizationLevel: 'all' } as const;

export interface Embedder {
  modelDir: string;
  manifest: ModelManifest;
  dimensions: number;
  tokenizer: TextTokenizer;
  embed(texts: string[]): Promise<Float32Array[]>;
  /** Runs an already tokenized batch: what a pool thread does with a batch sent to it. */
  embedEncoded(batch: EncodedBatch): Promise<Float32Array[]>;
  countTokens(text: string): number;
  close(): Promise<void>;
}

const OPTIMIZATION_LEVELS = ['disabled', 'basic', 'extended', 'all'] as const;

function threads(name: string, value: unknown): number {
  if (!Number.isInteger(value) || (value as number) < 1) throw new InferenceError('invalid_option', `${name} must be a positive integer, got ${String(value)}`);
  return value as number;
}

/** Merges the defaults and checks every option, before any file is opened. */
export function resolveEmbedderOptions(options: EmbedderOptions): Required<EmbedderOptions> {
  if (typeof options !== 'object' || options === null) throw new InferenceError('invalid_option', 'createEmbedder needs an options object with modelDir');
  if (typeof options.modelDir !== 'string' || options.modelDir === '') {
    throw new InferenceError('invalid_option', 'modelDir must be a non-empty path to a folder with onnx/model.onnx, tokenizer.json and config.json');
  }
  const o = { ...EMBEDDER_DEFAULTS, ...options };
  if (!OPTIMIZATION_LEVELS.includes(o.graphOptimizationLevel)) {
    throw new InferenceError('invalid_option', `graphOptimizationLevel must be one of ${OPTIMIZATION_LEVELS.join(', ')}, got ${String(o.graphOptimizationLevel)}`);
  }
  return {
    modelDir: o.modelDir,
    intraOpNumThreads: threads('intraOpNumThreads', o.intraOpNumThreads),
    interOpNumThreads: threads('interOpNumThreads', o.interOpNumThreads),
    graphOptimizationLevel: o.graphOptimizationLevel,
  };
}

export async function createSession(modelDir: string, options: Omit<EmbedderOptions, 'modelDir'> = {}) {
  const o = resolveEmbedderOptions({ ...options, modelDir });
  return ort.InferenceSession.create(path.join(modelDir, MODEL_FILES.onnx), {
    intraOpNumThreads: o.intraOpNumThreads,
    interOpNumThreads: o.interOpNumThreads,
    graphOptimizationLevel: o.graphOptimizationLevel,
    executionMode: 'sequential',
  });
}

/** Runs a tokenized batch through a session; releases ORT's tensors before returning. */
export async function runEncoded(session: ort.InferenceSession, batch: EncodedBatch, dimensions: number): Promise<Float32Array[]> {
  const shape = [batch.batch, batch.seqLen];
  const feeds: Record<string, ort.Tensor> = {
    input_ids: new ort.Tensor('int64', batch.inputIds, shape),
    attention_mask: new ort.Tensor('int64', batch.attentionMask, shape),
  };
  if (session.inputNames.includes('token_type_ids')) feeds.token_type_ids = new ort.Tensor('int64', batch.tokenTypeIds, shape);
  let outputs: ort.InferenceSession.OnnxValueMapType | undefined;
  try {
    outputs = await session.run(feeds);
    // Exported models name the output last_hidden_state; fall back to the first one.
    const hidden = (outputs.last_hidden_state ?? outputs[session.outputNames[0] as string]) as ort.Tensor;
    const expected = batch.batch * batch.seqLen * dimensions;
    if (hidden.data.length !== expected) {
      throw new InferenceError('invalid_input', `the model returned ${hidden.data.length} values for a [${batch.batch}, ${batch.seqLen}] batch, expected ${expected}: its hidden size is not the manifest's ${dimensions} dimensions`);
    }
    return meanPoolNormalize(hidden.data as Float32Array, batch.lengths, batch.seqLen, dimensions);
  } finally {
    for (const t of Object.values(feeds)) t.dispose();
    for (const t of Object.values(outputs ?? {})) t.dispose();
  }
}

export async function createEmbedder(options: EmbedderOptions): Promise<Embedder> {
  const o = resolveEmbedderOptions(options);
  const manifest = await loadModelDir(o.modelDir);
  const tokenizer = await loadTokenizer(path.join(o.modelDir, MODEL_FILES.tokenizer), manifest.maxTokens);
  const session = await createSession(o.modelDir, o);
  let closed: Promise<void> | undefined;
  const open = () => {
    if (closed) throw new InferenceError('closed', 'this embedder was closed; create a new one with createEmbedder()');
  };
  const embedEncoded = async (batch: EncodedBatch) => {
    open();
    return runEncoded(session, batch, manifest.dimensions);
  };
  return {
    modelDir: o.modelDir,
    manifest,
    dimensions: manifest.dimensions,
    tokenizer,
    embedEncoded,
    async embed(texts) {
      if (!Array.isArray(texts)) throw new InferenceError('invalid_input', 'embed() takes an array of strings');
      open();
      if (texts.length === 0) return [];
      return embedEncoded(tokenizer.encodeBatch(texts));
    },
    countTokens: (text) => tokenizer.countTokens(text),
    close: () => (closed ??= session.release()),
  };
}
