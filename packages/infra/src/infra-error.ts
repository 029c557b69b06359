export type InfraErrorCode = 'missing_binary' | 'start_failed' | 'invalid_option' | 'port_in_use';

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
