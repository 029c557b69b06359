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

function threads(name: string, value: number): number {
  if (!Number.isInteger(value) || value < 1) throw new InferenceError('invalid_option', `${name} must be a positive integer, got ${value}`);
  return value;
}

export async function createSession(modelDir: string, options: Omit<EmbedderOptions, 'modelDir'> = {}) {
  const o = { ...EMBEDDER_DEFAULTS, ...options };
  return ort.InferenceSession.create(path.join(modelDir, MODEL_FILES.onnx), {
    intraOpNumThreads: threads('intraOpNumThreads', o.intraOpNumThreads),
    interOpNumThreads: threads('interOpNumThreads', o.interOpNumThreads),
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
  const outputs = await session.run(feeds);
  try {
    const hidden = outputs[session.outputNames[0] as string] as ort.Tensor;
    return meanPoolNormalize(hidden.data as Float32Array, batch.lengths, batch.seqLen, dimensions);
  } finally {
    for (const t of Object.values(outputs)) t.dispose();
  }
}

export async function createEmbedder(options: EmbedderOptions): Promise<Embedder> {
  const manifest = await loadModelDir(options.modelDir);
  const tokenizer = await loadTokenizer(path.join(options.modelDir, MODEL_FILES.tokenizer), manifest.maxTokens);
  const session = await createSession(options.modelDir, options);
  const embedEncoded = (batch: EncodedBatch) => runEncoded(session, batch, manifest.dimensions);
  return {
    modelDir: options.modelDir,
    manifest,
    dimensions: manifest.dimensions,
    tokenizer,
    embedEncoded,
    async embed(texts) {
      if (texts.length === 0) return [];
      return embedEncoded(tokenizer.encodeBatch(texts));
    },
    countTokens: (text) => tokenizer.countTokens(text),
    close: () => session.release(),
  };
}
