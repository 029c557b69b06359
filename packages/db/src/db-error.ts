export type DbErrorCode = 'unknown_category' | 'invalid_input' | 'migration_failed';

/** What went wrong, as a code the caller can act on (e.g. unknown_category is not retryable). */
export class DbError extends Error {
  constructor(
    readonly code: DbErrorCode,
    message: string,
    options?: { cause?: unknown },
  ) {
    super(message, options);
    this.name = 'DbError';
  }
}

/** The Postgres error under drizzle's wrapper (DrizzleQueryError keeps it as `cause`). */
function pgError(error: unknown): { code?: string; constraint?: string } | undefined {
  for (let e = error as { code?: string; constraint?: string; cause?: unknown } | undefined, i = 0; e && i < 4; e = e.cause as typeof e, i++) {
    if (typeof e.code === 'string' && /^[0-9A-Z]{5}$/.test(e.code)) return e;
  }
  return undefined;
}

/** Whether `error` is a foreign-key violation on a `category` column (a category not in the taxonomy). */
export function isUnknownCategory(error: unknown): boolean {
  const e = pgError(error);
  return e?.code === '23503' && (e.constraint ?? '').includes('_category_categories_name_fk');
}

export function invalidInput(message: string): DbError {
  return new DbError('invalid_input', message);
}
