// Errors classified by what the caller should do. Each edge maps them once: HTTP status in the API
// (400/413/422/429/503), BullMQ outcome in the worker (UnrecoverableError vs retry with backoff).
export type ErrorKind = 'validation' | 'not_retryable' | 'retryable' | 'overloaded';

export class ContractError extends Error {
  readonly issues: unknown[];
  readonly retryAfterMs: number | undefined;
  constructor(
    readonly kind: ErrorKind,
    message: string,
    options: { cause?: unknown; issues?: unknown[]; retryAfterMs?: number } = {},
  ) {
    super(message, { cause: options.cause });
    this.name = 'ContractError';
    this.issues = options.issues ?? [];
    this.retryAfterMs = options.retryAfterMs;
  }

  get retryable(): boolean {
    return this.kind === 'retryable' || this.kind === 'overloaded';
  }
}
