export type ClassifierErrorCode = 'invalid_input' | 'invalid_option' | 'unknown_category' | 'no_examples';

export class ClassifierError extends Error {
  constructor(
    readonly code: ClassifierErrorCode,
    message: string,
    options?: { cause?: unknown },
  ) {
    super(message, options);
    this.name = 'ClassifierError';
  }
}
