// Option checks shared by the start functions: every problem is reported with what to pass instead.
import path from 'node:path';
import { InfraError } from './infra-error.js';

export type Log = (line: string) => void;

const invalid = (message: string) => new InfraError('invalid_option', message);

/** An absolute data folder from a non-empty string. */
export function checkDataDir(value: unknown): string {
  if (typeof value !== 'string' || value.trim() === '') throw invalid('dataDir must be a non-empty path (the folder where Redis and Postgres keep their data)');
  return path.resolve(value);
}

/** undefined or 0: pick a free port; otherwise an integer 1..65535. */
export function checkPort(value: unknown): number | undefined {
  if (value === undefined || value === 0) return undefined;
  if (typeof value !== 'number' || !Number.isInteger(value) || value < 0 || value > 65_535) {
    throw invalid(`port must be an integer from 0 to 65535 (0 or unset picks a free port), got ${String(value)}`);
  }
  return value;
}

export function checkLog(value: unknown): Log {
  if (value === undefined) return () => {};
  if (typeof value !== 'function') throw invalid('log must be a function taking one line of text');
  return value as Log;
}

/** undefined, or a URL whose scheme is one of `schemes`. */
export function checkUrl(name: string, value: unknown, schemes: string[]): string | undefined {
  if (value === undefined || value === '') return undefined;
  const ok = typeof value === 'string' && schemes.some((s) => value.startsWith(`${s}://`)) && URL.canParse(value);
  if (!ok) throw invalid(`${name} must be a URL starting with ${schemes.map((s) => `${s}://`).join(' or ')}, or left unset to start an embedded server`);
  return value;
}
