// The convenience most callers want: an embed function plus a prototype set, classifying texts.
import { ClassifierError } from './classifier-error.js';
import { normalizeStatementLine } from './normalize.js';
import { classifyWith, parseClassifyOptions, type Classification, type ClassifyOptions, type PrototypeSet } from './prototypes.js';

export type EmbedFn = (texts: string[]) => Promise<Float32Array[]>;

export interface ClassifierOptions extends ClassifyOptions {
  embed: EmbedFn;
  prototypes: PrototypeSet;
  /**
   * Turns a statement line into the text that is embedded; must match what the prototypes' examples
   * went through. Default: normalizeStatementLine. Pass `(t) => t` to embed lines as they are.
   */
  prepare?: (text: string) => string;
}

export interface Classifier {
  classify(texts: string[]): Promise<Classification[]>;
  close(): Promise<void>;
}

export function createClassifier(options: ClassifierOptions): Classifier {
  const { embed, prototypes, prepare = normalizeStatementLine, ...classifyOptions } = options;
  if (typeof embed !== 'function') throw new ClassifierError('invalid_option', 'embed must be a function (texts: string[]) => Promise<Float32Array[]>');
  if (!prototypes || !Array.isArray(prototypes.categories) || prototypes.categories.length === 0) {
    throw new ClassifierError('invalid_option', 'prototypes must be a non-empty PrototypeSet: build one with buildPrototypes(examples)');
  }
  const parsed = parseClassifyOptions(classifyOptions);
  return {
    async classify(texts) {
      if (!Array.isArray(texts) || texts.some((t) => typeof t !== 'string')) throw new ClassifierError('invalid_input', 'classify takes an array of strings');
      if (texts.length === 0) return [];
      const embeddings = await embed(texts.map(prepare));
      if (!Array.isArray(embeddings) || embeddings.length !== texts.length) {
        throw new ClassifierError('invalid_input', `embed returned ${Array.isArray(embeddings) ? embeddings.length : 'no'} embeddings for ${texts.length} texts`);
      }
      return embeddings.map((e) => classifyWith(e, prototypes, parsed));
    },
    // Holds no resources of its own (the embed function's owner closes the model); kept so that
    // every createX() has close().
    async close() {},
  };
}
