// The model's tokenizer over @huggingface/tokenizers, which encodes one text at a time and ignores
// tokenizer.json's padding and truncation: both are done here. A batch is padded to its longest
// member, never to a fixed length: statement lines are ~10-25 tokens, the model takes 512.
import { readFile } from 'node:fs/promises';
import { Tokenizer } from '@huggingface/tokenizers';
import { InferenceError } from './inference-error.js';

export interface EncodedBatch {
  batch: number;
  seqLen: number;
  inputIds: BigInt64Array;
  attentionMask: BigInt64Array;
  tokenTypeIds: BigInt64Array;
  /** Real (unpadded) length of each member. */
  lengths: number[];
}

export interface TextTokenizer {
  maxTokens: number;
  /** Token ids of one text with special tokens, truncated to maxTokens (the last token kept). */
  encode(text: string): number[];
  countTokens(text: string): number;
  encodeBatch(texts: string[]): EncodedBatch;
}

/** Pads token id lists to the longest of them (pad id 0, attention 0). */
export function padBatch(encoded: number[][]): EncodedBatch {
  if (encoded.length === 0 || encoded.some((ids) => ids.length === 0)) {
    throw new InferenceError('invalid_input', 'padBatch needs at least one token list, and no empty ones');
  }
  const seqLen = Math.max(...encoded.map((e) => e.length));
  const size = encoded.length * seqLen;
  const inputIds = new BigInt64Array(size);
  const attentionMask = new BigInt64Array(size);
  encoded.forEach((ids, b) => {
    ids.forEach((id, s) => {
      inputIds[b * seqLen + s] = BigInt(id);
      attentionMask[b * seqLen + s] = 1n;
    });
  });
  return { batch: encoded.length, seqLen, inputIds, attentionMask, tokenTypeIds: new BigInt64Array(size), lengths: encoded.map((e) => e.length) };
}

export async function loadTokenizer(file: string, maxTokens: number): Promise<TextTokenizer> {
  if (!Number.isInteger(maxTokens) || maxTokens < 2) throw new InferenceError('invalid_option', `maxTokens must be an integer >= 2, got ${maxTokens}`);
  const json = JSON.parse(await readFile(file, 'utf8')) as object;
  const tokenizer = new Tokenizer(json, {});

  function encode(text: string): number[] {
    if (typeof text !== 'string' || text.trim() === '') throw new InferenceError('invalid_input', 'a text to embed must be a non-empty string');
    const ids = tokenizer.encode(text).ids;
    if (ids.length <= maxTokens) return ids;
    // Keep [CLS] + the first maxTokens-2 content tokens + the closing [SEP].
    return [...ids.slice(0, maxTokens - 1), ids[ids.length - 1] as number];
  }

  return {
    maxTokens,
    encode,
    countTokens: (text) => encode(text).length,
    encodeBatch: (texts) => padBatch(texts.map(encode)),
  };
}
