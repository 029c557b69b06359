export type InfraErrorCode = 'missing_binary' | 'start_failed' | 'invalid_option';

export class InfraError extends Error {
  constructor(
    readonly code: InfraErrorCode,
    message: string,
    options?: { cause?: unknown },
  ) {
    super(message, options);
    this.name = 'InfraError';
  }
}
