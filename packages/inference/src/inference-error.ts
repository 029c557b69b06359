/** What the caller should do about an inference failure. */
export type InferenceErrorCode =
  | 'invalid_option' // fix the code or configuration
  | 'invalid_input' // fix the input
  | 'overloaded' // retry later, or add capacity
  | 'aborted' // the caller gave up
  | 'closed' // the engine was closed; create a new one
  | 'worker_crashed' // retryable: the thread was replaced
  | 'internal';

export class InferenceError extends Error {
  constructor(
    readonly code: InferenceErrorCode,
    message: string,
    options?: { cause?: unknown },
  ) {
    super(message, options);
    this.name = 'InferenceError';
  }

  get retryable(): boolean {
    return this.code === 'overloaded' || this.code === 'worker_crashed';
  }
}
